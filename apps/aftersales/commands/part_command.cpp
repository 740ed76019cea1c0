// aftersales part add|edit|list|show|stock|receive|adjust|count: the parts catalogue (备件) and its
// stock per warehouse; part request|requests|ship: warranty issues (表11) and shipping behind a
// gate pass; part sell|pay|promise|sales|sale: sales outside warranty; part urgent|urgents:
// urgent part requests (表13); the returns of 表12 (commands/part_returns_command.cpp). The rules
// live in the core (parts/*.h); this file parses, calls and renders.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include "aftersales/core/error.h"
#include "aftersales/core/translate.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sales.h"
#include "aftersales/parts/shipping.h"
#include "commands/part_returns_command.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/part_sale_view.h"
#include "views/part_view.h"

namespace aftersales::cli {
namespace {

struct PartRequest {
  std::string number;
  PartFields fields;
  bool major = false;
  bool not_major = false;

  PartFields with_major() const {
    PartFields result = fields;
    if (major) result.major = true;
    if (not_major) result.major = false;
    return result;
  }
};

struct NumberRequest {
  std::string number;
};

struct ShipRequest {
  std::string number;
  std::optional<std::string> freight;    // a 表11 request's, borne by the company
  std::optional<std::string> warehouse;  // a sale's
};

struct RequestsQuery {
  std::optional<std::string> ticket;
};

struct MoveRequest {
  std::string number, qty;
  std::optional<std::string> warehouse;
  std::string reference, reason;
};

void add_field_options(CLI::App& verb, PartRequest& r, bool adding) {
  verb.add_option("PARTNO", r.number, "part number")->required();
  auto* name = verb.add_option("--name", r.fields.name, "name (名称)");
  auto* price = verb.add_option("--price", r.fields.price, "unit price (单价), in yuan");
  if (adding) {
    name->required();
    price->required();
  }
  verb.add_option("--spec", r.fields.spec, "specification (规格)");
  verb.add_option("--unit", r.fields.unit, "unit of issue (单位: 件, 套, 升 ...)");
  verb.add_option("--reorder-level", r.fields.reorder_level,
                  "`part list --low` lists the part when stock is below it");
  verb.add_flag("--major", r.major,
                "a major part (重要部件): its replacement is kept in the unit's archive");
  if (!adding) verb.add_flag("--no-major", r.not_major, "no longer a major part");
}

struct SaleOptions {
  SaleOrder order;
  std::string number, amount, date;
  std::optional<std::string> on;
  SaleQuery query;
  bool open = false;
  UrgentOrder urgent;
};

// The summary a sale leaves on stderr: its total and what it waits for.
std::string sale_text(Context& ctx, const PartSale& sale) {
  std::string text =
      fmt::format("sale {}: {} to {}, total {}", sale.number,
                  sale.quantity() == 1 ? "1 piece" : fmt::format("{} pieces", sale.quantity()),
                  sale.customer, format_money(sale.total));
  const std::vector<std::string> missing = sale_ready_to_ship(ctx, sale);
  if (missing.empty()) return text + "; ready to ship";
  return text + "; before shipping it needs " + missing.front();
}

// Sales outside warranty (三包期外备件销售), payments, promises, the month-end data, and urgent
// part requests (表13).
void attach_part_sales(CLI::App& family, Session& session) {
  add_verb<SaleOptions>(
      family, session,
      {"sell", "a sale outside warranty at the catalogue price plus freight; prints its number",
       "aftersales part sell --customer C001 --line HP-100:2 --line S-1:10 --freight 120",
       StoreUse::kWrites},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("--customer", r.order.customer, "customer code")->required();
        verb.add_option("--line", r.order.lines, "PARTNO:QTY, once per part")->required();
        verb.add_option("--freight", r.order.freight, "freight (运费), in yuan");
        verb.add_flag("--pickup", r.order.pickup, "self-pickup (自提): no freight");
        verb.add_option("--contract", r.order.contract,
                        "sales contract no. (购销合同): required for a large order");
        verb.add_flag("--credit", r.order.credit,
                      "delivery before full payment (赊销): asks the GM's approval");
        verb.add_option("--guarantee", r.order.guarantee,
                        "who guarantees the debt (担保); it waives no approval");
      },
      [](Session& s, const SaleOptions& r) {
        const PartSale sale = sell_parts(s.context(), r.order);
        s.emit_created(sale.number);
        s.note(sale_text(s.context(), sale));
      });

  add_verb<SaleOptions>(
      family, session,
      {"pay", "a payment received on a sale (the deposit of a large order first)",
       "aftersales part pay PS-2026-000001 --amount 2000.00 --on 2026-11-27", StoreUse::kWrites},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("SALE", r.number, "sale number")->required();
        verb.add_option("--amount", r.amount, "amount received, in yuan")->required();
        verb.add_option("--on", r.on, "date received (default today)");
      },
      [](Session& s, const SaleOptions& r) {
        const PaymentResult result = pay_sale(s.context(), r.number, r.amount, r.on);
        s.note(fmt::format("sale {}: {} received on {}; paid {} of {}", result.sale.number,
                           format_money(result.payment.amount), format_date(result.payment.paid_on),
                           format_money(result.sale.paid), format_money(result.sale.total)));
        if (result.plan_raised) {
          s.note(fmt::format("purchase plan {} raised for {}; it waits for the approval of {}",
                             result.plan_raised->number, result.sale.number,
                             fmt::join(s.context().rules.approvals.purchase_plan, ", ")));
        }
      });

  add_verb<SaleOptions>(
      family, session,
      {"promise", "the date the customer promises to repay (还款日期)",
       "aftersales part promise PS-2026-000001 --date 2026-12-31", StoreUse::kWrites},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("SALE", r.number, "sale number")->required();
        verb.add_option("--date", r.date, "promised repayment date")->required();
      },
      [](Session& s, const SaleOptions& r) {
        const PartSale sale = promise_repayment(s.context(), r.number, r.date);
        s.note(fmt::format("sale {}: {} owed, repayment promised for {}", sale.number,
                           format_money(sale.owed()), format_date(*sale.promised_on)));
      });

  add_verb<SaleOptions>(
      family, session,
      {"sales", "sales with payments and arrears; --month: the month-end data of the report",
       "aftersales part sales --month 2026-11 --format csv -o parts-sales.csv", StoreUse::kReads},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("--month", r.query.month,
                        "YYYY-MM: the parts sales report's data (备件销售月报表)");
        verb.add_flag("--arrears", r.query.arrears, "only sales with arrears (欠款)");
      },
      [](Session& s, const SaleOptions& r) {
        if (r.query.month && !r.query.arrears) {
          s.emit(sales_month_view(parts_sales_month(s.context(), *r.query.month)));
          return;
        }
        s.emit(sale_table(list_sales(s.context(), r.query)));
      });

  add_verb<SaleOptions>(
      family, session,
      {"sale", "one sale whole: lines, payments, promises, approvals, what it needs to ship",
       "aftersales part sale PS-2026-000001", StoreUse::kReads},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("SALE", r.number, "sale number")->required();
      },
      [](Session& s, const SaleOptions& r) {
        s.emit(sale_view(show_sale(s.context(), r.number), s.context().rules));
      });

  add_verb<SaleOptions>(
      family, session,
      {"urgent", "urgent part request (表13) for a ticket; prints its number",
       "aftersales part urgent --ticket SR-2026-000001 --desc 液压泵 CBN-E316 --qty 1 --reason "
       "停机待修",
       StoreUse::kWrites},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_option("--ticket", r.urgent.ticket, "the ticket it is for")->required();
        verb.add_option("--desc", r.urgent.description,
                        "the part: a catalogue part no., or what is needed")
            ->required();
        verb.add_option("--qty", r.urgent.quantity, "how many")->required();
        verb.add_option("--reason", r.urgent.reason, "why it is urgent")->required();
      },
      [](Session& s, const SaleOptions& r) {
        const UrgentRequest request = request_urgent_part(s.context(), r.urgent);
        s.emit_created(request.number);
        s.note(fmt::format("urgent request {} for {}: waits for the approval of {}", request.number,
                           request.ticket,
                           fmt::join(s.context().rules.approvals.urgent_part, ", ")));
      });

  add_verb<SaleOptions>(
      family, session,
      {"urgents", "urgent part requests (表13) and where they stand",
       "aftersales part urgents --open", StoreUse::kReads},
      [](CLI::App& verb, SaleOptions& r) {
        verb.add_flag("--open", r.open, "only those not yet received or rejected");
      },
      [](Session& s, const SaleOptions& r) {
        s.emit(urgent_table(list_urgent_requests(s.context(), r.open), s.context().rules));
      });
}

}  // namespace

void attach_part(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales part stock");

  add_verb<PartRequest>(
      family, session,
      {"add", "add a part to the catalogue; prints its number",
       "aftersales part add HP-100 --name 液压泵 --price 4800.00 --spec CBN-E316 --unit 件 "
       "--major",
       StoreUse::kWrites},
      [](CLI::App& verb, PartRequest& r) { add_field_options(verb, r, true); },
      [](Session& s, const PartRequest& r) {
        s.emit_created(add_part(s.context(), r.number, r.with_major()).number);
      });

  add_verb<PartRequest>(
      family, session,
      {"edit", "change the given fields of a part", "aftersales part edit HP-100 --price 4950.00",
       StoreUse::kWrites},
      [](CLI::App& verb, PartRequest& r) { add_field_options(verb, r, false); },
      [](Session& s, const PartRequest& r) {
        s.note(fmt::format(fmt::runtime(tr("part {} saved")),
                           edit_part(s.context(), r.number, r.with_major()).number));
      });

  add_verb<PartQuery>(
      family, session,
      {"list", "the catalogue with the stock of all warehouses",
       "aftersales part list --low --format csv -o reorder.csv", StoreUse::kReads},
      [](CLI::App& verb, PartQuery& q) {
        verb.add_flag("--low", q.low, "only parts whose stock is below their reorder level");
      },
      [](Session& s, const PartQuery& q) {
        // Streamed: the view's row builder fills a one-row table, handed on at once.
        Table table = part_table();
        Context& ctx = s.context();
        s.emit_rows(table.columns, [&](RowWriter& rows) {
          each_part(ctx, q, [&](const Part& part, std::int64_t on_hand) {
            add_part_row(table, part, on_hand);
            rows.row(table.rows.back());
            table.rows.clear();
          });
        });
      });

  add_verb<NumberRequest>(
      family, session,
      {"show", "one part: its record, stock per warehouse and latest moves",
       "aftersales part show HP-100", StoreUse::kReads},
      [](CLI::App& verb, NumberRequest& r) {
        verb.add_option("PARTNO", r.number, "part number")->required();
      },
      [](Session& s, const NumberRequest& r) {
        s.emit(part_view(show_part(s.context(), r.number), s.context().rules));
      });

  add_verb<MoveRequest>(
      family, session,
      {"stock", "stock per part and warehouse", "aftersales part stock --warehouse main",
       StoreUse::kReads},
      [](CLI::App& verb, MoveRequest& r) {
        verb.add_option("--warehouse", r.warehouse, "only this warehouse");
      },
      [](Session& s, const MoveRequest& r) {
        Table table = stock_table();
        Context& ctx = s.context();
        s.emit_rows(table.columns, [&](RowWriter& rows) {
          each_stock_level(ctx, r.warehouse, [&](const StockLevel& level) {
            add_stock_row(table, level);
            rows.row(table.rows.back());
            table.rows.clear();
          });
        });
      });

  add_verb<MoveRequest>(
      family, session,
      {"receive", "receive parts into stock",
       "aftersales part receive HP-100 --qty 5 --warehouse main --ref 送货单-20261127",
       StoreUse::kWrites},
      [](CLI::App& verb, MoveRequest& r) {
        verb.add_option("PARTNO", r.number, "part number")->required();
        verb.add_option("--qty", r.qty, "how many (a whole number over 0)")->required();
        verb.add_option("--warehouse", r.warehouse, "default: [parts] default_warehouse");
        verb.add_option("--ref", r.reference, "a delivery note or purchase plan");
      },
      [](Session& s, const MoveRequest& r) {
        s.note(move_text(receive_part(s.context(), r.number, r.qty, r.warehouse, r.reference)));
      });

  add_verb<MoveRequest>(
      family, session,
      {"adjust", "correct the stock after a count (+N or -N, with a reason)",
       "aftersales part adjust HP-100 --qty -1 --reason 盘亏", StoreUse::kWrites},
      [](CLI::App& verb, MoveRequest& r) {
        verb.add_option("PARTNO", r.number, "part number")->required();
        verb.add_option("--qty", r.qty, "the change, +N or -N")
            ->required()
            ->allow_extra_args(false);
        verb.add_option("--warehouse", r.warehouse, "default: [parts] default_warehouse");
        verb.add_option("--reason", r.reason, "why (盘盈, 盘亏, 损坏 ...)")->required();
      },
      [](Session& s, const MoveRequest& r) {
        s.note(move_text(adjust_stock(s.context(), r.number, r.qty, r.warehouse, r.reason)));
      });

  add_verb<StockCountFields>(
      family, session,
      {"count", "set the stock to what a count (盘点) found: one adjust move of the difference",
       "aftersales part count HP-100 --qty 12 --warehouse main --reason 年终盘点",
       StoreUse::kWrites},
      [](CLI::App& verb, StockCountFields& r) {
        verb.add_option("PARTNO", r.part, "part number")->required();
        verb.add_option("--qty", r.counted, "how many are on hand (0 or more)")->required();
        verb.add_option("--warehouse", r.warehouse, "default: [parts] default_warehouse");
        verb.add_option("--reason", r.reason, "default: stock count");
      },
      [](Session& s, const StockCountFields& r) {
        const CountedStock done = count_stock(s.context(), r);
        if (!done.move) {
          s.note(
              fmt::format("part {}: {} on hand already; nothing moved", trim(r.part), done.before));
          return;
        }
        s.note(fmt::format("{}; was {}", move_text(*done.move), done.before));
      });

  add_verb<IssueRequestFields>(
      family, session,
      {"request",
       "warranty issue request (表11 with its 备件领料单) for a quality problem; prints its number",
       "aftersales part request --ticket SR-2026-000001 --line HP-100:1 --line S-1:4",
       StoreUse::kWrites},
      [](CLI::App& verb, IssueRequestFields& r) {
        verb.add_option("--ticket", r.ticket, "the ticket (a confirmed quality problem)")
            ->required();
        verb.add_option("--line", r.lines, "PARTNO:QTY, once per part")->required();
        verb.add_option("--warehouse", r.warehouse, "default: [parts] default_warehouse");
      },
      [](Session& s, const IssueRequestFields& r) {
        const IssueRequest request = request_issue(s.context(), r);
        s.emit_created(request.number);
        s.note(fmt::format("{} (表11) for {}: value {}, waiting for {}", request.number,
                           request.ticket, format_money(request.value()),
                           fmt::join(s.context().rules.approvals.part_issue, " → ")));
      });

  add_verb<RequestsQuery>(
      family, session,
      {"requests", "warranty issue requests (表11) with their lines and state",
       "aftersales part requests --ticket SR-2026-000001", StoreUse::kReads},
      [](CLI::App& verb, RequestsQuery& q) {
        verb.add_option("--ticket", q.ticket, "only this ticket's");
      },
      [](Session& s, const RequestsQuery& q) {
        s.emit(issue_table(list_issue_requests(s.context(), q.ticket),
                           s.context().rules.general.utc_offset));
      });

  add_verb<ShipRequest>(
      family, session,
      {"ship", "the warehouse ships an approved request or a ready sale behind its gate pass",
       "aftersales part ship PI-2026-000001 --freight 120.00", StoreUse::kWrites},
      [](CLI::App& verb, ShipRequest& r) {
        verb.add_option("REQUEST|SALE", r.number, "a 表11 request (PI-...) or a sale (PS-...)")
            ->required();
        verb.add_option("--freight", r.freight, "a request's freight, borne by the company (运费)");
        verb.add_option("--warehouse", r.warehouse,
                        "a sale's warehouse (default: [parts] default_warehouse)");
      },
      [](Session& s, const ShipRequest& r) {
        if (r.number.rfind("PS-", 0) == 0) {
          if (r.freight) {
            throw Error(ErrorCode::kUsage,
                        "--freight is a 表11 request's; a sale's freight is "
                        "on the sale (part sell --freight)");
          }
          const PartSale sale = ship_sale(s.context(), r.number, r.warehouse);
          s.note(fmt::format("sale {} shipped: {} line(s)", sale.number, sale.lines.size()));
          return;
        }
        if (r.warehouse) {
          throw Error(ErrorCode::kUsage,
                      "--warehouse is a sale's; a 表11 request ships from its own warehouse");
        }
        const IssueRequest shipped = ship_issue(s.context(), r.number, r.freight);
        s.note(fmt::format("{} (表11) shipped from {}: {} line(s), freight {}", shipped.number,
                           shipped.warehouse, shipped.lines.size(),
                           format_money(shipped.freight.value_or(Money{}))));
      });

  attach_part_returns(family, session);  // 表12 (commands/part_returns_command.cpp)
  attach_part_sales(family, session);
}

}  // namespace aftersales::cli
