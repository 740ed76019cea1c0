// aftersales doctor: SQLite's integrity check and the domain's invariants (issue 8). Exit 0
// when the ledger is sound, 1 with the list of what is wrong.
#include <fmt/format.h>

#include "aftersales/doctor/doctor.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {

void attach_doctor(CLI::App& family, Session& session) {
  example(family, "aftersales --format csv doctor -o doctor.csv   # exit 1: it lists the problems");
  family.description(
      "Checks the ledger: the engine's own check (SQLite's integrity check of the file; on "
      "PostgreSQL amcheck's of every table and index when the extension is installed); no "
      "signed-off or closed ticket "
      "without the work record signed and sealed by the customer (表6); every started ticket "
      "has the approvals its rules require; every closed ticket's actual costs are approved; "
      "every change has its audit entry (archive, tickets, visits, parts and stock moves, "
      "issues, gate passes, returns, sales, purchase plans, urgent requests, surveys, "
      "complaints, training, the rulebook's versions); import batches' counts match their rows; "
      "no part's stock in a warehouse goes below zero at any move. Prints one row per problem "
      "(check, entity, key, problem) and exits 1 when there is any, 0 when the ledger is sound. "
      "Changes nothing in the ledger; a ledger found sound takes writes again after SQLite had "
      "found it damaged. The closing line on stderr names the engine's check that ran.");
  define_command(family, session, StoreUse::kReads, [](Session& s) {
    const LedgerCheck result = check_ledger(s.context());
    Table table;
    table.columns = {{"check", ""}, {"entity", ""}, {"key", ""}, {"problem", ""}};
    for (const LedgerFinding& f : result.findings) {
      table.add_row({f.check, f.entity, f.key, f.problem});
    }
    s.emit(table);
    // Found whole: the stop on writes that finding it damaged put is lifted, whatever else
    // the domain's checks found.
    if (result.integrity_ok) s.store().clear_damage();
    if (result.clean()) {
      s.note(fmt::format("ledger ok: {} checks (integrity: {})", result.checks.size(),
                         result.integrity_method));
      return ExitCode::kOk;
    }
    s.note(fmt::format("ledger has {} problem{} ({} checks run; integrity: {})",
                       result.findings.size(), result.findings.size() == 1 ? "" : "s",
                       result.checks.size(), result.integrity_method));
    return ExitCode::kBadData;
  });
}

}  // namespace aftersales::cli
