// The PostgreSQL side of the dialect differences (private to lib/src/store; docs/postgresql.md
// lists every one): the areas' `?N` parameters as PostgreSQL's `$N`, and the migrations of
// schemas/ as PostgreSQL runs them. Needs no server and no libpq, so it is built and tested
// whether or not the driver is.
#pragma once

#include <string>

#include "store/engine/migrations.h"

namespace aftersales::store {

// Whether `db` (--db, AFTERSALES_DB) names a PostgreSQL database: a libpq connection URI,
// postgresql://... or postgres://... Every other value is a SQLite file.
bool is_postgres_url(const std::string& db);

// `url` with the password in it (postgresql://user:PASSWORD@host/...) written ***, for
// messages.
std::string redacted_url(const std::string& url);

// `sql` with every `?N` outside string literals, quoted names and comments written `$N`, and
// in *parameters the highest N (0 when there is none). Throws DbError(kOther) for a `?` without
// a number: the areas' SQL numbers every parameter.
std::string postgres_parameters(const std::string& sql, int* parameters);

// The statements of `migration` as PostgreSQL runs them: every INTEGER column is a BIGINT
// (SQLite's INTEGER holds 64 bits, PostgreSQL's 32), an `id INTEGER PRIMARY KEY` is an identity
// column (SQLite's rowid alias: an id given when none is), and the few statements PostgreSQL
// cannot run are edited by the table in postgres_dialect.cpp. Throws std::logic_error when an
// edit no longer finds the text it edits (the migration file was changed, which it never may be).
std::string postgres_migration(const Migration& migration);

}  // namespace aftersales::store
