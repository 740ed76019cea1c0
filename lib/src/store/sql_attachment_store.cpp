// SQL of attachments (store/attachment_store.h): the content column is read by content() only,
// never by a listing.
#include <string>

#include "aftersales/core/error.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_ATTACHMENT_COLUMNS                                                  \
  "id, entity, record, file_name, media_type, size, sha256, form, note, attached_at, " \
  "attached_by "

Attachment read_attachment(Statement& row) {
  Attachment a;
  a.id = row.int64(0);
  a.entity = row.text(1);
  a.record = row.text(2);
  a.file_name = row.text(3);
  a.media_type = row.text(4);
  a.size = row.int64(5);
  a.sha256 = row.text(6);
  a.form = row.text(7);
  a.note = row.text(8);
  a.attached_at = Timestamp{row.int64(9)};
  a.attached_by = row.text(10);
  return a;
}

}  // namespace

void SqlAttachmentStore::insert(Attachment& attachment, const std::string& content) {
  guarded("attaching " + attachment.file_name, [&] {
    Query insert = db_.cached(
        "INSERT INTO attachment (entity, record, file_name, media_type, size, sha256, content, "
        "form, note, attached_at, attached_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11)");
    insert->bind(1, attachment.entity);
    insert->bind(2, attachment.record);
    insert->bind(3, attachment.file_name);
    insert->bind(4, attachment.media_type);
    insert->bind(5, attachment.size);
    insert->bind(6, attachment.sha256);
    insert->bind_bytes(7, content);
    insert->bind(8, attachment.form);
    insert->bind(9, attachment.note);
    insert->bind(10, attachment.attached_at.seconds);
    insert->bind(11, attachment.attached_by);
    insert->run();
    attachment.id = db_.last_insert_id();
  });
}

std::optional<Attachment> SqlAttachmentStore::find(std::int64_t id) {
  return guarded("reading attachment " + std::to_string(id), [&]() -> std::optional<Attachment> {
    Query query =
        db_.cached("SELECT " AFTERSALES_ATTACHMENT_COLUMNS "FROM attachment WHERE id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    return read_attachment(*query);
  });
}

std::optional<std::string> SqlAttachmentStore::content(std::int64_t id) {
  return guarded("reading attachment " + std::to_string(id), [&]() -> std::optional<std::string> {
    Query query = db_.cached("SELECT content FROM attachment WHERE id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    return query->bytes(0);
  });
}

void SqlAttachmentStore::each_of(const std::string& entity, const std::string& record,
                                 const std::function<void(const Attachment&)>& visit) {
  guarded("listing the attachments of " + entity + " " + record, [&] {
    Query query = db_.cached("SELECT " AFTERSALES_ATTACHMENT_COLUMNS
                             "FROM attachment WHERE entity = ?1 AND record = ?2 ORDER BY id");
    query->bind(1, entity);
    query->bind(2, record);
    while (query->step()) visit(read_attachment(*query));
  });
}

void SqlAttachmentStore::each_with_content(
    const std::function<void(const Attachment&, const std::string& content)>& visit) {
  guarded("reading the attachments", [&] {
    // One at a time by id, so that a nested read (or PostgreSQL's buffering of a streaming
    // statement) never holds more than one content.
    std::int64_t after = 0;
    for (;;) {
      std::optional<Attachment> next;
      {
        Query query = db_.cached("SELECT " AFTERSALES_ATTACHMENT_COLUMNS
                                 "FROM attachment WHERE id > ?1 ORDER BY id LIMIT 1");
        query->bind(1, after);
        if (query->step()) next = read_attachment(*query);
      }
      if (!next) return;
      after = next->id;
      const std::optional<std::string> bytes = content(next->id);
      visit(*next, bytes.value_or(std::string()));
    }
  });
}

}  // namespace aftersales::store
