#include "views/part_return_view.h"

#include <fmt/format.h>

namespace aftersales::cli {

Table part_return_table() {
  Table table;
  table.columns = {{"line", ""},
                   {"ticket", ""},
                   {"serial", "unit"},
                   {"part", ""},
                   {"name", ""},
                   {"quantity", "qty"},
                   {"unit_price", "unit price", ColumnKind::kMoney},
                   {"owed_since", "owed since"},
                   {"due_on", "due on"},
                   {"days_late", "days late"},
                   {"received_on", "received"},
                   {"number", "return 退库单"},
                   {"wrong", "wrong part"},
                   {"result", "QC"},
                   {"note", ""},
                   {"booked", ""}};
  return table;
}

void add_part_return_row(Table& table, const PartReturn& line, const Rules& rules, Date today) {
  const Date due = return_due_on(rules, line.owed_since);
  const Date until = line.received_on ? *line.received_on : today;
  const std::int64_t late = until > due ? until.days - due.days : 0;
  table.add_row({line.id, line.ticket, line.serial, line.part, line.part_name, line.quantity,
                 line.unit_price, line.owed_since, due, late, optional_cell(line.received_on),
                 line.number, line.wrong,
                 line.result ? Cell{std::string(inspection_result_name(*line.result))} : Cell{},
                 line.inspection_note, line.move_id.has_value()});
}

std::string part_return_text(const PartReturn& line, const std::string& what) {
  return fmt::format("part return {} (line {}, {} x{} of {}): {}", line.number, line.id, line.part,
                     line.quantity, line.ticket, what);
}

}  // namespace aftersales::cli
