// The parts forms: 表11 ___地区备件出库申请单 with its 备件领料单 (a warranty issue request and its
// part_issue chain), 表12 退库单 (a returned failed part and QC's verdict), 表13 急需备件申请表 (an
// urgent part request and its leader) and 出门证 (a gate pass: deputy_gm up to 500元 included,
// over it gm, then finance confirms and seals).
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/approvals/approvals.h"
#include "aftersales/core/error.h"
#include "aftersales/customers/customers.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/purchase.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/returns.h"
#include "aftersales/parts/sale_forms.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "forms/form_filling.h"

namespace aftersales::forms {

namespace {

struct PartLine {
  std::string part;
  std::string name;
  std::int64_t quantity = 0;
  Money unit_price;
};

FormTable lines_table(const std::string& caption, const std::vector<PartLine>& lines,
                      int blank_rows) {
  FormTable table;
  table.caption = caption;
  table.headings = {"配件号", "名称", "数量", "单价", "金额"};
  Money total;
  for (const PartLine& line : lines) {
    const Money amount{line.unit_price.fen * line.quantity};
    total.fen += amount.fen;
    table.rows.push_back(
        {line.part, line.name, std::to_string(line.quantity), yuan(line.unit_price), yuan(amount)});
  }
  if (!lines.empty()) table.rows.push_back({"合计", "", "", "", yuan(total)});
  table.blank_rows = blank_rows;
  return table;
}

std::vector<PartLine> issue_lines(const IssueRequest& request) {
  std::vector<PartLine> lines;
  for (const IssueLine& line : request.lines) {
    lines.push_back({line.part, line.name, line.quantity, line.unit_price});
  }
  return lines;
}

std::vector<Approval> approvals_of(Context& ctx, const std::string& number) {
  ApprovalQuery query;
  query.subject = number;
  return list_approvals(ctx, query);
}

PrintedForm part_issue(Context& ctx, const std::string* number) {
  std::optional<IssueRequest> request;
  std::optional<TicketView> ticket;
  if (number != nullptr) {
    request = get_issue_request(ctx, *number);
    ticket = show_ticket(ctx, request->ticket);
  }
  PrintedForm form;
  std::string region = "＿＿＿";
  if (ticket) {
    const Customer customer = get_customer(ctx, ticket->ticket.customer_code);
    if (!customer.region.empty()) region = customer.region;
  }
  form.subtitle = region + "地区　类别：■保内维修　□出售";
  FormBlock head;
  head.fields = {
      {"申请单号", request ? request->number : ""},
      {"维修单号", request ? request->ticket : ""},
      {"客户单位", ticket ? ticket->parties.customer_name : ""},
      {"车型", ticket ? ticket->parties.model_code : ""},
      {"出厂编号", ticket ? ticket->ticket.serial : ""},
      {"发货库房", request ? request->warehouse : ""},
      {"故障分析", ticket ? ticket->ticket.analysis : "", true},
      {"运费",
       request && request->freight ? yuan(*request->freight) + "（由我公司承担）" : "由我公司承担"},
  };
  head.table = lines_table("出库备件", request ? issue_lines(*request) : std::vector<PartLine>{},
                           request ? 0 : 5);
  form.blocks.push_back(std::move(head));
  // 备件领料单: the material requisition filed with it, the same lines signed out of the store.
  FormBlock requisition;
  requisition.heading = "备件领料单";
  requisition.fields = {
      {"随出库申请单", request ? request->number : ""},
      {"领料人", request ? request->requested_by : ""},
      {"领料日期",
       request ? format_date(local_date(request->requested_at, ctx.rules.general.utc_offset)) : ""},
      {"发料人", request ? request->shipped_by : ""},
  };
  requisition.table =
      lines_table("", request ? issue_lines(*request) : std::vector<PartLine>{}, request ? 0 : 5);
  form.blocks.push_back(std::move(requisition));
  const std::vector<Approval> approvals =
      request ? approvals_of(ctx, request->number) : std::vector<Approval>{};
  const Approval* approval = current_approval(approvals, part_issue_form::kKey);
  form.signatures.push_back(
      signed_by(ctx, "申请人", request ? request->requested_by : "",
                request ? std::optional<Timestamp>(request->requested_at) : std::nullopt));
  add_chain_signatures(form.signatures, ctx, approval, ctx.rules.approvals.part_issue);
  form.signatures.push_back(FormSignature{
      "库房", request ? request->shipped_by : "",
      request && request->shipped_at ? when(ctx, *request->shipped_at) : "", "", false});
  if (request) form.number = request->number;
  return form;
}

std::optional<PartReturn> find_return(Context& ctx, const std::string& id) {
  if (auto found = ctx.store.part_returns().find_return_by_number(id)) return found;
  if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos && id.size() < 18) {
    return ctx.store.part_returns().find_return(std::stoll(id));
  }
  return std::nullopt;
}

PrintedForm part_return(Context& ctx, const std::string* id) {
  std::optional<PartReturn> line;
  if (id != nullptr) {
    line = find_return(ctx, *id);
    if (!line) {
      throw Error(ErrorCode::kNotFound, fmt::format("no returned part (表12) {}", *id),
                  "part returns lists them: RT-... once received, or the line's id");
    }
  }
  PrintedForm form;
  form.subtitle = ctx.rules.company.name;
  FormBlock head;
  head.fields = {
      {"退库单号", line ? line->number : ""},
      {"维修单号", line ? line->ticket : ""},
      {"出厂编号", line ? line->serial : ""},
      {"更换日期", line ? format_date(line->owed_since) : ""},
      {"收回日期", line && line->received_on ? format_date(*line->received_on) : ""},
      {"入库库房", ctx.rules.parts.defective_warehouse},
  };
  head.table = lines_table(
      "退库备件",
      line ? std::vector<PartLine>{{line->part, line->part_name, line->quantity, line->unit_price}}
           : std::vector<PartLine>{},
      line ? 0 : 4);
  form.blocks.push_back(std::move(head));
  FormBlock inspection;
  inspection.heading = "质检部检查";
  std::string verdict;
  if (line && line->result) {
    verdict = *line->result == InspectionResult::kFail ? "■质量问题　□合格" : "□质量问题　■合格";
  } else {
    verdict = "□质量问题　□合格";
  }
  inspection.fields = {{"检查结论", verdict},
                       {"错发配件", line ? yes_no(line->wrong) : ""},
                       {"检查说明", line ? line->inspection_note : "", true}};
  form.blocks.push_back(std::move(inspection));
  form.signatures = {
      FormSignature{"交回人", "", "", "", false},
      FormSignature{role_title("qc"), line ? line->inspected_by : "", "", "", false},
      FormSignature{role_title("warehouse"), "", "", line && line->move_id ? "已入库" : "", false},
  };
  if (line) form.number = line->number.empty() ? std::to_string(line->id) : line->number;
  return form;
}

PrintedForm urgent_part(Context& ctx, const std::string* number) {
  std::optional<UrgentRequest> request;
  std::optional<TicketView> ticket;
  if (number != nullptr) {
    request = get_urgent_request(ctx, *number);
    ticket = show_ticket(ctx, request->ticket);
  }
  PrintedForm form;
  FormBlock head;
  head.fields = {
      {"申请单号", request ? request->number : ""},
      {"维修单号", request ? request->ticket : ""},
      {"客户单位", ticket ? ticket->parties.customer_name : ""},
      {"车型", ticket ? ticket->parties.model_code : ""},
      {"出厂编号", ticket ? ticket->ticket.serial : ""},
      {"申请日期",
       request ? format_date(local_date(request->requested_at, ctx.rules.general.utc_offset)) : ""},
  };
  FormTable wanted;
  wanted.caption = "急需备件";
  wanted.headings = {"配件号", "名称及规格", "数量"};
  if (request) {
    wanted.rows.push_back(
        {request->part.value_or(""), request->description, std::to_string(request->quantity)});
  }
  wanted.blank_rows = request ? 0 : 4;
  head.table = std::move(wanted);
  form.blocks.push_back(std::move(head));
  form.blocks.push_back(FormBlock{"",
                                  {{"申请原因", request ? request->reason : "", true},
                                   {"采购计划", request ? request->plan : ""}},
                                  {},
                                  {}});
  const std::vector<Approval> approvals =
      request ? approvals_of(ctx, request->number) : std::vector<Approval>{};
  form.signatures.push_back(
      signed_by(ctx, "申请人", request ? request->requested_by : "",
                request ? std::optional<Timestamp>(request->requested_at) : std::nullopt));
  add_chain_signatures(form.signatures, ctx, current_approval(approvals, sale_form::kUrgentPart),
                       ctx.rules.approvals.urgent_part);
  form.signatures.push_back(FormSignature{role_title("purchasing"), "", "", "", false});
  if (request) form.number = request->number;
  return form;
}

PrintedForm gate_pass(Context& ctx, const std::string* number) {
  std::optional<GatePassView> view;
  std::vector<PartLine> lines;
  std::string receiver;
  if (number != nullptr) {
    view = show_gate_pass(ctx, *number);
    if (view->pass.subject.kind == "part_issue") {
      const IssueRequest request = get_issue_request(ctx, view->pass.subject.id);
      lines = issue_lines(request);
      receiver = show_ticket(ctx, request.ticket).parties.customer_name;
    } else {
      const PartSale sale = get_sale(ctx, view->pass.subject.id);
      for (const SaleLine& line : sale.lines) {
        lines.push_back({line.part, line.name, line.quantity, line.unit_price});
      }
      receiver = sale.customer_name;
    }
  }
  PrintedForm form;
  FormBlock head;
  head.fields = {
      {"出门证号", view ? view->pass.number : ""},
      {"出库单号", view ? view->pass.subject.id : ""},
      {"收货单位", receiver},
      {"金额", view ? yuan(view->pass.value) : ""},
      {"审批标准",
       yuan(ctx.rules.approvals.gate_pass_limit) +
           " 元（含）以下由主管副经理审批；以上由总经理审批，财务部确认、盖章",
       true},
  };
  head.table = lines_table("出门物品", lines, view ? 0 : 5);
  form.blocks.push_back(std::move(head));
  const Money value = view ? view->pass.value : Money{};
  const std::vector<std::string> chain =
      view ? gate_pass_chain(ctx.rules, value)
           : [&] {  // blank: both chains' roles, in order, each once
               std::vector<std::string> roles = ctx.rules.approvals.gate_pass_small;
               for (const std::string& role : ctx.rules.approvals.gate_pass_large) {
                 if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
                   roles.push_back(role);
                 }
               }
               return roles;
             }();
  form.signatures.push_back(
      signed_by(ctx, "经办人", view ? view->pass.raised_by : "",
                view ? std::optional<Timestamp>(view->pass.raised_at) : std::nullopt));
  add_chain_signatures(form.signatures, ctx, view && view->approval ? &*view->approval : nullptr,
                       chain);
  for (FormSignature& box : form.signatures) {
    if (box.title == role_title("finance")) box.seal = true;  // 财务部确认、盖章
  }
  form.signatures.push_back(FormSignature{"门卫", "", "", "", false});
  if (view) form.number = view->pass.number;
  return form;
}

}  // namespace

PrintedForm part_form(Context& ctx, const FormSpec& spec, const std::string* number) {
  PrintedForm form;
  if (spec.key == "表11") form = part_issue(ctx, number);
  if (spec.key == "表12") form = part_return(ctx, number);
  if (spec.key == "表13") form = urgent_part(ctx, number);
  if (spec.key == "出门证") form = gate_pass(ctx, number);
  form.spec = &spec;
  return form;
}

}  // namespace aftersales::forms
