// Gate passes (出门证): one per shipment, its approval chain by value (含500元: deputy_gm;
// over: gm, then finance).
#include "aftersales/parts/gate_passes.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

ApprovalSubject approval_subject(const GatePass& pass) {
  return {gate_pass_form::kKey, pass.number};
}

}  // namespace

const ApprovalChain& gate_pass_chain(const Rules& rules, Money value) {
  return value <= rules.approvals.gate_pass_limit ? rules.approvals.gate_pass_small
                                                  : rules.approvals.gate_pass_large;
}

GatePass raise_gate_pass(Context& ctx, const GatePassSubject& subject, Money value,
                         const std::string& requested_by) {
  if (std::optional<GatePass> existing = ctx.store.shipments().find_gate_pass(subject)) {
    throw Error(
        ErrorCode::kConflict,
        fmt::format("{} {} has gate pass {} already", subject.kind, subject.id, existing->number),
        "`aftersales gatepass show " + existing->number + "` shows it");
  }
  GatePass pass;
  const int year = ctx.today().year();
  pass.number =
      fmt::format("GP-{:04}-{:06}", year, ctx.store.shipments().next_number_in_year("GP", year));
  pass.subject = subject;
  pass.value = value;
  pass.raised_by = requested_by;
  pass.raised_at = ctx.now();
  ctx.store.shipments().insert_gate_pass(pass);
  record_addition(ctx, "gate_pass", pass.number,
                  AuditJson{{"subject_kind", subject.kind},
                            {"subject", subject.id},
                            {"value_fen", value.fen},
                            {"raised_by", requested_by}});
  const ApprovalChain& chain = gate_pass_chain(ctx.rules, value);
  raise_approval(ctx, gate_pass_form::kKey, approval_subject(pass), chain,
                 fmt::format("gate pass for {} {}, value {} ({} {})", subject.kind, subject.id,
                             format_money(value),
                             value <= ctx.rules.approvals.gate_pass_limit ? "up to" : "over",
                             format_money(ctx.rules.approvals.gate_pass_limit)),
                 value, requested_by);
  return pass;
}

std::optional<GatePass> find_gate_pass(Context& ctx, const GatePassSubject& subject) {
  return ctx.store.shipments().find_gate_pass(subject);
}

bool gate_pass_approved(Context& ctx, const GatePassSubject& subject) {
  return !gate_pass_missing(ctx, subject).has_value();
}

std::optional<std::string> gate_pass_missing(Context& ctx, const GatePassSubject& subject) {
  const std::optional<GatePass> pass = find_gate_pass(ctx, subject);
  if (!pass) {
    return fmt::format(
        "{} {} has no gate pass (出门证) yet: it is raised once the shipment is "
        "ready to leave",
        subject.kind, subject.id);
  }
  const std::optional<Approval> approval =
      current_approval(ctx, approval_subject(*pass), gate_pass_form::kKey);
  if (approval && approval->state == ApprovalState::kApproved) return std::nullopt;
  const ApprovalChain& chain = approval ? approval->chain : gate_pass_chain(ctx.rules, pass->value);
  std::string text = fmt::format(
      "gate pass (出门证) {} for {} needs approval from {}; {} of {} given", pass->number,
      format_money(pass->value), fmt::join(chain, ", "),
      approval && approval->state == ApprovalState::kPending ? approval->signatures.size() : 0,
      chain.size());
  if (approval) {
    text += fmt::format(" (approval {}{})", approval->id,
                        approval->state == ApprovalState::kRejected ? ", rejected" : "");
  }
  return text;
}

std::vector<GatePassView> list_gate_passes(Context& ctx, bool pending) {
  std::vector<GatePassView> all;
  for (GatePass& pass : ctx.store.shipments().list_gate_passes()) {
    GatePassView view{pass, current_approval(ctx, approval_subject(pass), gate_pass_form::kKey)};
    if (pending && !(view.approval && view.approval->state == ApprovalState::kPending)) continue;
    all.push_back(std::move(view));
  }
  return all;
}

GatePassView show_gate_pass(Context& ctx, const std::string& number) {
  std::optional<GatePass> pass = ctx.store.shipments().find_gate_pass_by_number(trim(number));
  if (!pass) {
    throw Error(ErrorCode::kNotFound, fmt::format("gate pass {} does not exist", number),
                "`aftersales gatepass list` shows the gate passes");
  }
  return {*pass, current_approval(ctx, approval_subject(*pass), gate_pass_form::kKey)};
}

GatePassView resubmit_gate_pass(Context& ctx, const std::string& number) {
  std::vector<std::string> roles = ctx.rules.permissions.parts_request;
  for (const auto* more :
       {&ctx.rules.permissions.parts_sales, &ctx.rules.permissions.parts_stock}) {
    roles.insert(roles.end(), more->begin(), more->end());
  }
  require_role(ctx, roles, "asking again for a gate pass");
  GatePassView view;
  ctx.store.write([&] {
    view = show_gate_pass(ctx, number);
    if (!view.approval || view.approval->state != ApprovalState::kRejected) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: gate pass {} is not rejected; there is nothing to ask "
                              "again",
                              view.pass.number),
                  "`aftersales gatepass show " + view.pass.number + "` shows where it stands");
    }
    view.approval = raise_approval(
        ctx, gate_pass_form::kKey, approval_subject(view.pass),
        gate_pass_chain(ctx.rules, view.pass.value),
        fmt::format("gate pass for {} {}, value {}, asked again after approval {} was rejected",
                    view.pass.subject.kind, view.pass.subject.id, format_money(view.pass.value),
                    view.approval->id),
        view.pass.value, ctx.actor.user);
  });
  return view;
}

}  // namespace aftersales
