// Importing follow-up visits (表2), annual surveys (表9) and handover training records (新车交接
// 培训) kept in the field's spreadsheets: each row through its command's own call.
#include "import/care_importers.h"

#include <fmt/format.h>

#include "aftersales/care/surveys.h"
#include "aftersales/care/training.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"
#include "aftersales/visits/visits.h"
#include "import/record_importer.h"

namespace aftersales {

std::string RecordImporter::time_or_day(const std::optional<std::string>& value) const {
  if (!value) return "";
  if (const std::optional<Date> day = parse_date(*value)) {
    return format_date(*day) + "T" + format_time_of_day(ctx_.rules.import.date_only_time);
  }
  return *value;
}

namespace {

// The five 表2/表9 scores in their own columns, or in one as "5,4,5,4,5".
std::vector<ImportField> score_fields() {
  return {{"scores", {"scores", "评分"}},
          {"structure", {"structure", "结构性能"}},
          {"appearance", {"appearance", "外观质量"}},
          {"delivery", {"delivery", "交货日期"}},
          {"price", {"price", "产品价格"}},
          {"service", {"service", "售后服务"}}};
}

// "S1,...,S5" from the one column, or from the five, each cell read as 1-5 so that a bad one
// is named where it is; empty when none is given (no form filled in).
std::string scores_of(const RowValues& v, std::size_t first, FieldReader& reader,
                      const std::vector<ImportField>& fields) {
  if (v[first] && !v[first]->empty()) return *v[first];
  std::string joined;
  bool any = false;
  for (std::size_t i = first + 1; i < first + 6; ++i) {
    if (v[i] && !trim(*v[i]).empty()) any = true;
  }
  if (!any) return "";
  for (std::size_t i = first + 1; i < first + 6; ++i) {
    const std::string cell = trim(v[i].value_or(""));
    if (cell.empty()) {
      reader.add(fields[i].name, "", "is missing; give all five scores (1-5) or none");
    } else {
      reader.integer(fields[i].name, cell, 1, 5);
    }
    if (i > first + 1) joined += ',';
    joined += cell;
  }
  return joined;
}

class VisitImporter final : public RecordImporter {
 public:
  using RecordImporter::RecordImporter;
  const char* entity() const override { return "visit"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = [] {
      std::vector<ImportField> f = {
          {"unit", {"unit", "serial", "出厂编号", "产品编号"}, ImportField::Kind::kText, true},
          {"customer", {"customer", "客户编号", "客户代码"}},
          {"reason", {"reason", "回访原因", "回访类型"}},
          {"at", {"at", "visited_at", "回访时间", "回访日期"}, ImportField::Kind::kTime},
          {"by", {"by", "回访人"}},
          {"ticket", {"ticket", "服务单号", "申请单号"}},
          {"suggestion", {"suggestion", "改进建议和要求", "建议", "意见"}},
      };
      for (ImportField& s : score_fields()) f.push_back(std::move(s));
      return f;
    }();
    return all;
  }

 protected:
  std::string add(const RowValues& v, FieldReader& reader) override {
    if (!v[3] || trim(*v[3]).empty()) {
      reader.add("at", "", "is missing; say when the call was made (a date or a time)");
    }
    VisitRequest request;
    request.unit = v[0].value_or("");
    request.customer = v[1].value_or("");
    request.reason = v[2].value_or("");
    request.at = time_or_day(v[3]);
    request.by = v[4].value_or("");
    request.ticket = v[5].value_or("");
    request.suggestion = v[6].value_or("");
    request.scores = scores_of(v, 7, reader, fields());
    if (!reader.ok()) return "";
    return record_visit(ctx_, request).number;
  }

 public:
  void remove(const std::string& key) override { ctx_.store.visits().remove(key); }
};

class SurveyImporter final : public RecordImporter {
 public:
  using RecordImporter::RecordImporter;
  const char* entity() const override { return "survey"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = [] {
      std::vector<ImportField> f = {
          {"customer", {"customer", "客户编号", "客户代码"}},
          {"year", {"year", "年度", "调查年度"}, ImportField::Kind::kInteger},
          {"at", {"at", "surveyed_at", "调查时间", "调查日期"}, ImportField::Kind::kTime},
          {"suggestion", {"suggestion", "改进建议和要求", "建议", "意见"}},
      };
      for (ImportField& s : score_fields()) f.push_back(std::move(s));
      return f;
    }();
    return all;
  }

 protected:
  std::string add(const RowValues& v, FieldReader& reader) override {
    SurveyFields fields;
    fields.customer = v[0].value_or("");
    fields.year = v[1].value_or("");
    fields.at = time_or_day(v[2]);
    fields.suggestion = v[3].value_or("");
    fields.scores = scores_of(v, 4, reader, this->fields());
    if (!reader.ok()) return "";
    const Survey survey = record_survey(ctx_, fields);
    return fmt::format("{}/{}", survey.customer_code, survey.year);
  }

 public:
  void remove(const std::string& key) override {
    const std::size_t slash = key.rfind('/');
    ctx_.store.care().remove_survey(key.substr(0, slash), std::stoi(key.substr(slash + 1)));
  }
};

class TrainingImporter final : public RecordImporter {
 public:
  using RecordImporter::RecordImporter;
  const char* entity() const override { return "training"; }
  const std::vector<ImportField>& fields() const override {
    static const std::vector<ImportField> all = {
        {"unit", {"unit", "serial", "出厂编号", "产品编号"}},
        {"date", {"date", "培训日期", "交接日期"}, ImportField::Kind::kDate},
        {"trainer", {"trainer", "培训人", "培训教师"}},
        {"passed",
         {"passed", "result", "是否合格", "培训结果", "考核结果"},
         ImportField::Kind::kFlag},
        {"note", {"note", "备注"}},
    };
    return all;
  }

 protected:
  std::string add(const RowValues& v, FieldReader& reader) override {
    TrainingFields fields;
    fields.serial = v[0].value_or("");
    fields.date = v[1].value_or("");
    fields.trainer = v[2].value_or("");
    const std::string result = trim(v[3].value_or(""));
    const std::optional<bool> passed = result == "合格" || result == "通过" ? true
                                       : result == "不合格" || result == "未通过"
                                           ? false
                                           : parse_flag(result);
    if (result.empty() || !passed) {
      reader.add("passed", result,
                 result.empty() ? "is missing; write yes or no (合格 / 不合格)"
                                : fmt::format("cannot read \"{}\" as passed or failed; write yes "
                                              "or no (合格 / 不合格)",
                                              result));
      return "";
    }
    fields.passed = *passed;
    fields.note = v[4].value_or("");
    return std::to_string(record_training(ctx_, fields).id);
  }

 public:
  void remove(const std::string& key) override {
    ctx_.store.care().remove_training(std::stoll(key));
  }
};

}  // namespace

std::unique_ptr<EntityImporter> make_visit_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<VisitImporter>(ctx, session);
}

std::unique_ptr<EntityImporter> make_survey_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<SurveyImporter>(ctx, session);
}

std::unique_ptr<EntityImporter> make_training_importer(Context& ctx, ImportSession* session) {
  return std::make_unique<TrainingImporter>(ctx, session);
}

}  // namespace aftersales
