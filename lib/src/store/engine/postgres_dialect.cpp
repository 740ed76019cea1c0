#include "store/engine/postgres_dialect.h"

#include <fmt/format.h>

#include <regex>
#include <stdexcept>

#include "store/engine/database.h"

namespace aftersales::store {
namespace {

// A statement of a migration that PostgreSQL cannot run as SQLite's file has it: the text from
// `from` up to and including the first `to` after it is replaced by `with` (an empty `to`
// replaces `from` alone). Every difference of the migrations between the engines is a row here.
struct MigrationEdit {
  int version;
  const char* from;
  const char* to;
  const char* with;
  const char* why;
};

const MigrationEdit kEdits[] = {
    {2, "  user        TEXT NOT NULL,", "", "  \"user\"      TEXT NOT NULL,",
     "USER is a reserved word of PostgreSQL; quoted, it names the column as in SQLite"},
    {4, "RENAME COLUMN user TO signer", "", "RENAME COLUMN \"user\" TO signer",
     "the column of 002, quoted there"},
    {7, "UPDATE unit SET completed_at = (",
     "(SELECT phone FROM customer WHERE id = unit.customer_id) <> '');",
     "-- PostgreSQL: no backfill of completed_at. It reads SQLite's JSON functions (iif,\n"
     "-- json_valid, json_extract), and a PostgreSQL ledger is made by `init` at the newest\n"
     "-- schema: it has no unit when 007 runs.",
     "SQLite's JSON functions on ledgers older than 007; a PostgreSQL ledger has none"},
    {19, "CREATE VIRTUAL TABLE search_index USING fts5 (", "-- (the end of SQLite's index)",
     "ALTER TABLE search_doc ADD COLUMN terms tsvector;\n"
     "CREATE INDEX search_index ON search_doc USING gin (terms);",
     "FTS5 is SQLite's: PostgreSQL indexes the same tokens as a tsvector (its positions make "
     "the phrases), in a GIN index, and keeps no copy of them as text"},
};

}  // namespace

bool is_postgres_url(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string redacted_url(const std::string& url) {
  std::string shown = url;
  // user:PASSWORD@ in the authority
  const std::size_t scheme = shown.find("://");
  if (scheme != std::string::npos) {
    const std::size_t authority = scheme + 3;
    const std::size_t end = shown.find_first_of("/?", authority);
    const std::size_t at = shown.rfind('@', end == std::string::npos ? shown.size() : end);
    if (at != std::string::npos && at >= authority) {
      const std::size_t colon = shown.find(':', authority);
      if (colon != std::string::npos && colon < at) {
        shown = shown.substr(0, colon + 1) + "***" + shown.substr(at);
      }
    }
  }
  // ?password=... among the parameters
  const std::size_t query = shown.find('?');
  for (std::size_t at = shown.find("password=", query == std::string::npos ? shown.size() : query);
       at != std::string::npos; at = shown.find("password=", at + 1)) {
    if (shown[at - 1] != '?' && shown[at - 1] != '&') continue;
    const std::size_t value = at + 9;
    const std::size_t end = shown.find('&', value);
    shown.replace(value, (end == std::string::npos ? shown.size() : end) - value, "***");
  }
  return shown;
}

std::string postgres_parameters(const std::string& sql, int* parameters) {
  std::string out;
  out.reserve(sql.size() + 8);
  int highest = 0;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  const auto copy_until = [&](char close) {
    // Copies a quoted run up to its closing quote; a doubled quote is part of the run.
    out += sql[i++];
    while (i < n) {
      out += sql[i];
      if (sql[i++] == close) {
        if (i < n && sql[i] == close) {
          out += sql[i++];
          continue;
        }
        return;
      }
    }
  };
  while (i < n) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      copy_until(c);
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      while (i < n && sql[i] != '\n') out += sql[i++];
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? n : end + 2;
      out.append(sql, i, stop - i);
      i = stop;
    } else if (c == '?') {
      std::size_t j = i + 1;
      int number = 0;
      while (j < n && sql[j] >= '0' && sql[j] <= '9') number = number * 10 + (sql[j++] - '0');
      if (j == i + 1 || number == 0) {
        throw DbError(DbFailure::kOther,
                      fmt::format("a parameter without a number at {} of: {}", i, sql));
      }
      out += '$';
      out.append(sql, i + 1, j - i - 1);
      if (number > highest) highest = number;
      i = j;
    } else {
      out += sql[i++];
    }
  }
  if (parameters != nullptr) *parameters = highest;
  return out;
}

std::string postgres_migration(const Migration& migration) {
  std::string sql = migration.sql;
  for (const MigrationEdit& edit : kEdits) {
    if (edit.version != migration.version) continue;
    const std::size_t begin = sql.find(edit.from);
    std::size_t end = std::string::npos;
    if (begin != std::string::npos) {
      if (*edit.to == '\0') {
        end = begin + std::char_traits<char>::length(edit.from);
      } else {
        const std::size_t to = sql.find(edit.to, begin);
        if (to != std::string::npos) end = to + std::char_traits<char>::length(edit.to);
      }
    }
    if (end == std::string::npos) {
      throw std::logic_error(fmt::format("{}: the PostgreSQL edit ({}) no longer finds \"{}\"",
                                         migration.name, edit.why, edit.from));
    }
    sql.replace(begin, end - begin, edit.with);
  }
  // SQLite's rowid alias: an id the engine gives when the INSERT names none, read back by
  // last_insert_id() (lastval() on PostgreSQL).
  static const std::regex kRowid(R"(\bid(\s+)INTEGER PRIMARY KEY\b)");
  sql = std::regex_replace(sql, kRowid, "id$1BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  // Every other INTEGER: instants in seconds and amounts in fen need 64 bits.
  static const std::regex kInteger(R"(\bINTEGER\b)");
  sql = std::regex_replace(sql, kInteger, "BIGINT");
  // Binary data (018's attachment content): SQLite's BLOB is PostgreSQL's bytea.
  static const std::regex kBlob(R"(\bBLOB\b)");
  return std::regex_replace(sql, kBlob, "BYTEA");
}

}  // namespace aftersales::store
