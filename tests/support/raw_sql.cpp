#include "support/raw_sql.h"

#include <sqlite3.h>

#include "support/pg_scratch.h"

namespace aftersales::testing {
namespace {

RawSqlResult sqlite_raw_sql(const std::string& path, const std::string& sql) {
  RawSqlResult out;
  sqlite3* connection = nullptr;
  if (sqlite3_open(path.c_str(), &connection) != SQLITE_OK) {
    out.error = sqlite3_errmsg(connection);
    sqlite3_close(connection);
    return out;
  }
  const auto row = [](void* text, int columns, char** values, char**) {
    std::string& lines = *static_cast<std::string*>(text);
    for (int i = 0; i < columns; ++i) {
      if (i > 0) lines += '|';
      lines += values[i] != nullptr ? values[i] : "";
    }
    lines += '\n';
    return 0;
  };
  char* error = nullptr;
  if (sqlite3_exec(connection, sql.c_str(), row, &out.rows, &error) != SQLITE_OK) {
    out.error = error != nullptr ? error : "?";
    sqlite3_free(error);
  }
  out.changed = sqlite3_total_changes(connection);
  sqlite3_close(connection);
  return out;
}

}  // namespace

bool is_postgres_url(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

RawSqlResult raw_sql(const std::string& db, const std::string& sql) {
  return is_postgres_url(db) ? pg_raw_sql(db, sql) : sqlite_raw_sql(db, sql);
}

}  // namespace aftersales::testing
