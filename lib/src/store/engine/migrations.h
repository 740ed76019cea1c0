// The numbered migrations of schemas/, compiled into the binary (cmake/embed_migrations.cmake).
#pragma once

#include <vector>

namespace aftersales::store {

struct Migration {
  int version;       // the file's number: 1 for 001_archive.sql
  const char* name;  // the file name
  const char* sql;   // its statements
};

// Every migration, in increasing version order.
const std::vector<Migration>& migrations();

}  // namespace aftersales::store
