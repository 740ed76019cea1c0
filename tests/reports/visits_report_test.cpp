// The month's visit statistics (表2, 表10 说明) and 表10 客户满意率统计分析: due, done, on time,
// made; the satisfaction rate per dimension and overall of the visit and survey forms; 表10's
// problems of new units and units in service; the complaints.
#include <doctest/doctest.h>

#include "aftersales/care/complaints.h"
#include "aftersales/care/surveys.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/satisfaction_report.h"
#include "aftersales/reports/visits_report.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

// October 2026 by hand (today 2026-11-27; new-unit visit within 10 days, ship day 0):
//   V1 shipped 09-25, due by 10-05, visited 10-05 with 5,4,3,5,5      -> done on time (day 10)
//   V2 shipped 09-26, due by 10-06, visited 10-07 with 4,4,4,4,2      -> done late (day 11)
//   V3 shipped 10-20, due by 10-30, not visited                       -> not done
//   V4 shipped 10-22, due by 11-01 (November's), visited 10-31, no form
//   C001 called 10-15 (reason other) with 3,3,3,3,3; V1 called 10-20 after a repair, no form
// The world's own units were due in 2024 and June 2026: not October's.
struct VisitReportWorld : TicketWorld {
  VisitReportWorld() {
    ship("V1", "2026-09-25");
    ship("V2", "2026-09-26");
    ship("V3", "2026-10-20");
    ship("V4", "2026-10-22");
    visit("V1", "shipment", "2026-10-05T10:00:00", "5,4,3,5,5");
    visit("V2", "shipment", "2026-10-07T10:00:00", "4,4,4,4,2");
    visit("V4", "shipment", "2026-10-31T10:00:00", "");
    visit("V1", "repair", "2026-10-20T10:00:00", "");
    Context ctx = context("zhang");
    VisitRequest call;
    call.customer = "C001";
    call.reason = "other";
    call.scores = "3,3,3,3,3";
    call.at = "2026-10-15T10:00:00";
    record_visit(ctx, call);
  }

  void ship(const std::string& serial, const std::string& shipped) {
    Context ctx = context("zhang");
    UnitFields fields;
    fields.model = "HYS5160";
    fields.customer = "C001";
    fields.shipped = shipped;
    add_unit(ctx, serial, fields);
  }

  void visit(const std::string& unit, const std::string& reason, const std::string& when,
             const std::string& scores) {
    Context ctx = context("zhang");
    VisitRequest request;
    request.unit = unit;
    request.reason = reason;
    request.scores = scores;
    request.at = when;
    record_visit(ctx, request);
  }

  // A ticket claimed as a quality defect and confirmed, set through the port.
  void quality_problem(const std::string& serial, const std::string& reported) {
    const std::string number = open(serial, "normal", reported);
    std::optional<Ticket> found = store->tickets().find(number);
    REQUIRE(found);
    Ticket t = *found;
    t.quality_claim = true;
    t.quality_confirmed = true;
    store->write([&] { store->tickets().update(t); });
  }
};

}  // namespace

TEST_CASE("visits of a month: due, done on its last day, done the day after, not done, made") {
  VisitReportWorld world;
  Context ctx = world.context("zhang");
  const VisitsReport october = visits_report(ctx, report_month(ctx, std::string("2026-10")));
  CHECK(october.due == 3);           // V1 V2 V3
  CHECK(october.done == 2);          // V1 V2
  CHECK(october.done_on_time == 1);  // V1 on day 10; V2 on day 11 is late
  CHECK(october.done_late() == 1);
  CHECK(october.not_done() == 1);       // V3
  CHECK(october.visits == 5);           // V1 V2 V4, C001, V1's repair call
  CHECK(october.new_unit_visits == 3);  // V1 V2 V4
  CHECK(october.repair_visits == 1);    // V1 10-20
  CHECK(october.forms_filled == 3);     // V1 V2 C001
  // 保修期内客户回访率: V1 V2 V3 in warranty with a visit due in October; V1 V2 got theirs.
  CHECK(october.warranty_visit_rate == Ratio{2, 3});
  CHECK(rate_bp(2, 3) == 6667);  // 66.67%
  CHECK(october.warranty_visit_target_bp == 10000);
  // November: V4's visit, due 11-01, done early on 10-31, is on time.
  const VisitsReport november = visits_report(ctx, report_month(ctx, std::string("2026-11")));
  CHECK(november.due == 1);
  CHECK(november.done_on_time == 1);
  CHECK(november.visits == 0);
}

TEST_CASE("satisfaction of a month per dimension and overall, with 表10's counts") {
  VisitReportWorld world;
  Context ctx = world.context("zhang");
  // 表9: one survey in October (Q4), 5,5,5,5,4: every score satisfied.
  SurveyFields survey;
  survey.customer = "C001";
  survey.year = "2026";
  survey.scores = "5,5,5,5,4";
  survey.at = "2026-10-10T10:00:00";
  record_survey(ctx, survey);
  // Complaints: A opened 10-01 (deadline 10-08) never closed: overdue on 10-31; B opened 10-20
  // closed 10-27 (day 7, on time); a suggestion on 10-29.
  ComplaintFields complaint;
  complaint.customer = "C001";
  complaint.category = "配件";
  complaint.text = "配件到货慢";
  complaint.at = "2026-10-01T09:00:00";
  open_complaint(ctx, complaint);
  complaint.at = "2026-10-20T09:00:00";
  const std::string b = open_complaint(ctx, complaint).number;
  close_complaint(ctx, b, "已补发配件", "王明", "2026-10-27T17:00:00");
  complaint.kind = "suggestion";
  complaint.at = "2026-10-29T09:00:00";
  open_complaint(ctx, complaint);
  // Quality problems (表8's definition): on V3 (shipped 10-20) on 10-25, a new unit; on
  // HY2024-0110 on 10-12, a unit in service.
  world.quality_problem("V3", "2026-10-25T10:00:00+08:00");
  world.quality_problem(kOutOfWarranty, "2026-10-12T10:00:00+08:00");

  const SatisfactionReport october =
      satisfaction_report(ctx, report_month(ctx, std::string("2026-10")));
  CHECK(october.target_bp == 9800);
  // Visit forms V1 5,4,3,5,5; V2 4,4,4,4,2; C001 3,3,3,3,3; satisfied at 4 or more:
  //   structure 5 4 3 -> 2/3; appearance 4 4 3 -> 2/3; delivery 3 4 3 -> 1/3;
  //   price 5 4 3 -> 2/3; service 5 2 3 -> 1/3; overall 2+2+1+2+1 = 8 of 15 (53.33%).
  CHECK(october.visits.forms == 3);
  CHECK(october.visits.dimensions[0] == Ratio{2, 3});
  CHECK(october.visits.dimensions[1] == Ratio{2, 3});
  CHECK(october.visits.dimensions[2] == Ratio{1, 3});
  CHECK(october.visits.dimensions[3] == Ratio{2, 3});
  CHECK(october.visits.dimensions[4] == Ratio{1, 3});
  CHECK(october.visits.overall == Ratio{8, 15});
  CHECK(rate_bp(8, 15) == 5333);
  // The survey: 1 form, 5 of 5 satisfied.
  CHECK(october.survey.forms == 1);
  CHECK(october.survey.dimensions[4] == Ratio{1, 1});
  CHECK(october.survey.overall == Ratio{5, 5});
  // 表10 说明 and 分析.
  CHECK(october.visits_made == 5);
  CHECK(october.repair_visits == 1);
  CHECK(october.new_unit_visits == 3);
  CHECK(october.problems.problems == 2);
  CHECK(october.problems.new_units == 1);     // V3
  CHECK(october.problems.in_service() == 1);  // HY2024-0110
  // Complaints: A and B opened, B closed on time, A overdue; one suggestion.
  CHECK(october.complaints_opened == 2);
  CHECK(october.complaints_closed == 1);
  CHECK(october.complaints_closed_on_time == 1);
  CHECK(october.complaints_overdue == 1);
  CHECK(october.suggestions_opened == 1);

  // The threshold is the rulebook's: at 5, structure 5 . . -> 1/3, appearance 0/3, delivery 0/3,
  // price 5 . . -> 1/3, service 5 . . -> 1/3; overall 3 of 15.
  world.rules.visits.satisfied_min_score = 5;
  Context strict = world.context("zhang");
  const SatisfactionReport five =
      satisfaction_report(strict, report_month(strict, std::string("2026-10")));
  CHECK(five.visits.dimensions[0] == Ratio{1, 3});
  CHECK(five.visits.dimensions[1] == Ratio{0, 3});
  CHECK(five.visits.overall == Ratio{3, 15});
  CHECK(five.visits.overall == visit_stats(strict, five.month).satisfaction_overall);

  // A month without forms has 0/0 everywhere, no rate.
  const SatisfactionReport september =
      satisfaction_report(ctx, report_month(ctx, std::string("2026-09")));
  CHECK(september.visits.overall == Ratio{0, 0});
  CHECK(september.survey.forms == 0);
}
