// The search rows kept in step with the records (issue 16): the records' text read in chunks,
// turned into tokens (search/search_text.h), staged through the engine's BulkWriter (COPY on
// PostgreSQL) and written set-based. SQLite's FTS5 index follows search_doc by its triggers
// (schemas/019_search.sql); PostgreSQL's tsvector is written with the row.
#include "store/sql_search_index.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "aftersales/search/search_text.h"

namespace aftersales::store {
namespace {

// Records read, tokenized and written per round: memory stays at one chunk.
constexpr int kChunk = 2000;

struct Source {
  const char* kind;  // search_doc.kind
  // id, at, unit_id, customer_id, category, then the fields, from the record's table as `r`:
  // up to WHERE, for a condition of the caller's; and of one record (a static string, for the
  // statement cache).
  const char* select;
  const char* select_one;
  int fields;
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
      {"ticket", AFTERSALES_TICKET_SOURCE, AFTERSALES_TICKET_SOURCE "r.id = ?1", 4},
      {"note", AFTERSALES_NOTE_SOURCE, AFTERSALES_NOTE_SOURCE "r.id = ?1", 1},
      {"visit", AFTERSALES_VISIT_SOURCE, AFTERSALES_VISIT_SOURCE "r.id = ?1", 1},
      {"complaint", AFTERSALES_COMPLAINT_SOURCE, AFTERSALES_COMPLAINT_SOURCE "r.id = ?1", 2},
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
// none. The range lets both engines walk the (kind, record_id) key.
constexpr const char* kRemoveStaged =
    "DELETE FROM search_doc WHERE kind = ?1 AND record_id BETWEEN ?2 AND ?3 AND record_id IN "
    "(SELECT record_id FROM search_stage)";

// A new row's id is its second (at * 2^22) plus the next number in that second: newest first
// is id order, which FTS5 walks without sorting.
#define AFTERSALES_SEARCH_ID                                                               \
  "s.at * 4194304 + coalesce((SELECT max(d.id) FROM search_doc d WHERE d.id >= s.at * "    \
  "4194304 AND d.id < (s.at + 1) * 4194304) + 1 - s.at * 4194304, 0) + ROW_NUMBER() OVER " \
  "(PARTITION BY s.at ORDER BY s.record_id) - 1"

constexpr const char* kInsertStagedSqlite =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens) "
    "SELECT " AFTERSALES_SEARCH_ID
    ", ?1, s.record_id, s.at, s.unit_id, s.customer_id, s.category, s.tokens FROM search_stage "
    "s WHERE s.tokens <> ''";

// PostgreSQL keeps the tokens as a tsvector only (the stage holds its literal).
constexpr const char* kInsertStagedPostgres =
    "INSERT INTO search_doc (id, kind, record_id, at, unit_id, customer_id, category, tokens, "
    "terms) SELECT " AFTERSALES_SEARCH_ID
    ", ?1, s.record_id, s.at, s.unit_id, s.customer_id, s.category, '', s.tokens::tsvector "
    "FROM search_stage s WHERE s.tokens <> ''";

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

// The record at `row` of a source's query, tokenized as the engine takes them.
SourceRow source_row(Database& db, const Source& source, Statement& row) {
  std::vector<std::string_view> fields(static_cast<std::size_t>(source.fields));
  for (int f = 0; f < source.fields; ++f) fields[f] = row.text_view(5 + f);
  std::string tokens = search::index_tokens(fields);
  if (!tokens.empty() && db.dialect() == Dialect::kPostgres) tokens = tsvector_literal(tokens);
  return SourceRow{row.int64(0),
                   row.int64(1),
                   optional_column<std::int64_t>(row, 2),
                   optional_column<std::int64_t>(row, 3),
                   row.text(4),
                   std::move(tokens)};
}

// The next chunk of `source`'s records after `after`, tokenized.
std::vector<SourceRow> read_chunk(Database& db, const Source& source, const std::string& select,
                                  std::int64_t value, std::int64_t after) {
  std::vector<SourceRow> rows;
  Query query = db.prepare(select);
  query->bind(1, value);
  query->bind(2, after);
  query->bind(3, std::int64_t{kChunk});
  while (query->step()) rows.push_back(source_row(db, source, *query));
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
      if (query->step()) row = source_row(db, source, *query);
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
    insert->bind(7, row->tokens);
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
      std::int64_t after = 0;
      for (;;) {
        const std::vector<SourceRow> rows = read_chunk(db, source, select, value, after);
        if (rows.empty()) break;
        {
          auto stage = db.bulk_writer(
              "search_stage", {"record_id", "at", "unit_id", "customer_id", "category", "tokens"});
          for (const SourceRow& row : rows) {
            stage->add(row.id);
            stage->add(row.at);
            row.unit_id ? stage->add(*row.unit_id) : stage->add_null();
            row.customer_id ? stage->add(*row.customer_id) : stage->add_null();
            stage->add(row.category);
            stage->add(row.tokens);
            stage->end_row();
          }
          stage->flush();
        }
        Query remove = db.prepare(kRemoveStaged);
        remove->bind(1, std::string(source.kind));
        remove->bind(2, rows.front().id);
        remove->bind(3, rows.back().id);
        remove->run();
        Query insert = db.prepare(db.dialect() == Dialect::kPostgres ? kInsertStagedPostgres
                                                                     : kInsertStagedSqlite);
        insert->bind(1, std::string(source.kind));
        insert->run();
        db.exec("DELETE FROM search_stage");
        after = rows.back().id;
        if (rows.size() < static_cast<std::size_t>(kChunk)) break;
      }
      db.exec("DROP TABLE search_stage");
    });
  });
}

void build_search_index_once(Database& db) {
  const auto built = [&] {
    Query query = db.cached("SELECT built FROM search_state");
    return query->step() && query->int64(0) != 0;
  };
  if (guarded("reading whether search is built", built)) return;
  db.write([&] {
    if (built()) return;  // another process built it while we waited
    db.exec("DELETE FROM search_doc");
    for (SearchKind kind :
         {SearchKind::kTicket, SearchKind::kNote, SearchKind::kVisit, SearchKind::kComplaint}) {
      reindex(db, kind, "r.id >= ?1", 0);
    }
    db.exec("UPDATE search_state SET built = 1");
  });
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
