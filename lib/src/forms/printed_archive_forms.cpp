// The forms about a unit and its customer: 表1 产品出厂档案 (unit_archive), 表2
// 产品使用情况征询意见表 JL-7.2-04 (a follow-up visit) and 表9 顾客满意度调查表 JL-8.1-01 (the
// annual survey): the five dimensions of both forms, each ticked on a five-point scale.
#include <fmt/format.h>

#include "aftersales/care/surveys.h"
#include "aftersales/core/error.h"
#include "aftersales/customers/customers.h"
#include "aftersales/store/store.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "forms/form_filling.h"

namespace aftersales::forms {

namespace {

// 表2 and 表9 in their order (CLI.md: structure and performance, appearance quality, delivery
// date, price, after-sales service).
const char* const kDimensions[kScoreDimensions] = {"结构性能", "外观质量", "交货日期", "产品价格",
                                                   "售后服务"};
// Score 5 down to 1.
const char* const kScale[5] = {"很满意", "满意", "一般", "不满意", "很不满意"};

// One row per dimension: the scale as boxes to tick, the given score's ticked (■).
FormTable score_table(const std::optional<Scores>& scores) {
  FormTable table;
  table.headings = {"项目", "评价（5 很满意 … 1 很不满意）"};
  for (int dimension = 0; dimension < kScoreDimensions; ++dimension) {
    std::string boxes;
    for (int score = 5; score >= 1; --score) {
      const bool ticked = scores && (*scores)[dimension] == score;
      boxes += fmt::format("{}{} ", ticked ? "■" : "□", kScale[5 - score]);
    }
    boxes.pop_back();
    table.rows.push_back({kDimensions[dimension], boxes});
  }
  return table;
}

FormBlock customer_block(const Customer* customer) {
  const auto value = [&](auto get) { return customer != nullptr ? get(*customer) : std::string(); };
  return FormBlock{"",
                   {{"客户单位", value([](const Customer& c) { return c.name; })},
                    {"联系人", value([](const Customer& c) { return c.contact; })},
                    {"电话", value([](const Customer& c) { return c.phone; })},
                    {"地址", value([](const Customer& c) { return c.address; })}},
                   {},
                   {}};
}

std::string notes_of(const UnitArchive* archive, NoteKind kind, const Context& ctx) {
  if (archive == nullptr) return "";
  std::string text;
  for (const UnitNote& note : archive->notes) {
    if (note.kind != kind) continue;
    if (!text.empty()) text += "\n";
    text += format_date(local_date(note.at, ctx.rules.general.utc_offset)) + "　" + note.text;
  }
  return text;
}

}  // namespace

PrintedForm unit_form(Context& ctx, const FormSpec& spec, const std::string* serial) {
  std::optional<UnitArchive> archive;
  if (serial != nullptr) archive = unit_archive(ctx, *serial);
  const UnitArchive* a = archive ? &*archive : nullptr;
  const Unit* u = a != nullptr ? &a->unit : nullptr;
  const auto value = [&](auto get) { return u != nullptr ? get(*u) : std::string(); };
  PrintedForm form;
  form.spec = &spec;
  if (u != nullptr) form.number = u->serial;
  FormBlock product;
  product.heading = "产品";
  product.fields = {
      {"出厂编号", value([](const Unit& x) { return x.serial; })},
      {"车型", a != nullptr ? a->model.code + " " + a->model.name : ""},
      {"底盘号", value([](const Unit& x) { return x.vin; })},
      {"发动机编号", value([](const Unit& x) { return x.engine_no; })},
      {"车号", value([](const Unit& x) { return x.plate; })},
      {"出厂日期", value([](const Unit& x) { return format_date(x.shipped_on); })},
      {"主要配置", value([](const Unit& x) { return x.configuration; }), true},
      {"服务条款", value([](const Unit& x) { return x.terms; }), true},
      {"发运装箱单", value([](const Unit& x) { return x.packing_list; })},
      {"保修期",
       a != nullptr ? format_date(a->warranty.start) + " 至 " + format_date(a->warranty.end) : ""},
  };
  form.blocks.push_back(std::move(product));
  FormBlock owner = customer_block(a != nullptr ? &a->customer : nullptr);
  owner.heading = "客户";
  if (u != nullptr && !u->contact.empty()) owner.fields[1].value = u->contact;
  if (u != nullptr && !u->phone.empty()) owner.fields[2].value = u->phone;
  owner.fields.push_back({"用户验收", u != nullptr && u->accepted_on
                                          ? format_date(*u->accepted_on) + "　" + u->accepted_by
                                          : ""});
  form.blocks.push_back(std::move(owner));
  FormBlock history;
  history.heading = "运行、质量和服务状况";
  history.fields = {
      {"运行状况", notes_of(a, NoteKind::kStatus, ctx), true},
      {"质量状况", notes_of(a, NoteKind::kQuality, ctx), true},
      {"重要技术变动及改进方案", notes_of(a, NoteKind::kTechChange, ctx), true},
      {"重要部件更换记载", notes_of(a, NoteKind::kPartReplacement, ctx), true},
  };
  FormTable services;
  services.caption = "售后服务记录";
  services.headings = {"编号", "报修日期", "故障类别", "问题描述", "工作内容", "用户签字"};
  if (a != nullptr) {
    for (const FiledTicket& filed : a->tickets) {
      services.rows.push_back(
          {filed.ticket.number,
           format_date(local_date(filed.ticket.reported_at, ctx.rules.general.utc_offset)),
           filed.ticket.category, filed.ticket.description,
           filed.record ? filed.record->work_done : "",
           filed.record ? filed.record->signed_by : ""});
    }
  }
  services.blank_rows = a != nullptr ? 0 : 6;
  history.table = std::move(services);
  form.blocks.push_back(std::move(history));
  form.signatures = {FormSignature{"建档人", "", "", "", false},
                     FormSignature{"售后服务负责人", "", "", "", false}};
  return form;
}

PrintedForm visit_form(Context& ctx, const FormSpec& spec, const std::string* number) {
  std::optional<Visit> visit;
  std::optional<Customer> customer;
  std::optional<UnitArchive> archive;
  if (number != nullptr) {
    visit = get_visit(ctx, *number);
    customer = get_customer(ctx, visit->customer);
    if (!visit->serial.empty()) archive = unit_archive(ctx, visit->serial);
  }
  PrintedForm form;
  form.spec = &spec;
  if (visit) form.number = visit->number;
  form.blocks.push_back(customer_block(customer ? &*customer : nullptr));
  FormBlock& head = form.blocks.back();
  head.fields.push_back({"车型", archive ? archive->model.code + " " + archive->model.name : ""});
  head.fields.push_back({"出厂编号", visit ? visit->serial : ""});
  head.fields.push_back({"出厂日期", archive ? format_date(archive->unit.shipped_on) : ""});
  head.fields.push_back({"回访日期", visit ? format_date(visit->visited_on) : ""});
  head.fields.push_back({"回访原因", visit ? visit_reason_name(visit->reason) : ""});
  head.fields.push_back({"维修单号", visit ? visit->ticket : ""});
  FormBlock opinion;
  opinion.heading = "产品使用情况";
  opinion.table = score_table(visit ? visit->scores : std::nullopt);
  opinion.fields = {{"改进建议和要求", visit ? visit->suggestion : "", true}};
  form.blocks.push_back(std::move(opinion));
  form.signatures = {
      signed_by(ctx, "回访人", visit ? visit->visited_by : "",
                visit ? std::optional<Timestamp>(visit->visited_at) : std::nullopt),
      FormSignature{"客户签字", "", "", "", true},
  };
  return form;
}

PrintedForm survey_form(Context& ctx, const FormSpec& spec, const std::string* id) {
  std::optional<Survey> survey;
  std::optional<Customer> customer;
  if (id != nullptr) {
    const std::size_t slash = id->rfind('/');
    const std::string code = slash == std::string::npos ? "" : id->substr(0, slash);
    const std::string year = slash == std::string::npos ? "" : id->substr(slash + 1);
    if (code.empty() || year.size() != 4 ||
        year.find_first_not_of("0123456789") != std::string::npos) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("表9 is named by its customer and year, not \"{}\"", *id),
                  "write CUSTOMER/YEAR as survey record printed it, e.g. C001/2026");
    }
    customer = get_customer(ctx, code);
    survey = ctx.store.care().find_survey(code, std::stoi(year));
    if (!survey) {
      throw Error(ErrorCode::kNotFound,
                  fmt::format("customer {} has no survey (表9) for {}", code, year),
                  "record it with survey record, or print a blank form with --blank");
    }
  }
  PrintedForm form;
  form.spec = &spec;
  if (survey) form.number = fmt::format("{}/{}", survey->customer_code, survey->year);
  if (survey) form.subtitle = fmt::format("{} 年度", survey->year);
  form.blocks.push_back(customer_block(customer ? &*customer : nullptr));
  FormBlock opinion;
  opinion.heading = "满意度";
  opinion.table = score_table(survey ? std::optional<Scores>(survey->scores) : std::nullopt);
  opinion.fields = {{"改进建议和要求", survey ? survey->suggestion : "", true}};
  form.blocks.push_back(std::move(opinion));
  form.signatures = {
      signed_by(ctx, "调查人", survey ? survey->recorded_by : "",
                survey ? std::optional<Timestamp>(survey->surveyed_at) : std::nullopt),
      FormSignature{"客户签字", "", "", "", true},
  };
  return form;
}

}  // namespace aftersales::forms
