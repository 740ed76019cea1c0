// Finding and reading tickets as a clerk does: `ticket list --unit X --customer C` (the unit by
// any of its numbers) and who and what `ticket show` is about.
#include <doctest/doctest.h>

#include "aftersales/customers/customers.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::expect_error;

namespace {

std::vector<std::string> numbers(const std::vector<TicketSummary>& tickets) {
  std::vector<std::string> all;
  for (const TicketSummary& s : tickets) all.push_back(s.ticket.number);
  return all;
}

}  // namespace

TEST_CASE("ticket list takes the unit by serial, VIN or plate, and the customer by code") {
  testing::TicketWorld world;
  Context ctx = world.context("zhang");
  UnitFields plate;
  plate.plate = "辽C12345";
  edit_unit(ctx, testing::kInWarranty, plate);
  const std::string first = world.open(testing::kInWarranty);
  const std::string other = world.open(testing::kOutOfWarranty);
  const std::string second = world.open(testing::kInWarranty);

  TicketQuery query;
  query.unit = "LZZ1BLSF5FD260601";
  CHECK(numbers(list_tickets(ctx, query)) == std::vector<std::string>{first, second});
  query.unit = " 辽C12345 ";
  CHECK(numbers(list_tickets(ctx, query)) == std::vector<std::string>{first, second});
  query.unit = testing::kOutOfWarranty;
  CHECK(numbers(list_tickets(ctx, query)) == std::vector<std::string>{other});

  TicketQuery by_customer;
  by_customer.customer = "C001";
  CHECK(list_tickets(ctx, by_customer).size() == 3);
  // Combined with the other filters.
  world.analyse(first);
  by_customer.state = "analysed";
  CHECK(numbers(list_tickets(ctx, by_customer)) == std::vector<std::string>{first});
  by_customer.unit = testing::kOutOfWarranty;
  CHECK(list_tickets(ctx, by_customer).empty());
}

TEST_CASE("ticket list by a unit or customer that does not exist is not found") {
  testing::TicketWorld world;
  Context ctx = world.context("zhang");
  TicketQuery query;
  query.unit = "NO-SUCH-VIN";
  expect_error(ErrorCode::kNotFound, {"NO-SUCH-VIN"}, [&] { list_tickets(ctx, query); });
  TicketQuery customer;
  customer.customer = "C404";
  expect_error(ErrorCode::kNotFound, {"customer C404"}, [&] { list_tickets(ctx, customer); });
}

TEST_CASE("a ticket's customer keeps the owner at intake after the unit changes hands") {
  testing::TicketWorld world;
  Context ctx = world.context("zhang");
  const std::string number = world.open(testing::kInWarranty);
  CustomerFields buyer;
  buyer.name = "大连市政";
  buyer.contact = "李雷";
  buyer.phone = "0411-5550000";
  add_customer(ctx, "C002", buyer);
  UnitFields owner;
  owner.customer = "C002";
  edit_unit(ctx, testing::kInWarranty, owner);

  TicketQuery old_owner;
  old_owner.customer = "C001";
  CHECK(numbers(list_tickets(ctx, old_owner)) == std::vector<std::string>{number});
  TicketQuery new_owner;
  new_owner.customer = "C002";
  CHECK(list_tickets(ctx, new_owner).empty());

  const TicketParties parties = show_ticket(ctx, number).parties;
  CHECK(parties.customer_name == "鞍山市环卫处");
  CHECK(parties.contact == "王明");
}

TEST_CASE("ticket show names the customer, contact and phone, the model and the plate") {
  testing::TicketWorld world;
  Context ctx = world.context("zhang");
  UnitFields unit;
  unit.plate = "辽C12345";
  unit.contact = "张师傅";  // the unit's own contact wins over the customer's
  edit_unit(ctx, testing::kInWarranty, unit);
  const TicketView view = show_ticket(ctx, world.open(testing::kInWarranty));
  CHECK(view.parties.customer_name == "鞍山市环卫处");
  CHECK(view.parties.contact == "张师傅");
  CHECK(view.parties.phone == "0412-5551234");
  CHECK(view.parties.model_code == "HYS5160");
  CHECK(view.parties.model_name == "洗扫车");
  CHECK(view.parties.plate == "辽C12345");
}
