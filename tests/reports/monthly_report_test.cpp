// 表7 monthly statistics: tickets reported in the month (local dates) by frozen coverage, free
// repairs apart within the paid ones, cancelled and resolved apart, by fault category; costs
// of the tickets closed (work record finished) in the month, by coverage.
#include <doctest/doctest.h>

#include "aftersales/reports/monthly_report.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::expect_error;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

struct ReportWorld : TicketWorld {
  Ticket load(const std::string& number) {
    std::optional<Ticket> found = store->tickets().find(number);
    REQUIRE(found);
    return *found;
  }

  // Moves a ticket straight to `state` through the port (the report only reads the ledger).
  void set_state(const std::string& number, TicketState state, bool free_repair = false) {
    Ticket ticket = load(number);
    ticket.state = state;
    ticket.free_repair = free_repair;
    store->write([&] { store->tickets().update(ticket); });
  }

  void set_category(const std::string& number, const std::string& category) {
    Ticket ticket = load(number);
    ticket.category = category;
    store->write([&] { store->tickets().update_intake(ticket); });
  }

  // A signed work record finished at `finished` with the actual lines given, then closed.
  void close(const std::string& number, const std::string& finished,
             const std::vector<CostLine>& lines, bool free_repair = false) {
    Ticket ticket = load(number);
    WorkRecord record;
    record.technicians = {"ma"};
    record.arrived = at(finished);
    record.finished = at(finished);
    record.work_done = "换液压泵";
    record.signed_by = "王明";
    record.signed_at = at(finished);
    record.sealed = true;
    ticket.state = TicketState::kClosed;
    ticket.free_repair = free_repair;
    store->write([&] {
      store->tickets().insert_work_record(ticket.id, record);
      store->tickets().replace_actual_lines(ticket.id, lines);
      store->tickets().update(ticket);
    });
  }
};

CostLine line(CostKind kind, std::int64_t fen, Coverage coverage) {
  CostLine l;
  l.kind = kind;
  l.description = cost_kind_name(kind);
  l.unit_price = Money{fen};
  l.amount = Money{fen};
  l.coverage = coverage;
  return l;
}

std::int64_t category_count(const MonthlyReport& report, const std::string& name) {
  for (const CategoryCount& c : report.by_category) {
    if (c.category == name) return c.count;
  }
  return -1;
}

}  // namespace

TEST_CASE("the report month is YYYY-MM, by default the last full month before today") {
  ReportWorld world;
  Context ctx = world.context();
  CHECK(month_text(report_month(ctx, std::nullopt)) == "2026-10");  // today is 2026-11-27
  const Period december = report_month(ctx, std::string("2025-12"));
  CHECK(format_date(december.from) == "2025-12-01");
  CHECK(format_date(december.to) == "2025-12-31");
  world.set_today("2027-01-05");
  Context january = world.context();
  CHECK(month_text(report_month(january, std::nullopt)) == "2026-12");
  for (const char* bad : {"2026-13", "2026-1", "26-11", "2026/11", "november"}) {
    expect_error(ErrorCode::kInvalidInput, {bad, "YYYY-MM"},
                 [&] { report_month(ctx, std::string(bad)); });
  }
}

TEST_CASE(
    "tickets of the month by coverage: free apart within paid, cancelled and resolved apart") {
  ReportWorld world;
  // Hand count for October 2026: A, B warranty; C paid; D paid and free; E cancelled;
  // R resolved on the phone; F reported 2026-11-01 00:30 local (still October in UTC): not in.
  const std::string a = world.open(kInWarranty, "normal", "2026-10-05T09:00:00+08:00");
  const std::string b = world.open(kInWarranty, "normal", "2026-10-31T23:59:59+08:00");
  const std::string c = world.open(kOutOfWarranty, "normal", "2026-10-10T09:00:00+08:00");
  const std::string d = world.open(kOutOfWarranty, "normal", "2026-10-12T09:00:00+08:00");
  const std::string e = world.open(kInWarranty, "normal", "2026-10-15T09:00:00+08:00");
  const std::string r = world.open(kInWarranty, "normal", "2026-10-16T09:00:00+08:00");
  const std::string f = world.open(kInWarranty, "normal", "2026-11-01T00:30:00+08:00");
  world.set_state(d, TicketState::kAnalysed, /*free_repair=*/true);
  world.set_state(e, TicketState::kCancelled);
  world.set_state(r, TicketState::kResolved);
  world.set_category(c, "轮胎");  // not in [lists] fault_categories: listed after them

  Context ctx = world.context();
  const MonthlyReport october = monthly_report(ctx, report_month(ctx, std::string("2026-10")));
  CHECK(october.services == 5);                     // A B C D R
  CHECK(october.warranty == 2);                     // A B
  CHECK(october.paid == 2);                         // C D
  CHECK(october.free == 1);                         // D
  CHECK(october.resolved == 1);                     // R
  CHECK(october.cancelled == 1);                    // E
  CHECK(category_count(october, "液压系统") == 4);  // A B D R
  CHECK(category_count(october, "轮胎") == 1);      // C
  CHECK(category_count(october, "底盘") == 0);
  REQUIRE(october.by_category.size() == ctx.rules.lists.fault_categories.size() + 1);
  CHECK(october.by_category.front().category == ctx.rules.lists.fault_categories.front());
  CHECK(october.by_category.back().category == "轮胎");

  const MonthlyReport november = monthly_report(ctx, report_month(ctx, std::string("2026-11")));
  CHECK(november.services == 1);  // F, on the month's first day
  CHECK(november.warranty == 1);
}

TEST_CASE("costs are those of the tickets closed in the month, by the ticket's coverage") {
  ReportWorld world;
  const std::string a = world.open(kInWarranty, "normal", "2026-10-05T09:00:00+08:00");
  const std::string g = world.open(kInWarranty, "normal", "2026-09-20T09:00:00+08:00");
  const std::string c = world.open(kOutOfWarranty, "normal", "2026-10-10T09:00:00+08:00");
  const std::string d = world.open(kOutOfWarranty, "normal", "2026-10-12T09:00:00+08:00");
  const std::string b = world.open(kInWarranty, "normal", "2026-10-13T09:00:00+08:00");
  // A closed in October: 100.00 parts, 50.00 labour, 30.00 travel (warranty).
  world.close(a, "2026-10-20T15:00:00+08:00",
              {line(CostKind::kPart, 10000, Coverage::kWarranty),
               line(CostKind::kWork, 5000, Coverage::kWarranty),
               line(CostKind::kTravel, 3000, Coverage::kWarranty)});
  // G reported in September, closed in October: its 10.00 travel counts in October.
  world.close(g, "2026-10-03T15:00:00+08:00", {line(CostKind::kTravel, 1000, Coverage::kWarranty)});
  // C closed on 2026-11-01 local: November's costs, not October's.
  world.close(c, "2026-11-01T07:00:00+08:00", {line(CostKind::kPart, 99900, Coverage::kPaid)});
  // D a free repair closed in October: 200.00 parts, in paid and shown apart as free.
  world.close(d, "2026-10-25T15:00:00+08:00", {line(CostKind::kPart, 20000, Coverage::kPaid)},
              /*free_repair=*/true);
  // B finished in October but only signed off: not closed, no costs yet.
  world.close(b, "2026-10-26T15:00:00+08:00", {line(CostKind::kWork, 77700, Coverage::kWarranty)});
  world.set_state(b, TicketState::kSignedOff);

  Context ctx = world.context();
  const MonthlyReport october = monthly_report(ctx, report_month(ctx, std::string("2026-10")));
  CHECK(october.warranty_cost.parts.fen == 10000);
  CHECK(october.warranty_cost.labour.fen == 5000);
  CHECK(october.warranty_cost.travel.fen == 4000);  // 30.00 (A) + 10.00 (G)
  CHECK(october.warranty_cost.total().fen == 19000);
  CHECK(october.paid_cost.parts.fen == 20000);  // D only
  CHECK(october.paid_cost.labour.fen == 0);
  CHECK(october.free_cost.parts.fen == 20000);
  CHECK(october.free_cost.total().fen == 20000);

  const MonthlyReport november = monthly_report(ctx, report_month(ctx, std::string("2026-11")));
  CHECK(november.paid_cost.parts.fen == 99900);
  CHECK(november.warranty_cost.total().fen == 0);
}
