// Parts used on the work record (表6): their archive notes (重要部件更换记载) and the returns
// they owe (表12).
#include "parts/parts_used.h"

#include <fmt/format.h>

#include <algorithm>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/core/validation.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/returns.h"
#include "aftersales/store/store.h"
#include "aftersales/units/unit.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxPiecesUsed = 100'000;

std::string replacement_note(const PartUsed& used, const std::string& ticket) {
  return fmt::format("更换 {} {} x{} ({})", used.part, used.name, used.quantity, ticket);
}

void note_major_parts(Context& ctx, const Ticket& ticket, const WorkRecord& record) {
  std::vector<UnitNote> notes;
  bool read = false;
  for (const PartUsed& used : record.parts) {
    if (!used.major) continue;
    if (!read) {
      notes = ctx.store.archive().list_unit_notes(ticket.serial);
      read = true;
    }
    UnitNote note;
    note.serial = ticket.serial;
    note.kind = NoteKind::kPartReplacement;
    note.text = replacement_note(used, ticket.number);
    const bool noted = std::any_of(notes.begin(), notes.end(), [&](const UnitNote& n) {
      return n.kind == NoteKind::kPartReplacement && n.text == note.text;
    });
    if (noted) continue;
    note.at = record.finished;
    note.actor = ctx.actor.user;
    ctx.store.archive().insert_unit_note(note);
    record_change(ctx, "unit", note.serial, "note", "",
                  AuditJson{{"kind", note_kind_name(note.kind)}, {"text", note.text}}.dump());
  }
}

AuditJson return_json(const PartReturn& line) {
  return AuditJson{{"ticket", line.ticket},
                   {"part", line.part},
                   {"quantity", line.quantity},
                   {"owed_since", format_date(line.owed_since)}};
}

void owe_returns(Context& ctx, const Ticket& ticket, const WorkRecord& record) {
  PartReturnStore& returns = ctx.store.part_returns();
  const Date owed_since = local_date(record.finished, ctx.rules.general.utc_offset);
  std::vector<PartReturn> existing = returns.returns_of(ticket.id);
  for (const PartUsed& used : record.parts) {
    if (!owes_return(ctx.rules, used.unit_price)) continue;
    auto line = std::find_if(existing.begin(), existing.end(),
                             [&](const PartReturn& r) { return r.part == used.part; });
    if (line == existing.end()) {
      PartReturn owed;
      owed.ticket = ticket.number;
      owed.part = used.part;
      owed.quantity = used.quantity;
      owed.unit_price = used.unit_price;
      owed.owed_since = owed_since;
      returns.insert_return(ticket.id, owed);
      record_addition(ctx, "part_return", std::to_string(owed.id), return_json(owed));
      continue;
    }
    PartReturn kept = *line;
    existing.erase(line);
    if (kept.received_on) continue;  // back already: it stays as it came back
    if (kept.quantity == used.quantity && kept.owed_since == owed_since &&
        kept.unit_price == used.unit_price) {
      continue;
    }
    const AuditJson before = return_json(kept);
    kept.quantity = used.quantity;
    kept.unit_price = used.unit_price;
    kept.owed_since = owed_since;
    returns.update_return(kept);
    record_change(ctx, "part_return", std::to_string(kept.id), "edit", before.dump(),
                  return_json(kept).dump());
  }
  // Lines of parts the corrected record no longer uses owe nothing, unless they came back.
  for (const PartReturn& gone : existing) {
    if (gone.received_on) continue;
    returns.remove_return(gone.id);
    record_change(ctx, "part_return", std::to_string(gone.id), "remove", return_json(gone).dump(),
                  "");
  }
}

}  // namespace

std::vector<PartUsed> read_parts_used(Context& ctx, const std::vector<std::string>& texts,
                                      const std::string& subject) {
  FieldReader reader;
  std::vector<std::pair<std::string, std::int64_t>> wanted;
  for (const std::string& text : texts) {
    const std::string given = trim(text);
    const std::size_t colon = given.rfind(':');
    if (colon == std::string::npos || colon == 0) {
      reader.add("part", text, "give a part used as PARTNO:QTY, e.g. HP-100:1");
      continue;
    }
    const std::string number = reader.text("part", trim(given.substr(0, colon)), true);
    const auto quantity = reader.integer("part", trim(given.substr(colon + 1)), 1, kMaxPiecesUsed);
    if (number.empty() || !quantity) continue;
    auto same = std::find_if(wanted.begin(), wanted.end(),
                             [&](const auto& w) { return w.first == number; });
    if (same == wanted.end()) {
      wanted.emplace_back(number, *quantity);
    } else {
      same->second += *quantity;
    }
  }
  reader.throw_if_any(subject);
  std::vector<PartUsed> parts;
  for (const auto& [number, quantity] : wanted) {
    const Part part = get_part(ctx, number);
    PartUsed used;
    used.part = part.number;
    used.name = part.name;
    used.quantity = quantity;
    used.unit_price = part.unit_price;
    used.major = part.major;
    parts.push_back(std::move(used));
  }
  return parts;
}

void file_parts_used(Context& ctx, const Ticket& ticket, const WorkRecord& record) {
  ctx.store.part_returns().replace_parts_used(ticket.id, record.parts);
  note_major_parts(ctx, ticket, record);
  owe_returns(ctx, ticket, record);
}

}  // namespace aftersales
