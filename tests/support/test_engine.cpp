#include "support/test_engine.h"

#include <doctest/doctest.h>

#include <cstdlib>

namespace aftersales::testing {

const std::string& test_pg_server() {
  static const std::string server = [] {
    const char* value = std::getenv("AFTERSALES_TEST_PG");
    return std::string(value != nullptr ? value : "");
  }();
  return server;
}

bool skipped_on_postgres(const std::string& reason) {
  if (!on_postgres()) return false;
  MESSAGE("skipped on PostgreSQL: " << reason);
  return true;
}

}  // namespace aftersales::testing
