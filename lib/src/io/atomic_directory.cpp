// report nightly's directory swap: a staging directory beside the target, filled, given the
// old files it lacks, then exchanged with the target in one rename.
#include "aftersales/io/atomic_directory.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

namespace fs = std::filesystem;

Error storage_error(const std::string& what, const std::string& path, const std::string& why) {
  return Error(ErrorCode::kStorageUnavailable, "cannot " + what + " \"" + path + "\": " + why,
               "check that the directory and its parent are writable and the disk is not full; "
               "the previous files were left as they were");
}

// Removes the staging directory unless released.
class StagingGuard {
 public:
  explicit StagingGuard(fs::path path) : path_(std::move(path)) {}
  StagingGuard(const StagingGuard&) = delete;
  StagingGuard& operator=(const StagingGuard&) = delete;
  ~StagingGuard() {
    if (!released_) {
      std::error_code ignored;
      fs::remove_all(path_, ignored);
    }
  }
  void release() { released_ = true; }

 private:
  fs::path path_;
  bool released_ = false;
};

// An exclusive flock(2) on `.NAME.lock` beside the target for one run, released on close.
class RunLock {
 public:
  RunLock(const fs::path& path, const fs::path& target) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0)
      throw storage_error("write into", path.parent_path().string(), std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int lock_error = errno;
      ::close(fd_);
      if (lock_error == EWOULDBLOCK) {
        throw Error(
            ErrorCode::kStorageUnavailable,
            "another run is writing \"" + target.string() + "\" (it holds " + path.string() + ")",
            "run again when it has ended; nothing was written");
      }
      throw storage_error("lock", path.string(), std::strerror(lock_error));
    }
  }
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock() { ::close(fd_); }

 private:
  int fd_ = -1;
};

// Staging directories that a killed run left (`.NAME.new.*`): only a run holding the lock
// writes one, so with the lock held every one found is stale.
void remove_stale_staging(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0) fs::remove_all(entry.path(), error);
  }
}

void sync_directory(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void replace_directory_atomically(const std::string& directory,
                                  const std::function<void(const std::string&)>& write) {
  fs::path target = fs::path(directory).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/" is "out"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code error;
  if (!fs::is_directory(parent, error)) {
    throw Error(ErrorCode::kUsage,
                "-o " + directory + ": the directory " + parent.string() + " does not exist",
                "create it first, or name a directory in an existing one");
  }
  const fs::file_status status = fs::symlink_status(target, error);
  const bool exists = fs::exists(status);
  if (exists && !fs::is_directory(status)) {
    throw Error(ErrorCode::kUsage, "-o " + directory + " exists and is not a directory",
                "name a directory of its own for the reports; nothing was written");
  }
  std::vector<fs::path> old_files;
  if (exists) {
    for (const fs::directory_entry& entry : fs::directory_iterator(target, error)) {
      if (entry.is_directory(error) && !entry.is_symlink(error)) {
        throw Error(ErrorCode::kUsage,
                    "-o " + directory + " holds a directory, " + entry.path().filename().string() +
                        ": the reports' directory is replaced whole and must hold only files",
                    "give the reports a directory of their own; nothing was written");
      }
      old_files.push_back(entry.path());
    }
    if (error) throw storage_error("read", target.string(), error.message());
  }

  const std::string hidden = "." + target.filename().string();
  const RunLock lock(parent / (hidden + ".lock"), target);
  remove_stale_staging(parent, hidden + ".new.");

  std::string pattern = (parent / (hidden + ".new.XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw storage_error("write into", parent.string(), std::strerror(errno));
  }
  const fs::path staging(pattern);
  StagingGuard guard(staging);

  try {
    write(staging.string());
  } catch (const Error& failed) {
    // The message names a file of the staging directory, which is about to go: say so.
    throw Error(failed.code(),
                std::string(failed.what()) + " (while writing the new files of " + target.string() +
                    ", which was left as it was)",
                failed.hint());
  }

  // The old files this run did not write stay (earlier months' workbooks and pages).
  for (const fs::path& old : old_files) {
    const fs::path carried = staging / old.filename();
    if (fs::exists(fs::symlink_status(carried, error))) continue;
    if (fs::is_symlink(fs::symlink_status(old, error))) {
      fs::copy_symlink(old, carried, error);
    } else {
      fs::create_hard_link(old, carried, error);
      if (error) fs::copy_file(old, carried, error);
    }
    if (error) throw storage_error("carry over", old.string(), error.message());
  }

  // The new directory gets the old one's permissions, or those a new directory gets here.
  mode_t mode = 0;
  struct stat previous {};
  if (exists && ::stat(target.c_str(), &previous) == 0) {
    mode = previous.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(022);
    ::umask(mask);
    mode = 0777 & ~mask;
  }
  ::chmod(staging.c_str(), mode);
  sync_directory(staging);

  if (exists) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
      const int exchange_error = errno;
      if (exchange_error != EINVAL && exchange_error != ENOSYS) {
        throw storage_error("replace", target.string(), std::strerror(exchange_error));
      }
      // A file system without the exchange: the old directory steps aside, the new one moves
      // in, and on failure the old one moves back.
      const fs::path aside = staging.string() + ".old";
      if (::rename(target.c_str(), aside.c_str()) != 0) {
        throw storage_error("replace", target.string(), std::strerror(errno));
      }
      if (::rename(staging.c_str(), target.c_str()) != 0) {
        const int move_error = errno;
        ::rename(aside.c_str(), target.c_str());
        throw storage_error("replace", target.string(), std::strerror(move_error));
      }
      guard.release();
      fs::remove_all(aside, error);
      sync_directory(parent);
      return;
    }
    // `staging` now holds the old contents: the guard removes them.
  } else {
    if (::rename(staging.c_str(), target.c_str()) != 0) {
      throw storage_error("write", target.string(), std::strerror(errno));
    }
    guard.release();
  }
  sync_directory(parent);
}

}  // namespace aftersales
