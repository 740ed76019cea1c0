// NameStore in SQL: each kind of name is the unique key of its table, so the names with a
// prefix are the first ones of its index from the prefix on, in byte order on both engines
// (SQLite's BINARY, PostgreSQL's "C" collation, which the driver insists on): read from there
// and stop at the first that does not begin with it.
#include "store/sql_stores.h"

namespace aftersales::store {

namespace {

const char* select_for(NameKind kind) {
  switch (kind) {
    case NameKind::kSerial:
      return "SELECT serial FROM unit WHERE serial >= ?1 ORDER BY serial LIMIT ?2";
    case NameKind::kCustomer:
      return "SELECT code FROM customer WHERE code >= ?1 ORDER BY code LIMIT ?2";
    case NameKind::kModel:
      return "SELECT code FROM model WHERE code >= ?1 ORDER BY code LIMIT ?2";
    case NameKind::kTicket:
      return "SELECT number FROM ticket WHERE number >= ?1 ORDER BY number LIMIT ?2";
    case NameKind::kPart:
      return "SELECT number FROM part WHERE number >= ?1 ORDER BY number LIMIT ?2";
    case NameKind::kComplaint:
      return "SELECT number FROM complaint WHERE number >= ?1 ORDER BY number LIMIT ?2";
  }
  return "";
}

}  // namespace

std::vector<std::string> SqlNameStore::names(NameKind kind, const std::string& prefix, int limit) {
  Query query = db_.cached(select_for(kind));
  query->bind(1, prefix);
  query->bind(2, std::int64_t{limit});
  std::vector<std::string> found;
  while (query->step()) {
    std::string name = query->text(0);
    if (name.compare(0, prefix.size(), prefix) != 0) break;
    found.push_back(std::move(name));
  }
  return found;
}

}  // namespace aftersales::store
