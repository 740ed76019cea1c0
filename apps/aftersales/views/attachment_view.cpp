#include "views/attachment_view.h"

#include <fmt/format.h>

#include <algorithm>

namespace aftersales::cli {

Table attachment_table(const std::vector<Attachment>& attachments, UtcOffset zone) {
  Table table;
  table.columns = {
      {"id", "", ColumnKind::kNumber},          {"entity", "", ColumnKind::kText},
      {"record", "", ColumnKind::kText},        {"file", "", ColumnKind::kText},
      {"type", "", ColumnKind::kText},          {"size", "bytes", ColumnKind::kNumber},
      {"sha256", "SHA-256", ColumnKind::kText}, {"form", "", ColumnKind::kText},
      {"note", "", ColumnKind::kText},          {"attached_at", "attached", ColumnKind::kTime},
      {"attached_by", "by", ColumnKind::kText}};
  for (const Attachment& a : attachments) {
    table.add_row({a.id, a.entity, a.record, a.file_name, a.media_type, a.size, a.sha256, a.form,
                   a.note, format_timestamp(a.attached_at, zone), a.attached_by});
  }
  return table;
}

void add_attachments(RecordView& view, const std::vector<Attachment>& attachments, UtcOffset zone,
                     const std::string& before) {
  Table table;
  table.columns = {
      {"id", "", ColumnKind::kNumber},          {"file", "", ColumnKind::kText},
      {"type", "", ColumnKind::kText},          {"size", "bytes", ColumnKind::kNumber},
      {"sha256", "SHA-256", ColumnKind::kText}, {"form", "", ColumnKind::kText},
      {"attached_by", "by", ColumnKind::kText}, {"attached_at", "attached", ColumnKind::kTime}};
  for (const Attachment& a : attachments) {
    table.add_row({a.id, a.file_name, a.media_type, a.size, a.sha256.substr(0, 12), a.form,
                   a.attached_by, format_timestamp(a.attached_at, zone)});
  }
  auto at = std::find_if(view.tables.begin(), view.tables.end(),
                         [&](const auto& named) { return named.first.key == before; });
  view.tables.insert(
      at, {{"attachments", "attachments: signed scans 签字盖章扫描件"}, std::move(table)});
}

std::string attached_text(const Attachment& a) {
  return fmt::format("attached {} ({}, {} bytes, sha256 {}) to {} {} as attachment {}", a.file_name,
                     a.media_type, a.size, a.sha256.substr(0, 12), a.entity, a.record, a.id);
}

}  // namespace aftersales::cli
