// The shared pieces of the printed forms (form_filling.h), and print_form's dispatch to the
// form of each kind of record.
#include "forms/form_filling.h"

#include <algorithm>

#include "aftersales/core/error.h"
#include "aftersales/core/money.h"
#include "aftersales/tickets/tickets.h"

namespace aftersales::forms {

std::string when(const Context& ctx, Timestamp at) {
  std::string text =
      format_timestamp(at, ctx.rules.general.utc_offset);  // 2026-11-27T14:00:00+08:00
  text.resize(16);
  text[10] = ' ';
  return text;
}

std::string yuan(Money amount) { return format_money(amount, true); }

std::string coverage_text(Coverage coverage, bool free_repair) {
  if (coverage == Coverage::kWarranty) return "保内（三包）";
  return free_repair ? "保外（免费维修）" : "保外";
}

std::string cost_kind_text(CostKind kind) {
  switch (kind) {
    case CostKind::kWork:
      return "工时";
    case CostKind::kPart:
      return "配件";
    case CostKind::kTravel:
      return "差旅";
  }
  return "";
}

std::string yes_no(bool yes) { return yes ? "是" : "否"; }

const Approval* current_approval(const std::vector<Approval>& approvals, const std::string& form) {
  const Approval* newest = nullptr;
  for (const Approval& approval : approvals) {
    if (approval.form == form && approval.state != ApprovalState::kVoid &&
        (newest == nullptr || approval.id > newest->id)) {
      newest = &approval;
    }
  }
  return newest;
}

void add_chain_signatures(std::vector<FormSignature>& boxes, const Context& ctx,
                          const Approval* approval, const std::vector<std::string>& chain,
                          const std::string& prefix) {
  const std::vector<std::string>& roles = approval != nullptr ? approval->chain : chain;
  for (std::size_t step = 0; step < roles.size(); ++step) {
    FormSignature box;
    box.title = prefix + role_title(roles[step]);
    if (approval != nullptr && step < approval->signatures.size()) {
      const Signature& given = approval->signatures[step];
      box.who = given.user;
      box.when = when(ctx, given.at);
      box.note = given.approved ? "同意" : "驳回";
      if (!given.comment.empty()) box.note += "：" + given.comment;
    }
    boxes.push_back(std::move(box));
  }
}

FormSignature requester(const Context& ctx, const Approval* approval) {
  return approval != nullptr
             ? signed_by(ctx, "申请人", approval->requested_by, approval->requested_at)
             : signed_by(ctx, "申请人", "", std::nullopt);
}

FormSignature signed_by(const Context& ctx, const std::string& title, const std::string& who,
                        const std::optional<Timestamp>& at, bool seal) {
  FormSignature box;
  box.title = title;
  box.who = who;
  if (!who.empty() && at) box.when = when(ctx, *at);
  box.seal = seal;
  return box;
}

}  // namespace aftersales::forms

namespace aftersales {

PrintedForm print_form(Context& ctx, const FormSpec& spec, const FormRequest& request) {
  if (spec.source == FormSource::kMonth) {
    return forms::month_form(ctx, spec, request.month, request.blank);
  }
  const std::string* id = request.blank ? nullptr : &request.id;
  if (id != nullptr && id->empty()) {
    throw Error(ErrorCode::kUsage, spec.key + " prints one " + spec.record + ": name it",
                "e.g. aftersales print " + spec.key + " ID, or --blank for an empty form");
  }
  if (spec.key == "表1") return forms::unit_form(ctx, spec, id);
  if (spec.key == "表2") return forms::visit_form(ctx, spec, id);
  if (spec.key == "表9") return forms::survey_form(ctx, spec, id);
  if (spec.key == "表3" || spec.key == "表4" || spec.key == "表5" || spec.key == "表6") {
    return forms::ticket_form(ctx, spec, id);
  }
  return forms::part_form(ctx, spec, id);
}

std::vector<PrintedForm> print_ticket_forms(Context& ctx, const FormSpec& spec,
                                            const std::string& state) {
  if (spec.record.rfind("ticket", 0) != 0) {
    throw Error(ErrorCode::kUsage,
                "--state picks tickets, and " + spec.key + " is not a ticket's form",
                "use it with 表3, 表4, 表5 or 表6");
  }
  TicketQuery query;
  query.state = state;
  std::vector<PrintedForm> printed;
  for (const TicketSummary& summary : list_tickets(ctx, query)) {
    printed.push_back(forms::ticket_form(ctx, spec, &summary.ticket.number));
  }
  return printed;
}

}  // namespace aftersales
