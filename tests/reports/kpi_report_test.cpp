// The five KPIs against their targets: exact integer verdicts (98% met at 49/50, missed at
// 97.99%), no data without a denominator, and the warranty on-time rate of the tickets whose
// technician arrived in the month, pauses before the arrival moving the due time.
#include <doctest/doctest.h>

#include "aftersales/reports/kpi_report.h"
#include "aftersales/reports/monthly_report.h"
#include "aftersales/store/store.h"
#include "aftersales/store/ticket_store.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::kInWarranty;
using testing::kOutOfWarranty;
using testing::TicketWorld;

namespace {

const Kpi& find_kpi(const KpiReport& report, const std::string& key) {
  for (const Kpi& kpi : report.kpis) {
    if (kpi.key == key) return kpi;
  }
  FAIL("no KPI " << key);
  throw 0;
}

// A work record whose technician arrived `seconds_after_due` after the ticket's stored due
// time, optionally after a pause of `paused` seconds that began at the report.
void arrive(TicketWorld& world, const std::string& number, std::int64_t seconds_after_due,
            std::int64_t paused = 0) {
  std::optional<Ticket> ticket = world.store->tickets().find(number);
  REQUIRE(ticket);
  WorkRecord record;
  record.technicians = {"ma"};
  record.arrived = Timestamp{ticket->due_at.seconds + seconds_after_due};
  record.finished = record.arrived;
  record.work_done = "检查";
  record.signed_by = "王明";
  record.signed_at = record.arrived;
  world.store->write([&] {
    if (paused > 0) {
      world.store->tickets().insert_pause(
          ticket->id,
          Pause{ticket->reported_at, Timestamp{ticket->reported_at.seconds + paused}, "等配件"});
    }
    world.store->tickets().insert_work_record(ticket->id, record);
  });
}

}  // namespace

TEST_CASE("a KPI meets its target at exactly the target and misses below it") {
  CHECK(kpi_verdict(49, 50, 9800) == KpiVerdict::kMet);          // 98.00%
  CHECK(kpi_verdict(9799, 10000, 9800) == KpiVerdict::kMissed);  // 97.99%
  CHECK(kpi_verdict(50, 50, 10000) == KpiVerdict::kMet);
  CHECK(kpi_verdict(49, 50, 10000) == KpiVerdict::kMissed);
  CHECK(kpi_verdict(0, 0, 9800) == KpiVerdict::kNoData);
  CHECK(kpi_verdict(0, 0, 0) == KpiVerdict::kNoData);
  CHECK(std::string(verdict_name(KpiVerdict::kNoData)) == "no data");
  CHECK(percent_text(rate_bp(49, 50)) == "98.00%");
  CHECK(percent_text(rate_bp(2, 3)) == "66.67%");  // 6666.67 rounds half up
  CHECK(percent_text(rate_bp(1, 3)) == "33.33%");
  CHECK(percent_text(9800) == "98.00%");
}

TEST_CASE("an empty month has no data for any KPI, neither met nor missed") {
  TicketWorld world;
  Context ctx = world.context();
  const KpiReport report = kpi_report(ctx, report_month(ctx, std::string("2025-03")));
  REQUIRE(report.kpis.size() == 5);
  CHECK(report.kpis[0].key == "visit_rate");
  CHECK(report.kpis[4].key == "part_accuracy_rate");
  for (const Kpi& kpi : report.kpis) {
    INFO(kpi.key);
    CHECK(kpi.den == 0);
    CHECK(kpi.verdict == KpiVerdict::kNoData);
  }
  CHECK(find_kpi(report, "satisfaction_rate").target_bp == 9800);
  CHECK(find_kpi(report, "visit_rate").target_bp == 10000);
}

TEST_CASE("warranty on-time rate: arrivals in the month, at the due time on time, pauses move it") {
  TicketWorld world;
  // Hand count for October 2026: W1 arrives exactly at its due time (on time), W2 one second
  // late, W3 an hour late after a one-hour pause (on time); P is paid (not counted); W4
  // arrives in November (not counted). 2 of 3 = 66.67%, missed against 98%.
  const std::string w1 = world.open(kInWarranty, "normal", "2026-10-05T09:00:00+08:00");
  const std::string w2 = world.open(kInWarranty, "normal", "2026-10-06T09:00:00+08:00");
  const std::string w3 = world.open(kInWarranty, "normal", "2026-10-07T09:00:00+08:00");
  const std::string p = world.open(kOutOfWarranty, "normal", "2026-10-08T09:00:00+08:00");
  const std::string w4 = world.open(kInWarranty, "normal", "2026-11-20T09:00:00+08:00");
  arrive(world, w1, 0);
  arrive(world, w2, 1);
  arrive(world, w3, 3600, 3600);
  arrive(world, p, 99999);
  arrive(world, w4, 0);

  Context ctx = world.context();
  const KpiReport report = kpi_report(ctx, report_month(ctx, std::string("2026-10")));
  const Kpi& on_time = find_kpi(report, "on_time_rate");
  CHECK(on_time.num == 2);
  CHECK(on_time.den == 3);
  CHECK(on_time.verdict == KpiVerdict::kMissed);
  CHECK(on_time.label == "保修内服务及时率");
}
