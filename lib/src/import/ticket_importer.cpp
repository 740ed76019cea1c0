// Importing service requests (表3) through the same intake rules as `ticket open`: each
// imported ticket gets its coverage decided from the unit's warranty at its reported time.
#include <fmt/format.h>
#include <algorithm>

#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "core/field_checks.h"
#include "import/entity_importer.h"
#include "import/importer_base.h"

namespace aftersales {
namespace {

using Kind = ImportField::Kind;

constexpr std::size_t kUnitCacheLimit = 20'000;  // ~1 KB each: bounds memory (< 64 MB in all)

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
    return write(v, prepare(v, reader), reader);
  }

  // The intake fields are read on the reader thread (no store needed).
  std::shared_ptr<void> prepare(const RowValues& v, FieldReader& reader) override {
    auto ticket = std::make_shared<Ticket>();
    const std::string number = trim(v[0].value_or(""));
    if (!number.empty()) ticket->number = check_code(reader, "number", number);
    read_ticket_intake(ctx_.rules, now_, reader, intake_of(v), *ticket);
    return ticket;
  }

  RowOutcome write(const RowValues& v, const std::shared_ptr<void>& prepared,
                   FieldReader& reader) override {
    Ticket& ticket = *static_cast<Ticket*>(prepared.get());
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
      if (std::string problem = odometer_problem(ctx_, unit->unit, ticket); !problem.empty()) {
        reader.add("km", v[7].value_or(""), problem);
      }
    }
    if (!reader.ok()) return RowOutcome::kRejected;
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
      if (std::optional<Model> model = ctx_.store.archive().find_model(unit->model_code)) {
        found = UnitAndModel{std::move(*unit), std::move(*model)};
      }
    }
    auto [at, added] = units_.emplace(serial, std::move(found));
    return at->second ? &*at->second : nullptr;
  }

  // SR-YYYY-NNNNNN numbers move the year's sequence on, so typed tickets never reuse them.
  void note_number(const std::string& number) {
    int year = 0;
    long long sequence = 0;
    char tail = 0;
    if (number.size() == 14 &&
        std::sscanf(number.c_str(), "SR-%4d-%6lld%c", &year, &sequence, &tail) == 2) {
      std::int64_t& highest = highest_[year];
      highest = std::max<std::int64_t>(highest, sequence);
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
  std::map<int, std::int64_t> highest_;
};

}  // namespace

std::unique_ptr<EntityImporter> make_ticket_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<TicketImporter>(ctx, session);
}

}  // namespace aftersales
