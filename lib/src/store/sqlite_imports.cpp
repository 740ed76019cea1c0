// SQL of import batches: the batch records, the values before, reverting rows.
#include <sqlite3.h>

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "store/sqlite_binding.h"
#include "store/sqlite_store.h"

namespace aftersales::store {
namespace {

struct EntityTable {
  const char* entity;
  const char* table;
  const char* key;
  const char* batch_of;  // the row's batch by its key (a literal: the statement is cached)
};

// The entities an import writes; names never come from input into SQL text but from here.
const EntityTable& table_of(const std::string& entity) {
  static const EntityTable kTables[] = {
      {"customer", "customer", "code", "SELECT batch_id FROM customer WHERE code = ?"},
      {"model", "model", "code", "SELECT batch_id FROM model WHERE code = ?"},
      {"unit", "unit", "serial", "SELECT batch_id FROM unit WHERE serial = ?"},
      {"ticket", "ticket", "number", "SELECT batch_id FROM ticket WHERE number = ?"}};
  for (const EntityTable& t : kTables) {
    if (entity == t.entity) return t;
  }
  throw Error(ErrorCode::kUsage, fmt::format("{} cannot be imported", entity));
}

ImportBatch read_batch(SQLite::Statement& row) {
  ImportBatch b;
  b.id = row.getColumn(0).getInt64();
  b.entity = row.getColumn(1).getString();
  b.files = row.getColumn(2).getString();
  b.mapping = row.getColumn(3).getString();
  b.mode = row.getColumn(4).getString();
  b.new_rows = row.getColumn(5).getInt64();
  b.unchanged = row.getColumn(6).getInt64();
  b.updated = row.getColumn(7).getInt64();
  b.rejected = row.getColumn(8).getInt64();
  b.actor = row.getColumn(9).getString();
  b.login = row.getColumn(10).getString();
  b.at = Timestamp{row.getColumn(11).getInt64()};
  if (!row.getColumn(12).isNull()) b.reverted_at = Timestamp{row.getColumn(12).getInt64()};
  b.reverted_by = row.getColumn(13).isNull() ? "" : row.getColumn(13).getString();
  return b;
}

const char* const kBatchSelect =
    "SELECT id, entity, files, mapping, mode, new_rows, unchanged, updated, rejected, actor, "
    "login, at, reverted_at, reverted_by FROM import_batch ";

}  // namespace

void SqliteStore::insert_import_batch(ImportBatch& batch) {
  guarded("recording an import batch", [&] {
    SQLite::Statement insert(db_,
                             "INSERT INTO import_batch (entity, files, mapping, mode, actor, "
                             "login, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, batch.entity);
    insert.bind(2, batch.files);
    insert.bind(3, batch.mapping);
    insert.bind(4, batch.mode);
    insert.bind(5, batch.actor);
    insert.bind(6, batch.login);
    insert.bind(7, batch.at.seconds);
    insert.exec();
    batch.id = db_.getLastInsertRowid();
  });
}

void SqliteStore::update_import_batch(const ImportBatch& batch) {
  guarded("recording an import batch", [&] {
    SQLite::Statement update(db_,
                             "UPDATE import_batch SET files = ?, new_rows = ?, unchanged = ?, "
                             "updated = ?, rejected = ?, reverted_at = ?, reverted_by = ? "
                             "WHERE id = ?");
    update.bind(1, batch.files);
    update.bind(2, batch.new_rows);
    update.bind(3, batch.unchanged);
    update.bind(4, batch.updated);
    update.bind(5, batch.rejected);
    if (batch.reverted_at) {
      update.bind(6, batch.reverted_at->seconds);
      update.bind(7, batch.reverted_by);
    } else {
      update.bind(6);
      update.bind(7);
    }
    update.bind(8, batch.id);
    update.exec();
  });
}

std::optional<ImportBatch> SqliteStore::find_import_batch(std::int64_t id) {
  return guarded("reading an import batch", [&]() -> std::optional<ImportBatch> {
    SQLite::Statement query(db_, std::string(kBatchSelect) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_batch(query);
  });
}

std::vector<ImportBatch> SqliteStore::list_import_batches() {
  return guarded("listing import batches", [&] {
    SQLite::Statement query(db_, std::string(kBatchSelect) + "ORDER BY id");
    std::vector<ImportBatch> all;
    while (query.executeStep()) all.push_back(read_batch(query));
    return all;
  });
}

std::optional<std::int64_t> SqliteStore::batch_of(const std::string& entity,
                                                  const std::string& key) {
  const EntityTable& t = table_of(entity);
  return guarded("reading a row's batch", [&]() -> std::optional<std::int64_t> {
    Cached query = cached(t.batch_of);
    query->bind(1, key);
    if (!query->executeStep() || query->getColumn(0).isNull()) return std::nullopt;
    return query->getColumn(0).getInt64();
  });
}

void SqliteStore::save_import_before(std::int64_t batch, const std::string& key,
                                     const ImportBefore& before) {
  guarded("keeping the values before an import", [&] {
    // A key updated twice in one batch keeps its first (true) before.
    Cached insert = cached(
        "INSERT OR IGNORE INTO import_before (batch_id, entity_id, before, before_batch) "
        "VALUES (?, ?, ?, ?)");
    insert->bind(1, batch);
    insert->bind(2, key);
    insert->bind(3, before.values);
    bind_optional(*insert, 4, before.batch);
    insert->exec();
  });
}

std::optional<Store::ImportBefore> SqliteStore::import_before(std::int64_t batch,
                                                              const std::string& key) {
  return guarded("reading the values before an import", [&]() -> std::optional<ImportBefore> {
    SQLite::Statement query(db_,
                            "SELECT before, before_batch FROM import_before WHERE batch_id = ? "
                            "AND entity_id = ?");
    query.bind(1, batch);
    query.bind(2, key);
    if (!query.executeStep()) return std::nullopt;
    return ImportBefore{query.getColumn(0).getString(),
                        optional_column<std::int64_t>(query.getColumn(1))};
  });
}

std::vector<std::string> SqliteStore::keys_in_batch(const std::string& entity, std::int64_t batch) {
  const EntityTable& t = table_of(entity);
  return guarded("reading a batch's rows", [&] {
    SQLite::Statement query(
        db_, fmt::format("SELECT {} FROM {} WHERE batch_id = ? ORDER BY id", t.key, t.table));
    query.bind(1, batch);
    std::vector<std::string> keys;
    while (query.executeStep()) keys.push_back(query.getColumn(0).getString());
    return keys;
  });
}

std::optional<std::int64_t> SqliteStore::later_batch_over(std::int64_t batch) {
  return guarded("reading import batches", [&]() -> std::optional<std::int64_t> {
    SQLite::Statement query(db_,
                            "SELECT b.id FROM import_before i JOIN import_batch b ON b.id = "
                            "i.batch_id WHERE i.before_batch = ? AND b.reverted_at IS NULL "
                            "ORDER BY b.id DESC LIMIT 1");
    query.bind(1, batch);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
  });
}

bool SqliteStore::note_import_key(const std::string& entity, const std::string& key) {
  return guarded("noting an imported key", [&] {
    db_.exec(
        "CREATE TEMP TABLE IF NOT EXISTS import_key (batch_id INTEGER, entity TEXT, key TEXT, "
        "PRIMARY KEY (batch_id, entity, key))");
    SQLite::Statement insert(db_,
                             "INSERT OR IGNORE INTO temp.import_key (batch_id, entity, key) "
                             "VALUES (?, ?, ?)");
    bind_optional(insert, 1, batch_);
    insert.bind(2, entity);
    insert.bind(3, key);
    return insert.exec() == 1;
  });
}

bool SqliteStore::has_import_key(const std::string& entity, const std::string& key) {
  return guarded("reading an imported key", [&] {
    db_.exec(
        "CREATE TEMP TABLE IF NOT EXISTS import_key (batch_id INTEGER, entity TEXT, key TEXT, "
        "PRIMARY KEY (batch_id, entity, key))");
    SQLite::Statement query(db_,
                            "SELECT 1 FROM temp.import_key WHERE batch_id IS ? AND entity = ? AND "
                            "key = ?");
    bind_optional(query, 1, batch_);
    query.bind(2, entity);
    query.bind(3, key);
    return query.executeStep();
  });
}

void SqliteStore::delete_by_key(const std::string& entity, const std::string& key) {
  const EntityTable& t = table_of(entity);
  try {
    // What was typed since onto an imported unit or ticket (notes, costs, pauses, records,
    // approvals) is never removed with it: the revert is refused instead.
    static const std::pair<const char*, const char*> kTypedSince[] = {
        {"unit", "SELECT 1 FROM unit_note WHERE unit_id = (SELECT id FROM unit WHERE serial = ?)"},
        {"ticket",
         "SELECT 1 FROM ticket_cost_line WHERE ticket_id = (SELECT id FROM ticket WHERE number = "
         "?1) UNION ALL SELECT 1 FROM ticket_pause WHERE ticket_id = (SELECT id FROM ticket "
         "WHERE number = ?1) UNION ALL SELECT 1 FROM work_record WHERE ticket_id = (SELECT id "
         "FROM ticket WHERE number = ?1) UNION ALL SELECT 1 FROM approval WHERE subject = ?1"},
    };
    for (const auto& [owner, sql] : kTypedSince) {
      if (entity != owner) continue;
      SQLite::Statement typed(db_, sql);
      typed.bind(1, key);
      if (typed.executeStep()) {
        throw Error(ErrorCode::kRuleViolation,
                    fmt::format("refused: {} {} has work typed since it was imported (history, "
                                "costs or approvals)",
                                entity, key),
                    "keep the batch, or undo that work first");
      }
    }
    SQLite::Statement remove(db_, fmt::format("DELETE FROM {} WHERE {} = ?", t.table, t.key));
    remove.bind(1, key);
    remove.exec();
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: {} {} is referred to by other records", entity, key),
                  "revert the batches that added those records first, newest first, or remove "
                  "what was typed onto it");
    }
    rethrow_sqlite(e, fmt::format("removing {} {}", entity, key));
  }
}

void SqliteStore::update_ticket_intake(const Ticket& ticket) {
  guarded("changing ticket " + ticket.number, [&] {
    Cached update = cached(
        "UPDATE ticket SET unit_id = (SELECT id FROM unit WHERE serial = ?1), customer_id = "
        "(SELECT id FROM customer WHERE code = ?2), channel = ?3, category = ?4, description = "
        "?5, reported_at = ?6, km = ?7, coverage = ?8, coverage_reason = ?9, priority = ?10, "
        "due_at = ?11, batch_id = ?12 WHERE id = ?13");
    update->bind(1, ticket.serial);
    update->bind(2, ticket.customer_code);
    update->bind(3, ticket.channel);
    update->bind(4, ticket.category);
    update->bind(5, ticket.description);
    update->bind(6, ticket.reported_at.seconds);
    bind_optional(*update, 7, ticket.km);
    update->bind(8, coverage_name(ticket.coverage));
    update->bind(9, ticket.coverage_reason);
    update->bind(10, ticket.priority);
    update->bind(11, ticket.due_at.seconds);
    bind_optional(*update, 12, batch_);
    update->bind(13, ticket.id);
    update->exec();
  });
}

void SqliteStore::raise_ticket_sequence(int year, std::int64_t at_least) {
  guarded("numbering tickets", [&] {
    SQLite::Statement upsert(db_,
                             "INSERT INTO ticket_sequence (year, last) VALUES (?1, ?2) "
                             "ON CONFLICT (year) DO UPDATE SET last = max(last, ?2)");
    upsert.bind(1, year);
    upsert.bind(2, at_least);
    upsert.exec();
  });
}

bool SqliteStore::begin_bulk_load(const std::string& entity) {
  const EntityTable& t = table_of(entity);
  return guarded("preparing a large import", [&] {
    if (db_.execAndGet(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", t.table)).getInt() != 0) {
      return false;
    }
    // The schema's own CREATE INDEX statements; UNIQUE constraints have none (sql IS NULL) and
    // stay, as the upsert looks rows up by their natural key.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
      SQLite::Statement query(db_,
                              "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                              "tbl_name = ? AND sql IS NOT NULL ORDER BY name");
      query.bind(1, t.table);
      while (query.executeStep()) {
        indexes.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString());
      }
    }
    for (const auto& [name, sql] : indexes) {
      db_.exec(fmt::format("DROP INDEX \"{}\"", name));
      dropped_indexes_.push_back(sql);
    }
    return !indexes.empty();
  });
}

void SqliteStore::end_bulk_load() {
  guarded("building the indexes after a large import", [&] {
    for (const std::string& sql : dropped_indexes_) db_.exec(sql);
    dropped_indexes_.clear();
  });
}

}  // namespace aftersales::store
