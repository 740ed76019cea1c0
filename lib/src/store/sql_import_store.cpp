// SQL of import batches: the batch records, the import session (row stamps, values before,
// noted keys, bulk loads) and what a revert reads.
#include <fmt/format.h>

#include <algorithm>

#include "aftersales/core/error.h"
#include "store/sql_search_index.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

// The table an import writes, with the statements that name it (literals: the statements are
// cached, and table names never come from input into SQL text).
struct ImportTable {
  const char* table;
  const char* batch_of;       // the row's batch by its key
  const char* keys_in_batch;  // the keys of the rows a batch owns
  bool id_key = false;        // the key is the row's integer id (stock moves, training)
};

// Whether `key` can be an id: digits only, as the ids keys_in_batch gives. Anything else names
// no row; bound to an integer column it would be 22P02 on PostgreSQL (docs/postgresql.md, B11),
// where SQLite's affinity just never matched it.
bool is_id(const std::string& key) {
  return !key.empty() && key.size() <= 18 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const ImportTable& table_of(ImportEntity entity) {
  static const ImportTable kCustomer{"customer", "SELECT batch_id FROM customer WHERE code = ?1",
                                     "SELECT code FROM customer WHERE batch_id = ?1 ORDER BY id"};
  static const ImportTable kModel{"model", "SELECT batch_id FROM model WHERE code = ?1",
                                  "SELECT code FROM model WHERE batch_id = ?1 ORDER BY id"};
  static const ImportTable kUnit{"unit", "SELECT batch_id FROM unit WHERE serial = ?1",
                                 "SELECT serial FROM unit WHERE batch_id = ?1 ORDER BY id"};
  static const ImportTable kTicket{"ticket", "SELECT batch_id FROM ticket WHERE number = ?1",
                                   "SELECT number FROM ticket WHERE batch_id = ?1 ORDER BY id"};
  static const ImportTable kPart{"part", "SELECT batch_id FROM part WHERE number = ?1",
                                 "SELECT number FROM part WHERE batch_id = ?1 ORDER BY id"};
  // Opening stock writes moves, never rows of its own: its keys are the ids of the moves.
  static const ImportTable kStock{"stock_move", "SELECT batch_id FROM stock_move WHERE id = ?1",
                                  "SELECT id FROM stock_move WHERE batch_id = ?1 ORDER BY id",
                                  true};
  // Records only ever added, keyed by their number, customer/year, id.
  static const ImportTable kVisit{"visit", "SELECT batch_id FROM visit WHERE number = ?1",
                                  "SELECT number FROM visit WHERE batch_id = ?1 ORDER BY id"};
  static const ImportTable kSurvey{
      "survey",
      "SELECT s.batch_id FROM survey s JOIN customer c ON c.id = s.customer_id WHERE c.code || "
      "'/' || s.year = ?1",
      "SELECT c.code || '/' || s.year FROM survey s JOIN customer c ON c.id = s.customer_id WHERE "
      "s.batch_id = ?1 ORDER BY s.id"};
  static const ImportTable kTraining{
      "training_record", "SELECT batch_id FROM training_record WHERE id = ?1",
      "SELECT id FROM training_record WHERE batch_id = ?1 ORDER BY id", true};
  switch (entity) {
    case ImportEntity::kVisits:
      return kVisit;
    case ImportEntity::kSurveys:
      return kSurvey;
    case ImportEntity::kTraining:
      return kTraining;
    case ImportEntity::kParts:
      return kPart;
    case ImportEntity::kStock:
      return kStock;
    case ImportEntity::kCustomers:
      return kCustomer;
    case ImportEntity::kModels:
      return kModel;
    case ImportEntity::kUnits:
      return kUnit;
    case ImportEntity::kTickets:
      break;
  }
  return kTicket;
}

#define AFTERSALES_BATCH_SELECT                                                              \
  "SELECT id, entity, files, mapping, mode, new_rows, unchanged, updated, rejected, actor, " \
  "login, at, reverted_at, reverted_by FROM import_batch "

ImportBatch read_batch(Statement& row) {
  ImportBatch b;
  b.id = row.int64(0);
  b.entity = row.text(1);
  b.files = row.text(2);
  b.mapping = row.text(3);
  b.mode = row.text(4);
  b.new_rows = row.int64(5);
  b.unchanged = row.int64(6);
  b.updated = row.int64(7);
  b.rejected = row.int64(8);
  b.actor = row.text(9);
  b.login = row.text(10);
  b.at = Timestamp{row.int64(11)};
  b.reverted_at = time_column(row, 12);
  b.reverted_by = row.is_null(13) ? "" : row.text(13);
  return b;
}

class SqlImportSession final : public ImportSession {
 public:
  SqlImportSession(Database& db, ImportStamp& stamp, ImportEntity entity, std::int64_t batch)
      : db_(db), stamp_(stamp), table_(table_of(entity)), batch_(batch) {
    if (stamp_.batch) {
      throw Error(
          ErrorCode::kUsage,
          fmt::format("import batch {} is open already; one import at a time", *stamp_.batch));
    }
    stamp_.batch = batch;
  }
  ~SqlImportSession() override { stamp_.batch.reset(); }
  SqlImportSession(const SqlImportSession&) = delete;
  SqlImportSession& operator=(const SqlImportSession&) = delete;

  std::int64_t batch() const override { return batch_; }

  std::optional<std::int64_t> batch_of(const std::string& key) override {
    return guarded("reading a row's batch", [&]() -> std::optional<std::int64_t> {
      if (table_.id_key && !is_id(key)) return std::nullopt;
      Query query = db_.cached(table_.batch_of);
      if (table_.id_key) {
        query->bind(1, static_cast<std::int64_t>(std::stoll(key)));
      } else {
        query->bind(1, key);
      }
      return query->step() ? optional_column<std::int64_t>(*query, 0) : std::nullopt;
    });
  }

  void save_before(const std::string& key, const ImportBefore& before) override {
    guarded("keeping the values before an import", [&] {
      Query insert = db_.cached(
          "INSERT INTO import_before (batch_id, entity_id, before, before_batch) "
          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
      insert->bind(1, batch_);
      insert->bind(2, key);
      insert->bind(3, before.values);
      bind_optional(*insert, 4, before.batch);
      insert->run();
    });
  }

  bool note_key(const std::string& key) override {
    return guarded("noting an imported key", [&] {
      create_key_table();
      Query insert = db_.cached(
          "INSERT INTO import_key (batch_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
      insert->bind(1, batch_);
      insert->bind(2, key);
      return insert->run() == 1;
    });
  }

  bool has_key(const std::string& key) override {
    return guarded("reading an imported key", [&] {
      create_key_table();
      Query query = db_.cached("SELECT 1 FROM import_key WHERE batch_id = ?1 AND key = ?2");
      query->bind(1, batch_);
      query->bind(2, key);
      return query->step();
    });
  }

  bool begin_bulk_load() override {
    return guarded("preparing a large import", [&] {
      {
        Query any = db_.prepare(fmt::format("SELECT 1 FROM {} LIMIT 1", table_.table));
        if (any->step()) return false;
      }
      bulk_ = db_.drop_secondary_indexes(table_.table);
      return bulk_;
    });
  }

  void end_bulk_load() override {
    if (bulk_) {
      guarded("building the indexes after a large import",
              [&] { db_.restore_secondary_indexes(); });
      bulk_ = false;
    }
    // The batch's records become searchable together (issue 16): their rows written once, in
    // the order of their ids, rather than one by one as each row came.
    if (const std::optional<SearchKind> kind = searched_table(table_.table)) {
      reindex(db_, *kind, "r.batch_id = ?1", batch_);
    }
  }

 private:
  // The keys noted by this connection's imports: a temporary table, gone with the connection.
  void create_key_table() {
    if (key_table_) return;
    db_.exec(
        "CREATE TEMP TABLE IF NOT EXISTS import_key (batch_id INTEGER, key TEXT, PRIMARY KEY "
        "(batch_id, key))");
    key_table_ = true;
  }

  Database& db_;
  ImportStamp& stamp_;
  const ImportTable& table_;
  std::int64_t batch_;
  bool key_table_ = false;
  bool bulk_ = false;
};

}  // namespace

void SqlImportStore::insert_batch(ImportBatch& batch) {
  guarded("recording an import batch", [&] {
    Query insert = db_.cached(
        "INSERT INTO import_batch (entity, files, mapping, mode, actor, login, at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert->bind(1, batch.entity);
    insert->bind(2, batch.files);
    insert->bind(3, batch.mapping);
    insert->bind(4, batch.mode);
    insert->bind(5, batch.actor);
    insert->bind(6, batch.login);
    insert->bind(7, batch.at.seconds);
    insert->run();
    batch.id = db_.last_insert_id();
  });
}

void SqlImportStore::update_batch(const ImportBatch& batch) {
  guarded("recording an import batch", [&] {
    Query update = db_.cached(
        "UPDATE import_batch SET files = ?1, new_rows = ?2, unchanged = ?3, updated = ?4, "
        "rejected = ?5, reverted_at = ?6, reverted_by = ?7 WHERE id = ?8");
    update->bind(1, batch.files);
    update->bind(2, batch.new_rows);
    update->bind(3, batch.unchanged);
    update->bind(4, batch.updated);
    update->bind(5, batch.rejected);
    bind_optional(*update, 6, batch.reverted_at);
    if (batch.reverted_at) {
      update->bind(7, batch.reverted_by);
    } else {
      update->bind_null(7);
    }
    update->bind(8, batch.id);
    update->run();
  });
}

std::optional<ImportBatch> SqlImportStore::find_batch(std::int64_t id) {
  return guarded("reading an import batch", [&]() -> std::optional<ImportBatch> {
    Query query = db_.cached(AFTERSALES_BATCH_SELECT "WHERE id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    return read_batch(*query);
  });
}

std::vector<ImportBatch> SqlImportStore::list_batches() {
  return guarded("listing import batches", [&] {
    Query query = db_.cached(AFTERSALES_BATCH_SELECT "ORDER BY id");
    std::vector<ImportBatch> all;
    while (query->step()) all.push_back(read_batch(*query));
    return all;
  });
}

std::unique_ptr<ImportSession> SqlImportStore::open_session(ImportEntity entity,
                                                            std::int64_t batch) {
  return std::make_unique<SqlImportSession>(db_, stamp_, entity, batch);
}

std::vector<std::string> SqlImportStore::keys_in_batch(ImportEntity entity, std::int64_t batch) {
  return guarded("reading a batch's rows", [&] {
    Query query = db_.cached(table_of(entity).keys_in_batch);
    query->bind(1, batch);
    std::vector<std::string> keys;
    while (query->step()) keys.push_back(query->text(0));
    return keys;
  });
}

std::optional<ImportBefore> SqlImportStore::before(std::int64_t batch, const std::string& key) {
  return guarded("reading the values before an import", [&]() -> std::optional<ImportBefore> {
    Query query = db_.cached(
        "SELECT before, before_batch FROM import_before WHERE batch_id = ?1 AND entity_id = ?2");
    query->bind(1, batch);
    query->bind(2, key);
    if (!query->step()) return std::nullopt;
    return ImportBefore{query->text(0), optional_column<std::int64_t>(*query, 1)};
  });
}

std::optional<std::int64_t> SqlImportStore::later_batch_over(std::int64_t batch) {
  return guarded("reading import batches", [&]() -> std::optional<std::int64_t> {
    Query query = db_.cached(
        "SELECT b.id FROM import_before i JOIN import_batch b ON b.id = i.batch_id WHERE "
        "i.before_batch = ?1 AND b.reverted_at IS NULL ORDER BY b.id DESC LIMIT 1");
    query->bind(1, batch);
    if (!query->step()) return std::nullopt;
    return query->int64(0);
  });
}

}  // namespace aftersales::store
