// aftersales visit due|record|list|show: follow-up visits (回访, 表2). What is due and how a visit
// settles it live in the core (visits/visits.h, visits/visit_rules.h); this file parses, calls
// and renders.
#include "aftersales/core/error.h"
#include "aftersales/visits/visits.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/visit_view.h"

namespace aftersales::cli {
namespace {

struct ShowRequest {
  std::string number;
};

}  // namespace

void attach_visit(CLI::App& family, Session& session) {
  add_verb<DueQuery>(
      family, session,
      {"due", "visits the rulebook asks for: new units, key customers, major repairs, maintenance",
       "aftersales visit due --overdue --kind shipment --format csv -o overdue-visits.csv",
       StoreUse::kReads},
      [](CLI::App& verb, DueQuery& q) {
        verb.add_option("--until", q.until,
                        "list the visits whose window opens by this day (default today)");
        verb.add_flag("--overdue", q.overdue, "only those past their last day as of today");
        verb.add_option("--kind", q.kind, "shipment, repair, key-customer or maintenance");
      },
      [](Session& s, const DueQuery& q) {
        Table table = due_visit_table();
        for (const DueVisit& item : due_visits(s.context(), q)) add_due_visit_row(table, item);
        s.emit(table);
      });

  CLI::App& record = add_verb<VisitRequest>(
      family, session,
      {"record",
       "records a follow-up call (表2) with its five scores; prints its VS- number and settles "
       "the matching due visit",
       "aftersales visit record --unit HY2026-0601 --reason shipment --scores 5,4,5,4,5 "
       "--suggestion \"希望增加夜间服务\"",
       StoreUse::kWrites},
      [](CLI::App& verb, VisitRequest& r) {
        CLI::Option* unit = verb.add_option("--unit", r.unit, "the unit's serial no.");
        CLI::Option* customer =
            verb.add_option("--customer", r.customer, "the customer's code (a visit to it)");
        unit->excludes(customer);
        verb.add_option("--reason", r.reason,
                        "shipment, repair, key-customer, maintenance or other")
            ->required();
        verb.add_option("--scores", r.scores,
                        "five scores 1-5 in the order of 表2: 结构性能, 外观质量, 交货日期, "
                        "产品价格, 售后服务 (4 or 5 counts as satisfied)")
            ->required();
        verb.add_option("--suggestion", r.suggestion, "improvement suggestions and requests");
        verb.add_option("--ticket", r.ticket, "the ticket (SR-) the visit follows up");
        verb.add_option("--at", r.at, "when the call was made (ISO 8601; default now)");
        verb.add_option("--by", r.by, "who called (default the acting user)");
      },
      [](Session& s, const VisitRequest& r) {
        if (r.unit.empty() && r.customer.empty()) {
          throw Error(ErrorCode::kUsage, "visit record: name the unit or the customer visited",
                      "give --unit SERIAL or --customer C");
        }
        const Visit visit = record_visit(s.context(), r);
        s.emit_created(visit.number);
        s.note(visit_text(visit));
      });
  record.footer(record.get_footer() +
                "\n\nExit codes: 1 bad value (scores, time, a ticket of another unit), 2 --unit "
                "and --customer both or neither, 3 unknown unit, customer or ticket, 4 role.");

  add_verb<VisitQuery>(
      family, session,
      {"list", "visits made, by their time", "aftersales visit list --month 2026-11 --format csv",
       StoreUse::kReads},
      [](CLI::App& verb, VisitQuery& q) {
        verb.add_option("--month", q.month, "YYYY-MM of the visit");
        verb.add_option("--unit", q.unit, "one unit's visits (serial no.)");
        verb.add_option("--customer", q.customer, "one customer's visits (code)");
      },
      [](Session& s, const VisitQuery& q) {
        Context& ctx = s.context();
        s.emit_rows(visit_table().columns, [&](RowWriter& rows) {
          each_visit(ctx, q, [&](const Visit& v) { rows.row(visit_row(v)); });
        });
      });

  add_verb<ShowRequest>(
      family, session,
      {"show", "one visit whole: scores, suggestion, the due visit it settled",
       "aftersales visit show VS-2026-000001 --format json", StoreUse::kReads},
      [](CLI::App& verb, ShowRequest& r) {
        verb.add_option("VISIT", r.number, "its VS- number")->required();
      },
      [](Session& s, const ShowRequest& r) {
        Context& ctx = s.context();
        s.emit(visit_record_view(get_visit(ctx, r.number), ctx.rules));
      });
}

}  // namespace aftersales::cli
