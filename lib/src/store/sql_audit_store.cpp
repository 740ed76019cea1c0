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
  return guarded("reading the audit trail", [&] {
    Query select = db_.cached(
        "SELECT id, at, actor, login, entity, entity_id, action, before, after, business_at "
        "FROM audit_log "
        "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2) "
        "AND (?3 IS NULL OR at >= ?3) ORDER BY id");
    if (query.entity) select->bind(1, *query.entity);
    if (query.entity_id) select->bind(2, *query.entity_id);
    bind_optional(*select, 3, query.since);
    std::vector<AuditEntry> all;
    while (select->step()) {
      AuditEntry e;
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
      all.push_back(std::move(e));
    }
    return all;
  });
}

}  // namespace aftersales::store
