#include "views/parts_report_view.h"

#include <string>

namespace aftersales::cli {
namespace {

Cell date_cell(const std::optional<Date>& date) { return date ? Cell{*date} : Cell{}; }

}  // namespace

Table parts_sales_report_table(const PartsSalesMonth& m, const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},
                   {"section", say("分类", "section")},
                   {"number", say("销售单号", "sale")},
                   {"sold_on", say("销售日期", "sold on")},
                   {"customer", say("客户编号", "customer")},
                   {"customer_name", say("客户名称", "customer name")},
                   {"quantity", say("数量", "quantity")},
                   {"amount", say("销售额", "amount")},
                   {"arrears", say("欠款", "arrears")},
                   {"due_on", say("报表截止", "report due")},
                   {"late", say("逾期", "late")}};
  const std::string month = month_text(Period{m.month, m.month});
  for (const MonthSale& sale : m.sales) {
    table.add_row({month, std::string("sale"), sale.number, sale.sold_on, sale.customer,
                   sale.customer_name, sale.quantity, sale.amount, Cell{}, Cell{}, Cell{}});
  }
  table.add_row({month, std::string("total"), Cell{}, Cell{}, Cell{}, Cell{}, m.quantity,
                 m.sales_amount, m.arrears, m.due_last_day, m.late});
  return table;
}

Table arrears_report_table(const PartsSalesMonth& m, const Words& say) {
  Table table;
  table.columns = {{"month", say("月份", "month")},
                   {"section", say("分类", "section")},
                   {"number", say("销售单号", "sale")},
                   {"sold_on", say("销售日期", "sold on")},
                   {"customer", say("欠款单位编号", "debtor")},
                   {"customer_name", say("欠款单位", "debtor name")},
                   {"amount", say("金额", "amount")},
                   {"paid", say("已付", "paid")},
                   {"arrears", say("欠款", "arrears")},
                   {"promised_on", say("还款时间", "promised repayment")}};
  const std::string month = month_text(Period{m.month, m.month});
  Money amount;
  Money paid;
  for (const MonthDebt& debt : m.debts) {
    table.add_row({month, std::string("debt"), debt.number, debt.sold_on, debt.customer,
                   debt.customer_name, debt.amount, debt.paid, debt.arrears,
                   date_cell(debt.promised_on)});
    amount = amount + debt.amount;
    paid = paid + debt.paid;
  }
  table.add_row({month, std::string("total"), Cell{}, Cell{}, Cell{}, Cell{}, amount, paid,
                 m.arrears, Cell{}});
  return table;
}

Table returns_report_table(const ReturnsReport& report, const Words& say) {
  Table table;
  table.columns = {
      {"month", say("月份", "month")},         {"section", say("分类", "section")},
      {"ticket", say("服务单号", "ticket")},   {"serial", say("出厂编号", "serial")},
      {"part", say("备件号", "part")},         {"part_name", say("备件名称", "part name")},
      {"quantity", say("数量", "quantity")},   {"unit_price", say("单价", "unit price")},
      {"value", say("金额", "value")},         {"owed_since", say("更换日期", "owed since")},
      {"due_on", say("应退回日期", "due on")}, {"days_late", say("逾期天数", "days late")}};
  const std::string month = month_text(report.month);
  for (const OverdueReturn& overdue : report.lines) {
    const PartReturn& line = overdue.line;
    table.add_row({month, std::string("overdue"), line.ticket, line.serial, line.part,
                   line.part_name, line.quantity, line.unit_price, overdue.value(), line.owed_since,
                   overdue.due_on, overdue.days_late});
  }
  table.add_row({month, std::string("total"), Cell{}, Cell{}, Cell{}, Cell{}, report.quantity,
                 Cell{}, report.value, Cell{}, Cell{}, Cell{}});
  return table;
}

}  // namespace aftersales::cli
