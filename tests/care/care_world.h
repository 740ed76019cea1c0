// A world for customer care tests: TicketWorld's company (C001 with two units) plus customer
// C002 with no unit and customer C003 with unit HY2026-1110 shipped 2026-11-10.
#pragma once

#include <string>

#include "aftersales/customers/customers.h"
#include "aftersales/units/units.h"
#include "support/ticket_world.h"

namespace aftersales::testing {

inline constexpr const char* kNewUnit = "HY2026-1110";  // C003's, shipped 2026-11-10

struct CareWorld : TicketWorld {
  CareWorld() {
    Context clerk = context("zhang");
    CustomerFields c2;
    c2.name = "大连市政";
    add_customer(clerk, "C002", c2);
    CustomerFields c3;
    c3.name = "沈阳消防";
    c3.contact = "刘强";
    c3.phone = "024-1234567";
    add_customer(clerk, "C003", c3);
    UnitFields unit;
    unit.model = "HYS5160";
    unit.customer = "C003";
    unit.shipped = "2026-11-10";
    unit.vin = "LZZ1BLSF5FD261110";
    add_unit(clerk, kNewUnit, unit);
  }
};

}  // namespace aftersales::testing
