// SQL of parts sales (三包期外备件销售) with payments and promises, purchase plans (采购计划) and
// urgent part requests (表13).
#include "store/sql_part_sale_store.h"

#include "aftersales/core/error.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_SALE_COLUMNS                                                                \
  "s.id, s.number, c.code, c.name, s.sold_on, s.sold_at, s.sold_by, s.freight_fen, s.pickup, " \
  "s.contract, s.credit, s.guarantee, s.large, s.total_fen, s.shipped_at"
#define AFTERSALES_SALE_FROM " FROM part_sale s JOIN customer c ON c.id = s.customer_id "

#define AFTERSALES_PLAN_COLUMNS \
  "id, number, origin, state, raised_at, raised_by, received_at, received_by, warehouse"

#define AFTERSALES_URGENT_COLUMNS                                                         \
  "r.id, r.number, t.number, r.description, p.number, r.quantity, r.reason, r.state, "    \
  "r.requested_at, r.requested_by, r.plan FROM urgent_request r JOIN ticket t ON t.id = " \
  "r.ticket_id LEFT JOIN part p ON p.id = r.part_id "

ProcurementState state_column(Statement& row, int column) {
  return parse_procurement_state(row.text(column)).value_or(ProcurementState::kPending);
}

PurchasePlan read_plan(Statement& row) {
  PurchasePlan plan;
  plan.id = row.int64(0);
  plan.number = row.text(1);
  plan.origin = row.text(2);
  plan.state = state_column(row, 3);
  plan.raised_at = Timestamp{row.int64(4)};
  plan.raised_by = row.text(5);
  plan.received_at = time_column(row, 6);
  plan.received_by = row.text(7);
  plan.warehouse = row.text(8);
  return plan;
}

UrgentRequest read_urgent(Statement& row) {
  UrgentRequest r;
  r.id = row.int64(0);
  r.number = row.text(1);
  r.ticket = row.text(2);
  r.description = row.text(3);
  if (!row.is_null(4)) r.part = row.text(4);
  r.quantity = row.int64(5);
  r.reason = row.text(6);
  r.state = state_column(row, 7);
  r.requested_at = Timestamp{row.int64(8)};
  r.requested_by = row.text(9);
  r.plan = row.text(10);
  return r;
}

}  // namespace

std::int64_t SqlPartSaleStore::next_number_in_year(const std::string& prefix, int year) {
  return guarded("numbering " + prefix, [&] {
    Query next = db_.cached(
        "INSERT INTO part_sales_sequence (prefix, year, last) VALUES (?1, ?2, 1) "
        "ON CONFLICT (prefix, year) DO UPDATE SET last = part_sales_sequence.last + 1 "
        "RETURNING last");
    next->bind(1, prefix);
    next->bind(2, static_cast<std::int64_t>(year));
    next->step();
    return next->int64(0);
  });
}

void SqlPartSaleStore::insert_sale(PartSale& sale) {
  guarded("adding sale " + sale.number, [&] {
    {
      Query insert = db_.cached(
          "INSERT INTO part_sale (number, customer_id, sold_on, sold_at, sold_by, freight_fen, "
          "pickup, contract, credit, guarantee, large, total_fen) VALUES (?1, (SELECT id FROM "
          "customer WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
      insert->bind(1, sale.number);
      insert->bind(2, sale.customer);
      insert->bind(3, format_date(sale.sold_on));
      insert->bind(4, sale.sold_at.seconds);
      insert->bind(5, sale.sold_by);
      insert->bind(6, sale.freight.fen);
      insert->bind(7, std::int64_t{sale.pickup ? 1 : 0});
      insert->bind(8, sale.contract);
      insert->bind(9, std::int64_t{sale.credit ? 1 : 0});
      insert->bind(10, sale.guarantee);
      insert->bind(11, std::int64_t{sale.large ? 1 : 0});
      insert->bind(12, sale.total.fen);
      insert->run();
      sale.id = db_.last_insert_id();
    }
    Query line = db_.cached(
        "INSERT INTO part_sale_line (sale_id, position, part_id, quantity, unit_price_fen) "
        "VALUES (?1, ?2, (SELECT id FROM part WHERE number = ?3), ?4, ?5)");
    std::int64_t position = 0;
    for (const SaleLine& l : sale.lines) {
      line->bind(1, sale.id);
      line->bind(2, ++position);
      line->bind(3, l.part);
      line->bind(4, l.quantity);
      line->bind(5, l.unit_price.fen);
      line->run();
      line->reset();
    }
  });
}

PartSale SqlPartSaleStore::read_sale(Statement& row) {
  PartSale s;
  s.id = row.int64(0);
  s.number = row.text(1);
  s.customer = row.text(2);
  s.customer_name = row.text(3);
  s.sold_on = date_column(row, 4).value_or(Date{});
  s.sold_at = Timestamp{row.int64(5)};
  s.sold_by = row.text(6);
  s.freight = Money{row.int64(7)};
  s.pickup = flag_column(row, 8);
  s.contract = row.text(9);
  s.credit = flag_column(row, 10);
  s.guarantee = row.text(11);
  s.large = flag_column(row, 12);
  s.total = Money{row.int64(13)};
  s.shipped_at = time_column(row, 14);
  return s;
}

namespace {

// Reads the lines, the paid sum and the latest promise of a sale read by read_sale.
void fill_sale(Database& db, PartSale& sale) {
  {
    Query lines = db.cached(
        "SELECT p.number, p.name, l.quantity, l.unit_price_fen FROM part_sale_line l JOIN part p "
        "ON p.id = l.part_id WHERE l.sale_id = ?1 ORDER BY l.position");
    lines->bind(1, sale.id);
    while (lines->step()) {
      sale.lines.push_back(
          SaleLine{lines->text(0), lines->text(1), lines->int64(2), Money{lines->int64(3)}});
    }
  }
  {
    Query paid =
        db.cached("SELECT COALESCE(SUM(amount_fen), 0) FROM part_sale_payment WHERE sale_id = ?1");
    paid->bind(1, sale.id);
    paid->step();
    sale.paid = Money{paid->int64(0)};
  }
  Query promise = db.cached(
      "SELECT promised_on FROM part_sale_promise WHERE sale_id = ?1 ORDER BY id DESC LIMIT 1");
  promise->bind(1, sale.id);
  if (promise->step()) sale.promised_on = date_column(*promise, 0);
}

}  // namespace

std::optional<PartSale> SqlPartSaleStore::find_sale(const std::string& number) {
  return guarded("reading sale " + number, [&]() -> std::optional<PartSale> {
    std::optional<PartSale> sale;
    {
      Query query =
          db_.cached("SELECT " AFTERSALES_SALE_COLUMNS AFTERSALES_SALE_FROM "WHERE s.number = ?1");
      query->bind(1, number);
      if (!query->step()) return std::nullopt;
      sale = read_sale(*query);
    }
    fill_sale(db_, *sale);
    return sale;
  });
}

std::vector<PartSale> SqlPartSaleStore::list_sales(const SaleFilter& filter) {
  return guarded("listing sales", [&] {
    std::vector<PartSale> all;
    {
      Query query = db_.cached(
          "SELECT " AFTERSALES_SALE_COLUMNS AFTERSALES_SALE_FROM
          "WHERE (CAST(?1 AS TEXT) IS NULL OR s.sold_on >= ?1) AND (CAST(?2 AS TEXT) IS NULL OR "
          "s.sold_on <= ?2) ORDER BY s.number");
      bind_date(*query, 1, filter.from);
      bind_date(*query, 2, filter.to);
      while (query->step()) all.push_back(read_sale(*query));
    }
    for (PartSale& sale : all) fill_sale(db_, sale);
    return all;
  });
}

void SqlPartSaleStore::set_sale_shipped(std::int64_t sale_id, Timestamp at) {
  guarded("shipping a sale", [&] {
    Query update = db_.cached("UPDATE part_sale SET shipped_at = ?2 WHERE id = ?1");
    update->bind(1, sale_id);
    update->bind(2, at.seconds);
    update->run();
  });
}

void SqlPartSaleStore::insert_payment(std::int64_t sale_id, SalePayment& payment) {
  guarded("recording a payment", [&] {
    Query insert = db_.cached(
        "INSERT INTO part_sale_payment (sale_id, amount_fen, paid_on, recorded_at, recorded_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert->bind(1, sale_id);
    insert->bind(2, payment.amount.fen);
    insert->bind(3, format_date(payment.paid_on));
    insert->bind(4, payment.recorded_at.seconds);
    insert->bind(5, payment.recorded_by);
    insert->run();
    payment.id = db_.last_insert_id();
  });
}

std::vector<SalePayment> SqlPartSaleStore::payments(std::int64_t sale_id) {
  return guarded("reading payments", [&] {
    Query query = db_.cached(
        "SELECT id, amount_fen, paid_on, recorded_at, recorded_by FROM part_sale_payment WHERE "
        "sale_id = ?1 ORDER BY id");
    query->bind(1, sale_id);
    std::vector<SalePayment> all;
    while (query->step()) {
      all.push_back(SalePayment{query->int64(0), Money{query->int64(1)},
                                date_column(*query, 2).value_or(Date{}), Timestamp{query->int64(3)},
                                query->text(4)});
    }
    return all;
  });
}

void SqlPartSaleStore::insert_promise(std::int64_t sale_id, const SalePromise& promise) {
  guarded("recording a promise", [&] {
    Query insert = db_.cached(
        "INSERT INTO part_sale_promise (sale_id, promised_on, recorded_at, recorded_by) VALUES "
        "(?1, ?2, ?3, ?4)");
    insert->bind(1, sale_id);
    insert->bind(2, format_date(promise.promised_on));
    insert->bind(3, promise.recorded_at.seconds);
    insert->bind(4, promise.recorded_by);
    insert->run();
  });
}

std::vector<SalePromise> SqlPartSaleStore::promises(std::int64_t sale_id) {
  return guarded("reading promises", [&] {
    Query query = db_.cached(
        "SELECT promised_on, recorded_at, recorded_by FROM part_sale_promise WHERE sale_id = ?1 "
        "ORDER BY id");
    query->bind(1, sale_id);
    std::vector<SalePromise> all;
    while (query->step()) {
      all.push_back(SalePromise{date_column(*query, 0).value_or(Date{}), Timestamp{query->int64(1)},
                                query->text(2)});
    }
    return all;
  });
}

void SqlPartSaleStore::insert_plan(PurchasePlan& plan) {
  guarded("adding purchase plan " + plan.number, [&] {
    {
      Query insert = db_.cached(
          "INSERT INTO purchase_plan (number, origin, state, raised_at, raised_by) VALUES (?1, "
          "?2, ?3, ?4, ?5)");
      insert->bind(1, plan.number);
      insert->bind(2, plan.origin);
      insert->bind(3, procurement_state_name(plan.state));
      insert->bind(4, plan.raised_at.seconds);
      insert->bind(5, plan.raised_by);
      insert->run();
      plan.id = db_.last_insert_id();
    }
    Query line = db_.cached(
        "INSERT INTO purchase_plan_line (plan_id, position, part_id, description, quantity) "
        "VALUES (?1, ?2, (SELECT id FROM part WHERE number = ?3), ?4, ?5)");
    std::int64_t position = 0;
    for (const PlanLine& l : plan.lines) {
      line->bind(1, plan.id);
      line->bind(2, ++position);
      bind_optional(*line, 3, l.part);
      line->bind(4, l.description);
      line->bind(5, l.quantity);
      line->run();
      line->reset();
    }
  });
}

void SqlPartSaleStore::read_plan_lines(PurchasePlan& plan) {
  Query lines = db_.cached(
      "SELECT p.number, l.description, l.quantity FROM purchase_plan_line l LEFT JOIN part p ON "
      "p.id = l.part_id WHERE l.plan_id = ?1 ORDER BY l.position");
  lines->bind(1, plan.id);
  while (lines->step()) {
    PlanLine line;
    if (!lines->is_null(0)) line.part = lines->text(0);
    line.description = lines->text(1);
    line.quantity = lines->int64(2);
    plan.lines.push_back(std::move(line));
  }
}

std::optional<PurchasePlan> SqlPartSaleStore::find_plan(const std::string& number) {
  return guarded("reading purchase plan " + number, [&]() -> std::optional<PurchasePlan> {
    std::optional<PurchasePlan> plan;
    {
      Query query =
          db_.cached("SELECT " AFTERSALES_PLAN_COLUMNS " FROM purchase_plan WHERE number = ?1");
      query->bind(1, number);
      if (!query->step()) return std::nullopt;
      plan = read_plan(*query);
    }
    read_plan_lines(*plan);
    return plan;
  });
}

std::optional<PurchasePlan> SqlPartSaleStore::plan_for(const std::string& origin) {
  return guarded("reading the purchase plan of " + origin, [&]() -> std::optional<PurchasePlan> {
    std::optional<PurchasePlan> plan;
    {
      Query query = db_.cached("SELECT " AFTERSALES_PLAN_COLUMNS
                               " FROM purchase_plan WHERE origin = ?1 ORDER BY id DESC LIMIT 1");
      query->bind(1, origin);
      if (!query->step()) return std::nullopt;
      plan = read_plan(*query);
    }
    read_plan_lines(*plan);
    return plan;
  });
}

std::vector<PurchasePlan> SqlPartSaleStore::list_plans() {
  return guarded("listing purchase plans", [&] {
    std::vector<PurchasePlan> all;
    {
      Query query =
          db_.cached("SELECT " AFTERSALES_PLAN_COLUMNS " FROM purchase_plan ORDER BY number");
      while (query->step()) all.push_back(read_plan(*query));
    }
    for (PurchasePlan& plan : all) read_plan_lines(plan);
    return all;
  });
}

void SqlPartSaleStore::update_plan(const PurchasePlan& plan) {
  guarded("changing purchase plan " + plan.number, [&] {
    Query update = db_.cached(
        "UPDATE purchase_plan SET state = ?2, received_at = ?3, received_by = ?4, warehouse = ?5 "
        "WHERE id = ?1");
    update->bind(1, plan.id);
    update->bind(2, procurement_state_name(plan.state));
    bind_optional(*update, 3, plan.received_at);
    update->bind(4, plan.received_by);
    update->bind(5, plan.warehouse);
    update->run();
  });
}

void SqlPartSaleStore::insert_urgent(UrgentRequest& r) {
  guarded("adding urgent request " + r.number, [&] {
    Query insert = db_.cached(
        "INSERT INTO urgent_request (number, ticket_id, description, part_id, quantity, reason, "
        "state, requested_at, requested_by, plan) VALUES (?1, (SELECT id FROM ticket WHERE "
        "number = ?2), ?3, (SELECT id FROM part WHERE number = ?4), ?5, ?6, ?7, ?8, ?9, ?10)");
    insert->bind(1, r.number);
    insert->bind(2, r.ticket);
    insert->bind(3, r.description);
    bind_optional(*insert, 4, r.part);
    insert->bind(5, r.quantity);
    insert->bind(6, r.reason);
    insert->bind(7, procurement_state_name(r.state));
    insert->bind(8, r.requested_at.seconds);
    insert->bind(9, r.requested_by);
    insert->bind(10, r.plan);
    insert->run();
    r.id = db_.last_insert_id();
  });
}

std::optional<UrgentRequest> SqlPartSaleStore::find_urgent(const std::string& number) {
  return guarded("reading urgent request " + number, [&]() -> std::optional<UrgentRequest> {
    Query query = db_.cached("SELECT " AFTERSALES_URGENT_COLUMNS "WHERE r.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_urgent(*query);
  });
}

std::vector<UrgentRequest> SqlPartSaleStore::list_urgent() {
  return guarded("listing urgent requests", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_URGENT_COLUMNS "ORDER BY r.number");
    std::vector<UrgentRequest> all;
    while (query->step()) all.push_back(read_urgent(*query));
    return all;
  });
}

void SqlPartSaleStore::update_urgent(const UrgentRequest& r) {
  guarded("changing urgent request " + r.number, [&] {
    Query update = db_.cached("UPDATE urgent_request SET state = ?2, plan = ?3 WHERE id = ?1");
    update->bind(1, r.id);
    update->bind(2, procurement_state_name(r.state));
    update->bind(3, r.plan);
    update->run();
  });
}

}  // namespace aftersales::store
