// An attachment: a scanned signed form (PDF, JPEG or PNG) kept in the ledger with its record
// (issue 15, "the signed paper is kept"). The record is named by its kind and number.
#pragma once

#include <cstdint>
#include <string>

#include "aftersales/core/time.h"

namespace aftersales {

struct Attachment {
  std::int64_t id = 0;
  std::string entity;      // the record's kind: ticket, unit, ... (attachment_kinds())
  std::string record;      // its number: SR-2026-000001, a unit's serial, an approval's id
  std::string file_name;   // as attached, without its directory
  std::string media_type;  // application/pdf, image/jpeg or image/png: sniffed, not named
  std::int64_t size = 0;   // bytes
  std::string sha256;      // lowercase hex of the content
  std::string form;        // the paper form scanned (表6, 出门证 ...); may be empty
  std::string note;
  Timestamp attached_at;  // business time
  std::string attached_by;
};

// A file to attach: its name as shown (without its directory) and its bytes.
struct AttachmentFile {
  std::string name;
  std::string content;
};

}  // namespace aftersales
