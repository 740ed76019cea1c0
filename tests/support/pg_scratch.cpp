#include "support/pg_scratch.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "aftersales/store/store.h"
#include "store/engine/migrations.h"
#include "support/test_engine.h"

namespace aftersales::testing {
namespace {

// A connection of the tests' own, closed at the end; notices (DROP ... CASCADE's) are dropped.
class Connection {
 public:
  explicit Connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string reason = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("test server " + url + ": " + reason);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (no parameters, no rows wanted); throws std::runtime_error on an error.
  void exec(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    const std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error("test server: " + sql + ": " + error);
    }
  }

  // The first column of the first row `sql` returns; empty when there is none.
  std::string value(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    std::string text;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) {
      text = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
    return text;
  }

  PGconn* get() { return conn_; }

 private:
  PGconn* conn_;
};

std::string with_database(const std::string& server, const std::string& name) {
  const char joint = server.find('?') == std::string::npos ? '?' : '&';
  return server + joint + "dbname=" + name;
}

constexpr const char* kLocale = "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0";

// The template's name carries a hash of every migration's text: a server kept between runs of
// branches with other migrations never hands out a stale copy.
std::string template_name() {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (const store::Migration& m : store::migrations()) {
    for (const char* c = m.sql; *c != '\0'; ++c) {
      hash = (hash ^ static_cast<unsigned char>(*c)) * 1099511628211ull;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return "aftersales_template_" + std::to_string(latest_schema_version()) + "_" + hex;
}

// A database with every migration applied, made once per server and schema; copying it is
// several times faster than migrating each world's database (a CREATE DATABASE ... TEMPLATE
// against the 17 migrations' DDL). Processes running side by side make it once: under an
// advisory lock, and built under another name, so a process killed half-way leaves no
// half-migrated template behind.
const std::string& migrated_template() {
  static const std::string name = [] {
    const std::string wanted = template_name();
    Connection admin(test_pg_server());
    admin.exec("SELECT pg_advisory_lock(7270013)");
    try {
      if (admin.value("SELECT 1 FROM pg_database WHERE datname = '" + wanted + "'").empty()) {
        const std::string building = wanted + "_building";
        admin.exec("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
        admin.exec("CREATE DATABASE " + building + " " + kLocale);
        SqliteOptions options;
        options.create = true;
        open_store(with_database(test_pg_server(), building), options).reset();
        admin.exec("ALTER DATABASE " + building + " RENAME TO " + wanted);
      }
    } catch (...) {
      admin.exec("SELECT pg_advisory_unlock(7270013)");
      throw;
    }
    admin.exec("SELECT pg_advisory_unlock(7270013)");
    return wanted;
  }();
  return name;
}

int counter() {
  static int n = 0;
  return n++;
}

}  // namespace

PgScratch::PgScratch(Content content) {
  const std::string& server = test_pg_server();
  if (server.empty()) throw std::runtime_error("PgScratch: AFTERSALES_TEST_PG is not set");
  name_ = "aftersales_" + std::to_string(::getpid()) + "_" + std::to_string(counter());
  const std::string source =
      content == Content::kMigrated ? "TEMPLATE " + migrated_template() : std::string(kLocale);
  Connection admin(server);
  // A database of a killed run with the same process id would be in the way.
  admin.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + name_ + " " + source);
  url_ = with_database(server, name_);
}

PgScratch::~PgScratch() {
  try {
    // FORCE: a store or a command of the test may still be connected.
    Connection(test_pg_server()).exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A database left behind is the throwaway cluster's to remove; the test's result stands.
  }
}

RawSqlResult pg_raw_sql(const std::string& url, const std::string& sql) {
  RawSqlResult out;
  Connection conn(url);
  if (PQsendQuery(conn.get(), sql.c_str()) == 0) {
    out.error = PQerrorMessage(conn.get());
    return out;
  }
  // Every statement's result in turn, as sqlite3_exec gives the rows of each.
  while (PGresult* result = PQgetResult(conn.get())) {
    switch (PQresultStatus(result)) {
      case PGRES_TUPLES_OK:
        for (int row = 0; row < PQntuples(result); ++row) {
          for (int column = 0; column < PQnfields(result); ++column) {
            if (column > 0) out.rows += '|';
            out.rows += PQgetvalue(result, row, column);
          }
          out.rows += '\n';
        }
        break;
      case PGRES_COMMAND_OK: {
        const std::string changed = PQcmdTuples(result);
        if (!changed.empty()) out.changed += std::stoll(changed);
        break;
      }
      default:
        if (out.error.empty()) {
          const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
          out.error = primary != nullptr ? primary : PQresultErrorMessage(result);
        }
    }
    PQclear(result);
  }
  return out;
}

}  // namespace aftersales::testing
