// SQL of the ledger's self-check: each query returns only the rows that break an invariant
// (or, for the batches, one row per import run), read one row at a time.
#include "store/sql_stores.h"

namespace aftersales::store {

EngineIntegrity SqlLedgerCheckStore::engine_integrity() {
  return guarded("checking the database", [&] {
    Database::IntegrityCheck check = db_.check_integrity();
    return EngineIntegrity{std::move(check.method), std::move(check.problems)};
  });
}

void SqlLedgerCheckStore::tickets_without_signed_record(
    TicketState state, const std::function<void(const UnsignedTicket&)>& each) {
  guarded("checking the work records", [&] {
    Query select = db_.cached(
        "SELECT t.number, CASE WHEN w.ticket_id IS NULL THEN 0 ELSE 1 END, "
        "CASE WHEN TRIM(COALESCE(w.signed_by, '')) = '' THEN 0 ELSE 1 END, "
        "COALESCE(w.sealed, 0) "
        "FROM ticket t LEFT JOIN work_record w ON w.ticket_id = t.id "
        "WHERE t.state = ?1 AND (w.ticket_id IS NULL OR w.sealed <> 1 OR TRIM(w.signed_by) = '') "
        "ORDER BY t.id");
    select->bind(1, std::string(state_name(state)));
    while (select->step()) {
      UnsignedTicket ticket;
      ticket.number = select->text(0);
      ticket.has_record = flag_column(*select, 1);
      ticket.signed_by_someone = flag_column(*select, 2);
      ticket.sealed = flag_column(*select, 3);
      each(ticket);
    }
  });
}

std::vector<TicketKey> SqlLedgerCheckStore::started_tickets_after(std::int64_t after_id,
                                                                  int limit) {
  return guarded("listing the started tickets", [&] {
    Query select = db_.cached(
        "SELECT id, number FROM ticket "
        "WHERE id > ?1 AND (state IN (?2, ?3, ?4) OR (state = ?5 AND resume_state = ?2)) "
        "ORDER BY id LIMIT ?6");
    select->bind(1, after_id);
    select->bind(2, std::string(state_name(TicketState::kInService)));
    select->bind(3, std::string(state_name(TicketState::kSignedOff)));
    select->bind(4, std::string(state_name(TicketState::kClosed)));
    select->bind(5, std::string(state_name(TicketState::kPaused)));
    select->bind(6, static_cast<std::int64_t>(limit));
    std::vector<TicketKey> page;
    while (select->step()) page.push_back(TicketKey{select->int64(0), select->text(1)});
    return page;
  });
}

void SqlLedgerCheckStore::unaudited_records(const std::function<void(const RecordKey&)>& each) {
  guarded("checking the audit trail", [&] {
    // audit_log_entity (entity, entity_id) answers each NOT EXISTS; only offenders are sorted.
    Query select = db_.cached(
        "SELECT 1, id, 'customer', code FROM customer r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'customer' AND a.entity_id = r.code) "
        "UNION ALL "
        "SELECT 2, id, 'model', code FROM model r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'model' AND a.entity_id = r.code) "
        "UNION ALL "
        "SELECT 3, id, 'unit', serial FROM unit r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'unit' AND a.entity_id = r.serial) "
        "UNION ALL "
        "SELECT 4, id, 'ticket', number FROM ticket r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'ticket' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 5, id, 'visit', number FROM visit r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'visit' AND a.entity_id = r.number) "
        "UNION ALL "
        // The parts (008-011): the catalogue and stock moves may come from an import.
        "SELECT 6, id, 'part', number FROM part r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'part' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 7, id, 'stock_move', CAST(id AS TEXT) FROM stock_move r WHERE batch_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'stock_move' "
        "AND a.entity_id = CAST(r.id AS TEXT)) "
        "UNION ALL "
        "SELECT 8, id, 'part_issue', number FROM part_issue r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'part_issue' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 9, id, 'gate_pass', number FROM gate_pass r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'gate_pass' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 10, id, 'part_return', CAST(id AS TEXT) FROM part_return r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'part_return' "
        "AND a.entity_id = CAST(r.id AS TEXT)) "
        "UNION ALL "
        "SELECT 11, id, 'part_sale', number FROM part_sale r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'part_sale' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 12, id, 'purchase_plan', number FROM purchase_plan r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'purchase_plan' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 13, id, 'urgent_request', number FROM urgent_request r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'urgent_request' "
        "AND a.entity_id = r.number) "
        "UNION ALL "
        // Customer care (013): a survey is audited under its customer's code and its year.
        "SELECT 14, r.id, 'survey', c.code || '/' || r.year FROM survey r "
        "JOIN customer c ON c.id = r.customer_id WHERE r.batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'survey' "
        "AND a.entity_id = c.code || '/' || r.year) "
        "UNION ALL "
        "SELECT 15, id, 'complaint', number FROM complaint r WHERE batch_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'complaint' AND a.entity_id = r.number) "
        "UNION ALL "
        "SELECT 16, id, 'training', CAST(id AS TEXT) FROM training_record r "
        "WHERE batch_id IS NULL AND NOT EXISTS (SELECT 1 FROM audit_log a "
        "WHERE a.entity = 'training' AND a.entity_id = CAST(r.id AS TEXT)) "
        "UNION ALL "
        // The ledger's rulebook (005): each version adopted (init) or applied by an admin.
        "SELECT 17, version, 'rulebook', CAST(version AS TEXT) FROM rulebook r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'rulebook' "
        "AND a.entity_id = CAST(r.version AS TEXT)) "
        "ORDER BY 1, 2");
    while (select->step()) each(RecordKey{select->text(2), select->text(3)});
  });
}

void SqlLedgerCheckStore::negative_stock(const std::function<void(const NegativeStock&)>& each) {
  guarded("checking the stock", [&] {
    // One pass over stock_move_part (part_id, warehouse, then the rowid), streamed: the
    // running sum of each part and warehouse and, by the move's own quantity, the sum before
    // it. The part's number is looked up by a subquery, not a join, so that SQLite streams the
    // window instead of materializing it; only offenders are sorted.
    Query select = db_.cached(
        "SELECT m.id, (SELECT p.number FROM part p WHERE p.id = m.part_id), m.warehouse, "
        "m.running FROM (SELECT id, part_id, warehouse, quantity, "
        "SUM(quantity) OVER (PARTITION BY part_id, warehouse ORDER BY id "
        "ROWS UNBOUNDED PRECEDING) AS running FROM stock_move) m "
        "WHERE m.running < 0 AND m.running - m.quantity >= 0 "
        "ORDER BY m.part_id, m.warehouse, m.id");
    while (select->step()) {
      NegativeStock found;
      found.move_id = select->int64(0);
      found.part = select->text(1);
      found.warehouse = select->text(2);
      found.on_hand = select->int64(3);
      each(found);
    }
  });
}

void SqlLedgerCheckStore::unaudited_approvals(const std::function<void(std::int64_t)>& each) {
  guarded("checking the audit trail", [&] {
    Query select = db_.cached(
        "SELECT id FROM approval r WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
        "WHERE a.entity = 'approval' AND a.entity_id = CAST(r.id AS TEXT)) ORDER BY id");
    while (select->step()) each(select->int64(0));
  });
}

void SqlLedgerCheckStore::unaudited_batches(
    const std::function<void(const UnauditedBatch&)>& each) {
  guarded("checking the audit trail", [&] {
    Query select = db_.cached(
        "SELECT id, 'import' FROM import_batch b WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
        "WHERE a.entity = 'import' AND a.entity_id = CAST(b.id AS TEXT) AND a.action = 'import') "
        "UNION ALL "
        "SELECT id, 'revert' FROM import_batch b WHERE reverted_at IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.entity = 'import' "
        "AND a.entity_id = CAST(b.id AS TEXT) AND a.action = 'revert') "
        "ORDER BY 1, 2");
    while (select->step()) each(UnauditedBatch{select->int64(0), select->text(1)});
  });
}

void SqlLedgerCheckStore::batch_counts(const std::function<void(const BatchCounts&)>& each) {
  guarded("checking the import batches", [&] {
    // One pass over each imported table (batch_id has no index): the rows each batch owns,
    // grouped by batch; then one row per batch.
    Query select = db_.cached(
        "WITH owned (entity, batch_id, n) AS ("
        "SELECT 'customer', batch_id, COUNT(*) FROM customer WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'model', batch_id, COUNT(*) FROM model WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'unit', batch_id, COUNT(*) FROM unit WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'ticket', batch_id, COUNT(*) FROM ticket WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'part', batch_id, COUNT(*) FROM part WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'stock', batch_id, COUNT(*) FROM stock_move WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        // Visits (012) and customer care (013) carry a batch's stamp too.
        "SELECT 'visit', batch_id, COUNT(*) FROM visit WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'survey', batch_id, COUNT(*) FROM survey WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'complaint', batch_id, COUNT(*) FROM complaint WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id UNION ALL "
        "SELECT 'training', batch_id, COUNT(*) FROM training_record WHERE batch_id IS NOT NULL "
        "GROUP BY batch_id) "
        "SELECT b.id, b.entity, b.new_rows, b.updated, "
        "CASE WHEN b.reverted_at IS NULL THEN 0 ELSE 1 END, "
        "COALESCE(SUM(CASE WHEN o.entity = b.entity THEN o.n END), 0), "
        "COALESCE(SUM(CASE WHEN o.entity <> b.entity THEN o.n END), 0), "
        "(SELECT COUNT(*) FROM import_before i WHERE i.batch_id = b.id) "
        "FROM import_batch b LEFT JOIN owned o ON o.batch_id = b.id "
        "GROUP BY b.id ORDER BY b.id");
    while (select->step()) {
      BatchCounts batch;
      batch.id = select->int64(0);
      batch.entity = select->text(1);
      batch.new_rows = select->int64(2);
      batch.updated = select->int64(3);
      batch.reverted = flag_column(*select, 4);
      batch.owned = select->int64(5);
      batch.owned_elsewhere = select->int64(6);
      batch.befores = select->int64(7);
      each(batch);
    }
  });
}

}  // namespace aftersales::store
