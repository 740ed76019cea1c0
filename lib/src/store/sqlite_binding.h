// Binding and reading helpers shared by the SQLite store's files (private to lib/src/store).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "aftersales/core/time.h"
#include "store/sqlite_store.h"

namespace aftersales::store {

inline std::optional<Date> date_column(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return parse_date(column.getString());
}

inline void bind_date(SQLite::Statement& statement, int index, const std::optional<Date>& date) {
  if (date) {
    statement.bind(index, format_date(*date));
  } else {
    statement.bind(index);
  }
}

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind(index);
  }
}

template <typename T>
std::optional<T> optional_column(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return static_cast<T>(column.getInt64());
}

// Runs `body`, translating SQLite failures into Error with what we were doing.
template <typename Body>
auto guarded(const std::string& doing, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, doing);
  }
}

}  // namespace aftersales::store
