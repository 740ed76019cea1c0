// SQL of the audit trail.
#include "store/sqlite_store.h"

namespace aftersales::store {

void SqliteStore::append_audit(AuditEntry& entry) {
  try {
    SQLite::Statement insert(db_,
                             "INSERT INTO audit_log (at, actor, login, entity, entity_id, action, "
                             "before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, entry.at.seconds);
    insert.bind(2, entry.actor);
    insert.bind(3, entry.login);
    insert.bind(4, entry.entity);
    insert.bind(5, entry.entity_id);
    insert.bind(6, entry.action);
    insert.bind(7, entry.before);
    insert.bind(8, entry.after);
    insert.exec();
    entry.id = db_.getLastInsertRowid();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "writing the audit trail");
  }
}

std::vector<AuditEntry> SqliteStore::query_audit(const AuditQuery& query) {
  try {
    SQLite::Statement select(db_,
                             "SELECT id, at, actor, login, entity, entity_id, action, before, "
                             "after FROM audit_log WHERE (?1 IS NULL OR entity = ?1) "
                             "AND (?2 IS NULL OR entity_id = ?2) AND (?3 IS NULL OR at >= ?3) "
                             "ORDER BY id");
    if (query.entity) select.bind(1, *query.entity);
    if (query.entity_id) select.bind(2, *query.entity_id);
    if (query.since) select.bind(3, query.since->seconds);
    std::vector<AuditEntry> all;
    while (select.executeStep()) {
      AuditEntry e;
      e.id = select.getColumn(0).getInt64();
      e.at = Timestamp{select.getColumn(1).getInt64()};
      e.actor = select.getColumn(2).getString();
      e.login = select.getColumn(3).getString();
      e.entity = select.getColumn(4).getString();
      e.entity_id = select.getColumn(5).getString();
      e.action = select.getColumn(6).getString();
      e.before = select.getColumn(7).getString();
      e.after = select.getColumn(8).getString();
      all.push_back(std::move(e));
    }
    return all;
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "reading the audit trail");
  }
}

}  // namespace aftersales::store
