// The two entry points of the PostgreSQL driver module, aftersales-postgresql.so (issue 13). The
// driver links libpq, which loads 21 more shared libraries (Kerberos, LDAP, GnuTLS): linked into
// the binary they cost every command 15-20 ms and 4 MB, SQLite or not. As a module only a
// postgresql:// URL loads it (postgres_driver_loader.cpp). The module and the binary come from one
// build: the loader refuses a module whose build string differs.
#pragma once

#include <string>

#include "aftersales/store/store.h"

namespace aftersales::store {
class Database;
}

// The module's build, as AFTERSALES_POSTGRESQL_BUILD below was when it was compiled.
#define AFTERSALES_POSTGRESQL_BUILD_SYMBOL "aftersales_postgresql_build"
// open_postgres_database (postgres_database.h): a new Database the caller owns; throws as it.
#define AFTERSALES_POSTGRESQL_OPEN_SYMBOL "aftersales_postgresql_open"

#define AFTERSALES_POSTGRESQL_BUILD "aftersales " AFTERSALES_VERSION " postgresql driver, abi 3"

extern "C" {
using AftersalesPostgresqlBuild = const char* (*)();
using AftersalesPostgresqlOpen =
    aftersales::store::Database* (*)(const std::string& url,
                                     const aftersales::SqliteOptions& options);
}
