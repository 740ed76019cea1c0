// Attachments on the command line (issue 15, "the signed paper is kept"): `attach ENTITY ID
// FILE` prints the new id alone, `attach list` shows it, `attach get` writes it back byte for
// byte (to -o FILE or a pipe), `ticket record --scan` keeps the signed 表6, `ticket show` and
// `unit show` list it, and it survives `backup`. Each bad input with its exit code.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aftersales/attachments/attachments.h"
#include "cli/cli_support.h"
#include "cli/ticket_desk.h"
#include "support/test_engine.h"

using aftersales::sha256_hex;
using aftersales::testing::Cli;
using aftersales::testing::contains;
using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::trimmed;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;

// A PNG's signature, then every byte value twice (NUL and 0xFF among them), then NUL FF NUL FF.
std::string binary_png() {
  std::string bytes("\x89PNG\r\n\x1a\n", 8);
  for (int round = 0; round < 2; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  }
  bytes += std::string("\0\xff\0\xff", 4);
  return bytes;
}

std::string pdf_of_size(std::size_t size) {
  std::string bytes = "%PDF-1.7\n";
  bytes.resize(size, ' ');
  return bytes;
}

RunResult ok(const Cli& cli, const std::vector<std::string>& args) {
  RunResult r = cli.run(args);
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE("attach keeps a scan with a unit and attach get writes it back byte for byte") {
  Cli cli;
  cli.seed_archive();
  const std::string bytes = binary_png();
  cli.write_file("表1-signed.png", bytes);

  RunResult r = ok(cli, {"attach", "unit", "2025-001", "表1-signed.png", "--form", "表1", "--note",
                         "用户验收单"});
  const std::string id = trimmed(r.out);
  CHECK(r.out == id + "\n");
  CHECK(contains(r.err, "image/png"));

  r = ok(cli, {"attach", "list", "unit", "LZZ123", "--format", "csv"});  // by its VIN
  CHECK(
      contains(r.out, "id,entity,record,file,type,size,sha256,form,note,attached_at,attached_by"));
  CHECK(contains(r.out, id + ",unit,2025-001,表1-signed.png,image/png," +
                            std::to_string(bytes.size()) + "," + sha256_hex(bytes) +
                            ",表1,用户验收单,2026-11-27T23:59:59+08:00,"));

  r = ok(cli, {"attach", "get", id, "-o", "back.png"});
  CHECK(r.out.empty());
  CHECK(cli.read_file("back.png") == bytes);

  r = ok(cli, {"attach", "get", id});  // standard output is a pipe here
  CHECK(r.out == bytes);
  CHECK(sha256_hex(r.out) == sha256_hex(bytes));

  r = cli.run({"attach", "get", id, "-o", "back.png"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "back.png exists already"));
  CHECK(contains(r.err, "--force"));
  cli.write_file("back.png", "old");
  ok(cli, {"attach", "get", id, "-o", "back.png", "--force"});
  CHECK(cli.read_file("back.png") == bytes);
}

TEST_CASE("attach add is the long form and attach get refuses a terminal") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("scan.pdf", pdf_of_size(300));
  const std::string id = trimmed(ok(cli, {"attach", "add", "unit", "2025-001", "scan.pdf"}).out);
  const RunResult json =
      ok(cli, {"attach", "add", "unit", "2025-001", "scan.pdf", "--format", "json"});
  CHECK(contains(json.out, "\"number\""));
  const RunResult r = cli.run_on_terminal({"attach", "get", id});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "not written to a terminal"));
  CHECK(contains(r.err, "-o scan.pdf"));
}

TEST_CASE("attach refuses a file that is not a PDF, JPEG or PNG with exit 1 and keeps nothing") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("scan.pdf", "PK\x03\x04 a zip file named .pdf");
  RunResult r = cli.run({"attach", "unit", "2025-001", "scan.pdf"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "scan.pdf: not a PDF, JPEG or PNG file"));
  CHECK(contains(r.err, "hint:"));
  cli.write_file("empty.png", "");
  CHECK(cli.run({"attach", "unit", "2025-001", "empty.png"}).exit_code == 1);
  r = cli.run({"attach", "unit", "2025-001", "missing.png"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "missing.png: no such file"));
  CHECK(cli.sql("SELECT COUNT(*) FROM attachment") == "0\n");
}

TEST_CASE("attach keeps exactly [attachments] max_mb MiB and refuses one byte more with exit 4") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("aftersales.toml", "[attachments]\nmax_mb = 1\n");
  ok(cli, {"config", "apply", "aftersales.toml"});
  cli.write_file("exact.pdf", pdf_of_size(kMiB));
  cli.write_file("over.pdf", pdf_of_size(kMiB + 1));
  ok(cli, {"attach", "unit", "2025-001", "exact.pdf"});
  const RunResult r = cli.run({"attach", "unit", "2025-001", "over.pdf"});
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "over.pdf is 1048577 bytes"));
  CHECK(contains(r.err, "1 MiB (1048576 bytes)"));
  CHECK(contains(r.err, "[attachments] max_mb"));
  CHECK(cli.sql("SELECT COUNT(*) FROM attachment") == "1\n");
}

TEST_CASE("attach to a record that does not exist exits 3, bad words exit 1 or 2") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("scan.png", binary_png());
  RunResult r = cli.run({"attach", "ticket", "SR-2026-000099", "scan.png"});
  INFO(describe(r));
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "SR-2026-000099"));
  CHECK(cli.run({"attach", "unit", "NOPE", "scan.png"}).exit_code == 3);
  CHECK(cli.run({"attach", "gatepass", "GP-2026-000001", "scan.png"}).exit_code == 3);
  CHECK(cli.run({"attach", "list", "ticket", "SR-2026-000099"}).exit_code == 3);
  CHECK(cli.run({"attach", "get", "99"}).exit_code == 3);
  CHECK(cli.run({"attach", "get", "x9"}).exit_code == 1);
  r = cli.run({"attach", "invoice", "1", "scan.png"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "ticket, unit, visit"));
  r = cli.run({"attach"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "ENTITY ID FILE"));
  CHECK(cli.run({"attach", "list", "unit"}).exit_code == 2);
  CHECK(cli.sql("SELECT COUNT(*) FROM attachment") == "0\n");
}

TEST_CASE("attach without [permissions] attachments exits 4") {
  aftersales::testing::TicketDesk desk(aftersales::testing::kDeskLeaders);
  desk.cli.write_file("scan.png", binary_png());
  const RunResult r = desk.as("wang", {"attach", "unit", "2025-001", "scan.png"});  // deputy_gm
  INFO(describe(r));
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "refused"));
  CHECK(contains(r.err, "attaching"));
  desk.ok("zhang", {"attach", "unit", "2025-001", "scan.png"});
}

TEST_CASE("ticket record --scan keeps the signed 表6 and ticket show and unit show list it") {
  aftersales::testing::TicketDesk desk(aftersales::testing::kDeskLeaders);
  const std::string unit = aftersales::testing::kDeskWarrantyUnit;
  const std::string number = desk.open(unit, {"--reported-at", "2026-11-27T08:00"});
  desk.ok("li", {"ticket", "assign", number, "--to", "ma"});
  desk.ok("ma", {"ticket", "analyse", number, "--text", "液压泵损坏"});
  desk.ok("ma", {"ticket", "start", number});
  const std::vector<std::string> record = {
      "ticket",     "record",           number,   "--arrived",  "2026-11-27T09:00",
      "--finished", "2026-11-27T17:00", "--work", "更换液压泵", "--signed-by",
      "王明",       "--sealed",         "--scan"};

  // A scan that is not one refuses the whole record: nothing is written.
  desk.cli.write_file("表6.pdf", "a text file, not a scan");
  std::vector<std::string> args = record;
  args.push_back("表6.pdf");
  RunResult r = desk.as("ma", args);
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "not a PDF, JPEG or PNG"));
  CHECK(desk.cli.sql("SELECT COUNT(*) FROM work_record") == "0\n");

  const std::string bytes = pdf_of_size(4096) + std::string("\0\xff", 2);
  desk.cli.write_file("表6.pdf", bytes);
  r = desk.ok("ma", args);
  CHECK(contains(r.err, "work record signed by 王明"));
  CHECK(contains(r.err, "attached 表6.pdf (application/pdf, 4098 bytes"));

  r = desk.ok("zhang", {"attach", "list", "ticket", number, "--format", "csv"});
  CHECK(contains(
      r.out, ",ticket," + number + ",表6.pdf,application/pdf,4098," + sha256_hex(bytes) + ",表6,"));
  const std::string id = r.out.substr(r.out.find("\r\n") + 2,
                                      r.out.find(',', r.out.find("\r\n")) - r.out.find("\r\n") - 2);
  r = desk.ok("zhang", {"ticket", "show", number});
  CHECK(contains(r.out, "表6.pdf"));
  CHECK(contains(r.out, sha256_hex(bytes).substr(0, 12)));
  r = desk.ok("zhang", {"ticket", "show", number, "--format", "json"});
  CHECK(contains(r.out, "\"attachments\": ["));
  CHECK(contains(r.out, "\"attached_by\": \"ma\""));

  desk.cli.write_file("表1.png", binary_png());
  desk.ok("zhang", {"attach", "unit", unit, "表1.png", "--form", "表1"});
  r = desk.ok("zhang", {"unit", "show", unit});
  CHECK(contains(r.out, "表1.png"));
  CHECK(contains(r.out, "image/png"));

  desk.ok("zhang", {"attach", "get", id, "-o", "back.pdf"});
  CHECK(desk.cli.read_file("back.pdf") == bytes);
}

TEST_CASE("an attachment survives backup byte for byte") {
  Cli cli;
  cli.seed_archive();
  const std::string bytes = binary_png();
  cli.write_file("scan.png", bytes);
  const std::string id = trimmed(ok(cli, {"attach", "unit", "2025-001", "scan.png"}).out);
  ok(cli, {"backup", "copy.db"});
  if (aftersales::testing::on_postgres()) {
    // pg_dump's custom format: the table and its bytea go with it (pg_restore reads it back).
    CHECK(cli.read_file("copy.db").rfind("PGDMP", 0) == 0);
    return;
  }
  RunResult r = ok(cli, {"--db", cli.path("copy.db"), "attach", "get", id});
  CHECK(r.out == bytes);
  CHECK(sha256_hex(r.out) == sha256_hex(bytes));
  r = ok(cli,
         {"--db", cli.path("copy.db"), "attach", "list", "unit", "2025-001", "--format", "csv"});
  CHECK(contains(r.out, sha256_hex(bytes)));
}

TEST_CASE("export attachments lists their metadata, not their bytes") {
  Cli cli;
  cli.seed_archive();
  const std::string bytes = binary_png();
  cli.write_file("scan.png", bytes);
  ok(cli, {"attach", "unit", "2025-001", "scan.png", "--form", "表1"});
  const RunResult r = ok(cli, {"export", "attachments", "--format", "csv"});
  CHECK(
      contains(r.out, "id,entity,record,file,type,size,sha256,form,note,attached_at,attached_by"));
  CHECK(contains(r.out, "unit,2025-001,scan.png,image/png," + std::to_string(bytes.size()) + "," +
                            sha256_hex(bytes) + ",表1,"));
  CHECK_FALSE(contains(r.out, "PNG\r\n"));
}

TEST_CASE("doctor finds an attachment changed outside aftersales and attach get refuses it") {
  Cli cli;
  cli.seed_archive();
  cli.write_file("scan.png", binary_png());
  const std::string id = trimmed(ok(cli, {"attach", "unit", "2025-001", "scan.png"}).out);
  ok(cli, {"doctor"});
  REQUIRE(cli.sql("UPDATE attachment SET sha256 = '" + std::string(64, '0') + "'") == "");
  RunResult r = cli.run({"doctor", "--format", "csv"});
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "attachments,attachment," + id + ","));
  CHECK(contains(r.out, "changed outside aftersales"));
  r = cli.run({"attach", "get", id, "-o", "back.png"});
  CHECK(r.exit_code == 6);
  CHECK(contains(r.err, "is damaged"));
  CHECK(contains(r.err, "doctor"));
}
