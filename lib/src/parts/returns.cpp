// Returned failed parts (退库单, 表12): owed, back, inspected by QC, booked into the defective
// warehouse by the warehouse.
#include "aftersales/parts/returns.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "parts/stock_moves.h"

namespace aftersales {
namespace {

PartReturn load_line(Context& ctx, const std::string& line) {
  FieldReader reader;
  const auto id = reader.integer("line", trim(line), 1, std::int64_t{1} << 53);
  reader.throw_if_any("part return", "`aftersales part returns` lists the lines owed");
  if (std::optional<PartReturn> found = ctx.store.part_returns().find_return(*id)) return *found;
  throw Error(ErrorCode::kNotFound, fmt::format("part return line {} does not exist", line),
              "`aftersales part returns` lists the lines owed");
}

// A return named by its RT- number or its line.
PartReturn load_return(Context& ctx, const std::string& ret) {
  const std::string given = trim(ret);
  if (given.rfind("RT-", 0) == 0) {
    if (auto found = ctx.store.part_returns().find_return_by_number(given)) return *found;
    throw Error(ErrorCode::kNotFound, fmt::format("part return {} does not exist", given),
                "`aftersales part returns` lists the returns and their numbers");
  }
  return load_line(ctx, given);
}

std::string label(const PartReturn& line) {
  return line.number.empty() ? fmt::format("part return line {}", line.id)
                             : fmt::format("part return {}", line.number);
}

AuditJson state_json(const PartReturn& line) {
  AuditJson json{{"wrong", line.wrong}};
  if (line.received_on) json["received_on"] = format_date(*line.received_on);
  if (!line.number.empty()) json["number"] = line.number;
  if (line.result) json["result"] = inspection_result_name(*line.result);
  if (!line.inspection_note.empty()) json["note"] = line.inspection_note;
  if (line.move_id) json["move"] = *line.move_id;
  return json;
}

void save(Context& ctx, const PartReturn& before, const PartReturn& after,
          const std::string& action) {
  ctx.store.part_returns().update_return(after);
  record_change(ctx, "part_return", std::to_string(after.id), action, state_json(before).dump(),
                state_json(after).dump());
}

}  // namespace

const char* inspection_result_name(InspectionResult result) {
  return result == InspectionResult::kPass ? "pass" : "fail";
}

bool owes_return(const Rules& rules, Money unit_price) {
  return unit_price > rules.parts.return_over;
}

Date return_due_on(const Rules& rules, Date owed_since) {
  return owed_since.plus_days(rules.parts.return_overdue_days);
}

bool return_overdue(const Rules& rules, const PartReturn& line, Date today) {
  return !line.received_on && today > return_due_on(rules, line.owed_since);
}

void each_part_return(Context& ctx, const ReturnQuery& query,
                      const std::function<void(const PartReturn&)>& visit) {
  const Date today = local_date(ctx.now(), ctx.rules.general.utc_offset);
  ctx.store.part_returns().each_return([&](const PartReturn& line) {
    if (!query.overdue || return_overdue(ctx.rules, line, today)) visit(line);
  });
}

PartReturn receive_part_return(Context& ctx, const std::string& line, const std::string& received,
                               bool wrong) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "recording a returned part (表12)");
  FieldReader reader;
  const std::optional<Date> on = reader.date("received", received);
  reader.throw_if_any("part return");
  PartReturn after;
  ctx.store.write([&] {
    const PartReturn before = load_line(ctx, line);
    if (before.received_on) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} came back already on {}", label(before),
                              format_date(*before.received_on)),
                  "a line comes back once; `aftersales part returns` shows it");
    }
    const Date today = local_date(ctx.now(), ctx.rules.general.utc_offset);
    if (*on < before.owed_since || *on > today) {
      reader.add("received", received,
                 fmt::format("a part comes back between its replacement ({}) and today ({})",
                             format_date(before.owed_since), format_date(today)));
      reader.throw_if_any(label(before));
    }
    after = before;
    after.received_on = on;
    after.wrong = wrong;
    after.number = fmt::format("RT-{}-{:06}", on->year(),
                               ctx.store.part_returns().next_return_number(on->year()));
    save(ctx, before, after, "receive");
  });
  return after;
}

PartReturn inspect_part_return(Context& ctx, const std::string& ret, const std::string& result,
                               const std::string& note) {
  require_role(ctx, ctx.rules.permissions.returns_inspection, "inspecting a returned part (表12)");
  FieldReader reader;
  const auto verdict = reader.choice("result", trim(result), {"pass", "fail"});
  const std::string text = reader.text("note", note);
  reader.throw_if_any("part return");
  PartReturn after;
  ctx.store.write([&] {
    const PartReturn before = load_return(ctx, ret);
    if (!before.received_on) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} ({} x{} of {}) has not come back; QC inspects a "
                              "returned part (表12)",
                              label(before), before.part, before.quantity, before.ticket),
                  fmt::format("record it back first: `aftersales part return {} --received DATE`",
                              before.id));
    }
    if (before.result) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} was inspected already ({})", label(before),
                              inspection_result_name(*before.result)),
                  "a return is inspected once");
    }
    after = before;
    after.result = *verdict == "pass" ? InspectionResult::kPass : InspectionResult::kFail;
    after.inspection_note = text;
    after.inspected_by = ctx.actor.user;
    save(ctx, before, after, "inspect");
  });
  return after;
}

PartReturn book_part_return(Context& ctx, const std::string& ret) {
  require_role(ctx, ctx.rules.permissions.parts_stock, "booking a returned part in (表12 退库)");
  PartReturn after;
  ctx.store.write([&] {
    const PartReturn before = load_return(ctx, ret);
    if (!before.result) {
      throw Error(
          ErrorCode::kRuleViolation,
          fmt::format("refused: {} is booked in after QC inspected it (质检部检验后, "
                      "库房办理退库); it has {}",
                      label(before), before.received_on ? "not been inspected" : "not come back"),
          "QC inspects it with `aftersales part inspect RETURN --result pass|fail`");
    }
    if (before.move_id) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} was booked in already (stock move {})", label(before),
                              *before.move_id),
                  "`aftersales part show " + before.part + "` shows its moves");
    }
    const StockMove move =
        move_stock(ctx, get_part(ctx, before.part), ctx.rules.parts.defective_warehouse,
                   MoveKind::kReturn, before.quantity, "表12 " + before.number,
                   fmt::format("{} {}", before.ticket, inspection_result_name(*before.result)));
    after = before;
    after.move_id = move.id;
    save(ctx, before, after, "book");
  });
  return after;
}

std::int64_t wrong_parts_received(Context& ctx, Date from, Date to) {
  return ctx.store.part_returns().count_wrong_received(from, to);
}

}  // namespace aftersales
