// aftersales purchase list|show|receive: purchase plans (采购计划) raised by large part orders
// and urgent part requests (表13). The rules live in the core (parts/purchase_plans.h).
#include <fmt/format.h>

#include "aftersales/parts/purchase_plans.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/part_sale_view.h"

namespace aftersales::cli {
namespace {

struct PlanRequest {
  std::string number;
  std::optional<std::string> warehouse;
  bool open = false;
};

}  // namespace

void attach_purchase(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales purchase list --open");

  add_verb<PlanRequest>(
      family, session,
      {"list", "purchase plans and where they stand", "aftersales purchase list --open",
       StoreUse::kReads},
      [](CLI::App& verb, PlanRequest& r) {
        verb.add_flag("--open", r.open, "only those not yet received or rejected");
      },
      [](Session& s, const PlanRequest& r) {
        s.emit(plan_table(list_purchase_plans(s.context(), r.open), s.context().rules));
      });

  add_verb<PlanRequest>(
      family, session,
      {"show", "one purchase plan with its lines and approvals",
       "aftersales purchase show PU-2026-000001", StoreUse::kReads},
      [](CLI::App& verb, PlanRequest& r) {
        verb.add_option("ID", r.number, "purchase plan number")->required();
      },
      [](Session& s, const PlanRequest& r) {
        s.emit(plan_view(show_purchase_plan(s.context(), r.number), s.context().rules));
      });

  add_verb<PlanRequest>(
      family, session,
      {"receive", "purchasing receives an approved plan into stock, settling what raised it",
       "aftersales purchase receive PU-2026-000001 --warehouse main", StoreUse::kWrites},
      [](CLI::App& verb, PlanRequest& r) {
        verb.add_option("ID", r.number, "purchase plan number")->required();
        verb.add_option("--warehouse", r.warehouse, "default: [parts] default_warehouse");
      },
      [](Session& s, const PlanRequest& r) {
        const PurchasePlan plan = receive_purchase_plan(s.context(), r.number, r.warehouse);
        s.note(fmt::format("purchase plan {} received into {}; {} settled", plan.number,
                           plan.warehouse, plan.origin));
        if (std::optional<std::string> ticket = ticket_waiting_for(s.context(), plan)) {
          s.note(fmt::format("ticket {} is paused waiting for it: `aftersales ticket resume {}`",
                             *ticket, *ticket));
        }
      });
}

}  // namespace aftersales::cli
