// aftersales gatepass list|show|resubmit: the gate passes (出门证) of shipments leaving the
// factory, with their approvals (含500元: deputy_gm; over: gm, then finance). Passes are raised by
// the core when a shipment is ready to leave (parts/gate_passes.h); they are signed with `approval
// approve`.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aftersales/parts/gate_passes.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/part_view.h"

namespace aftersales::cli {
namespace {

struct GatePassQuery {
  bool pending = false;
};

struct GatePassNumber {
  std::string number;
};

}  // namespace

void attach_gatepass(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales gatepass list --pending");

  add_verb<GatePassQuery>(
      family, session,
      {"list", "gate passes with their value, chain and state",
       "aftersales gatepass list --pending", StoreUse::kReads},
      [](CLI::App& verb, GatePassQuery& q) {
        verb.add_flag("--pending", q.pending, "only those waiting for a signature");
      },
      [](Session& s, const GatePassQuery& q) {
        s.emit(gate_pass_table(list_gate_passes(s.context(), q.pending),
                               s.context().rules.general.utc_offset));
      });

  add_verb<GatePassNumber>(
      family, session,
      {"show", "one gate pass: what leaves, its value and its approval",
       "aftersales gatepass show GP-2026-000001", StoreUse::kReads},
      [](CLI::App& verb, GatePassNumber& r) {
        verb.add_option("ID", r.number, "the gate pass (GP-...)")->required();
      },
      [](Session& s, const GatePassNumber& r) {
        s.emit(gate_pass_view(show_gate_pass(s.context(), r.number),
                              s.context().rules.general.utc_offset));
      });

  add_verb<GatePassNumber>(
      family, session,
      {"resubmit", "ask again for a rejected gate pass, once what was wrong is put right",
       "aftersales gatepass resubmit GP-2026-000001", StoreUse::kWrites},
      [](CLI::App& verb, GatePassNumber& r) {
        verb.add_option("ID", r.number, "the gate pass (GP-...)")->required();
      },
      [](Session& s, const GatePassNumber& r) {
        const GatePassView view = resubmit_gate_pass(s.context(), r.number);
        s.note(fmt::format("gate pass {}: approval {} asked of {}", view.pass.number,
                           view.approval->id, fmt::join(view.approval->chain, ", ")));
      });
}

}  // namespace aftersales::cli
