// aftersales part returns|return|inspect|book: the returns of failed parts (退库单, 表12). The
// rules live in the core (parts/returns.h); this file parses, calls and renders.
#include "commands/part_returns_command.h"

#include "aftersales/parts/returns.h"
#include "commands/verb.h"
#include "views/part_return_view.h"

namespace aftersales::cli {
namespace {

struct ReturnRequest {
  std::string id;
  std::string received;
  bool wrong = false;
  std::string result;
  std::string note;
};

}  // namespace

void attach_part_returns(CLI::App& family, Session& session) {
  add_verb<ReturnQuery>(
      family, session,
      {"returns", "failed parts owed back to the factory (表12), with their state",
       "aftersales part returns --overdue --format csv -o overdue-returns.csv", StoreUse::kReads},
      [](CLI::App& verb, ReturnQuery& q) {
        verb.add_flag("--overdue", q.overdue,
                      "only those not back within [parts] return_overdue_days");
      },
      [](Session& s, const ReturnQuery& q) {
        Context& ctx = s.context();
        const Date today = local_date(ctx.now(), ctx.rules.general.utc_offset);
        // Streamed: the view's row builder fills a one-row table, handed on at once.
        Table table = part_return_table();
        s.emit_rows(table.columns, [&](RowWriter& rows) {
          each_part_return(ctx, q, [&](const PartReturn& line) {
            add_part_return_row(table, line, ctx.rules, today);
            rows.row(table.rows.back());
            table.rows.clear();
          });
        });
      });

  add_verb<ReturnRequest>(
      family, session,
      {"return", "a failed part came back (表12); it gets its RT- number",
       "aftersales part return 1 --received 2026-12-05", StoreUse::kWrites},
      [](CLI::App& verb, ReturnRequest& r) {
        verb.add_option("LINE", r.id, "the line of `part returns`")->required();
        verb.add_option("--received", r.received, "the day it came back")->required();
        verb.add_flag("--wrong", r.wrong,
                      "the part shipped was the wrong one (counts against 配件出货正确率)");
      },
      [](Session& s, const ReturnRequest& r) {
        const PartReturn line = receive_part_return(s.context(), r.id, r.received, r.wrong);
        s.emit_created(line.number);
        s.note(part_return_text(line, r.wrong ? "received, a wrong part" : "received"));
      });

  add_verb<ReturnRequest>(
      family, session,
      {"inspect", "QC inspects a returned part (表12)",
       "aftersales part inspect RT-2026-000001 --result fail --note 柱塞磨损", StoreUse::kWrites},
      [](CLI::App& verb, ReturnRequest& r) {
        verb.add_option("RETURN", r.id, "its RT- number or line")->required();
        verb.add_option("--result", r.result, "pass or fail")->required();
        verb.add_option("--note", r.note, "what QC found");
      },
      [](Session& s, const ReturnRequest& r) {
        const PartReturn line = inspect_part_return(s.context(), r.id, r.result, r.note);
        s.note(part_return_text(line, std::string("inspected: ") + r.result));
      });

  add_verb<ReturnRequest>(
      family, session,
      {"book", "the warehouse books an inspected return into the defective warehouse (表12 退库)",
       "aftersales part book RT-2026-000001", StoreUse::kWrites},
      [](CLI::App& verb, ReturnRequest& r) {
        verb.add_option("RETURN", r.id, "its RT- number or line")->required();
      },
      [](Session& s, const ReturnRequest& r) {
        const PartReturn line = book_part_return(s.context(), r.id);
        s.note(
            part_return_text(line, "booked into " + s.context().rules.parts.defective_warehouse));
      });
}

}  // namespace aftersales::cli
