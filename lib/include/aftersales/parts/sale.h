// A sale of parts outside warranty (三包期外备件销售, DOMAIN.md Part): its lines, payments and
// promised repayment dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

struct SaleLine {
  std::string part;  // part no.
  std::string name;  // the part's name (read back, not stored)
  std::int64_t quantity = 0;
  Money unit_price;  // the catalogue price when sold

  Money amount() const { return Money{unit_price.fen * quantity}; }
};

struct SalePayment {
  std::int64_t id = 0;
  Money amount;
  Date paid_on;  // business date (`part pay --on`)
  Timestamp recorded_at;
  std::string recorded_by;
};

// A promised repayment date (还款日期); the latest recorded is in force.
struct SalePromise {
  Date promised_on;
  Timestamp recorded_at;
  std::string recorded_by;
};

struct PartSale {
  std::int64_t id = 0;
  std::string number;         // PS-YYYY-NNNNNN
  std::string customer;       // code
  std::string customer_name;  // read back, not stored
  Date sold_on;
  Timestamp sold_at;
  std::string sold_by;
  std::vector<SaleLine> lines;
  Money freight;          // none with pickup
  bool pickup = false;    // 自提
  std::string contract;   // 购销合同 no.
  bool credit = false;    // delivery before full payment (赊销) asked: the GM approves it
  std::string guarantee;  // a salesperson's guarantee (担保): recorded, it waives nothing
  bool large = false;     // a large order (contract, deposit, purchase plan)
  Money total;            // the lines plus freight
  std::optional<Timestamp> shipped_at;
  // Read back from the payments and promises.
  Money paid;
  std::optional<Date> promised_on;

  // The lines' value without freight: the price basis of the gate pass (出门证).
  Money goods_value() const {
    Money sum;
    for (const SaleLine& line : lines) sum = sum + line.amount();
    return sum;
  }
  std::int64_t quantity() const {
    std::int64_t sum = 0;
    for (const SaleLine& line : lines) sum += line.quantity;
    return sum;
  }
  Money owed() const { return total - paid; }
};

}  // namespace aftersales
