// aftersales part add|edit|list|show|stock|receive|adjust: the parts catalogue (备件) and its
// stock per warehouse; part request|requests|ship: warranty issues (表11) and their shipping
// behind a gate pass. The verbs of 表12, 表13 and sales say they are not built yet. The rules live
// in the core (parts/parts.h); this file parses, calls and renders.
#include <fmt/format.h>

#include <iostream>

#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/parts.h"
#include "aftersales/parts/shipping.h"
#include "commands/part_returns_command.h"
#include "commands/registry.h"
#include "commands/verb.h"
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
  std::optional<std::string> freight;
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

// A verb of the family that later work builds: listed in --help, and saying so when run.
void add_planned_verb(CLI::App& family, Session& session, const std::string& name,
                      const std::string& summary) {
  CLI::App* verb = family.add_subcommand(name, summary + " [not built yet]");
  verb->fallthrough(false);  // whatever follows is taken without complaint: the message answers
  verb->prefix_command();
  example(*verb, "aftersales part " + name + " --help");
  define_command(*verb, session, StoreUse::kNone, [name](Session&) {
    std::cerr << fmt::format(
        "aftersales: error: `aftersales part {}` is not built yet in this version; see the open "
        "issues of the project\n",
        name);
    return ExitCode::kUsage;
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
        s.note("part " + edit_part(s.context(), r.number, r.with_major()).number + " saved");
      });

  add_verb<PartQuery>(
      family, session,
      {"list", "the catalogue with the stock of all warehouses",
       "aftersales part list --low --format csv -o reorder.csv", StoreUse::kReads},
      [](CLI::App& verb, PartQuery& q) {
        verb.add_flag("--low", q.low, "only parts whose stock is below their reorder level");
      },
      [](Session& s, const PartQuery& q) {
        Table table = part_table();
        each_part(s.context(), q, [&](const Part& part, std::int64_t on_hand) {
          add_part_row(table, part, on_hand);
        });
        s.emit(table);
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
        each_stock_level(s.context(), r.warehouse,
                         [&](const StockLevel& level) { add_stock_row(table, level); });
        s.emit(table);
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
      {"ship", "the warehouse ships an approved request behind its approved gate pass",
       "aftersales part ship PI-2026-000001 --freight 120.00", StoreUse::kWrites},
      [](CLI::App& verb, ShipRequest& r) {
        verb.add_option("REQUEST", r.number, "the request (PI-...)")->required();
        verb.add_option("--freight", r.freight, "freight paid, borne by the company (运费)");
      },
      [](Session& s, const ShipRequest& r) {
        const IssueRequest shipped = ship_issue(s.context(), r.number, r.freight);
        s.note(fmt::format("{} (表11) shipped from {}: {} line(s), freight {}", shipped.number,
                           shipped.warehouse, shipped.lines.size(),
                           format_money(shipped.freight.value_or(Money{}))));
      });

  attach_part_returns(family, session);  // 表12 (commands/part_returns_command.cpp)
  add_planned_verb(family, session, "urgent", "urgent part request (表13)");
  add_planned_verb(family, session, "sell", "a sale outside warranty");
  add_planned_verb(family, session, "pay", "a payment on a sale");
  add_planned_verb(family, session, "promise", "a promised repayment date");
  add_planned_verb(family, session, "sales", "sales and arrears");
}

}  // namespace aftersales::cli
