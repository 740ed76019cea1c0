// How attachments (issue 15) read on screen and in files: `attach list`, and the attachments
// table of `ticket show` and `unit show`. Metadata only: the content is never listed.
#pragma once

#include <string>
#include <vector>

#include "aftersales/attachments/attachments.h"
#include "aftersales/io/table.h"

namespace aftersales::cli {

// `attach list`: one row per attachment: id, entity, record, file, type, size (bytes), sha256,
// form, note, attached_at (ISO 8601 in `zone`), attached_by.
Table attachment_table(const std::vector<Attachment>& attachments, UtcOffset zone);

// Adds the table `attachments` (id, file, type, size, sha256's first 12 digits, form, who, when)
// to a record's view (`ticket show`, `unit show`) before its table `before` (history, changes),
// or at the end when it has none.
void add_attachments(RecordView& view, const std::vector<Attachment>& attachments, UtcOffset zone,
                     const std::string& before);

// One line on stderr after attaching: "attached scan.pdf (application/pdf, 12345 bytes, sha256
// 3f2a...) to ticket SR-2026-000001 as attachment 3".
std::string attached_text(const Attachment& attachment);

}  // namespace aftersales::cli
