// -o FILE is written atomically (CLI.md "Global options"): readers of FILE, such as a nightly
// job that picks up a report, see either the old content or the whole new one, never a part.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>
#include <utility>

#include "aftersales/core/error.h"
#include "aftersales/io/fd_buffer.h"
#include "aftersales/io/render.h"

namespace aftersales {
namespace {

Error storage_error(const std::string& what, const std::string& path, int error_number) {
  return Error(ErrorCode::kStorageUnavailable,
               "cannot " + what + " \"" + path + "\": " + std::strerror(error_number),
               "check that the directory exists and is writable and that the disk is not full");
}

// The temporary file beside `path`: PATH.tmp.PID, with a counter if that name is taken (a
// crashed earlier run of a process with the same id). Opened exclusively, so an existing file
// or symbolic link of that name is never followed. Sets `fd`; returns the name.
std::string create_temporary(const std::string& path, int& fd) {
  const std::string base = path + ".tmp." + std::to_string(::getpid());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = attempt == 0 ? base : base + "." + std::to_string(attempt);
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return name;
    if (errno != EEXIST) throw storage_error("write", path, errno);
  }
  throw storage_error("write", path, EEXIST);
}

// Removes the temporary file and closes its descriptor unless `commit` was called.
class TemporaryGuard {
 public:
  TemporaryGuard(std::string name, int fd) : name_(std::move(name)), fd_(fd) {}
  TemporaryGuard(const TemporaryGuard&) = delete;
  TemporaryGuard& operator=(const TemporaryGuard&) = delete;
  ~TemporaryGuard() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(name_.c_str());
  }

  // Closes the descriptor. Returns false (errno set) when the close reports an error, which
  // on some file systems is where a failed write shows up.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }
  void commit() { committed_ = true; }

 private:
  std::string name_;
  int fd_;
  bool committed_ = false;
};

// The directory holding `path`, for the fsync that makes the rename itself durable.
std::string parent_directory(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  int fd = -1;
  const std::string temporary = create_temporary(path, fd);
  TemporaryGuard guard(temporary, fd);

  // Keep the permissions of the file being replaced (a report shared with a group stays so).
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    ::fchmod(fd, existing.st_mode & 07777);
  }

  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);  // an exception leaves through the guard, which removes the temporary
  out.flush();
  if (!buffer.flush_all()) throw storage_error("write", path, buffer.error());
  if (!out) throw storage_error("write", path, EIO);
  if (::fsync(fd) != 0) throw storage_error("write", path, errno);
  if (!guard.close()) throw storage_error("write", path, errno);
  if (::rename(temporary.c_str(), path.c_str()) != 0) throw storage_error("replace", path, errno);
  guard.commit();

  // Best effort: without it a power cut may forget the rename, but the file is never partial.
  const int directory = ::open(parent_directory(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
}

}  // namespace aftersales
