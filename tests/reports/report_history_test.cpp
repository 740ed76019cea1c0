// Twelve months of 表7 for the nightly workbook's chart and the report page: each month counted
// as `report monthly` counts it, and the month's top fault categories.
#include "aftersales/reports/report_history.h"

#include <doctest/doctest.h>

#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

struct HistoryWorld : TicketWorld {
  void update(const std::string& number, TicketState state, const std::string& category) {
    std::optional<Ticket> ticket = store->tickets().find(number);
    REQUIRE(ticket);
    ticket->state = state;
    ticket->category = category;
    store->write([&] {
      store->tickets().update(*ticket);
      store->tickets().update_intake(*ticket);
    });
  }
};

}  // namespace

TEST_CASE("report history counts the month and the eleven before it, oldest first") {
  HistoryWorld world;
  // By hand, for October 2026: August has one warranty ticket (A); October has B and C in
  // warranty (液压系统), D paid (发动机), E paid (底盘) and F cancelled (底盘, not counted);
  // G is November's. The window is 2025-11 .. 2026-10.
  world.open(kInWarranty, "normal", "2026-08-10T09:00:00+08:00");  // A
  world.open(kInWarranty, "normal", "2026-10-01T00:00:00+08:00");  // B
  world.open(kInWarranty, "normal", "2026-10-20T09:00:00+08:00");  // C
  const std::string d = world.open(kOutOfWarranty, "normal", "2026-10-21T09:00:00+08:00");
  const std::string e = world.open(kOutOfWarranty, "normal", "2026-10-22T09:00:00+08:00");
  const std::string f = world.open(kInWarranty, "normal", "2026-10-23T09:00:00+08:00");
  world.open(kInWarranty, "normal", "2026-11-01T00:00:00+08:00");  // G
  world.update(d, TicketState::kRegistered, "发动机");
  world.update(e, TicketState::kRegistered, "底盘");
  world.update(f, TicketState::kCancelled, "底盘");

  Context ctx = world.context();
  const ReportHistory history = report_history(ctx, month_period(2026, 10));
  REQUIRE(history.months.size() == 12);
  CHECK(month_text(history.months.front().month) == "2025-11");
  CHECK(month_text(history.months.back().month) == "2026-10");
  const MonthCounts& august = history.months[9];
  CHECK(month_text(august.month) == "2026-08");
  CHECK(august.services == 1);
  CHECK(august.warranty == 1);
  const MonthCounts& october = history.months[11];
  CHECK(october.services == 4);             // B C D E
  CHECK(october.warranty == 2);             // B C
  CHECK(october.paid == 2);                 // D E
  CHECK(october.cancelled == 1);            // F
  CHECK(history.months[10].services == 0);  // September

  // Most first; the tie of 底盘 and 发动机 (one each) in [lists] fault_categories order.
  REQUIRE(history.top_categories.size() == 3);
  CHECK(history.top_categories[0].category == "液压系统");
  CHECK(history.top_categories[0].count == 2);
  CHECK(history.top_categories[1].category == "底盘");
  CHECK(history.top_categories[2].category == "发动机");
  CHECK(report_history(ctx, month_period(2026, 10), 1).top_categories.size() == 1);
}

TEST_CASE("month_shifted crosses the year in both directions") {
  CHECK(month_text(month_shifted(month_period(2026, 1), -1)) == "2025-12");
  CHECK(month_text(month_shifted(month_period(2025, 12), 1)) == "2026-01");
  CHECK(month_text(month_shifted(month_period(2026, 10), -11)) == "2025-11");
  CHECK(format_date(month_shifted(month_period(2026, 3), -1).to) == "2026-02-28");
}
