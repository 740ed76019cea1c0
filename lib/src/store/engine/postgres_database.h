// The PostgreSQL driver of the engine port (private to lib/src/store; issue 13), through libpq:
// one connection; statements prepared once per connection with `?N` written `$N`; rows streamed
// in libpq's single-row mode; write transactions SERIALIZABLE with a bounded automatic retry on
// serialization failures and deadlocks; server errors mapped to DbFailure by SQLSTATE; the
// migrations of schemas/ as postgres_dialect.h translates them, the version kept in the table
// aftersales_schema. Built only with AFTERSALES_POSTGRESQL (ON when CMake finds libpq).
#pragma once

#include <memory>
#include <string>

#include "aftersales/store/store.h"
#include "store/engine/database.h"

namespace aftersales::store {

// Connects to the database `url` names and applies every migration it lacks. The database
// itself is made by its administrator (createdb); with options.create (`init`) an empty one
// becomes a ledger, without it an empty one is refused. The database must use the C collation
// (CREATE DATABASE ... LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0): text then sorts and
// folds as in SQLite. Throws Error(kStorageUnavailable) with the server's or libpq's reason
// when the server cannot be reached or refuses the connection; Error(kUsage) when the database
// is another program's, has a schema newer than this binary knows (it is left untouched), does
// not use the C collation. On PostgreSQL write() may run its work more than once: a transaction
// the server ends with a serialization failure (40001) or a deadlock (40P01) is run again, up to
// 5 times in all, before Error(kStorageUnavailable).
std::unique_ptr<Database> open_postgres_database(const std::string& url,
                                                 const SqliteOptions& options);

}  // namespace aftersales::store
