// `aftersales print` (issue 15): every form of the seed filled from its record, with its title,
// form code, fields and signature boxes; the copies (一式两联 / 三联) on pages of their own; blank
// forms; a QR code of the record's number; the batch of a state's tickets; PDF through Chromium
// where it is installed; and each bad request refused (exit 2 or 3) with nothing written.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::count_of;
using aftersales::testing::describe;
using aftersales::testing::RunResult;

namespace {

const std::string kRules = std::string(aftersales::testing::kDeskLeaders) + R"(kuang = ["warehouse"]
zhou = ["qc"]
qian = ["finance"]
sun = ["tech_dept"]

[company]
name = "鞍山衡业专用汽车制造有限公司"
address = "辽宁省鞍山市铁西区"
phone = "0412-5550000"
)";

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

// The desk with a catalogue (HP-100 液压泵 480.00, major) and a warranty ticket analysed as a
// quality defect needing the factory (表4), estimated at 300.00 of parts and started by ma.
class PrintDesk : public aftersales::testing::TicketDesk {
 public:
  PrintDesk() : TicketDesk(kRules) {
    ok("kuang", {"part", "add", "HP-100", "--name", "液压泵", "--price", "480.00", "--major"});
    ok("kuang", {"part", "receive", "HP-100", "--qty", "3"});
    ticket = open(kUnit, {"--reported-at", "2026-11-27T08:00", "--desc", "液压泵异响"});
    ok("li", {"ticket", "assign", ticket, "--to", "ma"});
    ok("ma", {"ticket", "analyse", ticket, "--text", "液压泵壳体砂眼", "--quality-defect"});
    ok("zhang",
       {"ticket", "estimate", ticket, "--parts", "300", "--labour-hours", "0", "--travel", "0"});
  }

  // Signs every pending approval on `subject`, step by step, by whoever holds its role.
  void sign_all(const std::string& subject) const {
    for (int guard = 0; guard < 10; ++guard) {
      const std::string id = pending_approval(subject);
      if (id.empty()) return;
      bool signed_one = false;
      for (const char* user : {"sun", "xu", "wang", "zhao", "qian", "li"}) {
        if (as(user, {"approval", "approve", id}).exit_code == 0) {
          signed_one = true;
          break;
        }
      }
      REQUIRE(signed_one);
    }
  }

  RunResult print(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"print"};
    all.insert(all.end(), args.begin(), args.end());
    return as("zhang", all);
  }

  // The page `print ARGS -o page.html` wrote.
  std::string page(const std::vector<std::string>& args) const {
    std::vector<std::string> all = args;
    all.push_back("-o");
    all.push_back("page.html");
    const RunResult r = print(all);
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    return cli.read_file("page.html");
  }

  void record_work() const {
    sign_all(ticket);
    ok("ma", {"ticket", "start", ticket});
    // The approvals were given on 2026-11-27 (the runs' business day): the technician arrives
    // the next morning.
    ok("ma",
       {"ticket", "record", ticket, "--arrived", "2026-11-28T09:00", "--finished",
        "2026-11-28T11:30", "--work", "更换液压泵", "--signed-by", "王明", "--sealed", "--part",
        "HP-100:1", "--labour-hours", "2", "--travel", "120"},
       "2026-11-28");
  }

  std::string ticket;
};

// The head every printed form carries: the company, the seed's key, title and code.
void check_head(const std::string& html, const std::string& key, const std::string& title,
                const std::string& code) {
  CHECK(contains(html, "<!DOCTYPE html>"));
  CHECK(contains(html, "@page { size: A4"));
  CHECK(contains(html, "鞍山衡业专用汽车制造有限公司"));
  CHECK(contains(html, "辽宁省鞍山市铁西区　电话：0412-5550000"));
  CHECK(contains(html, "<h1>" + title + "</h1>"));
  CHECK(contains(html, "<div class=\"key\">" + key + (code.empty() ? "" : "　" + code) + "</div>"));
  // No external asset: the only address is the SVG namespace of the QR codes.
  CHECK(count_of(html, "http") == count_of(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(!contains(html, "<script"));
}

}  // namespace

TEST_CASE(
    "print 表3 表4 表5 of a ticket: the request, the repair notice, the budget and their "
    "signatures") {
  PrintDesk desk;
  std::string html = desk.page({"表3", desk.ticket});
  check_head(html, "表3", "售后服务申请单", "JL-7.5-08");
  for (const char* text :
       {"编号", desk.ticket.c_str(), "报修时间", "2026-11-27 08:00", "客户单位", "鞍山市环卫处",
        "出厂编号", kUnit, "保修状态", "保内（三包）", "问题描述", "液压泵异响", "问题分析",
        "液压泵壳体砂眼", "受理人", "售后服务负责人"}) {
    CAPTURE(text);
    CHECK(contains(html, text));
  }
  CHECK(contains(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\""));
  CHECK(contains(html, "<div class=\"number\">" + desk.ticket + "</div>"));
  CHECK(contains(html, "编制：陶丹　审批：齐延宽"));

  html = desk.page({"repair-notice", desk.ticket});  // by its name
  check_head(html, "表4", "售后维修通知单", "");
  CHECK(contains(html, "协助部门"));
  CHECK(contains(html, "销售部部长"));  // [approvals] repair_notice: a box still to sign

  // 300.00 of warranty parts is not over 1,000.00: no budget chain is asked.
  html = desk.page({"5", desk.ticket});  // by its number alone
  check_head(html, "表5", "售后服务费用预算审批表", "");
  CHECK(contains(html, "保内费用未超过 1,000.00 元，无须预算审批"));
  CHECK(contains(html, "<td>配件</td>"));
  CHECK(contains(html, "300.00"));

  // 1,000.01 is: the chain's three signatures, given, with who and when.
  desk.ok("zhang", {"ticket", "estimate", desk.ticket, "--parts", "1000.01", "--labour-hours", "0",
                    "--travel", "0"});
  html = desk.page({"表5", desk.ticket});
  for (const char* role : {"销售部部长", "主管副经理", "总经理"}) {
    CAPTURE(role);
    CHECK(contains(html, std::string("<div class=\"title\">") + role + "</div>"));
  }
  CHECK(count_of(html, "class=\"signature unsigned") == 3);
  desk.sign_all(desk.ticket);
  html = desk.page({"表5", desk.ticket});
  CHECK(contains(html, "<span class=\"fill\">xu</span>"));
  CHECK(contains(html, "<span class=\"fill\">wang</span>"));
  CHECK(contains(html, "<span class=\"fill\">zhao</span>"));
  CHECK(contains(html, "同意"));
  CHECK(contains(html, "1,000.01"));
  CHECK(count_of(html, "class=\"signature unsigned") == 0);
}

TEST_CASE("print 表6 shows the signed work record, the parts used and the customer's seal") {
  PrintDesk desk;
  std::string html = desk.page({"表6", desk.ticket});
  check_head(html, "表6", "售后服务现场工作记录", "JL-7.5-09");
  CHECK(contains(html, "<div class=\"title\">用户签字盖章</div>"));
  CHECK(contains(html, "（盖章）"));  // the box for the seal, still to come
  CHECK(count_of(html, "class=\"signature unsigned") == 2);

  desk.record_work();
  html = desk.page({"work-record", desk.ticket});
  for (const char* text :
       {"到达时间", "2026-11-28 09:00", "完成时间", "2026-11-28 11:30", "维修人员", "ma",
        "工作内容", "更换液压泵", "HP-100", "液压泵（重要部件）", "480.00", "差旅费", "120.00",
        "2 小时", "王明", "已盖章"}) {
    CAPTURE(text);
    CHECK(contains(html, text));
  }
  CHECK(count_of(html, "class=\"signature signed") == 2);
}

TEST_CASE("print 表1 is the unit's factory archive with its service records") {
  PrintDesk desk;
  desk.record_work();
  const std::string html = desk.page({"表1", kUnit});
  check_head(html, "表1", "产品出厂档案", "");
  for (const char* text :
       {"出厂编号", kUnit, "车型", "HYS5160", "出厂日期", "2026-06-01", "主要配置", "服务条款",
        "保修期", "客户单位", "鞍山市环卫处", "运行、质量和服务状况", "重要部件更换记载",
        "更换 HP-100 液压泵", "售后服务记录"}) {
    CAPTURE(text);
    CHECK(contains(html, text));
  }
  CHECK(contains(html, "<td>" + desk.ticket + "</td>"));
  CHECK(contains(html, "<div class=\"number\">" + std::string(kUnit) + "</div>"));
}

TEST_CASE("print 表2 and 表9 tick the five scores of the visit and the survey") {
  PrintDesk desk;
  RunResult r = desk.ok("zhang", {"visit", "record", "--unit", kUnit, "--reason", "other",
                                  "--scores", "5,4,3,2,1", "--suggestion", "希望增加夜间服务"});
  const std::string visit = aftersales::testing::trimmed(r.out);
  std::string html = desk.page({"表2", visit});
  check_head(html, "表2", "产品使用情况征询意见表", "JL-7.2-04");
  for (const char* text :
       {"结构性能", "外观质量", "交货日期", "产品价格", "售后服务", "■很满意", "■满意", "■一般",
        "■不满意", "■很不满意", "希望增加夜间服务", "回访人", "客户签字"}) {
    CAPTURE(text);
    CHECK(contains(html, text));
  }
  CHECK(count_of(html, "■") == 5);
  CHECK(count_of(html, "□") == 20);

  desk.ok("zhang",
          {"survey", "record", "--customer", "C001", "--year", "2026", "--scores", "5,5,5,5,4"});
  html = desk.page({"表9", "C001/2026"});
  check_head(html, "表9", "顾客满意度调查表", "JL-8.1-01");
  CHECK(count_of(html, "■很满意") == 4);
  CHECK(count_of(html, "■满意") == 1);
  CHECK(contains(html, "2026 年度"));

  r = desk.print({"表9", "C001", "-o", "page.html"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "CUSTOMER/YEAR"));
  r = desk.print({"表9", "C001/2025", "-o", "page.html"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "no survey"));
}

TEST_CASE(
    "print 表11 and 出门证: the issue with its 备件领料单 and the gate pass, one page per copy") {
  PrintDesk desk;
  RunResult r =
      desk.ok("zhang", {"part", "request", "--ticket", desk.ticket, "--line", "HP-100:1"});
  const std::string issue = aftersales::testing::trimmed(r.out);
  std::string html = desk.page({"表11", issue});
  check_head(html, "表11", "备件出库申请单", "");
  CHECK(count_of(html, "<section class=\"sheet\"") == 2);
  CHECK(contains(html, "第一联　库房留存（核销凭证）"));
  CHECK(contains(html, "第二联　存档备查"));
  CHECK(contains(html, "类别：■保内维修　□出售"));
  CHECK(contains(html, "<h2>备件领料单</h2>"));
  CHECK(contains(html, "由我公司承担"));
  CHECK(count_of(html, "<div class=\"title\">总经理</div>") == 2);  // a box on each copy

  desk.sign_all(issue);
  html = desk.page({"part-issue", issue});
  CHECK(count_of(html, "<span class=\"fill\">zhao</span>") == 2);

  r = desk.ok("zhang", {"gatepass", "list", "--format", "csv"});
  const std::size_t line = r.out.find('\n') + 1;
  const std::string pass = r.out.substr(line, r.out.find(',', line) - line);
  REQUIRE(pass.rfind("GP-", 0) == 0);
  html = desk.page({"出门证", pass});
  check_head(html, "出门证", "出门证", "");
  CHECK(count_of(html, "<section class=\"sheet\"") == 3);
  for (const char* copy : {"第一联　门卫留存", "第二联　销售部留存", "第三联　财务部留存"}) {
    CAPTURE(copy);
    CHECK(contains(html, copy));
  }
  CHECK(contains(html, "480.00"));
  CHECK(contains(html, "主管副经理"));  // 480.00 is within 500.00: the deputy GM alone
  CHECK(!contains(html, "<div class=\"title\">总经理</div>"));
  CHECK(contains(html, "门卫"));
}

TEST_CASE("print 表12 and 表13: the returned part and the urgent part request") {
  PrintDesk desk;
  desk.record_work();
  RunResult r = desk.ok("kuang", {"part", "return", "1", "--received", "2026-11-28"}, "2026-11-28");
  std::string html = desk.page({"表12", "1"});
  check_head(html, "表12", "退库单", "");
  CHECK(count_of(html, "<section class=\"sheet\"") == 2);
  CHECK(contains(html, "第一联　库房留存"));
  CHECK(contains(html, "HP-100"));
  CHECK(contains(html, "□质量问题　□合格"));
  CHECK(contains(html, "质检部"));

  r = desk.ok("zhang", {"part", "urgent", "--ticket", desk.ticket, "--desc", "液压泵总成", "--qty",
                        "1", "--reason", "停机待修"});
  const std::string urgent = aftersales::testing::trimmed(r.out);
  html = desk.page({"表13", urgent});
  check_head(html, "表13", "客户服务部备件销售急需备件申请表", "");
  CHECK(contains(html, "液压泵总成"));
  CHECK(contains(html, "停机待修"));
  CHECK(contains(html, "<div class=\"title\">销售部部长</div>"));
  CHECK(contains(html, "<div class=\"title\">采购部</div>"));
}

TEST_CASE("print 表7 表8 表10 fill a month's statistics in the seed's words") {
  PrintDesk desk;
  std::string html = desk.page({"表7", "--month", "2026-11"});
  check_head(html, "表7", "客户服务部维修统计及费用月报表", "");
  CHECK(contains(html, "2026年11月份"));
  CHECK(contains(html,
                 "11月份共处理售后服务业务1次。其中，保修期内设备维修1次，保修期外设备维修0次"));
  CHECK(contains(html, "客户服务部部长"));
  CHECK(contains(html, "责任单位签字"));
  CHECK(contains(html, "制表人"));

  html = desk.page({"表8", "--month", "2026-11"});
  check_head(html, "表8", "质量统计分析报表", "");
  CHECK(contains(html, "（11）月质量统计分析报表：如下产品发生质量问题，具体情况如下：共1起"));

  html = desk.page({"表10", "--month", "2026-11"});
  check_head(html, "表10", "客户满意率统计分析", "");
  for (const char* text : {"一、售后维修设备问题", "二、新出厂设备问题", "1、回访时间",
                           "2、填写回访表数量", "销售部部长", "售后服务负责人"}) {
    CAPTURE(text);
    CHECK(contains(html, text));
  }
}

TEST_CASE("print --blank gives every form empty, to fill in by hand") {
  PrintDesk desk;
  const std::vector<std::pair<std::string, int>> forms = {
      {"表1", 1}, {"表2", 1}, {"表3", 1},  {"表4", 1},  {"表5", 1},  {"表6", 1},  {"表7", 1},
      {"表8", 1}, {"表9", 1}, {"表10", 1}, {"表11", 2}, {"表12", 2}, {"表13", 1}, {"出门证", 3}};
  for (const auto& [form, copies] : forms) {
    CAPTURE(form);
    const std::string html = desk.page({form, "--blank"});
    CHECK(count_of(html, "<section class=\"sheet\" data-form=\"" + form + "\"") ==
          static_cast<std::size_t>(copies));
    CHECK(!contains(html, "class=\"qr\""));  // no record, no number to scan
    CHECK(!contains(html, "class=\"signature signed"));
    CHECK(contains(html, "class=\"signature unsigned"));
  }
}

TEST_CASE("print refuses a bad request, exit 2 or 3, and writes nothing") {
  PrintDesk desk;
  RunResult r = desk.print({"表66", desk.ticket, "-o", "page.html"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "there is no form \"表66\"; did you mean \"表6\"?"));
  r = desk.print({"work-recrod", desk.ticket, "-o", "page.html"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "did you mean \"work-record\""));
  r = desk.print({"表6", "-o", "page.html"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "表6 prints one ticket (SR-...): name it"));
  r = desk.print({"表6", "SR-2026-999999", "-o", "page.html"});
  CHECK(r.exit_code == 3);
  r = desk.print({"表6", desk.ticket, "--month", "2026-11", "-o", "page.html"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--month is for the monthly forms"));
  r = desk.print({"表7", "--month", "2026-13", "-o", "page.html"});
  CHECK(r.exit_code == 1);
  r = desk.print({"表6", desk.ticket, "--blank", "-o", "page.html"});
  CHECK(r.exit_code == 2);
  r = desk.print({"表6", desk.ticket, "-o", "page.csv"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, ".html or .pdf"));
  r = desk.print({"表6", "--state", "analysed"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "needs -o DIR"));
  r = desk.print({"表1", "--state", "analysed", "-o", "forms"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "not a ticket's form"));
  r = desk.print({"表6", "--state", "nosuch", "-o", "forms"});
  CHECK(r.exit_code == 1);
  for (const char* file : {"page.html", "page.csv", "forms"}) {
    CAPTURE(file);
    CHECK(!std::filesystem::exists(desk.cli.path(file)));
  }
}

TEST_CASE("print --state writes a technician's forms of the day, one file per ticket") {
  PrintDesk desk;
  const std::string second = desk.open(kUnit, {"--desc", "水泵漏水"});
  desk.ok("ma", {"ticket", "analyse", second, "--text", "水泵密封老化"});
  RunResult r = desk.print({"表6", "--state", "analysed", "-o", "today"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "today/work-record-" + desk.ticket + ".html\n"));
  CHECK(contains(r.out, "today/work-record-" + second + ".html\n"));
  CHECK(contains(r.err, "printed 2 表6"));
  CHECK(contains(desk.cli.read_file("today/work-record-" + second + ".html"), "水泵漏水"));
  r = desk.print({"表6", "--state", "closed", "-o", "none"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "printed 0 表6"));
}

TEST_CASE("print writes the page to standard output in a pipe") {
  PrintDesk desk;
  const RunResult r = desk.print({"表3", desk.ticket});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(r.out, "售后服务申请单"));
}

TEST_CASE("print -o FILE.pdf prints through headless Chromium, or says how to get it") {
  PrintDesk desk;
  RunResult r = desk.cli.run(
      {"print", "表6", desk.ticket, "-o", "none.pdf"},
      {{"AFTERSALES_USER", "zhang"}, {"AFTERSALES_CHROMIUM", "/nonexistent/chromium"}});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "headless Chromium"));
  CHECK(contains(r.err, "apt-get install chromium"));
  CHECK(!std::filesystem::exists(desk.cli.path("none.pdf")));
  if (::access("/usr/bin/chromium", X_OK) != 0) {
    MESSAGE("chromium is not installed: the PDF itself is not checked (install-deps --browser)");
    return;
  }
  r = desk.print({"表6", desk.ticket, "-o", "form.pdf"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  const std::string pdf = desk.cli.read_file("form.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.size() > 10000);  // the page with its CJK font embedded
}

TEST_CASE("the QR code on a printed form scans back to the record's number") {
  if (::access("/usr/bin/chromium", X_OK) != 0 || ::access("/usr/bin/zbarimg", X_OK) != 0) {
    MESSAGE(
        "chromium or zbarimg is not installed: the QR code is not scanned (install-deps "
        "--browser)");
    return;
  }
  PrintDesk desk;
  desk.page({"表3", desk.ticket});
  // A real browser draws the page and a real reader scans it, as a clerk's phone would.
  const std::string command =
      "cd '" + desk.cli.path("") + "' && chromium --headless --no-sandbox --disable-gpu " +
      "--hide-scrollbars --user-data-dir=profile --window-size=900,1250 --screenshot=page.png " +
      "file://" + desk.cli.path("page.html") + " >/dev/null 2>&1 && zbarimg -q --raw page.png " +
      "> scanned.txt 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(desk.cli.read_file("scanned.txt") == desk.ticket + "\n");
}
