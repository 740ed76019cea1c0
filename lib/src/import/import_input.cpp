#include "import/import_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "aftersales/core/error.h"
#include "import/file_digest.h"

namespace aftersales {
namespace {

bool has_tsv_extension(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".tsv";
}

Error spool_failed(const std::string& what) {
  return Error(ErrorCode::kStorageUnavailable,
               fmt::format("standard input cannot be spooled: {}: {}", what, std::strerror(errno)),
               "set TMPDIR to a directory with room for the input, or name the file instead of -");
}

// Copies standard input into an unnamed temporary file; returns its descriptor and sets
// `sha256` to the digest of what was read.
int spool_stdin(std::string& sha256) {
  if (::isatty(STDIN_FILENO) != 0) {
    throw Error(ErrorCode::kUsage, "import -: standard input is a terminal",
                "pipe or redirect the file into it: aftersales import units - < units.csv");
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string name = std::string(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp") +
                     "/aftersales-stdin-XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw spool_failed(name);
  ::unlink(name.c_str());  // nothing left behind, whatever ends the import
  Sha256 digest;
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      errno = error;
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{}: cannot be read: {}", kStdinName, std::strerror(errno)),
                  "pipe or redirect a readable file into it");
    }
    if (n == 0) break;
    digest.update(buffer.data(), static_cast<std::size_t>(n));
    for (ssize_t written = 0; written < n;) {
      const ssize_t w = ::write(fd, buffer.data() + written, static_cast<std::size_t>(n - written));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        throw spool_failed(name);
      }
      written += w;
    }
  }
  sha256 = digest.hex();
  return fd;
}

}  // namespace

ImportInputs::ImportInputs(const std::vector<std::string>& files, Delimiter delimiter) {
  if (std::count_if(files.begin(), files.end(), is_stdin) > 1) {
    throw Error(ErrorCode::kUsage, "import: standard input (-) is named more than once",
                "name - once; it can be read only once");
  }
  try {
    read_all(files, delimiter);
  } catch (...) {
    if (spool_ >= 0) ::close(spool_);
    throw;
  }
}

void ImportInputs::read_all(const std::vector<std::string>& files, Delimiter delimiter) {
  for (const std::string& file : files) {
    ImportInput input;
    if (is_stdin(file)) {
      spool_ = spool_stdin(input.sha256);
      input.name = kStdinName;
      // The spool has no name left: the readers open it again through its descriptor, each at
      // its first byte.
      input.path = fmt::format("/proc/self/fd/{}", spool_);
    } else {
      input.name = file;
      input.path = file;
      input.sha256 = sha256_of_file(file);
    }
    input.format = sniff_sheet_format(input.path, input.name);
    input.delimiter =
        delimiter == Delimiter::kAuto && has_tsv_extension(file) ? Delimiter::kTab : delimiter;
    inputs_.push_back(std::move(input));
  }
}

ImportInputs::~ImportInputs() {
  if (spool_ >= 0) ::close(spool_);
}

std::unique_ptr<RecordSource> open_input(const ImportInput& input, TextEncoding encoding,
                                         const XlsxLimits& limits) {
  switch (input.format) {
    case SheetFormat::kXlsx:
      return open_xlsx_named(input.path, input.name, {}, limits);
    case SheetFormat::kXls:
      return open_xls(input.path, input.name, {}, limits);
    case SheetFormat::kText:
      break;
  }
  return open_csv(input.path, encoding, input.delimiter);
}

}  // namespace aftersales
