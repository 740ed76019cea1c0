// Running the built `aftersales` binary in a scratch directory and checking what it printed.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/pg_scratch.h"

namespace aftersales::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// A scratch directory with its own database; every run gets --db naming it, the fixed day
// 2026-11-27 (AFTERSALES_TODAY) and no inherited AFTERSALES_* variables. The database is the
// file test.db in the directory, or, when the suites run on PostgreSQL (support/
// test_engine.h), a new empty database of its own on the test server, dropped at the end.
class Cli {
 public:
  Cli();
  ~Cli();
  Cli(const Cli&) = delete;
  Cli& operator=(const Cli&) = delete;

  // Runs `aftersales --db DB ARGS...` in DIR with extra environment `env`.
  RunResult run(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {}) const;
  // Runs as run() does, with standard output on a pseudo-terminal `columns` wide (stderr to a
  // file); out is what the terminal received, byte for byte (raw mode: no CR before LF). The
  // inherited COLUMNS, NO_COLOR, TERM, PAGER and LESS are dropped, TERM=xterm and PAGER=cat
  // (no pager) set, so that only `env` decides them.
  RunResult run_on_terminal(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env = {},
                            unsigned short columns = 100) const;
  // The same with standard output going to `stdout_file` (e.g. /dev/full); out stays empty.
  RunResult run_to(const std::string& stdout_file, const std::vector<std::string>& args) const;
  // As run(), with standard input read from the file `input` of the directory (`< input`).
  RunResult run_from(const std::string& input, const std::vector<std::string>& args) const;

  // Runs init, then adds customer C001, model HYS5160 and a complete unit 2025-001.
  void seed_archive() const;

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  // What --db names: DIR/test.db, or the PostgreSQL database's URL.
  std::string db() const;
  void write_file(const std::string& name, const std::string& text) const;
  std::string read_file(const std::string& name) const;

  // Runs `sql` on the test database directly (as another program, or an attacker with the
  // file or a login, would; support/raw_sql.h): each result row's columns joined by '|', one
  // line per row; on an error the line "error: ..." after the rows before it.
  std::string sql(const std::string& sql) const;

 private:
  RunResult run_with(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env, const std::string& stdout_file,
                     const std::string& stdin_file = "/dev/null") const;

  std::filesystem::path dir_;
  std::unique_ptr<PgScratch> postgres_;
};

// Whether `text` holds `fragment`.
inline bool contains(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

// How many times `fragment` occurs in `text` (overlapping ones too).
inline std::size_t count_of(const std::string& text, const std::string& fragment) {
  std::size_t n = 0;
  for (auto at = text.find(fragment); at != std::string::npos; at = text.find(fragment, at + 1)) {
    ++n;
  }
  return n;
}

// `text` without its trailing line ends: a number printed alone on a line.
inline std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The batch number an import run printed ("imported as batch N"); empty when it printed none.
// Tests read it rather than count: after a refused import the next batch is one more on SQLite,
// two more on PostgreSQL, whose ids are never given again (docs/postgresql.md C4).
std::string batch_of(const RunResult& import_run);

// Starts argv[0] with `argv`, the environment less its AFTERSALES_* variables plus `env`, stdin
// from /dev/null and stdout and stderr into the two files; its pid, or -1 when it did not start.
// For tests that run several processes at once.
pid_t spawn_to_files(std::vector<std::string> argv, const std::map<std::string, std::string>& env,
                     const std::string& out_file, const std::string& err_file);

// Renders a run for failure messages.
std::string describe(const RunResult& result);

}  // namespace aftersales::testing
