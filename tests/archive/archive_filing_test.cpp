// R21 (产品出厂后, 2日内要制成电子存档): when an archive became complete, and how late against
// [archive] complete_within_days; ship day is day 0, day 2 on time, day 3 late by 1.
#include <doctest/doctest.h>

#include "aftersales/customers/customers.h"
#include "aftersales/units/archive_completeness.h"
#include "aftersales/units/units.h"
#include "support/test_store.h"

using namespace aftersales;

namespace {

Date day(const char* text) { return *parse_date(text); }

UnitFields complete_unit(const std::string& shipped) {
  UnitFields f;
  f.model = "HYS5160";
  f.customer = "C001";
  f.shipped = shipped;
  f.vin = "LZZ1";
  f.engine = "WP10-1";
  f.config = "8吨洗扫";
  f.terms = "整车12个月";
  return f;
}

struct FilingWorld : testing::TestWorld {
  FilingWorld() { add_basics(); }

  // Registers `serial` shipped on `shipped` on business day `registered`.
  void register_on(const std::string& registered, const std::string& serial,
                   const std::string& shipped, bool complete = true) {
    set_today(registered);
    Context ctx = context();
    UnitFields f = complete_unit(shipped);
    if (!complete) f.terms = "";
    add_unit(ctx, serial, f);
  }

  ArchiveFiling filing(const std::string& serial) {
    Context ctx = context();
    return unit_archive(ctx, serial).filing;
  }

  std::vector<std::string> late_serials() {
    Context ctx = context();
    UnitQuery query;
    query.late = true;
    std::vector<std::string> serials;
    for (const UnitSummary& s : list_units(ctx, query)) serials.push_back(s.unit.serial);
    return serials;
  }
};

}  // namespace

TEST_CASE("days late count from the ship day as day 0: day 2 on time, day 3 late by 1") {
  CHECK(archive_days_late(day("2026-03-01"), day("2026-03-01"), 2) == 0);
  CHECK(archive_days_late(day("2026-03-01"), day("2026-03-03"), 2) == 0);
  CHECK(archive_days_late(day("2026-03-01"), day("2026-03-04"), 2) == 1);
  CHECK(archive_days_late(day("2026-03-01"), day("2026-03-10"), 2) == 7);
  CHECK(archive_days_late(day("2026-03-01"), day("2026-03-10"), 9) == 0);  // rules are data
}

TEST_CASE("an archive registered complete 2 days after shipping is on time, 3 days late by 1") {
  FilingWorld world;
  world.register_on("2026-03-03", "ON-TIME", "2026-03-01");
  world.register_on("2026-03-04", "LATE-1", "2026-03-01");
  world.register_on("2026-03-10", "LATE-7", "2026-03-01");
  CHECK(world.filing("ON-TIME").completed_on == day("2026-03-03"));
  CHECK(world.filing("ON-TIME").days_late == 0);
  CHECK(world.filing("LATE-1").days_late == 1);
  CHECK(world.filing("LATE-7").completed_on == day("2026-03-10"));
  CHECK(world.filing("LATE-7").days_late == 7);
  world.set_today("2026-11-27");
  CHECK(world.late_serials() == std::vector<std::string>{"LATE-1", "LATE-7"});
}

TEST_CASE("an archive completed later by an edit is dated by that edit") {
  FilingWorld world;
  world.register_on("2026-03-01", "2026-301", "2026-03-01", false);
  CHECK_FALSE(world.filing("2026-301").completed_on.has_value());
  world.set_today("2026-03-02");
  Context ctx = world.context();
  UnitFields plate;
  plate.plate = "辽C1";  // not a required field: still incomplete
  edit_unit(ctx, "2026-301", plate);
  CHECK_FALSE(world.filing("2026-301").completed_on.has_value());
  world.set_today("2026-03-06");
  UnitFields terms;
  terms.terms = "整车12个月";
  edit_unit(ctx, "2026-301", terms);
  CHECK(world.filing("2026-301").completed_on == day("2026-03-06"));
  CHECK(world.filing("2026-301").days_late == 3);
  // A later edit of a complete archive keeps the day it was completed.
  world.set_today("2026-04-01");
  UnitFields config;
  config.config = "10吨洗扫";
  edit_unit(ctx, "2026-301", config);
  CHECK(world.filing("2026-301").completed_on == day("2026-03-06"));
  // Cleared, it is incomplete again; completed again, it is dated anew.
  config.config = "";
  edit_unit(ctx, "2026-301", config);
  CHECK_FALSE(world.filing("2026-301").completed_on.has_value());
  world.set_today("2026-04-02");
  config.config = "10吨洗扫";
  edit_unit(ctx, "2026-301", config);
  CHECK(world.filing("2026-301").completed_on == day("2026-04-02"));
}

TEST_CASE("a customer's phone added completes the archives of its units that lacked it") {
  FilingWorld world;
  world.set_today("2026-03-01");
  Context ctx = world.context();
  CustomerFields bare;
  bare.name = "大连市政";
  add_customer(ctx, "C002", bare);
  UnitFields f = complete_unit("2026-03-01");
  f.customer = "C002";
  f.contact = "李雷";
  add_unit(ctx, "2026-302", f);  // its own contact, no phone anywhere
  CHECK(unit_archive(ctx, "2026-302").missing == std::vector<std::string>{"phone"});
  world.set_today("2026-03-05");
  CustomerFields phone;
  phone.phone = "0411-5550000";
  edit_customer(ctx, "C002", phone);
  CHECK(world.filing("2026-302").completed_on == day("2026-03-05"));
  CHECK(world.filing("2026-302").days_late == 2);
}
