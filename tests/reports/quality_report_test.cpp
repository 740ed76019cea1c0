// 表8 monthly quality statistics: the month's quality problems (reported in it, not cancelled,
// claimed as a quality defect and not declined by the technical department) by model, fault
// category and part used; new units ([report] new_unit_months after shipping) apart.
#include <doctest/doctest.h>

#include "aftersales/models/models.h"
#include "aftersales/parts/parts.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/reports/quality_report.h"
#include "aftersales/store/part_return_store.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"
#include "aftersales/units/units.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

// Quality flags as the analysis and the technical department leave them.
enum class Claim { kNone, kAwaiting, kConfirmed, kDeclined };

struct QualityWorld : TicketWorld {
  QualityWorld() {
    rules.users["wu"] = {"warehouse"};
    Context ctx = context("zhang");
    ModelFields fire;
    fire.name = "泡沫消防车";
    fire.category = "fire";
    fire.warranty_months = "12";
    add_model(ctx, "JP18", fire);
    add_unit_of("HYS5160", "Q-0715", "2026-07-15");
    add_unit_of("JP18", "Q-0731", "2026-07-31");
    add_unit_of("HYS5160", "Q-0331", "2026-03-31");
    Context warehouse = context("wu");
    PartFields pump;
    pump.name = "液压泵";
    pump.price = "1200";
    pump.major = true;
    add_part(warehouse, "P-100", pump);
    PartFields relay;
    relay.name = "继电器";
    relay.price = "35";
    add_part(warehouse, "P-200", relay);
  }

  void add_unit_of(const std::string& model, const std::string& serial,
                   const std::string& shipped) {
    Context ctx = context("zhang");
    UnitFields fields;
    fields.model = model;
    fields.customer = "C001";
    fields.shipped = shipped;
    add_unit(ctx, serial, fields);
  }

  // Opens a ticket of `category` and leaves it with the quality flags of `claim` and `state`
  // straight through the port (the report only reads the ledger).
  std::string ticket(const std::string& serial, const std::string& reported,
                     const std::string& category, Claim claim,
                     TicketState state = TicketState::kAnalysed) {
    const std::string number = open(serial, "normal", reported);
    std::optional<Ticket> found = store->tickets().find(number);
    REQUIRE(found);
    Ticket t = *found;
    t.category = category;
    store->write([&] { store->tickets().update_intake(t); });
    t.state = state;
    t.quality_claim = claim != Claim::kNone;
    if (claim == Claim::kConfirmed) t.quality_confirmed = true;
    if (claim == Claim::kDeclined) t.quality_confirmed = false;
    store->write([&] { store->tickets().update(t); });
    return number;
  }

  void use_part(const std::string& number, const std::string& part, std::int64_t quantity) {
    std::optional<Ticket> found = store->tickets().find(number);
    REQUIRE(found);
    std::vector<PartUsed> used = store->part_returns().parts_used(found->id);
    PartUsed line;
    line.part = part;
    line.quantity = quantity;
    line.unit_price = Money{100};
    used.push_back(line);
    store->write([&] { store->part_returns().replace_parts_used(found->id, used); });
  }

  QualityReport report(const std::string& month) {
    Context ctx = context("zhang");
    return quality_report(ctx, report_month(ctx, month));
  }
};

const QualityByCategory* category_of(const QualityReport& report, const std::string& name) {
  for (const QualityByCategory& c : report.by_category) {
    if (c.category == name) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("quality problems of a month by model, category and part, new units apart") {
  QualityWorld world;
  // October 2026, [report] new_unit_months = 3. A unit is new while the day is on or before
  // warranty_end(ship date, 3): Q-0715 (shipped 07-15) through 10-14, Q-0731 (shipped 07-31)
  // through 10-30; HY2026-0601 (06-01) through 08-31 and HY2024-0110 long ago: in service.
  //   T1 Q-0715 10-14 23:30 local (10-14 15:30 UTC) 液压系统 confirmed  -> new
  //   T2 Q-0715 10-15 00:30 local (still 10-14 UTC) 液压系统 awaiting   -> in service: shipped
  //      exactly 3 months before, and the local day decides
  //   T3 Q-0731 10-30 电气系统 confirmed                                -> new (last day)
  //   T4 Q-0731 10-31 电气系统 awaiting                                 -> in service (day after)
  //   T5 HY2024-0110 10-10 轮胎 (not a configured category) confirmed   -> in service
  //   T6 HY2026-0601 10-11 declined by tech_dept: not a quality problem
  //   T7 HY2026-0601 10-12 no quality claim: service, not quality
  //   T8 HY2026-0601 10-13 confirmed but cancelled: not counted
  //   T9 HY2026-0601 09-30 23:30 local: September; T10 11-01 00:10 local: November
  const std::string t1 =
      world.ticket("Q-0715", "2026-10-14T23:30:00+08:00", "液压系统", Claim::kConfirmed);
  const std::string t2 =
      world.ticket("Q-0715", "2026-10-15T00:30:00+08:00", "液压系统", Claim::kAwaiting);
  const std::string t3 =
      world.ticket("Q-0731", "2026-10-30T10:00:00+08:00", "电气系统", Claim::kConfirmed);
  world.ticket("Q-0731", "2026-10-31T10:00:00+08:00", "电气系统", Claim::kAwaiting);
  world.ticket(kOutOfWarranty, "2026-10-10T10:00:00+08:00", "轮胎", Claim::kConfirmed);
  const std::string t6 =
      world.ticket(kInWarranty, "2026-10-11T10:00:00+08:00", "液压系统", Claim::kDeclined);
  const std::string t7 =
      world.ticket(kInWarranty, "2026-10-12T10:00:00+08:00", "液压系统", Claim::kNone);
  world.ticket(kInWarranty, "2026-10-13T10:00:00+08:00", "液压系统", Claim::kConfirmed,
               TicketState::kCancelled);
  world.ticket(kInWarranty, "2026-09-30T23:30:00+08:00", "液压系统", Claim::kConfirmed);
  world.ticket(kInWarranty, "2026-11-01T00:10:00+08:00", "液压系统", Claim::kConfirmed);
  // Parts used (表6): P-100 on T1 x1 and T2 x2; P-200 on T3 x1; on T6 (declined) P-200 x5 and
  // on T7 (no claim) P-100 x4, neither counted.
  world.use_part(t1, "P-100", 1);
  world.use_part(t2, "P-100", 2);
  world.use_part(t3, "P-200", 1);
  world.use_part(t6, "P-200", 5);
  world.use_part(t7, "P-100", 4);

  const QualityReport october = world.report("2026-10");
  CHECK(october.new_unit_months == 3);
  // All: T1..T5 = 5; new T1 T3 = 2; in service T2 T4 T5 = 3; confirmed T1 T3 T5 = 3.
  CHECK(october.all.problems == 5);
  CHECK(october.all.new_units == 2);
  CHECK(october.all.in_service() == 3);
  CHECK(october.confirmed == 3);
  // By model code: HYS5160 T1 T2 T5 = 3 (new T1); JP18 T3 T4 = 2 (new T3).
  REQUIRE(october.by_model.size() == 2);
  CHECK(october.by_model[0].model == "HYS5160");
  CHECK(october.by_model[0].name == "洗扫车");
  CHECK(october.by_model[0].counts.problems == 3);
  CHECK(october.by_model[0].counts.new_units == 1);
  CHECK(october.by_model[1].model == "JP18");
  CHECK(october.by_model[1].counts.problems == 2);
  CHECK(october.by_model[1].counts.new_units == 1);
  // By category: the nine configured in order, then 轮胎.
  REQUIRE(october.by_category.size() == world.rules.lists.fault_categories.size() + 1);
  CHECK(october.by_category.front().category == world.rules.lists.fault_categories.front());
  CHECK(october.by_category.back().category == "轮胎");
  CHECK(category_of(october, "液压系统")->counts.problems == 2);   // T1 T2
  CHECK(category_of(october, "液压系统")->counts.new_units == 1);  // T1
  CHECK(category_of(october, "电气系统")->counts.problems == 2);   // T3 T4
  CHECK(category_of(october, "电气系统")->counts.new_units == 1);  // T3
  CHECK(category_of(october, "轮胎")->counts.problems == 1);       // T5
  CHECK(category_of(october, "轮胎")->counts.new_units == 0);
  CHECK(category_of(october, "底盘")->counts.problems == 0);
  // By part: P-100 on T1 T2 (new T1), 1 + 2 = 3 pieces; P-200 on T3 (new), 1 piece.
  REQUIRE(october.by_part.size() == 2);
  CHECK(october.by_part[0].part == "P-100");
  CHECK(october.by_part[0].name == "液压泵");
  CHECK(october.by_part[0].major);
  CHECK(october.by_part[0].counts.problems == 2);
  CHECK(october.by_part[0].counts.new_units == 1);
  CHECK(october.by_part[0].quantity == 3);
  CHECK(october.by_part[1].part == "P-200");
  CHECK(october.by_part[1].counts.problems == 1);
  CHECK(october.by_part[1].counts.new_units == 1);
  CHECK(october.by_part[1].quantity == 1);

  // September: the one of 09-30 23:30 local; November: the one of 11-01 00:10 local.
  CHECK(world.report("2026-09").all.problems == 1);
  CHECK(world.report("2026-11").all.problems == 1);
}

TEST_CASE("a unit shipped on the 31st is new through the last day of a shorter month") {
  QualityWorld world;
  // Q-0331 shipped 2026-03-31; 3 months on, 06-31 does not exist: the anniversary is 07-01, so
  // warranty_end(03-31, 3) = 06-30 is its last new day. 06-30: new; 07-01: in service.
  world.ticket("Q-0331", "2026-06-30T10:00:00+08:00", "底盘", Claim::kConfirmed);
  world.ticket("Q-0331", "2026-07-01T10:00:00+08:00", "底盘", Claim::kConfirmed);
  CHECK(format_date(warranty_end(testing::day("2026-03-31"), 3)) == "2026-06-30");
  const QualityReport june = world.report("2026-06");
  CHECK(june.all.problems == 1);
  CHECK(june.all.new_units == 1);
  const QualityReport july = world.report("2026-07");
  CHECK(july.all.problems == 1);
  CHECK(july.all.new_units == 0);
}

TEST_CASE("the new-unit span is the rulebook's report.new_unit_months") {
  QualityWorld world;
  // Q-0715 shipped 07-15, a problem on 09-20: new with 3 months (through 10-14), in service
  // with 2 months (through 09-14); one on 09-14 is new with either.
  world.ticket("Q-0715", "2026-09-20T10:00:00+08:00", "底盘", Claim::kConfirmed);
  world.ticket("Q-0715", "2026-09-14T10:00:00+08:00", "底盘", Claim::kConfirmed);
  CHECK(world.report("2026-09").all.new_units == 2);
  world.rules.report.new_unit_months = 2;
  const QualityReport two = world.report("2026-09");
  CHECK(two.new_unit_months == 2);
  CHECK(two.all.problems == 2);
  CHECK(two.all.new_units == 1);  // 09-14 only
}

TEST_CASE("a month without quality problems lists the categories at zero and no model or part") {
  QualityWorld world;
  world.ticket(kInWarranty, "2026-10-12T10:00:00+08:00", "液压系统", Claim::kNone);
  const QualityReport october = world.report("2026-10");
  CHECK(october.all.problems == 0);
  CHECK(october.by_model.empty());
  CHECK(october.by_part.empty());
  CHECK(october.by_category.size() == world.rules.lists.fault_categories.size());
}
