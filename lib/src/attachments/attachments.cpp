// Attachments (issue 15): scanned signed forms kept with their records. The kinds of record a
// scan may be kept with are the rows of kKinds, each with how its number is looked up.
#include "aftersales/attachments/attachments.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "aftersales/approvals/approvals.h"
#include "aftersales/care/complaints.h"
#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/purchase_plans.h"
#include "aftersales/parts/sales.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "audit/audit_json.h"
#include "import/file_digest.h"

namespace aftersales {
namespace {

// A kind of record: as typed, the entity its audit trail is kept under, and how a number typed
// becomes the record's canonical number (Error(kNotFound) when there is no such record).
struct KindRow {
  AttachmentKind kind;
  const char* audit_entity;
  std::string (*resolve)(Context& ctx, const std::string& number);
};

std::int64_t whole_number(const std::string& text, const char* what) {
  std::int64_t value = 0;
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) value = std::stoll(text);
  if (!digits || value <= 0) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{} \"{}\" is not a number", what, text),
                fmt::format("name the {} by its number, as its list prints it", what));
  }
  return value;
}

std::string part_return_line(Context& ctx, const std::string& number) {
  // A returned part (表12) by its RT- number once received, else by its line.
  if (auto found = ctx.store.part_returns().find_return_by_number(number)) {
    return std::to_string(found->id);
  }
  const bool digits = !number.empty() && number.size() <= 18 &&
                      number.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    if (auto line = ctx.store.part_returns().find_return(std::stoll(number))) {
      return std::to_string(line->id);
    }
  }
  throw Error(ErrorCode::kNotFound, fmt::format("returned part {} does not exist", number),
              "name it by its RT- number or its line, as `aftersales part returns` lists them");
}

const std::array<KindRow, 11> kKinds = {{
    {{"ticket", "service request and its work record (表3-表6)", "SR-YYYY-NNNNNN"},
     "ticket",
     [](Context& ctx, const std::string& n) { return get_ticket(ctx, n).number; }},
    {{"unit", "unit and its factory archive (表1)", "serial no., VIN, plate or engine no."},
     "unit",
     [](Context& ctx, const std::string& n) { return find_unit_by_number(ctx, n).serial; }},
    {{"visit", "follow-up visit (表2)", "VS-YYYY-NNNNNN"},
     "visit",
     [](Context& ctx, const std::string& n) { return get_visit(ctx, n).number; }},
    {{"issue", "part issue request with its 备件领料单 (表11)", "PI-YYYY-NNNNNN"},
     "part_issue",
     [](Context& ctx, const std::string& n) { return get_issue_request(ctx, n).number; }},
    {{"return", "returned failed part (表12)", "RT-YYYY-NNNNNN or its line"},
     "part_return",
     part_return_line},
    {{"gatepass", "gate pass (出门证)", "GP-YYYY-NNNNNN"},
     "gate_pass",
     [](Context& ctx, const std::string& n) { return show_gate_pass(ctx, n).pass.number; }},
    {{"urgent", "urgent part request (表13)", "UR-YYYY-NNNNNN"},
     "urgent_request",
     [](Context& ctx, const std::string& n) { return get_urgent_request(ctx, n).number; }},
    {{"sale", "part sale outside warranty", "PS-YYYY-NNNNNN"},
     "part_sale",
     [](Context& ctx, const std::string& n) { return get_sale(ctx, n).number; }},
    {{"purchase", "purchase plan", "PU-YYYY-NNNNNN"},
     "purchase_plan",
     [](Context& ctx, const std::string& n) { return get_purchase_plan(ctx, n).number; }},
    {{"complaint", "complaint or suggestion (客户投诉)", "CP-YYYY-NNNNNN"},
     "complaint",
     [](Context& ctx, const std::string& n) { return get_complaint(ctx, n).number; }},
    {{"approval", "approval of a form (表4, 表5, 表11, 出门证 ...)", "its id"},
     "approval",
     [](Context& ctx, const std::string& n) {
       return std::to_string(get_approval(ctx, whole_number(n, "approval")).id);
     }},
}};

const KindRow& kind_row(const std::string& entity) {
  std::string names;
  for (const KindRow& row : kKinds) {
    if (entity == row.kind.name) return row;
    names += (names.empty() ? "" : ", ") + std::string(row.kind.name);
  }
  throw Error(ErrorCode::kUsage,
              entity.empty()
                  ? std::string("name the kind of record to attach to")
                  : fmt::format("cannot attach to \"{}\": no such kind of record", entity),
              "the kinds are " + names);
}

std::string size_text(std::int64_t bytes) {
  return fmt::format("{} bytes ({:.2f} MiB)", bytes, static_cast<double>(bytes) / (1024.0 * 1024));
}

void check_size(const Rules& rules, const std::string& name, std::int64_t size) {
  const std::int64_t limit = attachment_limit_bytes(rules);
  if (size <= limit) return;
  throw Error(ErrorCode::kRuleViolation,
              fmt::format("refused: {} is {}, over the limit of {} MiB ({} bytes) that "
                          "[attachments] max_mb sets",
                          name, size_text(size), rules.attachments.max_mb, limit),
              "scan it at a lower resolution or in parts, or raise [attachments] max_mb in the "
              "rulebook (`aftersales config apply`, admin)");
}

AuditJson attachment_json(const Attachment& a) {
  // What identifies the scan; its form and note only when given, so that the record's history
  // stays short.
  AuditJson json{{"attachment", a.id},
                 {"file", a.file_name},
                 {"type", a.media_type},
                 {"size", a.size},
                 {"sha256", a.sha256}};
  if (!a.form.empty()) json["form"] = a.form;
  if (!a.note.empty()) json["note"] = a.note;
  return json;
}

}  // namespace

const std::vector<AttachmentKind>& attachment_kinds() {
  static const std::vector<AttachmentKind> kinds = [] {
    std::vector<AttachmentKind> all;
    for (const KindRow& row : kKinds) all.push_back(row.kind);
    return all;
  }();
  return kinds;
}

void check_attachment_kind(const std::string& entity) { kind_row(entity); }

std::optional<std::string> sniff_media_type(std::string_view content) {
  static constexpr std::string_view kPdf = "%PDF-";
  static constexpr std::string_view kJpeg = "\xFF\xD8\xFF";
  static constexpr std::string_view kPng = "\x89PNG\r\n\x1A\n";
  if (content.substr(0, kPdf.size()) == kPdf) return "application/pdf";
  if (content.substr(0, kJpeg.size()) == kJpeg) return "image/jpeg";
  if (content.substr(0, kPng.size()) == kPng) return "image/png";
  return std::nullopt;
}

std::int64_t attachment_limit_bytes(const Rules& rules) {
  return static_cast<std::int64_t>(rules.attachments.max_mb) * 1024 * 1024;
}

std::string sha256_hex(std::string_view content) {
  Sha256 digest;
  digest.update(content.data(), content.size());
  return digest.hex();
}

AttachmentFile read_attachment_file(const std::string& path, const Rules& rules) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{}: no such file", path),
                "name the scanned form's file (PDF, JPEG or PNG); nothing was written");
  }
  if (!fs::is_regular_file(status)) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{}: not a file", path),
                "name the scanned form's file (PDF, JPEG or PNG); nothing was written");
  }
  AttachmentFile file;
  file.name = fs::path(path).filename().string();
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error) check_size(rules, file.name, static_cast<std::int64_t>(size));
  std::ifstream in(path, std::ios::binary);
  if (in) file.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{}: cannot be read", path),
                "check the file's permissions; nothing was written");
  }
  return file;
}

std::string check_attachment(const Rules& rules, const AttachRequest& request) {
  kind_row(request.entity);
  FieldReader reader;
  reader.text("file", request.file.name, true);
  reader.text("form", request.form);
  reader.text("note", request.note);
  if (request.form.find('\n') != std::string::npos) {
    reader.add("form", request.form, "is one line: the form's name, such as 表6");
  }
  reader.throw_if_any("attachment");
  const std::optional<std::string> type = sniff_media_type(request.file.content);
  if (!type) {
    throw Error(
        ErrorCode::kInvalidInput,
        fmt::format("{}: not a PDF, JPEG or PNG file (its first bytes are {})", request.file.name,
                    request.file.content.empty()
                        ? std::string("none: the file is empty")
                        : fmt::format("{:02x}", fmt::join(request.file.content.substr(0, 8), " "))),
        "scan the signed form to PDF, JPEG or PNG; the type is told by the file's "
        "content, not its name; nothing was written");
  }
  check_size(rules, request.file.name, static_cast<std::int64_t>(request.file.content.size()));
  return *type;
}

Attachment attach_file(Context& ctx, const AttachRequest& request) {
  const KindRow& row = kind_row(request.entity);
  require_role(ctx, ctx.rules.permissions.attachments,
               fmt::format("attaching a scanned form to a {}", row.kind.name));
  const std::string media_type = check_attachment(ctx.rules, request);
  FieldReader reader;
  Attachment attachment;
  attachment.entity = row.kind.name;
  attachment.file_name = reader.text("file", request.file.name, true);
  attachment.form = reader.text("form", request.form);
  attachment.note = reader.text("note", request.note);
  attachment.media_type = media_type;
  attachment.size = static_cast<std::int64_t>(request.file.content.size());
  attachment.sha256 = sha256_hex(request.file.content);
  attachment.attached_at = ctx.now();
  attachment.attached_by = ctx.actor.user;
  ctx.store.write([&] {
    attachment.id = 0;
    attachment.record = row.resolve(ctx, request.record);
    ctx.store.attachments().insert(attachment, request.file.content);
    record_change(ctx, row.audit_entity, attachment.record, "attach", "",
                  attachment_json(attachment).dump());
  });
  return attachment;
}

std::vector<Attachment> attachments_of(Context& ctx, const std::string& entity,
                                       const std::string& record) {
  const KindRow& row = kind_row(entity);
  const std::string number = row.resolve(ctx, record);
  std::vector<Attachment> all;
  ctx.store.attachments().each_of(row.kind.name, number,
                                  [&](const Attachment& a) { all.push_back(a); });
  return all;
}

AttachmentContent get_attachment(Context& ctx, const std::string& id) {
  const std::int64_t number = whole_number(id, "attachment");
  const auto not_found = [&] {
    return Error(ErrorCode::kNotFound, fmt::format("attachment {} does not exist", number),
                 "`aftersales attach list ENTITY ID` lists a record's attachments with their ids");
  };
  std::optional<Attachment> found = ctx.store.attachments().find(number);
  if (!found) throw not_found();
  std::optional<std::string> content = ctx.store.attachments().content(number);
  if (!content) throw not_found();
  const std::string digest = sha256_hex(*content);
  if (digest != found->sha256 || static_cast<std::int64_t>(content->size()) != found->size) {
    throw Error(
        ErrorCode::kStorageUnavailable,
        fmt::format("attachment {} ({}) is damaged: its content ({} bytes) has SHA-256 "
                    "{}, and {} ({} bytes) was recorded",
                    number, found->file_name, content->size(), digest, found->sha256, found->size),
        "run `aftersales doctor`, and take the attachment from a backup of the ledger");
  }
  return AttachmentContent{std::move(*found), std::move(*content)};
}

}  // namespace aftersales
