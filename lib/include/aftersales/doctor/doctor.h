// The ledger's self-check (`aftersales doctor`, issue 8): SQLite's check of the file, then the
// domain's invariants that hold whatever the command that wrote the ledger. What it finds is
// data, for a nightly script to list; it changes nothing.
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"

namespace aftersales {

// The checks, by the name a finding carries (stable: scripts filter on them).
namespace ledger_check {
inline constexpr const char* kIntegrity = "integrity";  // the engine's own check of the data
// No signed-off or closed ticket without the work record signed and sealed by the customer
// (表6).
inline constexpr const char* kSignedRecord = "signed-record";
// Every started ticket has the approvals its rules require (表4, 表5, paid and free repairs).
inline constexpr const char* kStartApprovals = "start-approvals";
// Every closed ticket's actual costs (表6) are covered by the approvals given, with their
// supplements (表5 补充).
inline constexpr const char* kActualCosts = "actual-costs";
// Every change has its audit entry: a row typed by hand under its key, an import batch under
// its id, an approval under its id. The rows: customers, models, units, tickets, visits (表2),
// parts, stock moves, warranty issues (表11), gate passes, part returns (表12), part sales,
// purchase plans, urgent requests (表13), surveys (表9), complaints, training records and the
// versions of the ledger's rulebook.
inline constexpr const char* kAudit = "audit";
// An import batch's counts match the rows it owns and the values before it kept.
inline constexpr const char* kBatchCounts = "batch-counts";
// No part's stock in a warehouse goes below zero at any move, summing its moves in order.
inline constexpr const char* kStock = "stock";
// Every attachment's content (a signed scan, issue 15) has the SHA-256 and size recorded when it
// was attached.
inline constexpr const char* kAttachments = "attachments";
// Every record's text has its search row with the tokens it gives, and no search row outlives
// its record (issue 16).
inline constexpr const char* kSearch = "search";
}  // namespace ledger_check

// One thing wrong with one record.
struct LedgerFinding {
  std::string check;    // a name of ledger_check
  std::string entity;   // ticket, customer, unit, approval, import, stock_move, ... (the entity
                        // the audit trail names it by); "database" for the file
  std::string key;      // its number, code, serial or id; empty for the file
  std::string problem;  // what is wrong and, where it can be said, how to put it right
};

struct LedgerCheck {
  std::vector<std::string> checks;      // the checks run, in order
  std::vector<LedgerFinding> findings;  // by check, then by record
  bool clean() const { return findings.empty(); }
  // Whether the engine's own check found the file whole (other findings aside).
  bool integrity_ok = true;
  // What the engine's check was (SQLite's integrity_check; PostgreSQL's amcheck, or none).
  std::string integrity_method;
};

// Runs every check on ctx.store with ctx.rules (the ledger's rulebook in force: a ticket
// started under an older rulebook is judged by today's). Reads only; memory grows with the
// findings, not with the ledger. A damaged file is a finding of the integrity check; a check
// that cannot read the damaged pages then says so as a finding of its own. Throws
// Error(kStorageUnavailable) when the ledger cannot be read at all (locked, I/O error).
LedgerCheck check_ledger(Context& ctx);

}  // namespace aftersales
