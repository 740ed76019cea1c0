// What standard output is (a terminal, its width, colour) and the pager (terminal_output.h).
#include "terminal_output.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace aftersales::cli {
namespace {

constexpr std::size_t kDefaultWidth = 80;

// A variable's value; nullptr when unset.
const char* variable(const char* name) { return std::getenv(name); }

std::size_t terminal_width() {
  if (const char* columns = variable("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return kDefaultWidth;
}

std::string pager_command(bool no_pager) {
  if (no_pager) return {};
  const char* command = variable("AFTERSALES_PAGER");
  if (command == nullptr) command = variable("PAGER");
  if (command == nullptr) command = "less";
  const std::string text = command;
  if (text.find_first_not_of(" \t") == std::string::npos || text == "cat") return {};
  return text;
}

// The words of a command that has no shell syntax (as git runs its pager): split at blanks;
// empty when the shell must run it.
std::vector<std::string> plain_words(const std::string& command) {
  if (command.find_first_of("|&;<>()$`\\\"'*?[#~=%\n") != std::string::npos) return {};
  std::vector<std::string> words;
  std::istringstream in(command);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

}  // namespace

TerminalOutput standard_output_terminal(bool no_pager) {
  TerminalOutput terminal;
  if (::isatty(STDOUT_FILENO) == 0) return terminal;
  terminal.is_terminal = true;
  terminal.width = terminal_width();
  const char* no_color = variable("NO_COLOR");  // https://no-color.org: any non-empty value
  const char* term = variable("TERM");
  terminal.colour = (no_color == nullptr || *no_color == '\0') &&
                    (term == nullptr || std::string_view(term) != "dumb");
  terminal.pager = pager_command(no_pager);
  return terminal;
}

std::unique_ptr<Pager> Pager::start(const std::string& command) {
  std::vector<std::string> words = plain_words(command);
  if (words.empty()) words = {"/bin/sh", "-c", command};
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) env_text.emplace_back(*e);
  if (variable("LESS") == nullptr) env_text.emplace_back("LESS=FRX");
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return nullptr;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t default_signals;
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGPIPE);
  sigaddset(&default_signals, SIGINT);
  posix_spawnattr_setsigdefault(&attributes, &default_signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int spawned =
      ::posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(fds[0]);
  if (spawned != 0) {
    ::close(fds[1]);
    return nullptr;
  }
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  struct sigaction old_pipe_action {};
  struct sigaction old_interrupt_action {};
  ::sigaction(SIGPIPE, &ignore, &old_pipe_action);
  ::sigaction(SIGINT, &ignore, &old_interrupt_action);
  return std::unique_ptr<Pager>(new Pager(fds[1], pid, old_pipe_action, old_interrupt_action));
}

Pager::Pager(int pipe_fd, pid_t pid, const struct sigaction& old_pipe_action,
             const struct sigaction& old_interrupt_action)
    : pipe_fd_(pipe_fd),
      buffer_(std::make_unique<FdBuffer>(pipe_fd)),
      stream_(std::make_unique<std::ostream>(buffer_.get())),
      pid_(pid),
      old_pipe_action_(old_pipe_action),
      old_interrupt_action_(old_interrupt_action) {}

Pager::~Pager() { finish(); }

std::ostream& Pager::stream() { return *stream_; }

int Pager::finish() {
  if (finished_) return 0;
  finished_ = true;
  stream_->flush();
  buffer_->flush_all();
  ::close(pipe_fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  ::sigaction(SIGPIPE, &old_pipe_action_, nullptr);
  ::sigaction(SIGINT, &old_interrupt_action_, nullptr);
  const int error = buffer_->error();
  return error == EPIPE ? 0 : error;
}

}  // namespace aftersales::cli
