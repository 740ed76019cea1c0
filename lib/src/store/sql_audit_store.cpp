// SQL of the audit trail.
#include "store/sql_stores.h"

namespace aftersales::store {

void SqlAuditStore::append(AuditEntry& entry) {
  guarded("writing the audit trail", [&] {
    Query insert = db_.cached(
        "INSERT INTO audit_log (at, actor, login, entity, entity_id, action, before, after, "
        "business_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert->bind(1, entry.at.seconds);
    insert->bind(2, entry.actor);
    insert->bind(3, entry.login);
    insert->bind(4, entry.entity);
    insert->bind(5, entry.entity_id);
    insert->bind(6, entry.action);
    insert->bind(7, entry.before);
    insert->bind(8, entry.after);
    bind_optional(*insert, 9, entry.business_at);
    insert->run();
    entry.id = db_.last_insert_id();
  });
}

std::vector<AuditEntry> SqlAuditStore::query(const AuditQuery& query) {
  std::vector<AuditEntry> all;
  each(query, [&](const AuditEntry& entry) { all.push_back(entry); });
  return all;
}

void SqlAuditStore::each(const AuditQuery& query,
                         const std::function<void(const AuditEntry&)>& visit) {
  guarded("reading the audit trail", [&] {
  // Only the filters given are written (`?1 IS NULL OR ...` keeps the indexes unused); one
  // cached statement per combination.
#define AFTERSALES_AUDIT_SELECT                                                              \
  "SELECT id, at, actor, login, entity, entity_id, action, before, after, business_at FROM " \
  "audit_log "
    static const char* const kSql[] = {
        AFTERSALES_AUDIT_SELECT "ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity = ?1 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity_id = ?1 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE at >= ?1 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity = ?1 AND at >= ?2 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity_id = ?1 AND at >= ?2 ORDER BY id",
        AFTERSALES_AUDIT_SELECT "WHERE entity = ?1 AND entity_id = ?2 AND at >= ?3 ORDER BY id",
    };
#undef AFTERSALES_AUDIT_SELECT
    const int which = (query.entity ? 1 : 0) + (query.entity_id ? 2 : 0) + (query.since ? 4 : 0);
    Query select = db_.cached(kSql[which]);
    int index = 1;
    if (query.entity) select->bind(index++, *query.entity);
    if (query.entity_id) select->bind(index++, *query.entity_id);
    if (query.since) select->bind(index++, query.since->seconds);
    AuditEntry e;
    while (select->step()) {
      e.id = select->int64(0);
      e.at = Timestamp{select->int64(1)};
      e.actor = select->text(2);
      e.login = select->text(3);
      e.entity = select->text(4);
      e.entity_id = select->text(5);
      e.action = select->text(6);
      e.before = select->text(7);
      e.after = select->text(8);
      e.business_at = time_column(*select, 9);
      visit(e);
    }
  });
}

}  // namespace aftersales::store
