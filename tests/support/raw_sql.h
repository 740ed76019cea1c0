// SQL run on a ledger's database from outside aftersales, as another program (or someone with
// the file, or a login to the server) would: for tests that break a ledger's data on purpose or
// look at it behind the ports. Engine-neutral: `db` is what --db takes, a SQLite file's path or
// a postgresql:// URL. The SQL itself must be what both engines run, unless the test is one
// engine's only.
#pragma once

#include <cstdint>
#include <string>

namespace aftersales::testing {

struct RawSqlResult {
  std::string rows;          // every row of every statement: columns joined by '|', one line
                             // per row, NULL as empty
  std::int64_t changed = 0;  // rows the statements inserted, updated or deleted
  std::string error;         // the engine's message when a statement failed (the rest did not
                             // run); empty when all ran
};

// Runs `sql` (one statement or several separated by ';') on its own connection to `db`.
RawSqlResult raw_sql(const std::string& db, const std::string& sql);

// Whether `db` names a PostgreSQL database (a postgresql:// or postgres:// URL), as --db.
bool is_postgres_url(const std::string& db);

}  // namespace aftersales::testing
