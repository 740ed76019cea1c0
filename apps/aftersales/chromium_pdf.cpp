#include "chromium_pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/io/render.h"

extern char** environ;

namespace aftersales::cli {

namespace {

bool executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

// A private directory under $TMPDIR (or /tmp), removed with everything in it at the end.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/aftersales-print-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw Error(ErrorCode::kStorageUnavailable,
                  "cannot make a scratch directory for Chromium in " + pattern,
                  "set TMPDIR to a writable directory");
    }
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `argv` with its output discarded; its exit status, or -1 when it could not start.
int run_quietly(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string find_chromium() {
  if (const char* named = std::getenv("AFTERSALES_CHROMIUM"); named != nullptr && *named != '\0') {
    return executable(named) ? named : std::string();
  }
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::vector<std::string> directories;
  for (std::string dir; std::getline(dirs, dir, ':');) directories.push_back(dir);
  for (const char* name :
       {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    for (const std::string& dir : directories) {
      const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (executable(candidate)) return candidate;
    }
  }
  return "";
}

void write_pdf(const std::string& html, const std::string& pdf_path) {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    throw Error(ErrorCode::kUsage,
                "a PDF is made by headless Chromium, and none is installed (chromium, "
                "chromium-browser or google-chrome on the PATH, or AFTERSALES_CHROMIUM)",
                "install it (apt-get install chromium fonts-noto-cjk), or write the page with "
                "-o FILE.html and print it from a browser");
  }
  const ScratchDirectory scratch;
  const std::string page = scratch.path() + "/forms.html";
  const std::string pdf = scratch.path() + "/forms.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) {
      throw Error(ErrorCode::kStorageUnavailable, "cannot write the page for Chromium to " + page,
                  "free some space in TMPDIR");
    }
  }
  const int status =
      run_quietly({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--user-data-dir=" + scratch.path() + "/profile", "--no-pdf-header-footer",
                   "--print-to-pdf-no-header", "--print-to-pdf=" + pdf, "file://" + page});
  std::ifstream in(pdf, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (status != 0 || bytes.rfind("%PDF", 0) != 0) {
    throw Error(
        ErrorCode::kStorageUnavailable,
        "Chromium (" + chromium + ") did not print the PDF (exit " + std::to_string(status) + ")",
        "run it by hand to see why, or write -o FILE.html and print from a browser");
  }
  write_file_atomically(pdf_path, [&](std::ostream& out) { out << bytes; });
}

}  // namespace aftersales::cli
