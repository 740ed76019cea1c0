// Attachments (issue 15, "the signed paper is kept"): a scan comes back byte for byte with its
// SHA-256; its type is told by its content; [attachments] max_mb at its boundary; the record
// must exist and the user needs [permissions] attachments; `ticket record --scan` keeps the
// signed 表6 in the same transaction as the work record.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "aftersales/attachments/attachments.h"
#include "aftersales/audit/audit.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using namespace aftersales;
using testing::at;
using testing::expect_error;
using testing::kInWarranty;
using testing::TicketWorld;

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;

// A PNG's signature, then every byte value twice (NUL and 0xFF among them), then NUL FF NUL FF.
std::string binary_png() {
  std::string bytes("\x89PNG\r\n\x1a\n", 8);
  for (int round = 0; round < 2; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  }
  bytes += std::string("\0\xff\0\xff", 4);
  return bytes;
}

// A PDF of exactly `size` bytes.
std::string pdf_of_size(std::int64_t size) {
  std::string bytes = "%PDF-1.7\n";
  bytes.resize(static_cast<std::size_t>(size), ' ');
  return bytes;
}

AttachRequest request(const std::string& entity, const std::string& record, const std::string& name,
                      const std::string& content) {
  AttachRequest r;
  r.entity = entity;
  r.record = record;
  r.file = AttachmentFile{name, content};
  return r;
}

std::size_t count_of(TicketWorld& world, const std::string& entity, const std::string& record) {
  Context ctx = world.context("zhang");
  return attachments_of(ctx, entity, record).size();
}

}  // namespace

TEST_CASE("an attached scan comes back byte for byte with its SHA-256 and is audited") {
  TicketWorld world;
  const std::string number = world.open(kInWarranty);
  Context clerk = world.context("zhang");
  const std::string bytes = binary_png();
  AttachRequest r = request("ticket", number, "表3-signed.png", bytes);
  r.form = "表3";
  r.note = "客户传真";
  const Attachment kept = attach_file(clerk, r);
  CHECK(kept.id > 0);
  CHECK(kept.media_type == "image/png");
  CHECK(kept.size == static_cast<std::int64_t>(bytes.size()));
  CHECK(kept.sha256 == sha256_hex(bytes));
  CHECK(kept.attached_by == "zhang");
  CHECK(kept.attached_at == world.clock.now());

  const AttachmentContent got = get_attachment(clerk, std::to_string(kept.id));
  CHECK(got.content == bytes);
  CHECK(got.content.size() == bytes.size());
  CHECK(got.attachment.file_name == "表3-signed.png");
  CHECK(got.attachment.form == "表3");
  CHECK(got.attachment.note == "客户传真");

  const std::vector<Attachment> listed = attachments_of(clerk, "ticket", number);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == kept.id);
  CHECK(listed[0].sha256 == kept.sha256);

  AuditQuery query;
  query.entity = "ticket";
  query.entity_id = number;
  bool audited = false;
  for (const AuditEntry& entry : audit_log(clerk, query)) {
    if (entry.action == "attach") {
      audited = entry.after.find(kept.sha256) != std::string::npos &&
                entry.after.find("表3-signed.png") != std::string::npos;
    }
  }
  CHECK(audited);
}

TEST_CASE("sha256_hex gives the standard digest of abc") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("attach tells PDF, JPEG and PNG by their first bytes, not by the file name") {
  CHECK(sniff_media_type("%PDF-1.4\n...") == std::optional<std::string>("application/pdf"));
  CHECK(sniff_media_type(std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10)) ==
        std::optional<std::string>("image/jpeg"));
  CHECK(sniff_media_type(binary_png()) == std::optional<std::string>("image/png"));
  CHECK_FALSE(sniff_media_type("PK\x03\x04 a zip called scan.pdf").has_value());
  CHECK_FALSE(sniff_media_type("").has_value());
  CHECK_FALSE(sniff_media_type("%PD").has_value());

  TicketWorld world;
  Context clerk = world.context("zhang");
  expect_error(ErrorCode::kInvalidInput, {"scan.pdf", "not a PDF, JPEG or PNG", "50 4b 03 04"},
               [&] { attach_file(clerk, request("unit", kInWarranty, "scan.pdf", "PK\x03\x04")); });
  expect_error(ErrorCode::kInvalidInput, {"empty"},
               [&] { attach_file(clerk, request("unit", kInWarranty, "empty.png", "")); });
  CHECK(count_of(world, "unit", kInWarranty) == 0);
}

TEST_CASE("attach keeps a scan of exactly [attachments] max_mb MiB and refuses one byte more") {
  TicketWorld world;
  world.rules.attachments.max_mb = 1;
  Context clerk = world.context("zhang");
  const Attachment exact =
      attach_file(clerk, request("unit", kInWarranty, "archive.pdf", pdf_of_size(kMiB)));
  CHECK(exact.size == kMiB);
  expect_error(
      ErrorCode::kRuleViolation,
      {"archive-2.pdf", "1048577 bytes", "1 MiB", "1048576 bytes", "[attachments] max_mb"}, [&] {
        attach_file(clerk, request("unit", kInWarranty, "archive-2.pdf", pdf_of_size(kMiB + 1)));
      });
  CHECK(count_of(world, "unit", kInWarranty) == 1);
}

TEST_CASE("attach reads a file over the limit not at all and names a missing file") {
  TicketWorld world;
  world.rules.attachments.max_mb = 1;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("aftersales-attach-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.pdf").string();
  std::ofstream(big, std::ios::binary) << pdf_of_size(kMiB + 1);
  expect_error(ErrorCode::kRuleViolation, {"big.pdf", "[attachments] max_mb"},
               [&] { read_attachment_file(big, world.rules); });
  const std::string fits = (dir / "fits.pdf").string();
  std::ofstream(fits, std::ios::binary) << pdf_of_size(kMiB);
  const AttachmentFile file = read_attachment_file(fits, world.rules);
  CHECK(file.name == "fits.pdf");
  CHECK(file.content.size() == static_cast<std::size_t>(kMiB));
  expect_error(ErrorCode::kInvalidInput, {"missing.pdf", "no such file"},
               [&] { read_attachment_file((dir / "missing.pdf").string(), world.rules); });
  expect_error(ErrorCode::kInvalidInput, {"not a file"},
               [&] { read_attachment_file(dir.string(), world.rules); });
  std::filesystem::remove_all(dir);
}

TEST_CASE("attach to a record that does not exist, or to an unknown kind, is refused") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  const std::string png = binary_png();
  expect_error(ErrorCode::kNotFound, {"SR-2026-999999"},
               [&] { attach_file(clerk, request("ticket", "SR-2026-999999", "a.png", png)); });
  expect_error(ErrorCode::kNotFound, {"NO-SUCH-UNIT"},
               [&] { attach_file(clerk, request("unit", "NO-SUCH-UNIT", "a.png", png)); });
  expect_error(ErrorCode::kNotFound, {"GP-2026-000001"},
               [&] { attach_file(clerk, request("gatepass", "GP-2026-000001", "a.png", png)); });
  expect_error(ErrorCode::kInvalidInput, {"approval", "not a number"},
               [&] { attach_file(clerk, request("approval", "first", "a.png", png)); });
  expect_error(ErrorCode::kUsage, {"invoice", "ticket, unit"},
               [&] { attach_file(clerk, request("invoice", "1", "a.png", png)); });
  expect_error(ErrorCode::kNotFound, {"attachment 42"}, [&] { get_attachment(clerk, "42"); });
  expect_error(ErrorCode::kInvalidInput, {"not a number"}, [&] { get_attachment(clerk, "x1"); });
  expect_error(ErrorCode::kNotFound, {"SR-2026-999999"},
               [&] { attachments_of(clerk, "ticket", "SR-2026-999999"); });
}

TEST_CASE("attach needs [permissions] attachments") {
  TicketWorld world;  // wang is deputy_gm, not among the roles that attach
  Context deputy = world.context("wang");
  expect_error(ErrorCode::kRuleViolation, {"refused", "attaching"},
               [&] { attach_file(deputy, request("unit", kInWarranty, "a.png", binary_png())); });
  world.rules.permissions.attachments.push_back("deputy_gm");
  Context allowed = world.context("wang");
  CHECK(attach_file(allowed, request("unit", kInWarranty, "a.png", binary_png())).id > 0);
}

TEST_CASE("attach names a unit by its VIN and keeps the scan under its serial") {
  TicketWorld world;
  Context clerk = world.context("zhang");
  const Attachment kept =
      attach_file(clerk, request("unit", "LZZ1BLSF5FD260601", "表1.pdf", pdf_of_size(100)));
  CHECK(kept.record == kInWarranty);
  CHECK(count_of(world, "unit", kInWarranty) == 1);
  CHECK(count_of(world, "unit", "LZZ1BLSF5FD260601") == 1);
}

TEST_CASE("ticket record with a scan keeps the signed 表6 with the work record") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  world.start(number);
  world.clock.set(at("2026-11-27T18:00:00"));
  Context technician = world.context("ma");
  WorkRecordFields fields;
  fields.arrived = "2026-11-27T13:00:00";
  fields.finished = "2026-11-27T16:00:00";
  fields.work_done = "更换液压泵";
  fields.signed_by = "王明";
  fields.sealed = true;

  SUBCASE("a scan that is not a PDF, JPEG or PNG refuses the work record: nothing is written") {
    fields.scan = AttachmentFile{"表6.pdf", "not a scan"};
    expect_error(ErrorCode::kInvalidInput, {"表6.pdf"},
                 [&] { record_work(technician, number, fields); });
    CHECK(get_ticket(technician, number).state == TicketState::kInService);
    CHECK(count_of(world, "ticket", number) == 0);
  }
  SUBCASE("a good scan is kept as 表6") {
    fields.scan = AttachmentFile{"表6.jpg", std::string("\xff\xd8\xff\xdb\0\x84\0", 7)};
    const WorkRecorded done = record_work(technician, number, fields);
    REQUIRE(done.scan.has_value());
    CHECK(done.scan->form == "表6");
    CHECK(done.scan->media_type == "image/jpeg");
    CHECK(done.ticket.state == TicketState::kSignedOff);
    const AttachmentContent got = get_attachment(technician, std::to_string(done.scan->id));
    CHECK(got.content == fields.scan->content);
  }
}
