// The service request's forms, filled from the ticket (show_ticket): 表3 售后服务申请单, 表4
// 售后维修通知单 (its repair_notice approval), 表5 售后服务费用预算审批表 (its estimated lines and
// the budget chain, with any supplement) and 表6 售后服务现场工作记录 (the signed work record).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "forms/form_filling.h"

namespace aftersales::forms {

namespace {

// 编号 ... 车号: who and what the ticket is about, as every ticket form heads it.
FormBlock parties_block(const Context& ctx, const TicketView* view) {
  const auto value = [&](auto get) { return view != nullptr ? get(*view) : std::string(); };
  FormBlock block;
  block.fields = {
      {"编号", value([](const TicketView& v) { return v.ticket.number; })},
      {"报修时间", value([&](const TicketView& v) { return when(ctx, v.ticket.reported_at); })},
      {"客户单位", value([](const TicketView& v) { return v.parties.customer_name; })},
      {"联系人", value([](const TicketView& v) { return v.parties.contact; })},
      {"电话", value([](const TicketView& v) { return v.parties.phone; })},
      {"车型", value([](const TicketView& v) {
         return v.parties.model_code +
                (v.parties.model_name.empty() ? "" : " " + v.parties.model_name);
       })},
      {"出厂编号", value([](const TicketView& v) { return v.ticket.serial; })},
      {"车号", value([](const TicketView& v) { return v.parties.plate; })},
  };
  return block;
}

std::string km_text(const std::optional<std::int64_t>& km) {
  return km ? fmt::format("{} km", *km) : std::string();
}

PrintedForm service_request(const Context& ctx, const TicketView* view) {
  const Ticket* t = view != nullptr ? &view->ticket : nullptr;
  const auto value = [&](auto get) { return t != nullptr ? get(*t) : std::string(); };
  PrintedForm form;
  form.blocks.push_back(parties_block(ctx, view));
  form.blocks.back().fields.insert(
      form.blocks.back().fields.end(),
      {
          {"报修方式", value([](const Ticket& x) { return x.channel; })},
          {"故障类别", value([](const Ticket& x) { return x.category; })},
          {"行驶里程", value([](const Ticket& x) { return km_text(x.km); })},
          {"紧急程度", value([](const Ticket& x) { return x.priority; })},
          {"保修状态", value([](const Ticket& x) {
             return coverage_text(x.coverage, x.free_repair) +
                    (x.coverage_reason.empty() ? "" : "：" + x.coverage_reason);
           }),
           true},
          {"响应期限", view != nullptr ? when(ctx, view->sla.due_at) : ""},
          {"维修人员", value([](const Ticket& x) { return x.assignee; })},
      });
  FormBlock problem;
  problem.heading = "问题描述与分析";
  problem.fields = {
      {"问题描述", value([](const Ticket& x) { return x.description; }), true},
      {"问题分析", value([](const Ticket& x) { return x.analysis; }), true},
      {"需生产部、技术部协助", value([](const Ticket& x) { return yes_no(x.needs_factory); })},
      {"产品质量问题", value([](const Ticket& x) {
         if (!x.quality_claim) return std::string("否");
         if (!x.quality_confirmed) return std::string("待技术部确认");
         return std::string(*x.quality_confirmed ? "技术部已确认" : "技术部未确认");
       })},
  };
  form.blocks.push_back(std::move(problem));
  form.signatures = {
      signed_by(ctx, "受理人", t != nullptr ? t->opened_by : "",
                t != nullptr ? std::optional<Timestamp>(t->reported_at) : std::nullopt),
      FormSignature{"售后服务负责人", "", "", "", false},
  };
  return form;
}

PrintedForm repair_notice(const Context& ctx, const TicketView* view) {
  const Ticket* t = view != nullptr ? &view->ticket : nullptr;
  PrintedForm form;
  form.blocks.push_back(parties_block(ctx, view));
  FormBlock notice;
  notice.heading = "维修内容";
  notice.fields = {
      {"故障类别", t != nullptr ? t->category : ""},
      {"协助部门", "生产部、技术部"},
      {"问题描述", t != nullptr ? t->description : "", true},
      {"问题分析", t != nullptr ? t->analysis : "", true},
      {"维修要求", "", true},
  };
  form.blocks.push_back(std::move(notice));
  const Approval* approval =
      view != nullptr ? current_approval(view->approvals, ticket_form::kRepairNotice) : nullptr;
  form.signatures.push_back(requester(ctx, approval));
  add_chain_signatures(form.signatures, ctx, approval, ctx.rules.approvals.repair_notice);
  return form;
}

FormTable cost_table(const std::string& caption, const std::vector<CostLine>& lines,
                     int blank_rows) {
  FormTable table;
  table.caption = caption;
  table.headings = {"项目", "内容", "数量", "单价", "金额", "保修状态"};
  for (const CostLine& line : lines) {
    table.rows.push_back({cost_kind_text(line.kind), line.description,
                          fmt::format("{:g}", static_cast<double>(line.quantity_milli) / 1000),
                          yuan(line.unit_price), yuan(line.amount),
                          line.coverage == Coverage::kWarranty ? "保内" : "保外"});
  }
  table.blank_rows = blank_rows;
  return table;
}

PrintedForm budget(const Context& ctx, const TicketView* view) {
  const Ticket* t = view != nullptr ? &view->ticket : nullptr;
  PrintedForm form;
  form.blocks.push_back(parties_block(ctx, view));
  form.blocks.back().fields.push_back(
      {"保修状态", t != nullptr ? coverage_text(t->coverage, t->free_repair) : ""});
  form.blocks.back().fields.push_back({"故障类别", t != nullptr ? t->category : ""});
  form.blocks.back().fields.push_back({"问题描述", t != nullptr ? t->description : "", true});
  FormBlock costs;
  costs.heading = "费用预算";
  costs.table = cost_table("", view != nullptr ? view->lines : std::vector<CostLine>{},
                           view != nullptr ? 0 : 5);
  costs.fields = {
      {"保内费用合计", view != nullptr ? yuan(view->warranty_total) : ""},
      {"保外费用合计", view != nullptr ? yuan(view->paid_total) : ""},
      {"审批标准",
       "保内费用超过 " + yuan(ctx.rules.approvals.budget_threshold) + " 元须经公司各级领导逐级审批",
       true},
  };
  form.blocks.push_back(std::move(costs));
  const Approval* approval =
      view != nullptr ? current_approval(view->approvals, ticket_form::kBudget) : nullptr;
  form.signatures.push_back(requester(ctx, approval));
  const bool needs_budget = view == nullptr || approval != nullptr ||
                            requires_budget_approval(ctx.rules, view->warranty_total);
  if (needs_budget) {
    add_chain_signatures(form.signatures, ctx, approval, ctx.rules.approvals.budget);
  }
  const Approval* supplement =
      view != nullptr ? current_approval(view->approvals, ticket_form::kBudgetSupplement) : nullptr;
  if (supplement != nullptr) {
    form.blocks.push_back(FormBlock{"补充审批", {{"补充金额", supplement->summary, true}}, {}, {}});
    add_chain_signatures(form.signatures, ctx, supplement, supplement->chain, "补充·");
  }
  if (!needs_budget) {
    form.subtitle =
        "保内费用未超过 " + yuan(ctx.rules.approvals.budget_threshold) + " 元，无须预算审批";
  }
  return form;
}

PrintedForm work_record(const Context& ctx, const TicketView* view) {
  const WorkRecord* r = view != nullptr && view->record ? &*view->record : nullptr;
  PrintedForm form;
  form.blocks.push_back(parties_block(ctx, view));
  form.blocks.back().fields.push_back({"故障类别", view != nullptr ? view->ticket.category : ""});
  form.blocks.back().fields.push_back(
      {"问题描述", view != nullptr ? view->ticket.description : "", true});
  FormBlock site;
  site.heading = "现场工作";
  site.fields = {
      {"到达时间", r != nullptr ? when(ctx, r->arrived) : ""},
      {"完成时间", r != nullptr ? when(ctx, r->finished) : ""},
      {"维修人员", r != nullptr ? fmt::format("{}", fmt::join(r->technicians, "、")) : ""},
      {"行驶里程", r != nullptr ? km_text(r->km) : ""},
      {"工时", r != nullptr && r->labour_hours_centi
                   ? fmt::format("{:g} 小时", static_cast<double>(*r->labour_hours_centi) / 100)
                   : ""},
      {"差旅费", r != nullptr && r->travel ? yuan(*r->travel) : ""},
      {"工作内容", r != nullptr ? r->work_done : "", true},
  };
  FormTable parts;
  parts.caption = "更换配件";
  parts.headings = {"配件号", "名称", "数量", "单价", "金额"};
  if (r != nullptr) {
    for (const PartUsed& part : r->parts) {
      parts.rows.push_back({part.part, part.name + (part.major ? "（重要部件）" : ""),
                            std::to_string(part.quantity), yuan(part.unit_price),
                            yuan(Money{part.unit_price.fen * part.quantity})});
    }
  }
  parts.blank_rows = r != nullptr ? 0 : 4;
  if (r != nullptr && r->parts.empty()) parts.rows.push_back({"—", "无", "", "", ""});
  site.table = std::move(parts);
  form.blocks.push_back(std::move(site));
  FormBlock opinion;
  opinion.heading = "用户意见";
  opinion.fields = {{"用户对服务的意见", "", true}};
  form.blocks.push_back(std::move(opinion));
  if (r != nullptr && r->version > 1) form.subtitle = fmt::format("第 {} 版（更正）", r->version);
  form.signatures.push_back(signed_by(
      ctx, "维修人员", r != nullptr ? fmt::format("{}", fmt::join(r->technicians, "、")) : "",
      r != nullptr ? std::optional<Timestamp>(r->finished) : std::nullopt));
  FormSignature customer =
      signed_by(ctx, "用户签字盖章", r != nullptr ? r->signed_by : "",
                r != nullptr ? std::optional<Timestamp>(r->signed_at) : std::nullopt,
                /*seal=*/true);
  if (r != nullptr) customer.note = r->sealed ? "已盖章" : "未盖章";
  form.signatures.push_back(std::move(customer));
  return form;
}

}  // namespace

PrintedForm ticket_form(Context& ctx, const FormSpec& spec, const std::string* number) {
  std::optional<TicketView> view;
  if (number != nullptr) view = show_ticket(ctx, *number);
  const TicketView* v = view ? &*view : nullptr;
  PrintedForm form;
  if (spec.key == "表3") form = service_request(ctx, v);
  if (spec.key == "表4") form = repair_notice(ctx, v);
  if (spec.key == "表5") form = budget(ctx, v);
  if (spec.key == "表6") form = work_record(ctx, v);
  form.spec = &spec;
  if (v != nullptr) form.number = v->ticket.number;
  return form;
}

}  // namespace aftersales::forms
