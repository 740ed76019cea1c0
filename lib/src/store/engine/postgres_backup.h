// `backup` of a PostgreSQL ledger: pg_dump's custom format (pg_restore reads it back). Part of
// the PostgreSQL driver module.
#pragma once

#include <libpq-fe.h>

#include <string>

namespace aftersales::store {

// Runs pg_dump --format=custom of the ledger's `schema` (current_schema(): public, unless the
// URL sets a search_path) in the database `connection` is connected to, with the same parameters
// (the password through PGPASSWORD, never on a command line), into a temporary file beside `path`,
// renamed to `path` when pg_dump succeeds: a reader of `path` never sees half a backup. `shown` is
// the URL without its password, for messages. Throws Error(kUsage) when pg_dump is not installed,
// Error(kStorageUnavailable) with pg_dump's own words when it fails.
void dump_database(PGconn* connection, const std::string& schema, const std::string& shown,
                   const std::string& path);

}  // namespace aftersales::store
