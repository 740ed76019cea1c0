#include "store/engine/postgres_backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "aftersales/core/error.h"

extern char** environ;

namespace aftersales::store {
namespace {

// A libpq keyword/value string's value: in single quotes, ' and \ escaped.
std::string quoted(const char* value) {
  std::string out = "'";
  for (const char* p = value; *p != '\0'; ++p) {
    if (*p == '\'' || *p == '\\') out += '\\';
    out += *p;
  }
  return out + "'";
}

struct DumpParameters {
  std::string conninfo;  // every parameter of the live connection but the password
  std::string password;  // empty when there is none
};

DumpParameters parameters_of(PGconn* connection) {
  DumpParameters out;
  PQconninfoOption* options = PQconninfo(connection);
  if (options == nullptr) throw Error(ErrorCode::kStorageUnavailable, "out of memory");
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    if (std::strcmp(o->keyword, "password") == 0) {
      out.password = o->val;
      continue;
    }
    if (!out.conninfo.empty()) out.conninfo += ' ';
    out.conninfo += fmt::format("{}={}", o->keyword, quoted(o->val));
  }
  PQconninfoFree(options);
  return out;
}

// The process environment with PGPASSWORD set (or not) as `password` says.
std::vector<std::string> child_environment(const std::string& password) {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) out.emplace_back(*e);
  }
  if (!password.empty()) out.push_back("PGPASSWORD=" + password);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& texts) {
  std::vector<char*> out;
  for (std::string& text : texts) out.push_back(text.data());
  out.push_back(nullptr);
  return out;
}

// pg_dump's standard error on one line.
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ';';
  }
  return text;
}

}  // namespace

void dump_database(PGconn* connection, const std::string& schema, const std::string& shown,
                   const std::string& path) {
  const DumpParameters parameters = parameters_of(connection);
  const std::string temporary = fmt::format("{}.tmp-{}", path, ::getpid());
  std::vector<std::string> args = {"pg_dump",
                                   "--format=custom",
                                   "--no-password",
                                   "--file=" + temporary,
                                   "--schema=" + schema,
                                   "--dbname=" + parameters.conninfo};
  std::vector<std::string> env = child_environment(parameters.password);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env);

  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw Error(ErrorCode::kStorageUnavailable,
                fmt::format("backing up {}: {}", shown, std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "pg_dump", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(err_pipe[0]);
    throw Error(ErrorCode::kUsage,
                fmt::format("backing up {}: cannot run pg_dump: {}", shown, std::strerror(spawned)),
                "install PostgreSQL's client programs (Debian: apt install postgresql-client), "
                "of the server's version or newer");
  }
  std::string errors;
  char buffer[4096];
  for (ssize_t n; (n = ::read(err_pipe[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    errors.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(err_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::error_code ignored;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(temporary, ignored);
    throw Error(ErrorCode::kStorageUnavailable,
                fmt::format("backing up {} to {}: pg_dump failed: {}", shown, path,
                            errors.empty() ? std::string("no message") : one_line(errors)),
                "check that pg_dump is of the server's version or newer and that the login may "
                "read every table of the ledger");
  }
  std::error_code renamed;
  std::filesystem::rename(temporary, path, renamed);
  if (renamed) {
    std::filesystem::remove(temporary, ignored);
    throw Error(ErrorCode::kStorageUnavailable,
                fmt::format("backing up {}: cannot write {}: {}", shown, path, renamed.message()));
  }
}

}  // namespace aftersales::store
