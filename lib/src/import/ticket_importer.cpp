// Importing service requests (表3) through the same intake rules as `ticket open`: each
// imported ticket gets its coverage decided from the unit's warranty at its reported time.
#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <iterator>

#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/units/warranty.h"
#include "core/field_checks.h"
#include "import/entity_importer.h"
#include "import/importer_base.h"
#include "import/staged_record.h"

namespace aftersales {
namespace {

using Kind = ImportField::Kind;

constexpr std::size_t kUnitCacheLimit = 20'000;  // ~1 KB each: bounds memory (< 64 MB in all)
// Odometer readings kept for the staged rows' checks (~60 bytes each: < 64 MB); past it the
// stage is written and the readings read again from the ledger.
constexpr std::size_t kReadingLimit = 1 << 20;

class TicketImporter final : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;
  const char* entity() const override { return "ticket"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        // Rows without a number get the next of their reported year (SR-YYYY-NNNNNN).
        {"number", {"number", "单号", "申请单号", "服务单号"}, Kind::kText, true},
        {"unit", {"unit", "serial", "出厂编号"}},
        {"category", {"category", "故障类别", "故障分类"}},
        {"channel", {"channel", "报修方式", "渠道"}},
        {"description", {"description", "desc", "故障描述", "问题描述"}},
        {"reported_at", {"reported_at", "报修时间", "报修日期"}, Kind::kTime},
        {"priority", {"priority", "紧急程度", "优先级"}},
        {"km", {"km", "里程", "行驶里程"}, Kind::kInteger},
    };
    return all;
  }

  RowOutcome upsert(const RowValues& v, FieldReader& reader) override {
    return write(v, prepare(v, reader), reader, nullptr);
  }

  // The intake fields are read on the reader thread (no store needed).
  std::shared_ptr<void> prepare(const RowValues& v, FieldReader& reader) override {
    auto ticket = std::make_shared<Ticket>();
    const std::string number = trim(v[0].value_or(""));
    if (!number.empty()) ticket->number = check_code(reader, "number", number);
    read_ticket_intake(ctx_.rules, now_, reader, intake_of(v), *ticket);
    return ticket;
  }

  // A numbered row that the checks in C++ pass is staged (issue 13): the stage finds in SQL,
  // across rows, a number the file repeats or the ledger holds and a unit gone, and such a row
  // comes back here without a record, to be written row by row as before. Any other row is
  // written now, after the stage: a row written now sees every row before it in the ledger.
  RowOutcome write(const RowValues& v, const std::shared_ptr<void>& prepared, FieldReader& reader,
                   const SourceRecord* record) override {
    Ticket& ticket = *static_cast<Ticket*>(prepared.get());
    const bool staging = record != nullptr && replay_ && !ticket.number.empty() && stages();
    if (!staging) {
      flush_staged();
      forget_readings();  // this row may change them in the ledger
      ledger_has_readings_ = true;
    }
    std::string number = ticket.number;
    const std::string serial = trim(v[1].value_or(""));
    if (serial.empty()) reader.add("unit", "", "is missing; give the serial no. of the unit");
    const UnitAndModel* unit = serial.empty() ? nullptr : find_unit(serial);
    if (!serial.empty() && unit == nullptr) {
      reader.add(
          "unit", serial,
          fmt::format("unit \"{}\" is not in the factory archive; import the units first", serial));
    }
    if (unit != nullptr) {
      if (std::string problem = decide_intake(ctx_, unit->unit, unit->model, ticket);
          !problem.empty()) {
        reader.add("reported_at", v[5].value_or(""), problem);
      }
      if (std::string problem = staging ? staged_odometer_problem(unit->unit, ticket)
                                        : odometer_problem(ctx_, unit->unit, ticket);
          !problem.empty()) {
        reader.add("km", v[7].value_or(""), problem);
      }
    }
    if (!reader.ok()) return RowOutcome::kRejected;
    if (staging) {
      ticket.state = TicketState::kRegistered;
      ticket.resume_state = TicketState::kRegistered;
      ticket.opened_by = ctx_.actor.user;
      stage_->add(ticket, unit->unit.id, record->line, record->record,
                  [record] { return encode_record(*record); });
      note_reading(ticket);
      note_number(number);
      if (reading_count_ > kReadingLimit || stage_->full()) {
        flush_staged();
        forget_readings();
      }
      return RowOutcome::kNew;
    }
    if (number.empty()) {
      // The same call imported again (same unit, reported time and description) is matched like
      // a numbered row; any other row is a new call, numbered in file order as `ticket open`
      // numbers.
      const std::optional<std::string> same = ctx_.store.tickets().find_same_call(
          ticket.serial, ticket.reported_at, ticket.description);
      if (!same) return insert_numbered(ticket);
      number = *same;
    }
    ticket.number = number;

    // Most rows of an import are new: the insert comes first, the lookup only when it exists.
    ticket.state = TicketState::kRegistered;
    ticket.resume_state = TicketState::kRegistered;
    ticket.opened_by = ctx_.actor.user;
    if (ctx_.store.tickets().insert_if_new(ticket)) {
      note_number(number);
      return RowOutcome::kNew;
    }
    std::optional<Ticket> existing = ctx_.store.tickets().find(number);
    if (!existing) {
      throw Error(ErrorCode::kStorageUnavailable,
                  fmt::format("ticket {} exists and cannot be read", number));
    }
    check_not_twice(number, reader);
    if (!reader.ok()) return RowOutcome::kRejected;
    // Columns the file does not have keep the stored values (as for the archive's entities).
    if (std::any_of(v.begin(), v.end(), [](const auto& value) { return !value; })) {
      RowValues merged = values_of(snapshot(*existing));
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i]) merged[i] = v[i];
      }
      FieldReader again;
      read_ticket_intake(ctx_.rules, now_, again, intake_of(merged), ticket);
      if (const UnitAndModel* merged_unit = find_unit(ticket.serial)) {
        decide_intake(ctx_, merged_unit->unit, merged_unit->model, ticket);
      }
    }
    if (snapshot(ticket) == snapshot(*existing)) return unchanged(number);
    // Intake data only: a ticket in work is changed with the ticket commands, and its coverage
    // stays as frozen at intake.
    if (existing->state != TicketState::kRegistered) {
      reader.add("number", number,
                 fmt::format("ticket {} is {}; an import changes only registered tickets: change "
                             "it with the ticket commands",
                             number, state_name(existing->state)));
      return RowOutcome::kRejected;
    }
    keep_before(number, snapshot(*existing));
    ticket.id = existing->id;
    ctx_.store.tickets().update_intake(ticket);
    return RowOutcome::kUpdated;
  }

  void set_replay(Replay replay) override { replay_ = std::move(replay); }

  // Whether this engine takes rows set-based: the store gives no stage where writing row by row
  // is as fast (SQLite, in the process).
  bool stages() {
    if (!stage_asked_) {
      stage_asked_ = true;
      stage_ = ctx_.store.tickets().open_stage();
      if (stage_) ledger_has_readings_ = !stage_->into_empty_ledger();
    }
    return stage_ != nullptr;
  }

  void flush_staged() override {
    if (!stage_ || stage_->staged() == 0) return;
    ledger_has_readings_ = true;
    stage_->flush([&](StagedTicketRow& row) {
      SourceRecord held_back = decode_record(row.source, row.line, row.record);
      replay_(held_back);
    });
  }

  void finish() override {
    for (const auto& [year, last] : highest_) ctx_.store.tickets().raise_sequence(year, last);
  }

  void restore(const std::string& key, const std::string& before) override {
    std::optional<Ticket> ticket = ctx_.store.tickets().find(key);
    if (!ticket) return;
    const RowValues values = values_of(before);
    FieldReader reader;
    read_ticket_intake(ctx_.rules, now_, reader, intake_of(values), *ticket);
    if (const UnitAndModel* unit = find_unit(values[1].value_or(""))) {
      decide_intake(ctx_, unit->unit, unit->model, *ticket);
    }
    // The coverage frozen at intake comes back as it was, not decided again from today's data.
    const nlohmann::json stored = nlohmann::json::parse(before, nullptr, false);
    if (stored.is_object() && stored.value("coverage", "") != "") {
      ticket->coverage = parse_coverage(stored.value("coverage", "")).value_or(ticket->coverage);
      ticket->coverage_reason = stored.value("coverage_reason", ticket->coverage_reason);
      ticket->due_at = parse_timestamp(stored.value("due_at", ""), ctx_.rules.general.utc_offset)
                           .value_or(ticket->due_at);
    }
    ctx_.store.tickets().update_intake(*ticket);
  }

  void remove(const std::string& key) override { ctx_.store.tickets().remove(key); }

 private:
  struct UnitAndModel {
    Unit unit;
    Model model;
  };

  // A new call without a number: the next number of its reported year (SR-YYYY-NNNNNN), past
  // any an earlier row of the file gave explicitly.
  RowOutcome insert_numbered(Ticket& ticket) {
    ticket.state = TicketState::kRegistered;
    ticket.resume_state = TicketState::kRegistered;
    ticket.opened_by = ctx_.actor.user;
    const int year = local_date(ticket.reported_at, ctx_.rules.general.utc_offset).year();
    do {
      ticket.number =
          fmt::format("SR-{:04}-{:06}", year, ctx_.store.tickets().next_number_in_year(year));
    } while (!ctx_.store.tickets().insert_if_new(ticket));
    return RowOutcome::kNew;
  }

  TicketIntake intake_of(const RowValues& v) const {
    TicketIntake intake;
    intake.unit = v[1].value_or("");
    intake.category = v[2].value_or("");
    intake.channel = v[3].value_or("");
    intake.description = v[4].value_or("");
    intake.reported_at = v[5];
    // A date without a time (2026/5/2, a date cell) is taken at [import] date_only_time.
    if (v[5]) {
      if (const std::optional<Date> day = parse_date(*v[5])) {
        intake.reported_at =
            format_date(*day) + "T" + format_time_of_day(ctx_.rules.import.date_only_time);
      }
    }
    intake.priority = v[6];
    intake.km = v[7];
    return intake;
  }

  // Units and their models, cached: tickets name the same units again and again.
  const UnitAndModel* find_unit(const std::string& serial) {
    if (const auto cached = units_.find(serial); cached != units_.end()) {
      return cached->second ? &*cached->second : nullptr;
    }
    if (units_.size() >= kUnitCacheLimit) units_.clear();
    std::optional<UnitAndModel> found;
    if (std::optional<Unit> unit = ctx_.store.archive().find_unit(serial)) {
      // Models are few and shared by many units: one lookup each (a round trip on a server).
      auto [model, added] = models_.try_emplace(unit->model_code);
      if (added) model->second = ctx_.store.archive().find_model(unit->model_code);
      if (model->second) found = UnitAndModel{std::move(*unit), *model->second};
    }
    auto [at, added] = units_.emplace(serial, std::move(found));
    return at->second ? &*at->second : nullptr;
  }

  // The odometer rule (odometer_conflict, units/warranty.h) for a staged row: against the
  // unit's readings in the ledger, read once per unit, and those of the rows staged before it,
  // which the ledger does not hold yet; as odometer_problem() for a row written now.
  std::string staged_odometer_problem(const Unit& unit, const Ticket& ticket) {
    if (!ticket.km) return {};
    auto [at, added] = readings_.try_emplace(unit.serial);
    if (added) {
      // Into an empty ledger only the unit record holds a reading: no query per unit.
      if (ledger_has_readings_) {
        at->second = odometer_readings(ctx_, unit);
      } else if (std::optional<OdometerReading> own = unit_record_reading(ctx_, unit)) {
        at->second.push_back(std::move(*own));
      }
      reading_count_ += at->second.size();
    }
    const std::vector<OdometerReading>& all = at->second;
    // The ticket's own reading is left out (a row that updates it replaces it).
    const bool own = std::any_of(all.begin(), all.end(), [&](const OdometerReading& r) {
      return r.ticket == ticket.number;
    });
    std::optional<OdometerConflict> conflict;
    if (own) {
      std::vector<OdometerReading> others;
      std::copy_if(all.begin(), all.end(), std::back_inserter(others),
                   [&](const OdometerReading& r) { return r.ticket != ticket.number; });
      conflict = odometer_conflict(others, *ticket.km, ticket.reported_at);
    } else {
      conflict = odometer_conflict(all, *ticket.km, ticket.reported_at);
    }
    if (!conflict) return {};
    return odometer_conflict_text(*conflict, *ticket.km, ctx_.rules.general.utc_offset);
  }

  // A staged row's reading joins its unit's, in the ledger's order (the unit record's first,
  // then by time, number, on site), so that a tie names the reading the ledger would.
  void note_reading(const Ticket& ticket) {
    if (!ticket.km) return;
    const auto at = readings_.find(ticket.serial);
    if (at == readings_.end()) return;  // read from the ledger when next needed
    const auto before = [](const OdometerReading& a, const OdometerReading& b) {
      if (a.ticket.empty() != b.ticket.empty()) return a.ticket.empty();
      if (a.at.seconds != b.at.seconds) return a.at.seconds < b.at.seconds;
      if (a.ticket != b.ticket) return a.ticket < b.ticket;
      return a.on_site < b.on_site;
    };
    OdometerReading reading{*ticket.km, ticket.reported_at, ticket.number, false};
    std::vector<OdometerReading>& all = at->second;
    all.insert(std::upper_bound(all.begin(), all.end(), reading, before), std::move(reading));
    ++reading_count_;
  }

  void forget_readings() {
    readings_.clear();
    reading_count_ = 0;
  }

  // SR-YYYY-NNNNNN numbers move the year's sequence on, so typed tickets never reuse them.
  void note_number(const std::string& number) {
    const auto digits = [&](std::size_t at, std::size_t count, std::int64_t& value) {
      const char* begin = number.data() + at;
      const auto [end, error] = std::from_chars(begin, begin + count, value);
      return error == std::errc() && end == begin + count && std::isdigit(*begin);
    };
    std::int64_t year = 0;
    std::int64_t sequence = 0;
    if (number.size() == 14 && number.compare(0, 3, "SR-") == 0 && number[7] == '-' &&
        digits(3, 4, year) && digits(8, 6, sequence)) {
      std::int64_t& highest = highest_[static_cast<int>(year)];
      highest = std::max(highest, sequence);
    }
  }

  std::string snapshot(const Ticket& t) const {
    const UtcOffset zone = ctx_.rules.general.utc_offset;
    return nlohmann::json{{"number", t.number},
                          {"unit", t.serial},
                          {"category", t.category},
                          {"channel", t.channel},
                          {"description", t.description},
                          {"reported_at", format_timestamp(t.reported_at, zone)},
                          {"priority", t.priority},
                          {"km", t.km ? std::to_string(*t.km) : std::string()},
                          {"coverage", coverage_name(t.coverage)},
                          {"coverage_reason", t.coverage_reason},
                          {"due_at", format_timestamp(t.due_at, zone)}}
        .dump();
  }

  const Timestamp now_ = ctx_.now();  // the batch's time: the default reported time
  std::unordered_map<std::string, std::optional<UnitAndModel>> units_;
  std::unordered_map<std::string, std::optional<Model>> models_;  // by code
  std::map<int, std::int64_t> highest_;
  Replay replay_;                       // set while a file runs: rows may be staged then
  std::unique_ptr<TicketStage> stage_;  // opened by the first row that could be staged
  bool stage_asked_ = false;
  std::unordered_map<std::string, std::vector<OdometerReading>> readings_;  // by serial
  std::size_t reading_count_ = 0;
  bool ledger_has_readings_ = true;  // false while nothing was written into an empty ledger
};

}  // namespace

std::unique_ptr<EntityImporter> make_ticket_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<TicketImporter>(ctx, session);
}

}  // namespace aftersales
