#include "cli/cli_support.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "support/raw_sql.h"
#include "support/test_engine.h"

extern char** environ;

namespace aftersales::testing {
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int counter() {
  static int n = 0;
  return n++;
}

// This process's environment less its AFTERSALES_* variables and those named in `drop`, with
// the fixed day, then `env`, as KEY=VALUE texts.
std::vector<std::string> environment_of_run(const std::map<std::string, std::string>& env,
                                            const std::vector<std::string>& drop) {
  std::map<std::string, std::string> merged;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq == std::string::npos || entry.rfind("AFTERSALES_", 0) == 0) continue;
    const std::string key = entry.substr(0, eq);
    if (std::find(drop.begin(), drop.end(), key) != drop.end()) continue;
    merged[key] = entry.substr(eq + 1);
  }
  merged["AFTERSALES_TODAY"] = "2026-11-27";
  for (const auto& [key, value] : env) merged[key] = value;
  std::vector<std::string> env_text;
  for (const auto& [key, value] : merged) env_text.push_back(key + "=" + value);
  return env_text;
}

}  // namespace

Cli::Cli() {
  dir_ = fs::temp_directory_path() /
         ("aftersales-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter()));
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  if (on_postgres()) postgres_ = std::make_unique<PgScratch>(PgScratch::Content::kEmpty);
}

std::string Cli::db() const { return postgres_ != nullptr ? postgres_->url() : path("test.db"); }

Cli::~Cli() { fs::remove_all(dir_); }

RunResult Cli::run(const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env) const {
  return run_with(args, env, (dir_ / ".stdout").string());
}

RunResult Cli::run_on_terminal(const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env,
                               unsigned short columns) const {
  std::vector<std::string> argv_text = {AFTERSALES_BINARY, "--db", db()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::map<std::string, std::string> terminal_env = {{"TERM", "xterm"}, {"PAGER", "cat"}};
  for (const auto& [key, value] : env) terminal_env[key] = value;
  std::vector<std::string> env_text =
      environment_of_run(terminal_env, {"COLUMNS", "NO_COLOR", "TERM", "PAGER", "LESS"});
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  // Raw mode: the terminal passes the bytes as written (no CR before each LF).
  termios mode{};
  ::cfmakeraw(&mode);
  winsize size{};
  size.ws_col = columns;
  size.ws_row = 24;
  int terminal = -1;
  int device = -1;
  REQUIRE(::openpty(&terminal, &device, nullptr, &mode, &size) == 0);
  ::fcntl(terminal, F_SETFD, FD_CLOEXEC);
  ::fcntl(device, F_SETFD, FD_CLOEXEC);

  const fs::path err_file = dir_ / ".stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, device, 1);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(device);
  RunResult result;
  if (spawned == 0) {
    // Until every writer (the program, its pager) has closed the terminal: then read() gives
    // EIO (or 0).
    char chunk[4096];
    for (;;) {
      const ssize_t got = ::read(terminal, chunk, sizeof chunk);
      if (got > 0) {
        result.out.append(chunk, static_cast<std::size_t>(got));
      } else if (got < 0 && errno == EINTR) {
        continue;
      } else {
        break;
      }
    }
  }
  ::close(terminal);
  REQUIRE(spawned == 0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.err = slurp(err_file);
  return result;
}

RunResult Cli::run_to(const std::string& stdout_file, const std::vector<std::string>& args) const {
  return run_with(args, {}, stdout_file);
}

RunResult Cli::run_from(const std::string& input, const std::vector<std::string>& args) const {
  return run_with(args, {}, (dir_ / ".stdout").string(), (dir_ / input).string());
}

RunResult Cli::run_with(const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env,
                        const std::string& stdout_file, const std::string& stdin_file) const {
  std::vector<std::string> argv_text = {AFTERSALES_BINARY, "--db", db()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_text = environment_of_run(env, {});
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  const fs::path out_file = stdout_file;
  const fs::path err_file = dir_ / ".stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_file.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  // Run in the scratch directory: a relative -o FILE or ./aftersales.toml lands there.
  posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  int status = 0;
  ::waitpid(pid, &status, 0);

  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (out_file == dir_ / ".stdout") result.out = slurp(out_file);
  result.err = slurp(err_file);
  return result;
}

void Cli::seed_archive() const {
  const std::vector<std::vector<std::string>> commands = {
      {"init"},
      {"customer", "add", "C001", "--name", "鞍山市环卫处", "--contact", "王明", "--phone",
       "0412-5551234"},
      {"model", "add", "HYS5160", "--name", "洗扫车", "--category", "sanitation",
       "--warranty-months", "12", "--warranty-km", "100000"},
      {"unit", "add", "2025-001", "--model", "HYS5160", "--customer", "C001", "--shipped",
       "2025-03-01", "--vin", "LZZ123", "--engine", "WP10-1", "--config", "8吨洗扫", "--terms",
       "整车12个月"},
  };
  for (const auto& command : commands) {
    const RunResult result = run(command);
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
  }
}

void Cli::write_file(const std::string& name, const std::string& text) const {
  std::ofstream(dir_ / name, std::ios::binary) << text;
}

std::string Cli::read_file(const std::string& name) const { return slurp(dir_ / name); }

std::string Cli::sql(const std::string& sql) const {
  const RawSqlResult result = raw_sql(db(), sql);
  return result.error.empty() ? result.rows : result.rows + "error: " + result.error + "\n";
}

std::string batch_of(const RunResult& import_run) {
  const std::string mark = "imported as batch ";
  const auto at = import_run.err.find(mark);
  if (at == std::string::npos) return "";
  const auto from = at + mark.size();
  return import_run.err.substr(from, import_run.err.find_first_not_of("0123456789", from) - from);
}

pid_t spawn_to_files(std::vector<std::string> argv, const std::map<std::string, std::string>& env,
                     const std::string& out_file, const std::string& err_file) {
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("AFTERSALES_", 0) != 0) env_text.push_back(entry);
  }
  for (const auto& [key, value] : env) env_text.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? pid : -1;
}

std::string describe(const RunResult& result) {
  return "exit " + std::to_string(result.exit_code) + "\n--- stdout\n" + result.out +
         "--- stderr\n" + result.err;
}

}  // namespace aftersales::testing
