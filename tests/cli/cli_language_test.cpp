// Messages and table headings in Chinese when the locale asks for it (issue 14), on a machine
// without a generated zh_CN locale (a fresh Debian 12 has only C, C.UTF-8 and POSIX); machine
// output never changes with the language.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "cli/cli_support.h"

using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::RunResult;

namespace {

// The locale variables of a run, all set so that the test's own environment decides nothing;
// LANGUAGE empty, as on a fresh system.
std::map<std::string, std::string> locale_env(const std::string& lang) {
  return {{"LANG", lang}, {"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}};
}

const auto kChinese = locale_env("zh_CN.UTF-8");
const auto kEnglish = locale_env("C");

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("with LANG=zh_CN.UTF-8 the table headings of unit list are Chinese") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"unit", "list"}, kChinese);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(first_line(r.out), "出厂编号"));
  CHECK(contains(first_line(r.out), "客户名称"));
  CHECK(contains(r.out, "2025-001"));

  r = cli.run({"unit", "list"}, kEnglish);
  CHECK(contains(first_line(r.out), "serial"));
  CHECK(contains(first_line(r.out), "customer name"));
  CHECK_FALSE(contains(r.out, "出厂编号"));
}

TEST_CASE("CSV headers and JSON keys are the same bytes whatever the language") {
  Cli cli;
  cli.seed_archive();
  for (const std::string format : {"csv", "tsv", "json", "jsonl"}) {
    INFO(format);
    const RunResult chinese = cli.run({"unit", "list", "--format", format}, kChinese);
    const RunResult english = cli.run({"unit", "list", "--format", format}, kEnglish);
    REQUIRE(chinese.exit_code == 0);
    CHECK(chinese.out == english.out);
    CHECK_FALSE(contains(chinese.out, "出厂编号"));
  }
  const RunResult customers = cli.run({"customer", "list", "--format", "csv"}, kChinese);
  CHECK(first_line(customers.out) == "code,name,contact,phone,email,region,key\r");
}

TEST_CASE("a usage error is Chinese under LANG=zh_CN.UTF-8 and English under LANG=C") {
  Cli cli;
  RunResult r = cli.run({"unit", "lst"}, kChinese);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err,
                 "aftersales: error: `aftersales unit` 没有命令“lst”；您是不是要输入“list”？"));
  CHECK(contains(r.err, "  提示: 可用的命令：add, edit, show"));

  r = cli.run({"unit", "lst"}, kEnglish);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err,
                 "aftersales: error: `aftersales unit` has no command \"lst\"; did you mean "
                 "\"list\"?"));
  CHECK(contains(r.err, "  hint: its commands: add, edit, show"));

  r = cli.run({"unit"}, kChinese);
  CHECK(contains(r.err, "aftersales: error: `aftersales unit` 需要一个命令："));
  CHECK(contains(r.err, "提示: 参见 `aftersales unit --help`"));
}

TEST_CASE("a record not found is told in Chinese, with the same exit code") {
  Cli cli;
  cli.seed_archive();
  RunResult r = cli.run({"customer", "show", "C999"}, kChinese);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "aftersales: error: 客户 C999 不存在"));
  CHECK(contains(r.err, "提示: `aftersales customer list` 列出客户"));

  r = cli.run({"customer", "show", "C999"}, kEnglish);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "aftersales: error: customer C999 does not exist"));

  r = cli.run({"customer", "add", "C001", "--name", "重复"}, kChinese);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "aftersales: error: 客户 C001 已存在"));
}

TEST_CASE("LC_ALL=C overrides LANG=zh_CN.UTF-8, and LANGUAGE=zh_CN alone asks for Chinese") {
  Cli cli;
  auto env = kChinese;
  env["LC_ALL"] = "C";
  RunResult r = cli.run({"unit", "lst"}, env);
  CHECK(contains(r.err, "has no command \"lst\""));

  env = kEnglish;
  env["LANG"] = "C.UTF-8";
  env["LANGUAGE"] = "zh_CN";
  r = cli.run({"unit", "lst"}, env);
  CHECK(contains(r.err, "没有命令“lst”"));
}

TEST_CASE("a summary line is Chinese under LANG=zh_CN.UTF-8") {
  Cli cli;
  cli.seed_archive();
  const RunResult r = cli.run({"customer", "edit", "C001", "--phone", "0412-5550000"}, kChinese);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "客户 C001 已保存"));
}
