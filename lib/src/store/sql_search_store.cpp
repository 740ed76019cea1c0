// Full-text search over the search rows (issue 16): FTS5 on SQLite, a tsvector and its GIN
// index on PostgreSQL, asked the same phrases of the same tokens; then each record found read
// whole from its own table.
#include <fmt/format.h>

#include <string_view>
#include <variant>

#include "store/sql_search_index.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

// A search row's id at the first instant of `at`'s second (schemas/019_search.sql).
constexpr std::int64_t kIdsPerSecond = 4194304;

// What a record found shows, per kind: record, at, unit, model, customer, category, state,
// fixed_at, then the fields named in `fields`; the field named `fix` (else `fallback`) is the
// fix. ?1 is the record's id.
struct Detail {
  const char* kind;
  const char* select;
  std::vector<const char*> fields;
  const char* fix;
  const char* fallback;
};

#define AFTERSALES_TICKET_DETAIL                                                               \
  "SELECT t.number, t.reported_at, u.serial, m.code, coalesce(c.code, ''), t.category, "       \
  "t.state, w.finished_at, t.description, t.analysis, t.advice, coalesce(w.work_done, '') "    \
  "FROM ticket t JOIN unit u ON u.id = t.unit_id JOIN model m ON m.id = u.model_id LEFT JOIN " \
  "customer c ON c.id = t.customer_id LEFT JOIN work_record w ON w.ticket_id = t.id "

const std::vector<Detail>& details() {
  static const std::vector<Detail> all = {
      {"ticket",
       AFTERSALES_TICKET_DETAIL "WHERE t.id = ?1",
       {"description", "analysis", "advice", "work_done"},
       "work_done",
       "advice"},
      {"note",
       "SELECT u.serial, n.at, u.serial, m.code, c.code, '', n.kind, NULL, n.text FROM unit_note "
       "n JOIN unit u ON u.id = n.unit_id JOIN model m ON m.id = u.model_id JOIN customer c ON "
       "c.id = u.customer_id WHERE n.id = ?1",
       {"text"},
       "",
       ""},
      {"visit",
       "SELECT v.number, v.visited_at, coalesce(u.serial, ''), coalesce(m.code, ''), c.code, '', "
       "v.reason, NULL, v.suggestion FROM visit v LEFT JOIN unit u ON u.id = v.unit_id LEFT JOIN "
       "model m ON m.id = u.model_id JOIN customer c ON c.id = v.customer_id WHERE v.id = ?1",
       {"suggestion"},
       "",
       ""},
      {"complaint",
       "SELECT p.number, p.opened_at, coalesce(u.serial, ''), coalesce(m.code, ''), c.code, "
       "p.category, CASE WHEN p.closed_at IS NULL THEN 'open' ELSE 'closed' END, p.closed_at, "
       "p.text, p.resolution FROM complaint p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN "
       "model m ON m.id = u.model_id JOIN customer c ON c.id = p.customer_id WHERE p.id = ?1",
       {"text", "resolution"},
       "resolution",
       ""},
  };
  return all;
}

// A record read from `row` as `detail` has its columns.
SearchHit hit_of(Statement& row, const Detail& detail) {
  SearchHit hit;
  hit.kind = detail.kind;
  hit.record = row.text(0);
  hit.at = Timestamp{row.int64(1)};
  hit.unit = row.text(2);
  hit.model = row.text(3);
  hit.customer = row.text(4);
  hit.category = row.text(5);
  hit.state = row.text(6);
  hit.fixed_at = time_column(row, 7);
  std::string fallback;
  for (std::size_t f = 0; f < detail.fields.size(); ++f) {
    std::string text = row.text(8 + static_cast<int>(f));
    if (text.empty()) continue;
    if (detail.fields[f] == std::string_view(detail.fix)) hit.fix = text;
    if (detail.fields[f] == std::string_view(detail.fallback)) fallback = text;
    hit.fields.push_back(SearchField{detail.fields[f], std::move(text), {}});
  }
  if (hit.fix.empty()) hit.fix = fallback;
  return hit;
}

// FTS5's query: each phrase quoted, a prefix phrase followed by *, all of them ANDed.
std::string fts5_query(const std::vector<search::QueryPhrase>& phrases) {
  std::string query;
  for (const search::QueryPhrase& phrase : phrases) {
    if (!query.empty()) query += " AND ";
    query += '"';
    for (std::size_t i = 0; i < phrase.tokens.size(); ++i) {
      if (i > 0) query += ' ';
      query += phrase.tokens[i];
    }
    query += phrase.last_is_prefix ? "\" *" : "\"";
  }
  return query;
}

// PostgreSQL's tsquery of the same: each phrase's tokens joined by <-> (the next position), the
// last one :* for a prefix, the phrases joined by &.
std::string tsquery_of(const std::vector<search::QueryPhrase>& phrases) {
  std::string query;
  for (const search::QueryPhrase& phrase : phrases) {
    if (!query.empty()) query += " & ";
    query += '(';
    for (std::size_t i = 0; i < phrase.tokens.size(); ++i) {
      if (i > 0) query += " <-> ";
      query += '\'';
      for (char c : phrase.tokens[i]) {
        if (c == '\'' || c == '\\') query += c == '\'' ? '\'' : '\\';
        query += c;
      }
      query += '\'';
    }
    if (phrase.last_is_prefix) query += ":*";
    query += ')';
  }
  return query;
}

}  // namespace

std::vector<SearchHit> SqlSearchStore::find(const std::vector<search::QueryPhrase>& phrases,
                                            const SearchFilter& filter) {
  const bool postgres = db_.dialect() == Dialect::kPostgres;
  std::vector<std::variant<std::int64_t, std::string>> values;
  values.emplace_back(postgres ? tsquery_of(phrases) : fts5_query(phrases));
  values.emplace_back(std::int64_t{filter.limit});
  std::string where;
  const auto add = [&](const char* condition, std::variant<std::int64_t, std::string> value) {
    values.push_back(std::move(value));
    where += fmt::format(fmt::runtime(condition), values.size());
  };
  if (filter.model_id) add(" AND u.model_id = ?{}", *filter.model_id);
  if (filter.unit_id) add(" AND d.unit_id = ?{}", *filter.unit_id);
  if (filter.customer_id) add(" AND d.customer_id = ?{}", *filter.customer_id);
  if (filter.category) add(" AND d.category = ?{}", *filter.category);
  if (filter.since)
    add(postgres ? " AND d.id >= ?{}" : " AND f.rowid >= ?{}",
        filter.since->seconds * kIdsPerSecond);
  const char* model_join = filter.model_id ? " JOIN unit u ON u.id = d.unit_id" : "";
  const std::string sql =
      postgres ? fmt::format(
                     "SELECT d.kind, d.record_id FROM search_doc d{} WHERE d.terms @@ "
                     "?1::tsquery{} ORDER BY d.id DESC LIMIT ?2",
                     model_join, where)
               : fmt::format(
                     "SELECT d.kind, d.record_id FROM search_index f JOIN search_doc d ON "
                     "d.id = f.rowid{} WHERE search_index MATCH ?1{} ORDER BY f.rowid "
                     "DESC LIMIT ?2",
                     model_join, where);
  std::vector<std::pair<std::string, std::int64_t>> found;
  guarded("searching the records' text", [&] {
    Query query = db_.prepare(sql);
    bind_all(*query, values);
    while (query->step()) found.emplace_back(query->text(0), query->int64(1));
  });
  std::vector<SearchHit> hits;
  for (const auto& [kind, id] : found) {
    for (const Detail& detail : details()) {
      if (kind != detail.kind) continue;
      guarded(fmt::format("reading {} {}", kind, id), [&] {
        Query query = db_.cached(detail.select);
        query->bind(1, id);
        if (query->step()) hits.push_back(hit_of(*query, detail));
      });
    }
  }
  return hits;
}

void SqlSearchStore::each_repair(std::int64_t model_id, const std::string& category,
                                 std::int64_t except_ticket_id, int limit,
                                 const std::function<void(SearchHit&)>& visit) {
  guarded("reading past repairs", [&] {
    Query query = db_.cached(AFTERSALES_TICKET_DETAIL
                             "WHERE u.model_id = ?1 AND t.category = ?2 AND t.id <> ?3 AND "
                             "w.ticket_id IS NOT NULL ORDER BY w.finished_at DESC, t.id DESC "
                             "LIMIT ?4");
    query->bind(1, model_id);
    query->bind(2, category);
    query->bind(3, except_ticket_id);
    query->bind(4, std::int64_t{limit});
    while (query->step()) {
      SearchHit hit = hit_of(*query, details().front());
      visit(hit);
    }
  });
}

void SqlSearchStore::check_rows(const std::function<void(const SearchRowProblem&)>& each) {
  check_search_rows(db_, each);
}

std::int64_t SqlSearchStore::rebuild() {
  rebuild_search_index(db_);
  return guarded("counting the search rows", [&] {
    Query query = db_.cached("SELECT count(*) FROM search_doc");
    return query->step() ? query->int64(0) : 0;
  });
}

}  // namespace aftersales::store
