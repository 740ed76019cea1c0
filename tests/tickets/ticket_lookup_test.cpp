// Reading tickets as a clerk does: who and what `ticket show` is about.
#include <doctest/doctest.h>

#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "support/ticket_world.h"

using namespace aftersales;

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
