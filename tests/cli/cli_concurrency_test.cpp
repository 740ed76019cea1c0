// Concurrency (docs/postgresql.md, "What is left" 5): eight desks run 100 mixed commands each
// against one ledger, all started together: tickets opened (in two years), analysed and
// estimated, their budget approvals (表5) signed step by step by the right leaders, stock
// received and adjusted, unit notes and visits. Every command must succeed (writers wait for
// each other; none is told to retry later) and nothing may be lost: as many tickets, notes,
// visits and moves as were made, ticket numbers unique and gapless per year, one signature per
// approval step, the stock what the moves add up to and never below zero. On SQLite always;
// on PostgreSQL too when AFTERSALES_TEST_PG names a server (a database of its own is made for
// the test and dropped after).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>
#if AFTERSALES_POSTGRESQL
#include <libpq-fe.h>
#endif

#include "cli/cli_support.h"
#include "support/temp_dir.h"

using aftersales::testing::describe;
using aftersales::testing::RunResult;
using aftersales::testing::TempDir;
using aftersales::testing::trimmed;

namespace {

constexpr int kDesks = 8;
constexpr int kRounds = 10;  // of 10 commands each: 100 per desk

// Declared identity: each command names its user (AFTERSALES_USER), as a desk's login would.
constexpr const char* kRules = R"([identity]
source = "declared"

[users]
zhang = ["clerk"]
ma = ["technician"]
wu = ["warehouse"]
xu = ["sales_manager"]
wang = ["deputy_gm"]
zhao = ["gm"]
)";

const std::vector<std::string> kUnits = {"U-01", "U-02", "U-03", "U-04"};
const std::vector<std::string> kParts = {"P-PUMP", "P-SEAL", "P-HOSE"};
constexpr int kStockAtStart = 100;

// The ledger a run works on: its --db and plain SQL for the checks.
class Ledger {
 public:
  virtual ~Ledger() = default;
  virtual std::string db() const = 0;
  // Each result row's columns joined by '|'; fails the test on an error.
  virtual std::vector<std::string> rows(const std::string& sql) = 0;
};

class SqliteLedger final : public Ledger {
 public:
  explicit SqliteLedger(const TempDir& dir) : path_(dir.file("ledger.db")) {}
  std::string db() const override { return path_; }
  std::vector<std::string> rows(const std::string& sql) override {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open_v2(path_.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    std::vector<std::string> lines;
    const auto row = [](void* out, int columns, char** values, char**) {
      std::string line;
      for (int i = 0; i < columns; ++i) {
        line += (i > 0 ? "|" : "") + std::string(values[i] != nullptr ? values[i] : "");
      }
      static_cast<std::vector<std::string>*>(out)->push_back(line);
      return 0;
    };
    char* error = nullptr;
    const int status = sqlite3_exec(connection, sql.c_str(), row, &lines, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(connection);
    REQUIRE_MESSAGE(status == SQLITE_OK, message);
    return lines;
  }

 private:
  std::string path_;
};

#if AFTERSALES_POSTGRESQL
// A fresh database on the server `server` (a libpq URI) names, dropped at the end.
class PostgresLedger final : public Ledger {
 public:
  explicit PostgresLedger(std::string server) : server_(std::move(server)) {
    name_ = "aftersales_concurrency_" + std::to_string(::getpid());
    admin("DROP DATABASE IF EXISTS " + name_);
    admin("CREATE DATABASE " + name_ +
          " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    // The server's URI with its database path swapped for ours.
    const std::string scheme = server_.substr(0, server_.find("://") + 3);
    const std::string rest = server_.substr(scheme.size());
    const std::size_t query = rest.find('?');
    const std::string authority_path = rest.substr(0, query);
    const std::string authority = authority_path.substr(0, authority_path.find('/'));
    url_ =
        scheme + authority + "/" + name_ + (query == std::string::npos ? "" : rest.substr(query));
  }
  ~PostgresLedger() override {
    // WITH (FORCE): a desk's connection still closing must not keep the database alive.
    admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  PostgresLedger(const PostgresLedger&) = delete;
  PostgresLedger& operator=(const PostgresLedger&) = delete;

  std::string db() const override { return url_; }
  std::vector<std::string> rows(const std::string& sql) override { return run(url_, sql); }

 private:
  void admin(const std::string& sql) const { run(server_, sql); }

  static std::vector<std::string> run(const std::string& url, const std::string& sql) {
    PGconn* conn = PQconnectdb(url.c_str());
    const bool connected = PQstatus(conn) == CONNECTION_OK;
    const std::string why = PQerrorMessage(conn);
    if (!connected) PQfinish(conn);
    REQUIRE_MESSAGE(connected, why);
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    std::vector<std::string> lines;
    for (int r = 0; r < PQntuples(result); ++r) {
      std::string line;
      for (int c = 0; c < PQnfields(result); ++c) {
        line += (c > 0 ? "|" : "") + std::string(PQgetvalue(result, r, c));
      }
      lines.push_back(line);
    }
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(conn);
    REQUIRE_MESSAGE((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK), message);
    return lines;
  }

  std::string server_;
  std::string name_;
  std::string url_;
};
#endif

// Runs the built binary on `db` as `user` (empty: the login), with stdout and stderr through
// files of `stem`; safe to call from several threads with different stems.
RunResult run_as(const std::string& db, const std::string& user,
                 const std::vector<std::string>& args, const std::string& stem) {
  std::vector<std::string> argv = {AFTERSALES_BINARY, "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> env = {{"AFTERSALES_TODAY", "2026-11-27"}};
  if (!user.empty()) env["AFTERSALES_USER"] = user;
  const std::string out_file = stem + ".out";
  const std::string err_file = stem + ".err";
  const pid_t pid = aftersales::testing::spawn_to_files(argv, env, out_file, err_file);
  RunResult result;
  if (pid < 0) {
    result.err = "posix_spawn failed";
    return result;
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  const auto slurp = [](const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  result.out = slurp(out_file);
  result.err = slurp(err_file);
  return result;
}

// The ledger before the desks start: the rulebook, customer, model, four units in warranty
// (24 months from 2025-06-01, so both 2025 and 2026 calls are covered) and three parts in stock.
void set_up(const Ledger& ledger, const TempDir& dir) {
  std::ofstream(dir.file("aftersales.toml")) << kRules;
  std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"", {"init", "--config", dir.file("aftersales.toml")}},
      {"zhang",
       {"customer", "add", "C001", "--name", "鞍山市环卫处", "--contact", "王明", "--phone",
        "0412-5551234"}},
      {"zhang",
       {"model", "add", "HYS5160", "--name", "洗扫车", "--category", "sanitation",
        "--warranty-months", "24"}},
  };
  for (const std::string& unit : kUnits) {
    commands.push_back({"zhang",
                        {"unit", "add", unit, "--model", "HYS5160", "--customer", "C001",
                         "--shipped", "2025-06-01"}});
  }
  for (const std::string& part : kParts) {
    commands.push_back({"wu", {"part", "add", part, "--name", "备件", "--price", "120.00"}});
    commands.push_back({"wu", {"part", "receive", part, "--qty", std::to_string(kStockAtStart)}});
  }
  for (const auto& [user, args] : commands) {
    const RunResult r = run_as(ledger.db(), user, args, dir.file("setup"));
    INFO(args[0], " ", args[1], ": ", describe(r));
    REQUIRE(r.exit_code == 0);
  }
}

// What one desk did: the commands that failed, and what it made.
struct DeskLog {
  std::vector<std::string> failures;
  std::vector<std::string> tickets;
  std::map<std::string, int> stock_change;  // by part
  int commands = 0;
};

// One desk's 100 commands: 10 rounds of open, analyse, estimate, find the approval, three
// signatures, a stock move, a unit note and a visit. Every fifth round the call came in 2025.
void desk(const Ledger& ledger, const TempDir& dir, int index, DeskLog& log) {
  const std::string stem = dir.file("desk-" + std::to_string(index));
  const auto run = [&](const std::string& user, const std::vector<std::string>& args) {
    ++log.commands;
    RunResult r = run_as(ledger.db(), user, args, stem);
    if (r.exit_code != 0) {
      std::string line = user;
      for (const std::string& a : args) line += " " + a;
      log.failures.push_back(line + ": " + describe(r));
    }
    return r;
  };
  for (int round = 0; round < kRounds; ++round) {
    const std::string unit = kUnits[static_cast<std::size_t>((index + round) % 4)];
    const std::string part = kParts[static_cast<std::size_t>((index + round) % 3)];
    const std::string tag = std::to_string(index) + "/" + std::to_string(round);
    std::vector<std::string> open = {"ticket",   "open",      "--unit", unit,     "--category",
                                     "液压系统", "--channel", "phone",  "--desc", "并发 " + tag};
    if (round % 5 == 0) {
      open.insert(open.end(), {"--reported-at", "2025-12-30T10:00:00+08:00"});
    }
    const std::string ticket = trimmed(run("zhang", open).out);
    log.tickets.push_back(ticket);
    run("ma", {"ticket", "analyse", ticket, "--text", "液压泵磨损 " + tag});
    run("zhang",
        {"ticket", "estimate", ticket, "--parts", "3000", "--labour-hours", "1", "--travel", "0"});
    // 表5: the sales manager, the deputy GM and the GM sign in that order.
    const RunResult pending =
        run("zhang", {"approval", "list", "--pending", "--subject", ticket, "--format", "csv"});
    std::istringstream lines(pending.out);
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    const std::string approval = row.substr(0, row.find(','));
    for (const char* leader : {"xu", "wang", "zhao"}) {
      run(leader, {"approval", "approve", approval, "--comment", "同意 " + tag});
    }
    if (round % 2 == 0) {
      run("wu", {"part", "receive", part, "--qty", "5", "--ref", "PO " + tag});
      log.stock_change[part] += 5;
    } else {
      run("wu", {"part", "adjust", part, "--qty", "-2", "--reason", "盘点 " + tag});
      log.stock_change[part] -= 2;
    }
    run("zhang", {"unit", "note", unit, "--kind", "status", "--text", "运行正常 " + tag});
    run("zhang", {"visit", "record", "--unit", unit, "--reason", "other", "--scores", "5,5,5,5,5",
                  "--suggestion", tag});
  }
}

// The numbers of `prefix` (SR-2025, VS-2026...) in `numbers` are 1..count, once each.
void check_gapless(const std::vector<std::string>& numbers, const std::string& prefix,
                   std::size_t count) {
  std::set<std::string> distinct(numbers.begin(), numbers.end());
  std::vector<std::string> mine;
  for (const std::string& n : distinct) {
    if (n.rfind(prefix + "-", 0) == 0) mine.push_back(n);
  }
  INFO(prefix);
  CHECK(mine.size() == count);
  for (std::size_t i = 0; i < mine.size(); ++i) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "%s-%06zu", prefix.c_str(), i + 1);
    CHECK(mine[i] == expected);
  }
}

void run_desks(Ledger& ledger, const TempDir& dir, const std::string& engine) {
  set_up(ledger, dir);

  // Started together: each thread waits at the gate until all eight are ready.
  std::vector<DeskLog> logs(kDesks);
  std::mutex mutex;
  std::condition_variable opened;
  int ready = 0;
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < kDesks; ++i) {
    threads.emplace_back([&, i] {
      {
        std::unique_lock<std::mutex> lock(mutex);
        ++ready;
        opened.notify_all();
        opened.wait(lock, [&] { return ready == kDesks; });
      }
      desk(ledger, dir, i, logs[static_cast<std::size_t>(i)]);
    });
  }
  for (std::thread& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE(engine << ": " << kDesks << " desks x " << logs[0].commands << " commands took "
                 << seconds << " s");

  // No error: every command exited 0 (stderr carries their summaries, so it is not empty).
  std::vector<std::string> tickets;
  std::map<std::string, int> stock_change;
  for (int i = 0; i < kDesks; ++i) {
    const DeskLog& log = logs[static_cast<std::size_t>(i)];
    CHECK(log.commands == kRounds * 10);
    INFO(engine, " desk ", i, " failed ", log.failures.size(),
         " commands; the first: ", log.failures.empty() ? std::string() : log.failures.front());
    CHECK(log.failures.empty());
    tickets.insert(tickets.end(), log.tickets.begin(), log.tickets.end());
    for (const auto& [part, change] : log.stock_change) stock_change[part] += change;
  }

  // No lost write: the ledger holds what the desks were told they made.
  const std::size_t made = kDesks * kRounds;
  const std::size_t in_2025 = kDesks * (kRounds / 5);
  const std::vector<std::string> numbers = ledger.rows("SELECT number FROM ticket ORDER BY number");
  CHECK(numbers.size() == made);
  CHECK(std::set<std::string>(tickets.begin(), tickets.end()) ==
        std::set<std::string>(numbers.begin(), numbers.end()));
  check_gapless(numbers, "SR-2025", in_2025);
  check_gapless(numbers, "SR-2026", made - in_2025);
  const std::vector<std::string> all_made = {std::to_string(made)};
  CHECK(ledger.rows("SELECT COUNT(*) FROM unit_note") == all_made);
  check_gapless(ledger.rows("SELECT number FROM visit ORDER BY number"), "VS-2026", made);
  CHECK(ledger.rows("SELECT COUNT(*) FROM ticket WHERE state = 'analysed'") == all_made);

  // One budget approval (表5) per ticket, approved, signed once per step by the right leader.
  CHECK(ledger.rows("SELECT form, state, COUNT(*) FROM approval GROUP BY form, state") ==
        std::vector<std::string>{"budget|approved|80"});
  CHECK(ledger.rows("SELECT step, role, signer, COUNT(*), COUNT(DISTINCT approval_id) "
                    "FROM approval_signature GROUP BY step, role, signer ORDER BY step") ==
        std::vector<std::string>{"0|sales_manager|xu|80|80", "1|deputy_gm|wang|80|80",
                                 "2|gm|zhao|80|80"});

  // Stock: every move kept, the sum what the desks moved, and never below zero on the way
  // (moves in the order they were written).
  CHECK(ledger.rows("SELECT COUNT(*) FROM stock_move") ==
        std::vector<std::string>{std::to_string(kParts.size() + made)});
  for (const std::string& part : kParts) {
    INFO(part);
    const std::vector<std::string> moves = ledger.rows(
        "SELECT m.quantity FROM stock_move m JOIN part p ON p.id = m.part_id "
        "WHERE p.number = '" +
        part + "' ORDER BY m.id");
    int on_hand = 0;
    int lowest = 0;
    for (const std::string& quantity : moves) {
      on_hand += std::stoi(quantity);
      lowest = std::min(lowest, on_hand);
    }
    CHECK(lowest >= 0);
    CHECK(on_hand == kStockAtStart + stock_change[part]);
  }
}

}  // namespace

TEST_CASE("8 desks x 100 mixed commands on one SQLite ledger: no error, no lost write") {
  TempDir dir("aftersales-concurrency");
  SqliteLedger ledger(dir);
  run_desks(ledger, dir, "SQLite");
}

TEST_CASE("8 desks x 100 mixed commands on one PostgreSQL database: no error, no lost write") {
  const char* server = std::getenv("AFTERSALES_TEST_PG");
  if (server == nullptr || *server == '\0') {
    MESSAGE("skipped: no PostgreSQL server; set AFTERSALES_TEST_PG (scripts/test-postgres)");
    return;
  }
#if AFTERSALES_POSTGRESQL
  TempDir dir("aftersales-concurrency");
  PostgresLedger ledger(server);
  run_desks(ledger, dir, "PostgreSQL");
#else
  MESSAGE("skipped: this build has no PostgreSQL driver (AFTERSALES_POSTGRESQL off)");
#endif
}
