// Attachments (issue 15, "the signed paper is kept"): the scan of a signed and sealed form (表6
// with the customer's seal, a gate pass with the guard's stamp ...) kept in the ledger with the
// record it proves, with its SHA-256, size, type, who attached it and when. A scan is a PDF,
// JPEG or PNG, told by its first bytes (never by its name), and at most [attachments] max_mb
// MiB. Attaching needs [permissions] attachments and is audited on the record's own history.
// Nothing is ever removed: a wrong scan is followed by the right one.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/attachments/attachment.h"
#include "aftersales/core/context.h"

namespace aftersales {

// A kind of record a scan may be attached to, as `attach ENTITY` names it.
struct AttachmentKind {
  const char* name;         // ticket, unit, visit, issue, return, gatepass ...
  const char* description;  // "service request (表3-表6)"
  const char* number;       // how its records are named: "SR-YYYY-NNNNNN"
};

// Every kind, in the order help lists them. Needs no ledger.
const std::vector<AttachmentKind>& attachment_kinds();

// Checks that `entity` is a kind of attachment_kinds(). Error(kUsage) naming every kind.
void check_attachment_kind(const std::string& entity);

// The media type of a file by its first bytes (its magic): application/pdf (%PDF-), image/jpeg
// (FF D8 FF) or image/png (89 50 4E 47 0D 0A 1A 0A); nullopt for anything else.
std::optional<std::string> sniff_media_type(std::string_view content);

// The largest file accepted, in bytes: [attachments] max_mb MiB.
std::int64_t attachment_limit_bytes(const Rules& rules);

// Reads the file at `path` whole. Error(kInvalidInput) naming the path when it is missing, a
// directory or cannot be read; Error(kRuleViolation) when it is larger than the rules' limit
// (checked before it is read, so an oversized file is never loaded).
AttachmentFile read_attachment_file(const std::string& path, const Rules& rules);

// What `attach ENTITY ID FILE` asks for.
struct AttachRequest {
  std::string entity;  // a kind of attachment_kinds()
  std::string record;  // its number (a unit: serial, VIN, plate or engine no.)
  AttachmentFile file;
  std::string form;  // the paper form scanned (表6, 出门证 ...); optional
  std::string note;  // optional
};

// The checks of a request that need no ledger: the kind is known, the file is a PDF, JPEG or
// PNG and within the size limit, form and note are single-line text. Returns the media type.
// Error(kUsage) for an unknown kind (naming every kind), Error(kInvalidInput) for the type (naming
// what was found and what is accepted) or a bad form or note, Error(kRuleViolation) for the size
// (naming the size, the limit and the key [attachments] max_mb). ticket record --scan runs it
// before it writes anything.
std::string check_attachment(const Rules& rules, const AttachRequest& request);

// Attaches the file to the record: the record must exist (Error(kNotFound) naming it, with how
// to find it), the acting user needs [permissions] attachments (Error(kRuleViolation)), and
// check_attachment's errors. The record is named by its canonical number (a unit by its serial,
// a returned part by its line). Audited as "attach" on the record's history. Joins the caller's
// write when called inside one (ticket record --scan). Returns the attachment with its id.
Attachment attach_file(Context& ctx, const AttachRequest& request);

// The attachments of a record, oldest first, metadata only. Error(kUsage) for an unknown kind,
// Error(kNotFound) when the record does not exist.
std::vector<Attachment> attachments_of(Context& ctx, const std::string& entity,
                                       const std::string& record);

// One attachment with its bytes.
struct AttachmentContent {
  Attachment attachment;
  std::string content;
};

// The attachment `id` (as `attach list` prints it) with its content, byte for byte, checked
// against its SHA-256. Error(kInvalidInput) when `id` is not a number, Error(kNotFound) when
// there is none, Error(kStorageUnavailable) when the content no longer matches its SHA-256
// (the ledger is damaged: `doctor`, and a backup).
AttachmentContent get_attachment(Context& ctx, const std::string& id);

// The lowercase hex SHA-256 of `content`.
std::string sha256_hex(std::string_view content);

}  // namespace aftersales
