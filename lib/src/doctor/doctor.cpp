#include "aftersales/doctor/doctor.h"

#include <fmt/format.h>

#include "aftersales/attachments/attachments.h"
#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "tickets/start_rules.h"
#include "tickets/ticket_states.h"

namespace aftersales {
namespace {

// Started tickets are read a page at a time: each is loaded whole with its lines and approvals.
constexpr int kTicketPage = 200;

// "1 row", "2 rows".
std::string rows(std::int64_t n) { return fmt::format("{} row{}", n, n == 1 ? "" : "s"); }

const TicketState kAllStates[] = {TicketState::kRegistered, TicketState::kAnalysed,
                                  TicketState::kInService,  TicketState::kPaused,
                                  TicketState::kSignedOff,  TicketState::kClosed,
                                  TicketState::kCancelled,  TicketState::kResolved};

class Doctor {
 public:
  explicit Doctor(Context& ctx) : ctx_(ctx), checks_(ctx.store.ledger_check()) {}

  LedgerCheck run() {
    check_integrity();
    run_check(ledger_check::kSignedRecord, [&] { check_signed_records(); });
    run_check(ledger_check::kStartApprovals, [&] { each_started(&Doctor::check_started); });
    run_check(ledger_check::kActualCosts, [&] { each_started(&Doctor::check_actual_costs); });
    run_check(ledger_check::kAudit, [&] { check_audit(); });
    run_check(ledger_check::kBatchCounts, [&] { check_batch_counts(); });
    run_check(ledger_check::kStock, [&] { check_stock(); });
    run_check(ledger_check::kAttachments, [&] { check_attachments(); });
    run_check(ledger_check::kSearch, [&] { check_search(); });
    return std::move(result_);
  }

 private:
  void add(const char* check, std::string entity, std::string key, std::string problem) {
    result_.findings.push_back(
        LedgerFinding{check, std::move(entity), std::move(key), std::move(problem)});
  }

  // Runs a domain check. On a file SQLite found damaged, a check that trips over the damage
  // says so and the others still run; on a sound file a storage failure is the caller's.
  template <typename Body>
  void run_check(const char* name, Body body) {
    result_.checks.push_back(name);
    try {
      body();
    } catch (const Error& e) {
      if (!damaged_ || e.code() != ErrorCode::kStorageUnavailable) throw;
      add(name, "database", "", fmt::format("could not finish on the damaged file: {}", e.what()));
    }
  }

  void check_integrity() {
    result_.checks.push_back(ledger_check::kIntegrity);
    EngineIntegrity integrity = checks_.engine_integrity();
    result_.integrity_method = std::move(integrity.method);
    for (std::string& problem : integrity.problems) {
      damaged_ = true;
      result_.integrity_ok = false;
      add(ledger_check::kIntegrity, "database", "",
          fmt::format("{}; write nothing more to this ledger: restore the last backup "
                      "(`aftersales backup` copies) or have the file repaired",
                      problem));
    }
  }

  // 表6: no ticket is closed without the record signed and sealed by the customer.
  void check_signed_records() {
    for (TicketState state : kAllStates) {
      if (!requires_signed_record(state)) continue;
      checks_.tickets_without_signed_record(state, [&](const UnsignedTicket& t) {
        // The store lists every record short of signed and sealed; whether the seal is needed
        // is the rulebook's ([tickets] seal_required), decided by the one rule.
        WorkRecord record;
        if (t.signed_by_someone) record.signed_by = "signed";
        record.sealed = t.sealed;
        if (t.has_record && signs_off(ctx_.rules, record)) return;
        std::string what;
        if (!t.has_record) {
          what = "has no work record (表6)";
        } else if (!t.signed_by_someone) {
          what = "has a work record that names no signer (表6: 签字)";
        } else {
          what = "has a work record without the customer's seal (表6: 盖章)";
        }
        add(ledger_check::kSignedRecord, "ticket", t.number,
            fmt::format("{} but {}: no ticket is closed without the record signed and sealed "
                        "by the customer; file the signed form, and `aftersales log --entity "
                        "ticket --id {}` shows who moved it on",
                        state_name(state), what, t.number));
      });
    }
  }

  // Calls `check` on each started ticket, read a page at a time.
  void each_started(void (Doctor::*check)(const Ticket&, const std::vector<Approval>&)) {
    std::int64_t after = 0;
    for (;;) {
      const std::vector<TicketKey> page = checks_.started_tickets_after(after, kTicketPage);
      if (page.empty()) break;
      for (const TicketKey& key : page) {
        const std::optional<Ticket> ticket = ctx_.store.tickets().find(key.number);
        if (!ticket) continue;  // removed since the page was read
        std::vector<Approval> live;
        for (Approval& a :
             ctx_.store.approvals().list(ApprovalFilter::of(ticket_subject(key.number)))) {
          if (a.state != ApprovalState::kVoid) live.push_back(std::move(a));
        }
        (this->*check)(*ticket, live);
      }
      after = page.back().id;
    }
  }

  // Every condition `ticket start` checks must still hold for a ticket that was started.
  void check_started(const Ticket& ticket, const std::vector<Approval>& live) {
    const std::vector<CostLine> lines = ctx_.store.tickets().cost_lines(ticket.id);
    for (const StartRequirement& r : start_requirements(ctx_.rules, ticket, lines, live)) {
      if (r.satisfied) continue;
      add(ledger_check::kStartApprovals, "ticket", ticket.number,
          fmt::format("{} but its {} is missing: {}; `aftersales log --entity ticket --id {}` "
                      "shows who started it",
                      state_name(ticket.state), r.rule, r.explanation, ticket.number));
    }
  }

  // A closed ticket's actual costs are covered by the approvals given and their supplements.
  void check_actual_costs(const Ticket& ticket, const std::vector<Approval>& live) {
    if (ticket.state != TicketState::kClosed) return;
    const std::vector<CostLine> actual = ctx_.store.tickets().actual_lines(ticket.id);
    for (const SupplementNeed& need : supplements_needed(ctx_.rules, ticket, actual, live)) {
      add(ledger_check::kActualCosts, "ticket", ticket.number,
          fmt::format("closed with an actual cost of {} over the {} approved ({}) and no {} "
                      "approval; `aftersales log --entity ticket --id {}` shows who closed it",
                      format_money(need.actual), format_money(need.approved),
                      form_label(need.covers), form_label(need.form), ticket.number));
    }
  }

  void check_audit() {
    checks_.unaudited_records([&](const RecordKey& record) {
      if (record.entity == "rulebook") {
        add(ledger_check::kAudit, record.entity, record.key,
            "this version of the ledger's rulebook has no entry in the audit trail: it was "
            "written outside aftersales, not applied by an admin; `aftersales config show` "
            "shows the rules in force, compare them with the last backup");
        return;
      }
      add(ledger_check::kAudit, record.entity, record.key,
          "typed by hand but has no entry in the audit trail: it was written outside "
          "aftersales; compare it with the last backup");
    });
    checks_.unaudited_approvals([&](std::int64_t id) {
      add(ledger_check::kAudit, "approval", std::to_string(id),
          "has no entry in the audit trail: it was written outside aftersales; do not rely on "
          "it until an approver confirms it");
    });
    checks_.unaudited_batches([&](const UnauditedBatch& batch) {
      add(ledger_check::kAudit, "import", std::to_string(batch.id),
          fmt::format("the batch's {} has no entry in the audit trail: it was written outside "
                      "aftersales; `aftersales log --entity import --id {}` shows what is known",
                      batch.action, batch.id));
    });
  }

  void check_batch_counts() {
    checks_.batch_counts([&](const BatchCounts& b) {
      const std::string id = std::to_string(b.id);
      const std::string revert_hint =
          fmt::format("`aftersales import revert {}` would not undo it exactly", b.id);
      if (b.reverted) {
        const std::int64_t stamped = b.owned + b.owned_elsewhere;
        if (stamped > 0) {
          add(ledger_check::kBatchCounts, "import", id,
              fmt::format("was reverted but its stamp is still on {}", rows(stamped)));
        }
        return;
      }
      if (b.owned > b.new_rows + b.updated) {
        add(ledger_check::kBatchCounts, "import", id,
            fmt::format("owns {} of {} but added {} and updated {}; {}", rows(b.owned), b.entity,
                        b.new_rows, b.updated, revert_hint));
      }
      if (b.owned_elsewhere > 0) {
        add(ledger_check::kBatchCounts, "import", id,
            fmt::format("imported {} rows but its stamp is on {} of other tables; {}", b.entity,
                        rows(b.owned_elsewhere), revert_hint));
      }
      if (b.befores != b.updated) {
        add(ledger_check::kBatchCounts, "import", id,
            fmt::format("updated {} but kept the values before of {}; {}", rows(b.updated),
                        b.befores, revert_hint));
      }
    });
  }

  // Stock is the sum of its moves and never below zero: move_stock refuses a move that would
  // take it there, so a move after which it is below zero was written outside aftersales.
  void check_stock() {
    checks_.negative_stock([&](const NegativeStock& m) {
      add(ledger_check::kStock, "stock_move", std::to_string(m.move_id),
          fmt::format("takes part {} in warehouse {} to {}: stock never goes below zero, so this "
                      "move or an earlier one of the part there was written or changed outside "
                      "aftersales; `aftersales part show {}` lists the moves, compare them with "
                      "the last backup",
                      m.part, m.warehouse, m.on_hand, m.part));
    });
  }

  // A signed scan is kept byte for byte (issue 15): its content still has the digest and size
  // recorded when it was attached, else it was changed outside aftersales.
  void check_attachments() {
    ctx_.store.attachments().each_with_content([&](const Attachment& a, const std::string& bytes) {
      const std::string digest = sha256_hex(bytes);
      if (digest == a.sha256 && static_cast<std::int64_t>(bytes.size()) == a.size) return;
      add(ledger_check::kAttachments, "attachment", std::to_string(a.id),
          fmt::format("{} of {} {}: its content ({} bytes, SHA-256 {}) is not what was attached "
                      "({} bytes, SHA-256 {}), so it was changed outside aftersales; take it "
                      "from the last backup (`aftersales attach get {}` on the copy)",
                      a.file_name, a.entity, a.record, bytes.size(), digest, a.size, a.sha256,
                      a.id));
    });
  }

  // Search finds what the records say (issue 16): their text was indexed when written, so a
  // difference means the tables were changed outside aftersales.
  void check_search() {
    ctx_.store.search().check_rows([&](const SearchRowProblem& p) {
      add(ledger_check::kSearch, p.kind, p.key,
          fmt::format("its search row is {}, so `aftersales search` does not find what it says; "
                      "`aftersales search --reindex` writes every search row again",
                      p.problem));
    });
  }

  Context& ctx_;
  LedgerCheckStore& checks_;
  LedgerCheck result_;
  bool damaged_ = false;
};

}  // namespace

LedgerCheck check_ledger(Context& ctx) { return Doctor(ctx).run(); }

}  // namespace aftersales
