// aftersales complaint open|list|show|close: complaints and suggestions (客户投诉, 客户意见及建议).
// The rules live in the core (care/complaints.h); this file parses, calls and renders.
#include "aftersales/care/complaints.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/care_view.h"

namespace aftersales::cli {
namespace {

struct CloseRequest {
  std::string number;
  std::string resolution;
  std::string confirmed_by;
  std::string at;
};

struct NumberRequest {
  std::string number;
};

}  // namespace

void attach_complaint(CLI::App& family, Session& session) {
  add_verb<ComplaintFields>(
      family, session,
      {"open",
       "register a complaint or suggestion; prints its CP- number; due within [complaints] "
       "deadline_days",
       "aftersales complaint open --customer C001 --category 服务态度 --text 维修人员迟到 --unit "
       "HY2026-0601",
       StoreUse::kWrites},
      [](CLI::App& verb, ComplaintFields& r) {
        verb.add_option("--customer", r.customer, "customer code")->required();
        verb.add_option("--category", r.category, "one of [lists] complaint_categories")
            ->required();
        verb.add_option("--text", r.text, "what the customer said")->required();
        verb.add_option("--unit", r.unit, "the customer's unit it is about (serial no.)");
        verb.add_option("--ticket", r.ticket, "the customer's ticket it is about (SR- number)");
        verb.add_option("--kind", r.kind, "complaint (default) or suggestion");
        verb.add_option("--at", r.at, "when it came in (ISO 8601; default now)");
      },
      [](Session& s, const ComplaintFields& r) {
        const Complaint complaint = open_complaint(s.context(), r);
        s.emit_created(complaint.number);
        s.note(complaint_text(complaint, "opened, due by " + format_date(complaint.deadline)));
      });

  add_verb<ComplaintQuery>(
      family, session,
      {"list", "complaints and suggestions with their deadline and state",
       "aftersales complaint list --overdue --format csv -o overdue-complaints.csv",
       StoreUse::kReads},
      [](CLI::App& verb, ComplaintQuery& q) {
        verb.add_flag("--open", q.open, "only those not closed");
        verb.add_flag("--overdue", q.overdue, "only those open past their deadline");
      },
      [](Session& s, const ComplaintQuery& q) {
        Context& ctx = s.context();
        s.emit(complaint_table(list_complaints(ctx, q), ctx.rules, ctx.today()));
      });

  add_verb<NumberRequest>(
      family, session,
      {"show", "one complaint or suggestion, whole", "aftersales complaint show CP-2026-000001",
       StoreUse::kReads},
      [](CLI::App& verb, NumberRequest& r) {
        verb.add_option("NUMBER", r.number, "its CP- number")->required();
      },
      [](Session& s, const NumberRequest& r) {
        Context& ctx = s.context();
        s.emit(complaint_view(get_complaint(ctx, r.number), ctx.rules, ctx.today()));
      });

  add_verb<CloseRequest>(
      family, session,
      {"close", "close it with the resolution the customer confirmed (客户确认)",
       "aftersales complaint close CP-2026-000001 --resolution 已道歉并重新上门 --confirmed-by "
       "王明",
       StoreUse::kWrites},
      [](CLI::App& verb, CloseRequest& r) {
        verb.add_option("NUMBER", r.number, "its CP- number")->required();
        verb.add_option("--resolution", r.resolution, "what was done")->required();
        verb.add_option("--confirmed-by", r.confirmed_by, "the customer's person who confirmed it")
            ->required();
        verb.add_option("--at", r.at, "when it was closed (ISO 8601; default now)");
      },
      [](Session& s, const CloseRequest& r) {
        const Complaint complaint =
            close_complaint(s.context(), r.number, r.resolution, r.confirmed_by, r.at);
        s.note(complaint_text(complaint, "closed, confirmed by " + complaint.confirmed_by));
      });
}

}  // namespace aftersales::cli
