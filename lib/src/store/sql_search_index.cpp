// The search rows kept in step with the records (issue 16): the records' text read in chunks,
// turned into tokens (search/search_text.h), staged through the engine's BulkWriter (COPY on
// PostgreSQL) and written set-based. SQLite's FTS5 index follows search_doc by its triggers
// (schemas/019_search.sql); PostgreSQL's tsvector is written with the row.
#include "store/sql_search_index.h"

#include <fmt/format.h>

#include <map>
#include <string_view>
#include <vector>

#include "aftersales/search/search_text.h"

namespace aftersales::store {
namespace {

// Records read, tokenized and written per round: memory stays at one chunk.
constexpr int kChunk = 2000;
// From this many records on, a reindex builds search_doc's indexes again after its rows.
constexpr std::int64_t kLargeStage = 50'000;

struct Source {
  const char* kind;  // search_doc.kind
  // id, at, unit_id, customer_id, category, then the fields, from the record's table as `r`:
  // up to WHERE, for a condition of the caller's; and of one record (a static string, for the
  // statement cache).
  const char* select;
  const char* select_one;
  int fields;
  const char* key;  // the record's number as the doctor names it, of the id ?1
};

#define AFTERSALES_TICKET_SOURCE                                                           \
  "SELECT r.id, r.reported_at, r.unit_id, r.customer_id, r.category, r.description, "      \
  "r.analysis, r.advice, coalesce(w.work_done, '') FROM ticket r LEFT JOIN work_record w " \
  "ON w.ticket_id = r.id WHERE "
#define AFTERSALES_NOTE_SOURCE                                                               \
  "SELECT r.id, r.at, r.unit_id, u.customer_id, '', r.text FROM unit_note r JOIN unit u ON " \
  "u.id = r.unit_id WHERE "
#define AFTERSALES_VISIT_SOURCE \
  "SELECT r.id, r.visited_at, r.unit_id, r.customer_id, '', r.suggestion FROM visit r WHERE "
#define AFTERSALES_COMPLAINT_SOURCE                                                       \
  "SELECT r.id, r.opened_at, r.unit_id, r.customer_id, r.category, r.text, r.resolution " \
  "FROM complaint r WHERE "

const Source& source_of(SearchKind kind) {
  static const Source kSources[] = {
      {"ticket", AFTERSALES_TICKET_SOURCE, AFTERSALES_TICKET_SOURCE "r.id = ?1", 4,
       "SELECT number FROM ticket WHERE id = ?1"},
      {"note", AFTERSALES_NOTE_SOURCE, AFTERSALES_NOTE_SOURCE "r.id = ?1", 1,
       "SELECT u.serial || '#' || CAST(n.id AS TEXT) FROM unit_note n JOIN unit u ON u.id = "
       "n.unit_id WHERE n.id = ?1"},
      {"visit", AFTERSALES_VISIT_SOURCE, AFTERSALES_VISIT_SOURCE "r.id = ?1", 1,
       "SELECT number FROM visit WHERE id = ?1"},
      {"complaint", AFTERSALES_COMPLAINT_SOURCE, AFTERSALES_COMPLAINT_SOURCE "r.id = ?1", 2,
       "SELECT number FROM complaint WHERE id = ?1"},
  };
  return kSources[static_cast<int>(kind)];
}

#undef AFTERSALES_TICKET_SOURCE
#undef AFTERSALES_NOTE_SOURCE
#undef AFTERSALES_VISIT_SOURCE
#undef AFTERSALES_COMPLAINT_SOURCE

constexpr const char* kCreateStage =
    "CREATE TEMP TABLE search_stage (record_id BIGINT NOT NULL, at BIGINT NOT NULL, unit_id "
    "BIGINT, customer_id BIGINT, category TEXT NOT NULL, tokens TEXT NOT NULL)";

// The rows of the staged records go, the new ones come: a record whose text is now empty keeps
// none.
constexpr const char* kRemoveStaged =
    "DELETE FROM search_doc WHERE kind = ?1 AND record_id IN (SELECT record_id FROM search_stage)";

// A new row's id is its second (at * 2^22) plus the next number in that second: newest first
// is id order, which FTS5 walks without sorting. The rows go in in id order: a million
// imported tickets come in the file's order, their times at random, and inserted so they
// touched a random page of search_doc each (6.4 times the import without search; sorted,
// the pages fill one after another).
#define AFTERSALES_SEARCH_ID                                                               \
  "s.at * 4194304 + coalesce((SELECT max(d.id) FROM search_doc d WHERE d.id >= s.at * "    \
  "4194304 AND d.id < (s.at + 1) * 4194304) + 1 - s.at * 4194304, 0) + ROW_NUMBER() OVER " \
  "(PARTITION BY s.at ORDER BY s.record_id) - 1"

constexpr const char* kInsertStagedSqlite =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens) "
    "SELECT " AFTERSALES_SEARCH_ID
    ", ?1, s.record_id, s.at, s.unit_id, s.customer_id, s.category, s.tokens FROM search_stage "
    "s WHERE s.tokens <> '' ORDER BY 1";

// PostgreSQL keeps the tokens as a tsvector only (the stage holds its literal).
constexpr const char* kInsertStagedPostgres =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens, "
    "terms) SELECT " AFTERSALES_SEARCH_ID
    ", ?1, s.record_id, s.at, s.unit_id, s.customer_id, s.category, '', s.tokens::tsvector "
    "FROM search_stage s WHERE s.tokens <> '' ORDER BY 1";

#undef AFTERSALES_SEARCH_ID

constexpr const char* kRemoveOne = "DELETE FROM search_doc WHERE kind = ?1 AND record_id = ?2";

// The next id in the record's second (?3 is when it happened); BIGINT throughout, since
// PostgreSQL would multiply a parameter as a 32-bit integer.
#define AFTERSALES_NEXT_ID                                                                   \
  "(SELECT coalesce(max(id) + 1, CAST(?3 AS BIGINT) * 4194304) FROM search_doc WHERE id >= " \
  "CAST(?3 AS BIGINT) * 4194304 AND id < (CAST(?3 AS BIGINT) + 1) * 4194304)"
constexpr const char* kInsertOneSqlite =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens) "
    "VALUES (" AFTERSALES_NEXT_ID ", ?1, ?2, CAST(?3 AS BIGINT), ?4, ?5, ?6, ?7)";
constexpr const char* kInsertOnePostgres =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens, "
    "terms) VALUES (" AFTERSALES_NEXT_ID
    ", ?1, ?2, CAST(?3 AS BIGINT), ?4, ?5, ?6, '', ?7::tsvector)";
#undef AFTERSALES_NEXT_ID

struct SourceRow {
  std::int64_t id;
  std::int64_t at;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> customer_id;
  std::string category;
  std::string tokens;
};

// The record at `row` of a source's query, tokenized.
SourceRow source_row(const Source& source, Statement& row) {
  std::vector<std::string_view> fields(static_cast<std::size_t>(source.fields));
  for (int f = 0; f < source.fields; ++f) fields[f] = row.text_view(5 + f);
  std::string tokens = search::index_tokens(fields);
  return SourceRow{row.int64(0),
                   row.int64(1),
                   optional_column<std::int64_t>(row, 2),
                   optional_column<std::int64_t>(row, 3),
                   row.text(4),
                   std::move(tokens)};
}

// The tokens as the engine's search row takes them: FTS5's stream, PostgreSQL's tsvector.
std::string as_stored(Database& db, const std::string& tokens) {
  return db.dialect() == Dialect::kPostgres && !tokens.empty() ? tsvector_literal(tokens) : tokens;
}

// The text PostgreSQL prints for the tsvector of `tokens` (tsvectorout): the lexemes in byte
// order, each quoted, with its positions in order, at most 256 of them; for the doctor's
// comparison.
std::string tsvector_text(const std::string& tokens) {
  std::map<std::string, std::vector<int>> lexemes;
  int position = 0;
  for (std::size_t at = 0; at < tokens.size();) {
    std::size_t end = tokens.find(' ', at);
    if (end == std::string::npos) end = tokens.size();
    if (end > at) lexemes[tokens.substr(at, end - at)].push_back(++position);
    at = end + 1;
  }
  std::string out;
  for (const auto& [lexeme, positions] : lexemes) {
    if (!out.empty()) out += ' ';
    out += '\'';
    for (char c : lexeme) {
      if (c == '\'' || c == '\\') out += c;
      out += c;
    }
    out += "':";
    for (std::size_t i = 0; i < positions.size() && i < 256; ++i) {
      if (i > 0) out += ',';
      out += std::to_string(positions[i]);
    }
  }
  return out;
}

// The next chunk of `source`'s records after `after`, tokenized.
std::vector<SourceRow> read_chunk(Database& db, const Source& source, const std::string& select,
                                  std::int64_t value, std::int64_t after) {
  std::vector<SourceRow> rows;
  Query query = db.prepare(select);
  query->bind(1, value);
  query->bind(2, after);
  query->bind(3, std::int64_t{kChunk});
  while (query->step()) rows.push_back(source_row(source, *query));
  return rows;
}

}  // namespace

void reindex_record(Database& db, SearchKind kind, std::int64_t id) {
  const Source& source = source_of(kind);
  guarded(fmt::format("indexing the text of {} {} for search", source.kind, id), [&] {
    std::optional<SourceRow> row;
    {
      Query query = db.cached(source.select_one);
      query->bind(1, id);
      if (query->step()) row = source_row(source, *query);
    }
    forget_record(db, kind, id);
    if (!row || row->tokens.empty()) return;
    Query insert =
        db.cached(db.dialect() == Dialect::kPostgres ? kInsertOnePostgres : kInsertOneSqlite);
    insert->bind(1, std::string(source.kind));
    insert->bind(2, row->id);
    insert->bind(3, row->at);
    bind_optional(*insert, 4, row->unit_id);
    bind_optional(*insert, 5, row->customer_id);
    insert->bind(6, row->category);
    insert->bind(7, as_stored(db, row->tokens));
    insert->run();
  });
}

void forget_record(Database& db, SearchKind kind, std::int64_t id) {
  const Source& source = source_of(kind);
  guarded(fmt::format("removing {} {} from search", source.kind, id), [&] {
    Query remove = db.cached(kRemoveOne);
    remove->bind(1, std::string(source.kind));
    remove->bind(2, id);
    remove->run();
  });
}

void reindex(Database& db, SearchKind kind, const char* where, std::int64_t value) {
  const Source& source = source_of(kind);
  const std::string select =
      fmt::format("{}({}) AND r.id > ?2 ORDER BY r.id LIMIT ?3", source.select, where);
  guarded(fmt::format("indexing the text of {} records for search", source.kind), [&] {
    db.write([&] {
      db.exec(kCreateStage);
      std::int64_t staged = 0;
      {
        auto stage = db.bulk_writer(
            "search_stage", {"record_id", "at", "unit_id", "customer_id", "category", "tokens"});
        for (std::int64_t after = 0;;) {
          const std::vector<SourceRow> rows = read_chunk(db, source, select, value, after);
          staged += static_cast<std::int64_t>(rows.size());
          for (const SourceRow& row : rows) {
            stage->add(row.id);
            stage->add(row.at);
            row.unit_id ? stage->add(*row.unit_id) : stage->add_null();
            row.customer_id ? stage->add(*row.customer_id) : stage->add_null();
            stage->add(row.category);
            stage->add(as_stored(db, row.tokens));
            stage->end_row();
          }
          if (rows.size() < static_cast<std::size_t>(kChunk)) break;
          after = rows.back().id;
        }
        stage->flush();
      }
      {
        Query remove = db.prepare(kRemoveStaged);
        remove->bind(1, std::string(source.kind));
        remove->run();
      }
      // Many rows: search_doc's indexes (and PostgreSQL's GIN) are built again once, by a
      // sort, rather than updated a row at a time in random places.
      const bool large = staged >= kLargeStage && db.drop_secondary_indexes("search_doc");
      {
        Query insert = db.prepare(db.dialect() == Dialect::kPostgres ? kInsertStagedPostgres
                                                                     : kInsertStagedSqlite);
        insert->bind(1, std::string(source.kind));
        insert->run();
      }
      if (large) db.restore_secondary_indexes();
      // PostgreSQL plans `terms @@ q ORDER BY id DESC LIMIT n` from the tsvector's statistics:
      // without them it walked the ids backwards for a query that matches nothing (58 ms at
      // 100,000 tickets against 0.4 ms through the GIN index). Autovacuum comes later.
      if (large && db.dialect() == Dialect::kPostgres) db.exec("ANALYZE search_doc");
      db.exec("DROP TABLE search_stage");
    });
  });
}

std::optional<SearchKind> searched_table(const std::string& table) {
  if (table == "ticket") return SearchKind::kTicket;
  if (table == "visit") return SearchKind::kVisit;
  return std::nullopt;
}

constexpr SearchKind kEveryKind[] = {SearchKind::kTicket, SearchKind::kNote, SearchKind::kVisit,
                                     SearchKind::kComplaint};

void rebuild_search_index(Database& db) {
  db.write([&] {
    guarded("removing the search rows", [&] { db.exec("DELETE FROM search_doc"); });
    for (SearchKind kind : kEveryKind) reindex(db, kind, "r.id >= ?1", 0);
    guarded("marking search built", [&] { db.exec("UPDATE search_state SET built = 1"); });
  });
}

void build_search_index_once(Database& db) {
  const auto built = [&] {
    Query query = db.cached("SELECT built FROM search_state");
    return query->step() && query->int64(0) != 0;
  };
  if (guarded("reading whether search is built", built)) return;
  db.write([&] {
    if (!guarded("reading whether search is built", built)) rebuild_search_index(db);
  });
}

void check_search_rows(Database& db, const std::function<void(const SearchRowProblem&)>& each) {
  const bool postgres = db.dialect() == Dialect::kPostgres;
  const char* rows_sql = postgres ? "SELECT record_id, CAST(terms AS TEXT) FROM search_doc WHERE "
                                    "kind = ?1 AND record_id > ?2 AND record_id <= ?3 ORDER BY "
                                    "record_id"
                                  : "SELECT record_id, tokens FROM search_doc WHERE kind = ?1 AND "
                                    "record_id > ?2 AND record_id <= ?3 ORDER BY record_id";
  for (SearchKind kind : kEveryKind) {
    const Source& source = source_of(kind);
    const std::string select =
        fmt::format("{}r.id > ?1 AND r.id > ?2 ORDER BY r.id LIMIT ?3", source.select);
    std::int64_t after = 0;
    for (bool last = false; !last;) {
      std::vector<SourceRow> records = guarded(
          "reading the records' text", [&] { return read_chunk(db, source, select, 0, after); });
      last = records.size() < static_cast<std::size_t>(kChunk);
      const std::int64_t upto = last ? INT64_MAX : records.back().id;
      std::map<std::int64_t, std::string> stored;
      guarded("reading the search rows", [&] {
        Query query = db.prepare(rows_sql);
        query->bind(1, std::string(source.kind));
        query->bind(2, after);
        query->bind(3, upto);
        while (query->step()) stored.emplace(query->int64(0), query->text(1));
      });
      std::vector<std::pair<std::int64_t, const char*>> found;
      for (const SourceRow& record : records) {
        const auto row = stored.find(record.id);
        if (row == stored.end()) {
          if (!record.tokens.empty()) found.emplace_back(record.id, "missing");
          continue;
        }
        const std::string expected = postgres ? tsvector_text(record.tokens) : record.tokens;
        if (record.tokens.empty()) {
          found.emplace_back(record.id, "left over");
        } else if (row->second != expected) {
          found.emplace_back(record.id, "stale");
        }
        stored.erase(row);
      }
      for (const auto& [id, problem] : found) {
        const std::string key = guarded("reading a record's number", [&] {
          Query query = db.cached(source.key);
          query->bind(1, id);
          return query->step() ? query->text(0) : std::to_string(id);
        });
        each(SearchRowProblem{source.kind, key, problem});
      }
      for (const auto& gone : stored) {  // rows whose record is no more
        each(SearchRowProblem{source.kind, std::to_string(gone.first), "left over"});
      }
      if (!records.empty()) after = records.back().id;
    }
  }
}

std::string tsvector_literal(const std::string& tokens) {
  std::string out;
  out.reserve(tokens.size() * 2);
  std::size_t position = 0;
  for (std::size_t at = 0; at < tokens.size();) {
    std::size_t end = tokens.find(' ', at);
    if (end == std::string::npos) end = tokens.size();
    if (end > at) {
      if (!out.empty()) out += ' ';
      out += '\'';
      for (char c : std::string_view(tokens).substr(at, end - at)) {
        if (c == '\'' || c == '\\') out += c == '\'' ? '\'' : '\\';
        out += c;
      }
      out += fmt::format("':{}", ++position);
    }
    at = end + 1;
  }
  return out;
}

}  // namespace aftersales::store
