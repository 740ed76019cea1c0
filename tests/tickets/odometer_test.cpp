// Odometer readings of a unit never go backwards in time (issue 9, hole 5): every reading of the
// unit counts, the unit record's and every ticket's, on both sides of the new one.
#include <doctest/doctest.h>

#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

TicketIntake reading(const std::string& reported_at, const std::string& km) {
  TicketIntake intake;
  intake.unit = kInWarranty;
  intake.category = "液压系统";
  intake.channel = "phone";
  intake.description = "扫刷不转";
  intake.reported_at = reported_at;
  intake.km = km;
  return intake;
}

}  // namespace

TEST_CASE("a ticket's km below an earlier ticket's is refused naming it, equal is fine") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  const std::string first = open_ticket(clerk, reading("2026-11-20T10:00", "50000")).number;
  const std::string named =
      "49999 km is below the reading of 50000 km taken at "
      "2026-11-20T10:00:00+08:00 (ticket " +
      first + ")";
  expect_error(ErrorCode::kInvalidInput, {"field \"km\"", named.c_str()},
               [&] { open_ticket(clerk, reading("2026-11-21T10:00", "49999")); });
  CHECK(open_ticket(clerk, reading("2026-11-21T10:00", "50000")).km ==
        std::optional<std::int64_t>(50000));
  // The same second as the earlier reading counts as at it.
  expect_error(ErrorCode::kInvalidInput, {"49999 km is below the reading of 50000 km"},
               [&] { open_ticket(clerk, reading("2026-11-20T10:00", "49999")); });
}

TEST_CASE("a ticket reported before a later reading may not be above it, equal is fine") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  const std::string later = open_ticket(clerk, reading("2026-11-25T10:00", "60000")).number;
  expect_error(ErrorCode::kInvalidInput,
               {"field \"km\"",
                "60001 km is above the reading of 60000 km taken later, at "
                "2026-11-25T10:00:00+08:00"},
               [&] { open_ticket(clerk, reading("2026-11-25T09:59:59", "60001")); });
  CHECK(open_ticket(clerk, reading("2026-11-25T09:59:59", "60000")).km ==
        std::optional<std::int64_t>(60000));
  CHECK(open_ticket(clerk, reading("2026-11-24T10:00", "55000")).km ==
        std::optional<std::int64_t>(55000));
  (void)later;
}

TEST_CASE("the unit record's reading counts from the start of its day, on both sides") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  world.set_today("2026-11-20");
  UnitFields read;
  read.km = "90000";
  edit_unit(clerk, kInWarranty, read);
  world.set_today("2026-11-27");
  expect_error(ErrorCode::kInvalidInput,
               {"89999 km is below the reading of 90000 km taken on 2026-11-20 (unit record)"},
               [&] { open_ticket(clerk, reading("2026-11-20T00:00:00", "89999")); });
  expect_error(ErrorCode::kInvalidInput,
               {"90001 km is above the reading of 90000 km taken later, on 2026-11-20 (unit "
                "record)"},
               [&] { open_ticket(clerk, reading("2026-11-19T23:59:59", "90001")); });
  CHECK(open_ticket(clerk, reading("2026-11-19T23:59:59", "90000")).km ==
        std::optional<std::int64_t>(90000));
  CHECK(open_ticket(clerk, reading("2026-11-20T00:00:00", "90000")).km ==
        std::optional<std::int64_t>(90000));
}

TEST_CASE("unit edit --km below a ticket's reading is refused naming it, equal is fine") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  const std::string ticket = open_ticket(clerk, reading("2026-11-26T10:00", "70000")).number;
  UnitFields lower;
  lower.km = "69999";
  expect_error(ErrorCode::kInvalidInput,
               {"unit HY2026-0601", "field \"km\"",
                "69999 km is below the reading of 70000 km taken at 2026-11-26T10:00:00+08:00"},
               [&] { edit_unit(clerk, kInWarranty, lower); });
  CHECK_FALSE(get_unit(clerk, kInWarranty).odometer_km.has_value());
  UnitFields equal;
  equal.km = "70000";
  CHECK(edit_unit(clerk, kInWarranty, equal).odometer_km == std::optional<std::int64_t>(70000));
  // Below its own earlier reading too; clearing it first lets a mistake be corrected.
  world.set_today("2026-11-28");
  expect_error(ErrorCode::kInvalidInput, {"(unit record)", "clear it first"},
               [&] { edit_unit(clerk, kInWarranty, lower); });
  (void)ticket;
}
