// Databases of their own on the PostgreSQL test server (AFTERSALES_TEST_PG, support/
// test_engine.h), one per test world or CLI ledger, so that tests stay isolated when CTest runs
// them side by side. Built only with the PostgreSQL driver (AFTERSALES_POSTGRESQL); without it
// every call here throws std::runtime_error saying so.
#pragma once

#include <string>

#include "support/raw_sql.h"

namespace aftersales::testing {

// A database of its own on the test server, dropped with everything in it (and any connection
// still open to it) at the end. UTF8 with the C collation and ctype, as the driver requires.
class PgScratch {
 public:
  enum class Content {
    kEmpty,     // a new empty database: `aftersales init` makes it a ledger (CLI tests)
    kMigrated,  // every migration applied, as open_sqlite_store(":memory:") gives: a copy of a
                // template database migrated once per server and schema (core tests)
  };

  // Throws std::runtime_error when the server cannot be reached or refuses.
  explicit PgScratch(Content content);
  ~PgScratch();
  PgScratch(const PgScratch&) = delete;
  PgScratch& operator=(const PgScratch&) = delete;

  // The libpq URL of the database: the server's URL naming it.
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

// raw_sql() on a PostgreSQL URL.
RawSqlResult pg_raw_sql(const std::string& url, const std::string& sql);

}  // namespace aftersales::testing
