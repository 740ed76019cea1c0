// `aftersales report nightly -o DIR` and the report files (issue 12): the same files byte for
// byte twice, the set of names, a failed run leaving the previous night's files, the report page
// (title, 表7's signature lines, SVG, nothing external, escaping), and -o FILE.xlsx read back.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aftersales/io/sheets/record_source.h"
#include "cli/cli_support.h"
#include "cli/ticket_desk.h"

using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TicketDesk;

namespace {

namespace fs = std::filesystem;

constexpr const char* kUnit = aftersales::testing::kDeskWarrantyUnit;

// kDeskLeaders with a fault category that is markup, to see it escaped on the page.
const std::string kRules = std::string(aftersales::testing::kDeskLeaders) + R"(
[lists]
fault_categories = ["底盘", "液压系统", "<b>电气</b>", "其他"]
)";

// October 2026: two hydraulic tickets (one in warranty, one paid), one "<b>电气</b>", and a
// cancelled one; September 2026: one hydraulic ticket.
class Desk : public TicketDesk {
 public:
  Desk() : TicketDesk(kRules) {
    open(kUnit, {"--reported-at", "2026-09-10T09:00:00+08:00"});
    open(kUnit, {"--reported-at", "2026-10-05T09:00:00+08:00"});
    open("2025-001", {"--reported-at", "2026-10-06T09:00:00+08:00"});
    ok("zhang", {"ticket", "open", "--unit", kUnit, "--category", "<b>电气</b>", "--channel",
                 "phone", "--desc", "灯不亮", "--reported-at", "2026-10-08T09:00:00+08:00"});
    const std::string cancelled = open(kUnit, {"--reported-at", "2026-10-07T09:00:00+08:00"});
    ok("li", {"ticket", "cancel", cancelled, "--reason", "客户自行修复"});
  }
};

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every file of `dir` by name, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files[entry.path().filename().string()] = bytes_of(entry.path());
  }
  return files;
}

std::set<std::string> names_of(const std::map<std::string, std::string>& files) {
  std::set<std::string> names;
  for (const auto& [name, bytes] : files) names.insert(name);
  return names;
}

// Entries of `dir` whose names start with `prefix` (staging directories left behind).
int leftovers(const fs::path& dir, const std::string& prefix) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) ++count;
  }
  return count;
}

// Runs `args` with files limited to `max_bytes` (RLIMIT_FSIZE; SIGXFSZ ignored, so a write past
// it fails with EFBIG): a disk that fills up in the middle of a run.
RunResult run_with_file_limit(const TicketDesk& desk, const std::vector<std::string>& args,
                              rlim_t max_bytes) {
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  rlimit limited = saved;
  limited.rlim_cur = max_bytes;
  const auto previous = ::signal(SIGXFSZ, SIG_IGN);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
  const RunResult r = desk.as("zhang", args);
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::signal(SIGXFSZ, previous);
  return r;
}

}  // namespace

TEST_CASE("report nightly writes every report twice to the same bytes under stable names") {
  Desk desk;
  const fs::path dir = desk.cli.path("reports");
  const RunResult first = desk.ok("zhang", {"report", "nightly", "--month", "2026-10", "-o", dir});
  CHECK(first.out.empty());
  CHECK(contains(first.err, "2026-10"));
  const auto files = files_of(dir);
  CHECK(names_of(files) ==
        std::set<std::string>{"monthly.csv", "monthly.xlsx", "quality.csv", "quality.xlsx",
                              "visits.csv", "visits.xlsx", "satisfaction.csv", "satisfaction.xlsx",
                              "parts-sales.csv", "parts-sales.xlsx", "returns.csv", "returns.xlsx",
                              "arrears.csv", "arrears.xlsx", "kpi.csv", "kpi.xlsx",
                              "report-2026-10.html", "reports-2026-10.xlsx"});
  // The CSV is the report's own CSV.
  const RunResult csv =
      desk.ok("zhang", {"report", "monthly", "--month", "2026-10", "--format", "csv"});
  CHECK(files.at("monthly.csv") == csv.out);

  desk.ok("zhang", {"report", "nightly", "--month", "2026-10", "-o", dir});
  CHECK(files_of(dir) == files);  // .csv, .xlsx and .html byte for byte
  CHECK(leftovers(desk.cli.path(""), ".reports.new") == 0);

  // The workbook: one sheet per report, then the 12 months.
  auto history = aftersales::open_xlsx((dir / "reports-2026-10.xlsx").string(), "近12个月");
  aftersales::SourceRecord record;
  std::vector<std::vector<std::string>> rows;
  while (history->next(record)) rows.push_back(record.fields);
  REQUIRE(rows.size() == 13);
  CHECK(rows[0][0] == "月份");
  CHECK(rows[11] == std::vector<std::string>{"2026-09", "1", "1", "0", "0", "0", "0"});
  CHECK(rows[12] == std::vector<std::string>{"2026-10", "3", "2", "1", "0", "0", "1"});
  auto monthly =
      aftersales::open_xlsx((dir / "reports-2026-10.xlsx").string(), "表7 维修统计及费用");
  REQUIRE(monthly->next(record));
  CHECK(record.fields[0] == "月份");

  // A later month keeps the earlier month's workbook and page beside its own.
  desk.ok("zhang", {"report", "nightly", "--month", "2026-11", "-o", dir});
  const auto later = names_of(files_of(dir));
  CHECK(later.count("reports-2026-10.xlsx") == 1);
  CHECK(later.count("reports-2026-11.xlsx") == 1);
  CHECK(later.count("report-2026-11.html") == 1);
}

namespace {

// A rulebook of 400 fault categories more: a report whose files are large enough to outgrow a
// file size limit that the ledger's own files (its 32 KiB shared-memory file) stay under.
std::string many_categories() {
  std::string rules = std::string(aftersales::testing::kDeskLeaders) +
                      "\n[lists]\nfault_categories = [\"液压系统\"";
  for (int i = 1; i <= 400; ++i) rules += ", \"故障分类" + std::to_string(i) + "\"";
  return rules + "]\n";
}

}  // namespace

TEST_CASE("a failed nightly run leaves the previous night's files and exits non-zero") {
  TicketDesk desk(many_categories());
  desk.open(kUnit, {"--reported-at", "2026-10-05T09:00:00+08:00"});
  const fs::path dir = desk.cli.path("reports");
  desk.ok("zhang", {"report", "nightly", "--month", "2026-10", "-o", dir});
  const auto before = files_of(dir);
  REQUIRE(before.size() == 18);

  // The disk fills up halfway (monthly.csv fits, the page does not): exit 6.
  const RunResult full =
      run_with_file_limit(desk, {"report", "nightly", "--month", "2026-09", "-o", dir}, 34000);
  INFO(describe(full));
  CHECK(full.exit_code == 6);
  CHECK(contains(full.err, "cannot write"));
  CHECK(files_of(dir) == before);
  CHECK(leftovers(desk.cli.path(""), ".reports.new") == 0);

  // A file where the directory should be is left alone.
  desk.cli.write_file("taken", "not a directory\n");
  const RunResult file = desk.as("zhang", {"report", "nightly", "-o", desk.cli.path("taken")});
  CHECK(file.exit_code != 0);
  CHECK(contains(file.err, "not a directory"));
  CHECK(desk.cli.read_file("taken") == "not a directory\n");

  // A parent that does not exist, and no -o at all.
  CHECK(desk.as("zhang", {"report", "nightly", "-o", desk.cli.path("no/such")}).exit_code == 2);
  CHECK(desk.as("zhang", {"report", "nightly"}).exit_code == 2);
}

TEST_CASE("a nightly run clears what a killed run left and a second run at once waits its turn") {
  Desk desk;
  const fs::path dir = desk.cli.path("reports");
  desk.ok("zhang", {"report", "nightly", "--month", "2026-10", "-o", dir});
  const auto before = files_of(dir);

  // A run killed while writing left its staging directory: the next run removes it.
  const fs::path stale = desk.cli.path(".reports.new.Ab12Cd");
  fs::create_directory(stale);
  desk.cli.write_file(".reports.new.Ab12Cd/monthly.csv", "half a file");
  desk.ok("zhang", {"report", "nightly", "--month", "2026-10", "-o", dir});
  CHECK_FALSE(fs::exists(stale));
  CHECK(files_of(dir) == before);

  // While another run holds the lock, this one exits 6 and writes nothing.
  const std::string lock_path = desk.cli.path(".reports.lock");
  const int held = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  REQUIRE(held >= 0);
  REQUIRE(::flock(held, LOCK_EX) == 0);
  const RunResult busy = desk.as("zhang", {"report", "nightly", "--month", "2026-09", "-o", dir});
  ::close(held);
  INFO(describe(busy));
  CHECK(busy.exit_code == 6);
  CHECK(contains(busy.err, "another run is writing"));
  CHECK(files_of(dir) == before);
  CHECK(leftovers(desk.cli.path(""), ".reports.new") == 0);
}

TEST_CASE("the report page holds 表7 with its signature lines, SVG charts, nothing external") {
  Desk desk;
  const RunResult r =
      desk.ok("zhang", {"report", "monthly", "--month", "2026-10", "-o", "page.html"});
  const std::string page = desk.cli.read_file("page.html");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(page, "<html lang=\"zh-CN\">"));
  CHECK(contains(page, "<meta charset=\"utf-8\">"));
  CHECK(contains(page, "<title>2026-10 客户服务部维修统计及费用月报表</title>"));
  for (const char* line : {"客户服务部部长", "责任单位", "制表人", "日期"}) {
    CHECK(contains(page, line));
  }
  CHECK(contains(page, "2026年10月份共处理售后服务业务 3 次。其中,保修期内设备维修 2 次"));
  CHECK(contains(page, "<svg"));
  CHECK(contains(page, "@page { size: A4;"));
  CHECK_FALSE(contains(page, "http"));
  CHECK_FALSE(contains(page, "<script"));
  CHECK_FALSE(contains(page, "<b>"));
  CHECK(contains(page, "&lt;b&gt;电气&lt;/b&gt;"));
  // kpi -o FILE.html is the same page.
  desk.ok("zhang", {"report", "kpi", "--month", "2026-10", "-o", "kpi.html"});
  CHECK(desk.cli.read_file("kpi.html") == page);
}

TEST_CASE("report -o FILE.xlsx writes one typed sheet and --format xlsx needs -o") {
  Desk desk;
  desk.ok("zhang", {"report", "kpi", "--month", "2026-10", "-o", "kpi.xlsx"});
  auto sheet = aftersales::open_xlsx(desk.cli.path("kpi.xlsx"));
  aftersales::SourceRecord record;
  REQUIRE(sheet->next(record));
  CHECK(record.fields[0] == "月份");
  REQUIRE(sheet->next(record));
  CHECK(record.fields[0] == "2026-10");
  CHECK(record.fields[6] == "1");  // the visit-rate target, 100% as a number

  const RunResult stdout_xlsx =
      desk.as("zhang", {"report", "kpi", "--month", "2026-10", "--format", "xlsx"});
  CHECK(stdout_xlsx.exit_code == 2);
  CHECK(contains(stdout_xlsx.err, "-o"));
  CHECK(stdout_xlsx.out.empty());
}
