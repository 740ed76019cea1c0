// Which engine the suites run on: PostgreSQL when the environment variable AFTERSALES_TEST_PG
// names a server (a libpq URL; scripts/test sets it for its second run, on a throwaway cluster
// from scripts/pg-cluster), otherwise SQLite.
#pragma once

#include <string>

namespace aftersales::testing {

// The libpq URL of the PostgreSQL test server (AFTERSALES_TEST_PG); empty on SQLite.
const std::string& test_pg_server();

// Whether the suites run on PostgreSQL.
inline bool on_postgres() { return !test_pg_server().empty(); }

// For a test about SQLite itself (its files, their damage, WAL, PRAGMAs): on PostgreSQL says
// "skipped on PostgreSQL: `reason`" (CTest counts the test as skipped, tests/CMakeLists.txt) and
// returns true, and the test returns at once; on SQLite returns false.
bool skipped_on_postgres(const std::string& reason);

}  // namespace aftersales::testing
