// Follow-up visits (回访, 表2): what is due from the ledger and the rulebook (new units within 10
// days of shipping, key customers twice a year, major warranty repairs within 7 days,
// maintenance listed from 7 days before), recording a visit with its five scores, and the
// counts of a month for the reports.
#include <doctest/doctest.h>

#include <algorithm>

#include "aftersales/audit/audit.h"
#include "aftersales/customers/customers.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visit_rules.h"
#include "aftersales/visits/visits.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::day;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

// A ticket world with units shipped on given days, a key customer C009 and a model with a
// maintenance interval of 60 days (HYS-M).
struct VisitWorld : TicketWorld {
  void ship(const std::string& serial, const std::string& shipped,
            const std::string& model = "HYS5160", const std::string& customer = "C001") {
    Context ctx = context("zhang");
    UnitFields fields;
    fields.model = model;
    fields.customer = customer;
    fields.shipped = shipped;
    fields.vin = "VIN-" + serial;
    fields.engine = "ENG-" + serial;
    fields.config = "8吨洗扫";
    fields.terms = "整车12个月";
    add_unit(ctx, serial, fields);
  }

  void add_key_customer(const std::string& code) {
    Context ctx = context("zhang");
    CustomerFields fields;
    fields.name = "沈阳环卫集团";
    fields.contact = "刘强";
    fields.phone = "024-5550000";
    fields.key = true;
    add_customer(ctx, code, fields);
  }

  void add_maintained_model() {
    Context ctx = context("zhang");
    ModelFields model;
    model.name = "保养车型";
    model.category = "sanitation";
    model.warranty_months = "12";
    model.maintenance_days = "60";
    add_model(ctx, "HYS-M", model);
  }

  Visit visit(const std::string& unit, const std::string& reason, const std::string& when,
              const std::string& scores = "5,5,5,5,5", const std::string& ticket = "") {
    Context ctx = context("zhang");
    VisitRequest request;
    request.unit = unit;
    request.reason = reason;
    request.scores = scores;
    request.at = when;
    request.ticket = ticket;
    return record_visit(ctx, request);
  }

  Visit visit_customer(const std::string& customer, const std::string& reason,
                       const std::string& when, const std::string& scores = "") {
    Context ctx = context("zhang");
    VisitRequest request;
    request.customer = customer;
    request.reason = reason;
    request.scores = scores;
    request.at = when;
    return record_visit(ctx, request);
  }

  std::vector<DueVisit> due(bool overdue = false, std::optional<std::string> kind = std::nullopt) {
    Context ctx = context("zhang");
    DueQuery query;
    query.overdue = overdue;
    query.kind = std::move(kind);
    return due_visits(ctx, query);
  }

  std::optional<DueVisit> due_item(const std::string& key, bool overdue = false) {
    for (const DueVisit& item : due(overdue)) {
      if (item.key == key) return item;
    }
    return std::nullopt;
  }

  std::vector<Visit> visits() {
    Context ctx = context("zhang");
    std::vector<Visit> all;
    each_visit(ctx, VisitQuery{}, [&](const Visit& v) { all.push_back(v); });
    return all;
  }
};

}  // namespace

TEST_CASE("a new-unit visit on day 10 is on time and on day 11 late") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  world.ship("NEW-B", "2026-11-01");

  const Visit on_time = world.visit("NEW-A", "shipment", "2026-11-11T16:00:00");
  CHECK(on_time.number == "VS-2026-000001");
  CHECK(on_time.settled_key == "NEW-A");
  CHECK(on_time.settled_due_on == std::optional<Date>(day("2026-11-11")));
  CHECK(on_time.days_late == 0);

  const Visit late = world.visit("NEW-B", "shipment", "2026-11-12T09:00:00");
  CHECK(late.number == "VS-2026-000002");
  CHECK(late.settled_key == "NEW-B");
  CHECK(late.days_late == 1);

  // Both are settled: neither is due any more.
  CHECK_FALSE(world.due_item("NEW-A"));
  CHECK_FALSE(world.due_item("NEW-B"));
}

TEST_CASE("a new unit is due from its ship date and overdue from day 11") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  world.set_today("2026-11-11");
  std::optional<DueVisit> item = world.due_item("NEW-A");
  REQUIRE(item);
  CHECK(item->kind == VisitReason::kShipment);
  CHECK(item->serial == "NEW-A");
  CHECK(item->customer == "C001");
  CHECK(item->opens_on == day("2026-11-01"));
  CHECK(item->due_on == day("2026-11-11"));
  CHECK(item->days_late == 0);
  CHECK_FALSE(world.due_item("NEW-A", true));

  world.set_today("2026-11-12");
  item = world.due_item("NEW-A", true);
  REQUIRE(item);
  CHECK(item->days_late == 1);
  CHECK(item->why.find("2026-11-01") != std::string::npos);
}

TEST_CASE("a key customer with one visit in a year is still due for the other half") {
  VisitWorld world;
  world.add_key_customer("C009");
  world.ship("KEY-1", "2026-01-05", "HYS5160", "C009");
  world.set_today("2026-03-20");
  const Visit first = world.visit_customer("C009", "key-customer", "2026-03-15T10:00:00");
  CHECK(first.settled_key == "C009 2026-1");
  CHECK(first.settled_due_on == std::optional<Date>(day("2026-06-30")));
  CHECK(first.days_late == 0);

  world.set_today("2026-11-27");
  CHECK_FALSE(world.due_item("C009 2026-1"));
  std::optional<DueVisit> second = world.due_item("C009 2026-2");
  REQUIRE(second);
  CHECK(second->kind == VisitReason::kKeyCustomer);
  CHECK(second->customer == "C009");
  CHECK(second->opens_on == day("2026-07-01"));
  CHECK(second->due_on == day("2026-12-31"));
  CHECK(second->days_late == 0);

  world.set_today("2027-01-01");
  second = world.due_item("C009 2026-2", true);
  REQUIRE(second);
  CHECK(second->days_late == 1);
}

TEST_CASE("key-customer periods split the year evenly") {
  Rules rules;
  CHECK(key_customer_visit_window(rules, 2026, 1).opens_on == day("2026-01-01"));
  CHECK(key_customer_visit_window(rules, 2026, 1).due_on == day("2026-06-30"));
  CHECK(key_customer_visit_window(rules, 2026, 2).due_on == day("2026-12-31"));
  CHECK(key_customer_period_of(rules, day("2026-06-30")) == 1);
  CHECK(key_customer_period_of(rules, day("2026-07-01")) == 2);
  rules.visits.key_customer_per_year = 4;
  CHECK(key_customer_visit_window(rules, 2026, 3).opens_on == day("2026-07-01"));
  CHECK(key_customer_visit_window(rules, 2026, 3).due_on == day("2026-09-30"));
  rules.visits.key_customer_per_year = 5;  // 365 days in five: 73 each
  CHECK(key_customer_visit_window(rules, 2026, 2).opens_on == day("2026-03-15"));
  CHECK(key_customer_visit_window(rules, 2026, 5).due_on == day("2026-12-31"));
}

TEST_CASE("a major warranty repair finished on day 0 is overdue on day 8, not on day 7") {
  VisitWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context clerk = world.context("zhang");
  estimate_ticket(clerk, number, "1000.01", "0", "0");
  world.approve_all(number);
  world.start(number);
  world.clock.set(at("2026-11-28T08:00:00"));
  world.record(number, "2026-11-27T20:00:00", "2026-11-27T23:30:00");

  world.set_today("2026-12-04");  // day 7
  std::optional<DueVisit> item = world.due_item(number);
  REQUIRE(item);
  CHECK(item->kind == VisitReason::kRepair);
  CHECK(item->ticket == number);
  CHECK(item->serial == kInWarranty);
  CHECK(item->opens_on == day("2026-11-27"));
  CHECK(item->due_on == day("2026-12-04"));
  CHECK_FALSE(world.due_item(number, true));

  world.set_today("2026-12-05");  // day 8
  item = world.due_item(number, true);
  REQUIRE(item);
  CHECK(item->days_late == 1);

  const Visit visit =
      world.visit(kInWarranty, "repair", "2026-12-05T09:00:00", "4,4,4,4,5", number);
  CHECK(visit.ticket == number);
  CHECK(visit.settled_key == number);
  CHECK(visit.days_late == 1);
  CHECK_FALSE(world.due_item(number));
  const TicketView view = show_ticket(clerk, number);
  REQUIRE(view.follow_up);
  CHECK(view.follow_up->number == visit.number);
}

TEST_CASE("a maintenance reminder is listed from 7 days before it is due, not 8") {
  VisitWorld world;
  world.add_maintained_model();
  world.ship("MNT-1", "2026-10-01", "HYS-M");  // every 60 days: first due 2026-11-30
  world.set_today("2026-11-22");
  CHECK_FALSE(world.due_item("MNT-1 #1"));
  world.set_today("2026-11-23");
  std::optional<DueVisit> item = world.due_item("MNT-1 #1");
  REQUIRE(item);
  CHECK(item->kind == VisitReason::kMaintenance);
  CHECK(item->opens_on == day("2026-11-23"));
  CHECK(item->due_on == day("2026-11-30"));
  world.set_today("2026-12-01");
  item = world.due_item("MNT-1 #1", true);
  REQUIRE(item);
  CHECK(item->days_late == 1);
  // The next reminder replaces a missed one once its own window opens (2027-01-22).
  world.set_today("2027-01-22");
  CHECK_FALSE(world.due_item("MNT-1 #1"));
  CHECK(world.due_item("MNT-1 #2"));
  const Visit visit = world.visit("MNT-1", "maintenance", "2027-01-22T10:00:00");
  CHECK(visit.settled_key == "MNT-1 #2");
  CHECK(visit.days_late == 0);
}

TEST_CASE("visit due lists by last day, kind and key, and --kind narrows it") {
  VisitWorld world;
  world.ship("NEW-B", "2026-11-02");
  world.ship("NEW-A", "2026-11-02");
  const std::vector<DueVisit> all = world.due();
  CHECK(std::is_sorted(all.begin(), all.end(), [](const DueVisit& a, const DueVisit& b) {
    return std::make_tuple(a.due_on, static_cast<int>(a.kind), a.key) <
           std::make_tuple(b.due_on, static_cast<int>(b.kind), b.key);
  }));
  const std::vector<DueVisit> shipments = world.due(false, std::string("shipment"));
  REQUIRE(shipments.size() == 4);  // both world units and both new ones
  CHECK(shipments[2].key == "NEW-A");
  CHECK(shipments[3].key == "NEW-B");
  Context ctx = world.context("zhang");
  DueQuery bad;
  bad.kind = "other";
  expect_error(ErrorCode::kInvalidInput, {"kind"}, [&] { due_visits(ctx, bad); });
}

TEST_CASE("scores 0 and 6 are refused and nothing is written") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  for (const char* scores : {"0,5,5,5,5", "5,5,5,5,6", "5,5,5,5", "5,5,5,5,5,5", "a,5,5,5,5"}) {
    CAPTURE(scores);
    expect_error(ErrorCode::kInvalidInput, {"scores"},
                 [&] { world.visit("NEW-A", "shipment", "2026-11-10T10:00:00", scores); });
  }
  CHECK(world.visits().empty());
  CHECK(world.due_item("NEW-A"));
  // The sequence was not used up by the refusals.
  CHECK(world.visit("NEW-A", "shipment", "2026-11-10T10:00:00", "1,2,3,4,5").number ==
        "VS-2026-000001");
}

TEST_CASE("a visit names exactly one of unit and customer, both known") {
  VisitWorld world;
  Context clerk = world.context("zhang");
  VisitRequest request;
  request.reason = "other";
  request.scores = "5,5,5,5,5";
  expect_error(ErrorCode::kInvalidInput, {"--unit SERIAL", "--customer C"},
               [&] { record_visit(clerk, request); });
  request.unit = kInWarranty;
  request.customer = "C001";
  expect_error(ErrorCode::kInvalidInput, {"not both"}, [&] { record_visit(clerk, request); });
  request.customer.clear();
  request.unit = "NOPE";
  expect_error(ErrorCode::kNotFound, {"unit NOPE"}, [&] { record_visit(clerk, request); });
  request.unit.clear();
  request.customer = "C404";
  expect_error(ErrorCode::kNotFound, {"customer C404"}, [&] { record_visit(clerk, request); });
  request.customer = "C001";
  request.reason = "chat";
  expect_error(ErrorCode::kInvalidInput, {"reason"}, [&] { record_visit(clerk, request); });
  request.reason = "other";
  request.at = "2026-11-28T10:00:00";
  expect_error(ErrorCode::kInvalidInput, {"after now"}, [&] { record_visit(clerk, request); });
  CHECK(world.visits().empty());
}

TEST_CASE("a visit's ticket must exist and be of the unit visited") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  const std::string number = world.open(kInWarranty);
  expect_error(ErrorCode::kNotFound, {"SR-2026-999999"}, [&] {
    world.visit("NEW-A", "repair", "2026-11-20T10:00:00", "5,5,5,5,5", "SR-2026-999999");
  });
  expect_error(ErrorCode::kInvalidInput, {number.c_str(), "not of NEW-A"},
               [&] { world.visit("NEW-A", "repair", "2026-11-20T10:00:00", "5,5,5,5,5", number); });
  CHECK(world.visits().empty());
}

TEST_CASE("only the roles of permissions.visits record a visit") {
  VisitWorld world;
  Context technician = world.context("ma");
  VisitRequest request;
  request.unit = kInWarranty;
  request.reason = "other";
  request.scores = "5,5,5,5,5";
  expect_error(ErrorCode::kRuleViolation, {"visit"}, [&] { record_visit(technician, request); });
  Context leader = world.context("xu");  // sales_manager
  CHECK(record_visit(leader, request).visited_by == "xu");
}

TEST_CASE("a visit that settles nothing is kept and audited") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  world.visit("NEW-A", "shipment", "2026-11-05T10:00:00");
  const Visit again = world.visit("NEW-A", "shipment", "2026-11-06T10:00:00");
  CHECK(again.settled_key.empty());
  const Visit other = world.visit_customer("C001", "other", "2026-11-07T10:00:00");
  CHECK(other.settled_key.empty());
  CHECK_FALSE(other.scores.has_value());
  CHECK(world.visits().size() == 3);

  Context clerk = world.context("zhang");
  CHECK(get_visit(clerk, again.number).number == again.number);
  expect_error(ErrorCode::kNotFound, {"VS-2026-000009"},
               [&] { get_visit(clerk, "VS-2026-000009"); });
  AuditQuery query;
  query.entity = "visit";
  query.entity_id = again.number;
  const std::vector<AuditEntry> trail = audit_log(clerk, query);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].action == "add");
  CHECK(trail[0].actor == "zhang");
}

TEST_CASE("visit list narrows by month, unit and customer") {
  VisitWorld world;
  world.ship("NEW-A", "2026-10-01");
  world.visit("NEW-A", "shipment", "2026-10-08T10:00:00");
  world.visit(kInWarranty, "other", "2026-11-08T10:00:00");
  Context clerk = world.context("zhang");
  const auto listed = [&](const VisitQuery& query) {
    std::vector<std::string> numbers;
    each_visit(clerk, query, [&](const Visit& v) { numbers.push_back(v.number); });
    return numbers;
  };
  VisitQuery october;
  october.month = "2026-10";
  CHECK(listed(october) == std::vector<std::string>{"VS-2026-000001"});
  VisitQuery unit;
  unit.unit = kInWarranty;
  CHECK(listed(unit) == std::vector<std::string>{"VS-2026-000002"});
  VisitQuery customer;
  customer.customer = "C001";
  CHECK(listed(customer).size() == 2);
  VisitQuery bad;
  bad.month = "2026-13";
  expect_error(ErrorCode::kInvalidInput, {"2026-13"}, [&] { listed(bad); });
}

TEST_CASE("the month's visit counts are numerators over denominators") {
  VisitWorld world;
  world.ship("NEW-A", "2026-11-01");
  world.ship("NEW-B", "2026-11-01");
  // Structure 5, appearance 4, delivery 3, price 5, service 2: three of five satisfied.
  world.visit("NEW-A", "shipment", "2026-11-11T10:00:00", "5,4,3,5,2");
  world.visit_customer("C001", "other", "2026-11-20T10:00:00");  // no form filled in

  Context clerk = world.context("zhang");
  const VisitStats stats = visit_stats(clerk, parse_period("2026-11"));
  CHECK(stats.period.from == day("2026-11-01"));
  CHECK(stats.period.to == day("2026-11-30"));
  CHECK(stats.due == 2);  // NEW-A and NEW-B, due 2026-11-11
  CHECK(stats.done == 1);
  CHECK(stats.done_on_time == 1);
  CHECK(stats.visits == 2);
  CHECK(stats.new_unit_visits == 1);
  CHECK(stats.repair_visits == 0);
  CHECK(stats.forms_filled == 1);
  CHECK(stats.warranty_visit_rate.num == 1);
  CHECK(stats.warranty_visit_rate.den == 2);
  CHECK(stats.satisfaction[0].num == 1);
  CHECK(stats.satisfaction[0].den == 1);
  CHECK(stats.satisfaction[2].num == 0);
  CHECK(stats.satisfaction[4].num == 0);
  CHECK(stats.satisfaction_overall.num == 3);
  CHECK(stats.satisfaction_overall.den == 5);

  const VisitStats october = visit_stats(clerk, parse_period("2026-10"));
  CHECK(october.due == 0);
  CHECK(october.visits == 0);
  CHECK(october.satisfaction_overall.den == 0);
  // The year holds the world units' own new-unit visits too (due 2026-06-11, not made).
  const VisitStats year = visit_stats(clerk, parse_period("2026"));
  CHECK(year.due == 3);
  CHECK(year.done == 1);
  CHECK(year.warranty_visit_rate.den == 3);
}

// Maintenance every 60 days (HYS-M), by hand: shipped 2026-08-01 -> due 09-30 and 11-29;
// 08-02 -> 10-01 and 11-30; 09-01 -> 10-31; 09-02 -> 11-01; 2020-01-01 -> the 41st on 2026-09-26
// and the 42nd on 2026-11-25 (out of warranty). October holds 10-01 and 10-31 only.
TEST_CASE("a month's due visits are those due on its first to its last day, not a day beyond") {
  VisitWorld world;
  world.add_maintained_model();
  world.ship("MNT-A", "2026-08-01", "HYS-M");
  world.ship("MNT-B", "2026-08-02", "HYS-M");
  world.ship("MNT-C", "2026-09-01", "HYS-M");
  world.ship("MNT-D", "2026-09-02", "HYS-M");
  world.ship("MNT-E", "2020-01-01", "HYS-M");
  const Visit done = world.visit("MNT-B", "maintenance", "2026-09-28T10:00:00");  // opens 09-24
  CHECK(done.settled_key == "MNT-B #1");

  Context clerk = world.context("zhang");
  const VisitStats october = visit_stats(clerk, parse_period("2026-10"));
  CHECK(october.due == 2);  // MNT-B #1 (10-01) and MNT-C #1 (10-31)
  CHECK(october.done == 1);
  CHECK(october.done_on_time == 1);
  CHECK(october.visits == 0);  // made in September
  CHECK(october.warranty_visit_rate.num == 1);
  CHECK(october.warranty_visit_rate.den == 2);
  // September: MNT-A #1 (09-30), MNT-E #41 (09-26), the new-unit visits of MNT-C and MNT-D
  // (09-11, 09-12); November: MNT-D #1 (11-01), MNT-E #42 (11-25), MNT-A #2, MNT-B #2.
  CHECK(visit_stats(clerk, parse_period("2026-09")).due == 4);
  CHECK(visit_stats(clerk, parse_period("2026-11")).due == 4);
}

TEST_CASE(
    "a key-customer visit of a unit settles its owner's period, a customer's visit no unit's") {
  VisitWorld world;
  world.add_key_customer("C009");
  world.ship("KEY-1", "2026-11-20", "HYS5160", "C009");
  const Visit by_unit = world.visit("KEY-1", "key-customer", "2026-11-25T10:00:00");
  CHECK(by_unit.customer == "C009");
  CHECK(by_unit.settled_key == "C009 2026-2");
  // A call to the customer with the reason of a unit's visit settles no unit's due visit.
  const Visit to_customer = world.visit_customer("C009", "shipment", "2026-11-26T10:00:00");
  CHECK(to_customer.settled_key.empty());
  CHECK(world.due_item("KEY-1"));
}

TEST_CASE("visit due --until lists the windows opened by that day") {
  VisitWorld world;
  world.add_maintained_model();
  world.ship("MNT-1", "2026-10-01", "HYS-M");  // first maintenance listed from 2026-11-23
  Context clerk = world.context("zhang");
  DueQuery query;
  query.kind = "maintenance";
  CHECK(due_visits(clerk, query).size() == 1);
  query.until = "2026-11-22";
  CHECK(due_visits(clerk, query).empty());
  query.until = "2027-01-22";  // the second opens; the first gives way
  const std::vector<DueVisit> later = due_visits(clerk, query);
  REQUIRE(later.size() == 1);
  CHECK(later[0].key == "MNT-1 #2");
  CHECK(later[0].days_late == 0);
  query.until = "2026-13-01";
  expect_error(ErrorCode::kInvalidInput, {"until"}, [&] { due_visits(clerk, query); });
}
