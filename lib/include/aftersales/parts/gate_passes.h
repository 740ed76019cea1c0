// Gate passes (出门证, DOMAIN.md Part): every shipment of parts leaving the factory (a warranty
// issue, 表11; a sale) gets one when it is ready to leave, for the shipment's value (the lines'
// quantity x unit price). Up to and including [approvals] gate_pass_limit (含500元) the chain
// is gate_pass_small (deputy_gm); over it gate_pass_large (gm, then finance confirms and
// seals). Nothing ships before its pass is approved. The approvals' subject is the GP- number.
//
// For an area that ships (sales): inside its write transaction, once the shipment is ready,
//   raise_gate_pass(ctx, GatePassSubject{"part_sale", "PS-2026-000001"}, value, requested_by);
// and before it moves the stock out,
//   if (auto missing = gate_pass_missing(ctx, subject)) throw Error(kRuleViolation, *missing);
// (or gate_pass_approved(ctx, subject) for a yes/no).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/core/money.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

// The approval form of a gate pass: its key, label and subject kind.
namespace gate_pass_form {
inline const std::string kKey = "gate_pass";  // label 出门证, subject {"gate_pass", GP-...}
}

// What leaves: a shipment, by its kind and number ({"part_issue", "PI-2026-000001"}).
struct GatePassSubject {
  std::string kind;
  std::string id;

  friend bool operator==(const GatePassSubject& a, const GatePassSubject& b) {
    return a.kind == b.kind && a.id == b.id;
  }
};

struct GatePass {
  std::int64_t id = 0;
  std::string number;  // GP-YYYY-NNNNNN, the year of its raising's business date
  GatePassSubject subject;
  Money value;
  std::string raised_by;  // who asked for the shipment (the approval's requester)
  Timestamp raised_at;
};

// The chain a pass of `value` needs: gate_pass_small up to and including gate_pass_limit
// (500.00), gate_pass_large over it (500.01). Pure.
const ApprovalChain& gate_pass_chain(const Rules& rules, Money value);

// Raises the gate pass of `subject` for `value` with its approval on gate_pass_chain, the
// approval requested by `requested_by` (the one who asked for the shipment: they sign no step
// of it; the user acting, e.g. the GM whose signature made the shipment ready, is audited).
// Call inside Store::write(). Error(kConflict) when the subject has a pass already.
GatePass raise_gate_pass(Context& ctx, const GatePassSubject& subject, Money value,
                         const std::string& requested_by);

// The subject's pass, if raised.
std::optional<GatePass> find_gate_pass(Context& ctx, const GatePassSubject& subject);

// Whether the subject's pass is raised and approved.
bool gate_pass_approved(Context& ctx, const GatePassSubject& subject);

// Why the subject may not leave yet for want of its pass, naming the pass, its value, the
// chain and how many steps are given ("gate pass (出门证) GP-2026-000001 for 600.00 needs
// approval from gm, finance; 1 of 2 given (approval 7)"); nullopt when it is approved.
std::optional<std::string> gate_pass_missing(Context& ctx, const GatePassSubject& subject);

// A pass with its approval (nullopt only for a ledger damaged by hand).
struct GatePassView {
  GatePass pass;
  std::optional<Approval> approval;
};

// Every pass in number order; with `pending`, only those whose approval is pending.
std::vector<GatePassView> list_gate_passes(Context& ctx, bool pending);

// One pass by its GP- number; Error(kNotFound) when missing.
GatePassView show_gate_pass(Context& ctx, const std::string& number);

// Asks again for a pass whose approval was rejected (what was wrong put right): a new approval
// on the chain its value needs today, requested by the user asking, who signs no step of it.
// Who may ask: [permissions] parts_request, parts_sales or parts_stock. Error(kRuleViolation)
// when its approval is not rejected (pending or given: nothing to ask).
GatePassView resubmit_gate_pass(Context& ctx, const std::string& number);

}  // namespace aftersales
