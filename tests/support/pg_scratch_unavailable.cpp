// pg_scratch.h in a build without the PostgreSQL driver (AFTERSALES_POSTGRESQL off): the
// suites run on SQLite only, and AFTERSALES_TEST_PG set by mistake fails every test that would
// use it instead of passing on SQLite unnoticed.
#include <stdexcept>

#include "support/pg_scratch.h"

namespace aftersales::testing {
namespace {

[[noreturn]] void unavailable() {
  throw std::runtime_error(
      "AFTERSALES_TEST_PG is set but this build has no PostgreSQL driver: configure with "
      "-DAFTERSALES_POSTGRESQL=ON (scripts/test does)");
}

}  // namespace

PgScratch::PgScratch(Content) { unavailable(); }

PgScratch::~PgScratch() = default;

RawSqlResult pg_raw_sql(const std::string&, const std::string&) { unavailable(); }

}  // namespace aftersales::testing
