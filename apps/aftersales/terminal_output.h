// Standard output on a terminal (issue 14): whether it is one, how wide it is, whether to
// colour, and the pager that long output goes through. Nothing here applies to -o FILE or a
// pipe: output there stays exactly what the formats say.
#pragma once

#include <signal.h>

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "aftersales/io/fd_buffer.h"

namespace aftersales::cli {

struct TerminalOutput {
  bool is_terminal = false;  // standard output is a terminal (isatty)
  std::size_t width = 0;     // its columns: COLUMNS, else the terminal's (TIOCGWINSZ), else 80
  bool colour = false;       // a terminal, NO_COLOR unset or empty, and TERM not "dumb"
  std::string pager;         // the pager to start; empty: write directly
};

// What standard output is, from the environment: the pager is AFTERSALES_PAGER when set, else
// PAGER when set, else less; none when `no_pager` (--no-pager), when standard output is not a
// terminal, or when the command is empty or "cat". All zero/false for a non-terminal.
TerminalOutput standard_output_terminal(bool no_pager);

// A pager reading what is written to stream(). While it runs, SIGPIPE is ignored here, so a
// user who quits the pager early makes the writes fail with EPIPE instead of killing the
// program (that is no error), and so is SIGINT: Ctrl-C at the pager is the pager's (less stops
// waiting for input), and this program must not exit under it and hand the terminal back to
// the shell while the pager still draws on it.
class Pager {
 public:
  // Starts `command` with its standard input a pipe from stream(), its output and errors this
  // program's, and LESS=FRX in its environment when LESS is unset (less then quits at once on
  // output shorter than a screen, keeps colours, and leaves the text on the screen). A command
  // of plain words is run directly, one with shell syntax by /bin/sh -c. Returns nullptr when
  // it cannot start (no such program): the caller then writes directly.
  static std::unique_ptr<Pager> start(const std::string& command);
  ~Pager();  // finish(), errors ignored
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

  std::ostream& stream();
  // Flushes, closes the pager's input, waits for it to exit and restores SIGPIPE and SIGINT.
  // Returns the
  // errno of a write that failed for another reason than the pager having quit (EPIPE), else
  // 0. Later calls return 0.
  int finish();

 private:
  Pager(int pipe_fd, pid_t pid, const struct sigaction& old_pipe_action,
        const struct sigaction& old_interrupt_action);
  int pipe_fd_;  // the pager's standard input, closed by finish()
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  pid_t pid_;
  struct sigaction old_pipe_action_;
  struct sigaction old_interrupt_action_;
  bool finished_ = false;
};

}  // namespace aftersales::cli
