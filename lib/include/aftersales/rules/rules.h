// The company's rules as typed data: every threshold, window, approval chain, SLA limit, KPI
// target and list. Each default is the seed's number (DOMAIN.md); where the seed is silent, the
// default is DOMAIN.md's last table. Code holds the mechanism, never the number.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aftersales/core/money.h"
#include "aftersales/core/time.h"

namespace aftersales {

// Who acts: the OS login, or (single-seat and test set-ups) whoever --as names.
enum class IdentitySource { kLogin, kDeclared };

// The language of the reports' labels and titles (issue 12): the seed's Chinese, or English.
enum class ReportLanguage { kZh, kEn };

// A chain of roles that sign one after another, in order.
using ApprovalChain = std::vector<std::string>;

// Every role a user, a permission or an approval chain may name, in DOMAIN.md's order: clerk,
// technician, sales_manager, service_manager, tech_dept, qc, warehouse, finance, deputy_gm, gm,
// admin (keeps the ledger's rulebook and users; approves nothing).
const std::vector<std::string>& known_roles();

struct Rules {
  struct General {
    std::string time_zone = "Asia/Shanghai";  // its name, shown in reports
    UtcOffset utc_offset{480};                // the zone's fixed offset (no daylight saving)
  } general;

  struct Identity {
    IdentitySource source = IdentitySource::kLogin;
  } identity;

  struct Storage {
    int busy_timeout_ms = 5000;  // how long a clerk waits for another's write before exit 6
  } storage;

  // Login name -> roles (CLI.md "[users]"). Empty: a fresh demo, everyone is a clerk and
  // nobody can approve.
  std::map<std::string, std::vector<std::string>> users;

  // The ledger's administrators beyond those [users] names as "admin": the user who created the
  // ledger (`init`). Kept by the ledger, never read from a rules file; they do not make [users]
  // non-empty (a demo ledger keeps "everyone is a clerk").
  std::vector<std::string> admins;

  // Which roles may perform each kind of change. Keys are the permission names below.
  struct Permissions {
    std::vector<std::string> archive_write = {"clerk", "service_manager", "sales_manager"};
    std::vector<std::string> unit_note = {"clerk",      "service_manager", "sales_manager",
                                          "technician", "tech_dept",       "qc"};
    // Tickets (表3-表6): intake, dispatch (assign), analysis, costing (estimate, quote, waive),
    // service (start, pause, resume, record) and closing (close, cancel).
    std::vector<std::string> ticket_intake = {"clerk", "service_manager"};
    std::vector<std::string> ticket_dispatch = {"service_manager"};
    std::vector<std::string> ticket_analysis = {"clerk", "service_manager", "technician"};
    std::vector<std::string> ticket_costing = {"clerk", "service_manager", "sales_manager"};
    std::vector<std::string> ticket_service = {"clerk", "service_manager", "technician"};
    std::vector<std::string> ticket_close = {"clerk", "service_manager"};
    // Who may be given a ticket (`ticket assign --to`): the roles that do service work
    // (DOMAIN.md: tickets are assigned only to technicians and service_managers).
    std::vector<std::string> ticket_assignable = {"technician", "service_manager"};
    // Parts (DOMAIN.md "Who acts"): the catalogue and stock moves, 表11/表13 requests, sales,
    // payments, the inspection of returned parts (表12) and purchase plans.
    std::vector<std::string> parts_stock = {"warehouse"};
    std::vector<std::string> parts_request = {"clerk", "service_manager", "technician"};
    std::vector<std::string> parts_sales = {"clerk", "sales_manager"};
    std::vector<std::string> payments = {"finance"};
    std::vector<std::string> returns_inspection = {"qc"};
    std::vector<std::string> purchase = {"purchasing"};
    // Follow-up visits (表2): who records them (DOMAIN.md: the clerk records visits).
    std::vector<std::string> visits = {"clerk", "service_manager", "sales_manager"};
    // Customer care (issue 11): complaints and suggestions (客户投诉, 客户意见及建议), the
    // annual survey (表9) and the handover training records (新车交接培训).
    std::vector<std::string> complaints = {"clerk", "service_manager", "sales_manager"};
    std::vector<std::string> surveys = {"clerk", "sales_manager"};
    std::vector<std::string> training = {"technician", "service_manager"};
    // Scanned signed forms kept with their records (issue 15: `attach`, `ticket record --scan`).
    std::vector<std::string> attachments = {
        "clerk", "service_manager", "sales_manager", "technician", "warehouse", "qc", "finance"};
  } permissions;

  struct Lists {
    std::vector<std::string> fault_categories = {"底盘", "发动机", "液压系统", "电气系统", "上装",
                                                 "水泵", "消防炮", "罐体",     "其他"};
    std::vector<std::string> channels = {"phone", "hotline", "email", "online", "onsite"};
    std::vector<std::string> model_categories = {"sanitation", "fire", "other"};
    // 客户投诉 categories: the seed names none; our default list.
    std::vector<std::string> complaint_categories = {"产品质量", "服务态度", "服务及时性",
                                                     "配件",     "价格",     "其他"};
  } lists;

  // Priority name -> response limit in hours (arrival on site), and the default priority.
  struct Sla {
    std::map<std::string, int> response_hours = {{"urgent", 8}, {"normal", 24}, {"low", 72}};
    std::string default_priority = "normal";
  } sla;

  struct Archive {
    int complete_within_days = 2;  // 表1: 产品出厂后, 2 日内要制成电子存档
  } archive;

  struct Warranty {
    int default_months = 12;     // a model added without --warranty-months
    Money major_repair{100000};  // warranty cost over this makes a repair "major" (7-day visit)
  } warranty;

  struct Costs {
    Money labour_rate{10000};         // per hour; hours x rate rounds half up to the fen
    Money large_paid_repair{500000};  // over this a paid repair needs a quotation and a contract
  } costs;

  struct Tickets {
    bool seal_required = true;  // 表6: the customer signs and seals (签字盖章) the work record
  } tickets;

  struct Approvals {
    ApprovalChain repair_notice = {"sales_manager"};              // 表4
    Money budget_threshold{100000};                               // 表5: 超过1000元
    ApprovalChain budget = {"sales_manager", "deputy_gm", "gm"};  // 表5
    ApprovalChain paid_repair = {"sales_manager"};                // 保外 costing
    ApprovalChain free_repair = {"gm"};                           // free outside warranty
    // 质量问题: 技术部确认; outside warranty the free repair then needs free_repair (总经理批准).
    ApprovalChain quality_confirm = {"tech_dept"};
    ApprovalChain part_issue = {"sales_manager", "deputy_gm", "gm"};  // 表11
    Money gate_pass_limit{50000};                                     // 出门证: 500元(含)
    ApprovalChain gate_pass_small = {"deputy_gm"};                    // up to the limit
    ApprovalChain gate_pass_large = {"gm", "finance"};                // over the limit
    ApprovalChain urgent_part = {"sales_manager"};                    // 表13
    ApprovalChain purchase_plan = {"sales_manager"};                  // large part order
    ApprovalChain credit = {"gm"};                                    // 赊销
  } approvals;

  struct Parts {
    std::string default_warehouse = "main";         // where moves go without --warehouse
    std::string defective_warehouse = "defective";  // 表12: failed parts booked back in
    Money return_over{5000};  // 表12: 单价超过50元 returns to the factory
    int return_overdue_days = 30;
    int large_order_quantity = 20;     // a line of this many pieces or more
    Money large_order_value{1000000};  // or an order over this
    int deposit_percent = 20;          // 20% 定金
    int sales_report_due_day = 25;     // 每月在25日前
  } parts;

  struct Visits {
    int new_unit_days = 10;         // 表2: 10日内必须进行回访 (day 10 on time)
    int key_customer_per_year = 2;  // 每年不少于2次
    int major_repair_days = 7;      // 维修后一周内
    int maintenance_lead_days = 7;  // reminders listed from 7 days before due
    int satisfied_min_score = 4;    // a score of 4 or 5 counts as satisfied
  } visits;

  struct Complaints {
    int deadline_days = 7;
  } complaints;

  struct Survey {
    int quarter = 4;  // 表9: 每年第四季度
  } survey;

  struct Training {
    // 新车交接培训: a shipped unit without a passed training this many days after shipping
    // (ship day is day 0, day N on time) is missing. The seed gives no number; ours.
    int within_days = 10;
  } training;

  // KPI targets in percent (DOMAIN.md "Reports").
  struct Kpi {
    double visit_rate = 100;
    double satisfaction_rate = 98;
    double on_time_rate = 98;
    double training_pass_rate = 100;
    double part_accuracy_rate = 98;
  } kpi;

  // How the reports read (issue 12): the language of their labels, titles and sheet names.
  // Machine keys (CSV headers, JSON keys, section and item codes) never change with it.
  struct Report {
    ReportLanguage language = ReportLanguage::kZh;
    // 表8 新出厂设备 vs units in service: a unit is new while the day is within this many months
    // of its ship date (the days a warranty of as many months from the ship date would cover).
    // The seed names new units (表8, 表10 新出厂设备问题) but gives no span; 3 months is ours.
    int new_unit_months = 3;
  } report;

  // The header of every printed form (issue 15, `print`). The seed's forms are headed with the
  // company's name (表12: 鞍山衡业专用汽车制造有限公司); address and phone are the company's own.
  struct Company {
    std::string name = "鞍山衡业专用汽车制造有限公司";
    std::string address;
    std::string phone;
  } company;

  // Scanned signed forms kept in the ledger (issue 15): the largest file accepted, in MiB. The
  // seed is silent; 20 MiB holds a multi-page scan at 300 dpi.
  struct Attachments {
    int max_mb = 20;
  } attachments;

  // Bounds on an .xlsx to import (issue 8, finding 5): a few megabytes that inflate to
  // gigabytes would hold the write lock for minutes. A workbook over one is refused whole.
  struct Import {
    int xlsx_max_part_mb = 512;  // uncompressed MiB of one part: the sheet, the shared strings
    int xlsx_max_shared_strings = 5'000'000;  // distinct texts of the workbook
    int xlsx_max_compression_ratio = 100;     // a part's uncompressed / compressed size
    // A ticket's reported time given as a date only (2026/5/2, a date cell) is taken at this
    // local time of day (general.utc_offset). The seed is silent; 09:00 is our default.
    TimeOfDay date_only_time{9 * 3600};
  } import;

  // The roles a login holds in [users]; empty when the login is not in [users].
  const std::vector<std::string>& roles_of(const std::string& user) const;
  // Whether the login holds `role`: in [users], or "admin" as one of the ledger's admins.
  bool has_role(const std::string& user, const std::string& role) const;
};

}  // namespace aftersales
