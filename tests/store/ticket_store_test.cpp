// The tickets' port: numbering, tickets by number and filter, cost lines, pauses, work records,
// and removal refused over work typed since.
#include <doctest/doctest.h>

#include "aftersales/core/error.h"
#include "aftersales/store/store.h"
#include "support/expect_error.h"
#include "support/test_store.h"

using namespace aftersales;
using testing::expect_error;

namespace {

// Customer C001, model HYS5160 and unit 2025-001 of theirs.
struct TicketStoreWorld : testing::TestWorld {
  TicketStore& tickets = store->tickets();
  TicketStoreWorld() {
    store->write([&] {
      testing::insert_customer_and_model(*store);
      Unit u;
      u.serial = "2025-001";
      u.model_code = "HYS5160";
      u.customer_code = "C001";
      u.shipped_on = *parse_date("2025-03-01");
      store->archive().insert_unit(u);
    });
  }

  // A registered ticket of unit 2025-001 reported `hours_ago` before the test's now.
  Ticket ticket(const std::string& number, int hours_ago = 0) {
    Ticket t;
    t.number = number;
    t.serial = "2025-001";
    t.customer_code = "C001";
    t.channel = "phone";
    t.category = "液压系统";
    t.description = "液压泵异响";
    t.reported_at = Timestamp{testing::test_now().seconds - hours_ago * 3600};
    t.coverage = Coverage::kWarranty;
    t.coverage_reason = "in warranty until 2026-02-28";
    t.priority = "normal";
    t.due_at = Timestamp{t.reported_at.seconds + 48 * 3600};
    t.opened_by = "zhang";
    return t;
  }

  Ticket insert(const std::string& number, int hours_ago = 0) {
    Ticket t = ticket(number, hours_ago);
    store->write([&] { tickets.insert(t); });
    return t;
  }
};

}  // namespace

TEST_CASE("the ticket sequence counts per year and never gives a number twice") {
  TicketStoreWorld world;
  std::int64_t first = 0;
  std::int64_t second = 0;
  std::int64_t other_year = 0;
  world.store->write([&] {
    first = world.tickets.next_number_in_year(2026);
    second = world.tickets.next_number_in_year(2026);
    other_year = world.tickets.next_number_in_year(2027);
  });
  CHECK(first == 1);
  CHECK(second == 2);
  CHECK(other_year == 1);
  // A number given in a write that rolled back may be given again; one committed never is.
  CHECK_THROWS(world.store->write([&] {
    world.tickets.next_number_in_year(2026);
    throw Error(ErrorCode::kRuleViolation, "stop");
  }));
  std::int64_t third = 0;
  world.store->write([&] { third = world.tickets.next_number_in_year(2026); });
  CHECK(third == 3);
}

TEST_CASE("raise_sequence only moves the sequence forward") {
  TicketStoreWorld world;
  std::int64_t next = 0;
  world.store->write([&] {
    world.tickets.raise_sequence(2026, 41);  // a year without numbers yet
    next = world.tickets.next_number_in_year(2026);
  });
  CHECK(next == 42);
  world.store->write([&] {
    world.tickets.raise_sequence(2026, 10);  // behind: nothing moves
    world.tickets.raise_sequence(2026, 42);  // the last given: nothing moves either
    next = world.tickets.next_number_in_year(2026);
  });
  CHECK(next == 43);
  world.store->write([&] {
    world.tickets.raise_sequence(2026, 100);
    next = world.tickets.next_number_in_year(2026);
  });
  CHECK(next == 101);
}

TEST_CASE("a ticket is found by number with its unit's customer, and a missing one is not") {
  TicketStoreWorld world;
  const Ticket inserted = world.insert("SR-2026-000001");
  CHECK(inserted.id > 0);
  const std::optional<Ticket> found = world.tickets.find("SR-2026-000001");
  REQUIRE(found.has_value());
  CHECK(found->id == inserted.id);
  CHECK(found->serial == "2025-001");
  CHECK(found->customer_code == "C001");
  CHECK(found->coverage == Coverage::kWarranty);
  CHECK(found->state == TicketState::kRegistered);
  CHECK_FALSE(found->km.has_value());
  CHECK_FALSE(found->quality_confirmed.has_value());
  CHECK_FALSE(world.tickets.find("SR-2026-000002").has_value());
}

TEST_CASE("a second ticket with the same number is a conflict, insert_if_new writes nothing") {
  TicketStoreWorld world;
  world.insert("SR-2026-000001");
  Ticket again = world.ticket("SR-2026-000001");
  again.description = "other";
  expect_error(ErrorCode::kConflict, {"SR-2026-000001"}, [&] { world.tickets.insert(again); });
  CHECK_FALSE(world.tickets.insert_if_new(again));
  CHECK(again.id == 0);
  CHECK(world.tickets.find("SR-2026-000001")->description == "液压泵异响");
  Ticket fresh = world.ticket("SR-2026-000002");
  CHECK(world.tickets.insert_if_new(fresh));
  CHECK(fresh.id > 0);
}

TEST_CASE("tickets are listed by id, filtered by state, assignee and reported time") {
  TicketStoreWorld world;
  world.insert("SR-2026-000001", 48);
  Ticket assigned = world.insert("SR-2026-000002", 24);
  world.insert("SR-2026-000003", 0);
  assigned.state = TicketState::kAnalysed;
  assigned.assignee = "ma";
  world.tickets.update(assigned);
  const auto numbers = [&](const TicketFilter& filter) {
    std::vector<std::string> all;
    for (const Ticket& t : world.tickets.list(filter)) all.push_back(t.number);
    return all;
  };
  CHECK(numbers({}).size() == 3);
  TicketFilter analysed;
  analysed.state = TicketState::kAnalysed;
  CHECK(numbers(analysed) == std::vector<std::string>{"SR-2026-000002"});
  TicketFilter by_ma;
  by_ma.assignee = "ma";
  CHECK(numbers(by_ma) == std::vector<std::string>{"SR-2026-000002"});
  // from is inclusive, to exclusive.
  TicketFilter window;
  window.reported_from = Timestamp{testing::test_now().seconds - 24 * 3600};
  window.reported_to = testing::test_now();
  CHECK(numbers(window) == std::vector<std::string>{"SR-2026-000002"});
}

TEST_CASE("update saves the fields after intake, update_intake rewrites the intake") {
  TicketStoreWorld world;
  Ticket t = world.insert("SR-2026-000001");
  t.analysis = "油封老化";
  t.quality_claim = true;
  t.quality_confirmed = false;
  t.visit_due_on = parse_date("2026-12-27");
  t.description = "ignored by update";
  world.tickets.update(t);
  Ticket found = *world.tickets.find("SR-2026-000001");
  CHECK(found.analysis == "油封老化");
  CHECK(found.quality_claim);
  CHECK(found.quality_confirmed == false);
  CHECK(found.visit_due_on == parse_date("2026-12-27"));
  CHECK(found.description == "液压泵异响");

  found.description = "冒黑烟";
  found.km = 12000;
  found.coverage = Coverage::kPaid;
  world.tickets.update_intake(found);
  const Ticket rewritten = *world.tickets.find("SR-2026-000001");
  CHECK(rewritten.description == "冒黑烟");
  CHECK(rewritten.km == 12000);
  CHECK(rewritten.coverage == Coverage::kPaid);
  CHECK(rewritten.analysis == "油封老化");
}

TEST_CASE("cost lines are replaced whole and read in position order") {
  TicketStoreWorld world;
  const Ticket t = world.insert("SR-2026-000001");
  CostLine work;
  work.kind = CostKind::kWork;
  work.description = "更换油封";
  work.quantity_milli = 1500;
  work.unit_price = Money{20000};
  work.amount = Money{30000};
  CostLine part = work;
  part.kind = CostKind::kPart;
  part.description = "油封";
  part.coverage = Coverage::kPaid;
  world.tickets.replace_cost_lines(t.id, {work, part});
  std::vector<CostLine> lines = world.tickets.cost_lines(t.id);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].description == "更换油封");
  CHECK(lines[0].quantity_milli == 1500);
  CHECK(lines[0].amount.fen == 30000);
  CHECK(lines[1].kind == CostKind::kPart);
  CHECK(lines[1].coverage == Coverage::kPaid);
  world.tickets.replace_cost_lines(t.id, {part});
  lines = world.tickets.cost_lines(t.id);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].description == "油封");
}

TEST_CASE("a pause stays open until ended, and only the open one is ended") {
  TicketStoreWorld world;
  const Ticket t = world.insert("SR-2026-000001");
  const Timestamp now = testing::test_now();
  world.tickets.insert_pause(t.id, Pause{now, Timestamp{now.seconds + 60}, "earlier"});
  world.tickets.insert_pause(t.id, Pause{Timestamp{now.seconds + 120}, std::nullopt, "parts"});
  world.tickets.end_open_pause(t.id, Timestamp{now.seconds + 3600});
  const std::vector<Pause> pauses = world.tickets.pauses(t.id);
  REQUIRE(pauses.size() == 2);
  CHECK(pauses[0].to == Timestamp{now.seconds + 60});
  CHECK(pauses[1].reason == "parts");
  CHECK(pauses[1].to == Timestamp{now.seconds + 3600});
}

TEST_CASE("a listing gives each ticket whole with its pauses oldest first and its arrival") {
  TicketStoreWorld world;
  Ticket first = world.insert("SR-2026-000001", 48);
  const Ticket second = world.insert("SR-2026-000002", 24);
  first.quality_claim = true;
  first.quality_confirmed = true;
  first.analysis = "油封老化, a text longer than the short-string buffer";
  world.tickets.update(first);
  const Timestamp now = testing::test_now();
  // Written out of order: the listing sorts them by start, then by id.
  world.tickets.insert_pause(first.id, Pause{Timestamp{now.seconds + 120}, std::nullopt, "b"});
  world.tickets.insert_pause(first.id, Pause{now, Timestamp{now.seconds + 60}, "a"});
  world.tickets.insert_pause(first.id, Pause{now, Timestamp{now.seconds + 30}, "a2"});
  WorkRecord record;
  record.technicians = {"马师傅"};
  record.arrived = Timestamp{now.seconds + 7200};
  record.finished = Timestamp{now.seconds + 9000};
  record.work_done = "更换油封";
  record.signed_by = "王明";
  record.signed_at = record.finished;
  world.tickets.insert_work_record(second.id, record);

  std::vector<Ticket> tickets;
  std::vector<std::vector<Pause>> pauses;
  std::vector<std::optional<Timestamp>> arrivals;
  world.tickets.each({}, [&](TicketListing& listing) {
    tickets.push_back(listing.ticket);
    pauses.push_back(listing.pauses);
    arrivals.push_back(listing.arrived);
  });
  REQUIRE(tickets.size() == 2);
  CHECK(tickets[0].analysis == first.analysis);
  CHECK(tickets[0].quality_confirmed == true);
  REQUIRE(pauses[0].size() == 3);
  CHECK(pauses[0][0].to == Timestamp{now.seconds + 60});
  CHECK(pauses[0][1].to == Timestamp{now.seconds + 30});
  CHECK(pauses[0][2].from == Timestamp{now.seconds + 120});
  CHECK_FALSE(pauses[0][2].to.has_value());
  CHECK_FALSE(arrivals[0].has_value());
  // The second row is read into the same listing: nothing of the first stays.
  CHECK(tickets[1].number == "SR-2026-000002");
  CHECK(tickets[1].analysis.empty());
  CHECK_FALSE(tickets[1].quality_confirmed.has_value());
  CHECK(pauses[1].empty());
  CHECK(arrivals[1] == Timestamp{now.seconds + 7200});
}

TEST_CASE("a work record is kept whole, and a ticket has none until it is filed") {
  TicketStoreWorld world;
  const Ticket t = world.insert("SR-2026-000001");
  CHECK_FALSE(world.tickets.find_work_record(t.id).has_value());
  WorkRecord record;
  record.technicians = {"马师傅", "ma"};
  record.arrived = testing::test_now();
  record.finished = Timestamp{testing::test_now().seconds + 7200};
  record.work_done = "更换油封";
  record.labour_hours_centi = 200;
  record.signed_by = "王明";
  record.signed_at = record.finished;
  record.sealed = true;
  world.tickets.insert_work_record(t.id, record);
  const std::optional<WorkRecord> found = world.tickets.find_work_record(t.id);
  REQUIRE(found.has_value());
  CHECK(found->technicians == record.technicians);
  CHECK(found->labour_hours_centi == 200);
  CHECK_FALSE(found->travel.has_value());
  CHECK(found->sealed);
}

TEST_CASE("a ticket with work typed onto it cannot be removed, a bare one can") {
  TicketStoreWorld world;
  const Ticket with_pause = world.insert("SR-2026-000001");
  world.insert("SR-2026-000002");
  world.tickets.insert_pause(with_pause.id, Pause{testing::test_now(), std::nullopt, "parts"});
  expect_error(ErrorCode::kRuleViolation, {"ticket SR-2026-000001 has work typed since"},
               [&] { world.tickets.remove("SR-2026-000001"); });
  world.tickets.remove("SR-2026-000002");
  CHECK(world.tickets.find("SR-2026-000001").has_value());
  CHECK_FALSE(world.tickets.find("SR-2026-000002").has_value());
}

TEST_CASE("a ticket with an approval deciding on it cannot be removed") {
  TicketStoreWorld world;
  world.insert("SR-2026-000001");
  Approval approval;
  approval.form = "budget";
  approval.subject = ApprovalSubject{"ticket", "SR-2026-000001"};
  approval.chain = {"service_manager"};
  approval.requested_by = "zhang";
  approval.requested_at = testing::test_now();
  world.store->approvals().insert(approval);
  expect_error(ErrorCode::kRuleViolation, {"has work typed since"},
               [&] { world.tickets.remove("SR-2026-000001"); });
}
