// The seed's forms as it names them (../shared/seeds: "表1" ... "表13", 出门证): titles, form
// codes (JL-...), the 编制/审批 line of their design and their copies (一式两联 / 三联). One home:
// `print`, its help and the printed pages read them from here.
#include <algorithm>

#include "aftersales/forms/printed_form.h"

namespace aftersales {

namespace {

// The seed's forms 表2, 表3, 表4 and 表6 and 表9 carry this line of who drew up the form.
const char* const kCredit = "编制：陶丹　审批：齐延宽";

}  // namespace

const std::vector<FormSpec>& form_specs() {
  static const std::vector<FormSpec> specs = {
      {"表1",
       "unit-archive",
       "产品出厂档案",
       "",
       "",
       FormSource::kRecord,
       "unit (its serial, VIN, plate or engine no.)",
       {}},
      {"表2",
       "visit",
       "产品使用情况征询意见表",
       "JL-7.2-04",
       kCredit,
       FormSource::kRecord,
       "visit (VS-...)",
       {}},
      {"表3",
       "service-request",
       "售后服务申请单",
       "JL-7.5-08",
       kCredit,
       FormSource::kRecord,
       "ticket (SR-...)",
       {}},
      {"表4",
       "repair-notice",
       "售后维修通知单",
       "",
       kCredit,
       FormSource::kRecord,
       "ticket (SR-...)",
       {}},
      {"表5",
       "budget",
       "售后服务费用预算审批表",
       "",
       "",
       FormSource::kRecord,
       "ticket (SR-...)",
       {}},
      {"表6",
       "work-record",
       "售后服务现场工作记录",
       "JL-7.5-09",
       kCredit,
       FormSource::kRecord,
       "ticket (SR-...)",
       {}},
      {"表7",
       "monthly-repairs",
       "客户服务部维修统计及费用月报表",
       "",
       "",
       FormSource::kMonth,
       "month (--month YYYY-MM)",
       {}},
      {"表8",
       "monthly-quality",
       "质量统计分析报表",
       "",
       "",
       FormSource::kMonth,
       "month (--month YYYY-MM)",
       {}},
      {"表9",
       "survey",
       "顾客满意度调查表",
       "JL-8.1-01",
       kCredit,
       FormSource::kRecord,
       "survey (CUSTOMER/YEAR, e.g. C001/2026)",
       {}},
      {"表10",
       "satisfaction",
       "客户满意率统计分析",
       "",
       "",
       FormSource::kMonth,
       "month (--month YYYY-MM)",
       {}},
      {"表11",
       "part-issue",
       "备件出库申请单",
       "",
       "",
       FormSource::kRecord,
       "part issue request (PI-...)",
       {"第一联　库房留存（核销凭证）", "第二联　存档备查"}},
      {"表12",
       "part-return",
       "退库单",
       "",
       "",
       FormSource::kRecord,
       "returned part (RT-..., or the line's id)",
       {"第一联　库房留存", "第二联　存档备查"}},
      {"表13",
       "urgent-part",
       "客户服务部备件销售急需备件申请表",
       "",
       "",
       FormSource::kRecord,
       "urgent part request (UR-...)",
       {}},
      {"出门证",
       "gate-pass",
       "出门证",
       "",
       "",
       FormSource::kRecord,
       "gate pass (GP-...)",
       {"第一联　门卫留存", "第二联　销售部留存", "第三联　财务部留存"}},
  };
  return specs;
}

const FormSpec* find_form_spec(const std::string& typed) {
  for (const FormSpec& spec : form_specs()) {
    if (typed == spec.key || typed == spec.name || typed == spec.title ||
        (spec.key.rfind("表", 0) == 0 && typed == spec.key.substr(std::string("表").size()))) {
      return &spec;
    }
  }
  return nullptr;
}

std::string role_title(const std::string& role) {
  static const std::vector<std::pair<std::string, std::string>> titles = {
      {"clerk", "客服人员"},           {"technician", "维修人员"},
      {"sales_manager", "销售部部长"}, {"service_manager", "售后服务负责人"},
      {"tech_dept", "技术部"},         {"qc", "质检部"},
      {"warehouse", "库房"},           {"finance", "财务部"},
      {"deputy_gm", "主管副经理"},     {"gm", "总经理"},
      {"purchasing", "采购部"},        {"admin", "管理员"},
  };
  const auto found = std::find_if(titles.begin(), titles.end(),
                                  [&](const auto& title) { return title.first == role; });
  return found != titles.end() ? found->second : role;
}

}  // namespace aftersales
