// The reject file: a temporary CSV file with a BOM, committed by a rename.
#include "import/reject_file.h"

#include <fmt/format.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "aftersales/core/error.h"

namespace aftersales {

RejectFile::RejectFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".tmp") {
  open();
}

void RejectFile::open() {
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    throw Error(ErrorCode::kUsage, fmt::format("{}: cannot be written", path_),
                "check the reject file's directory");
  }
  out_ << "\xEF\xBB\xBF";  // UTF-8 BOM: Excel opens the Chinese text correctly
}

void RejectFile::restart() {
  out_.close();
  open();
  header_.clear();
  header_written_ = false;
  rows_ = 0;
}

RejectFile::~RejectFile() {
  if (committed_) return;
  if (out_.is_open()) out_.close();
  std::remove(temporary_.c_str());
}

void RejectFile::start_file(const std::vector<std::string>& header) {
  header_ = header;
  header_written_ = false;
}

void RejectFile::add(const std::vector<std::string>& fields, std::int64_t line,
                     const std::string& field, const std::vector<std::string>& messages) {
  if (!header_written_) {
    write_row(header_, {"_line", "_field", "_error"});
    header_written_ = true;
  }
  write_row(fields, {std::to_string(line), field, fmt::format("{}", fmt::join(messages, "; "))});
  ++rows_;
}

std::optional<std::string> RejectFile::commit() {
  out_.close();
  committed_ = true;
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return fmt::format("the rejected rows could not be moved to {}: {}; they are in {}", path_,
                       std::strerror(errno), temporary_);
  }
  return std::nullopt;
}

void RejectFile::write_row(const std::vector<std::string>& fields,
                           const std::vector<std::string>& extra) {
  bool first = true;
  for (const auto* part : {&fields, &extra}) {
    for (const std::string& field : *part) {
      if (!first) out_ << ',';
      first = false;
      if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out_ << field;
      } else {
        out_ << '"';
        for (char c : field) out_ << (c == '"' ? "\"\"" : std::string(1, c));
        out_ << '"';
      }
    }
  }
  out_ << "\r\n";
}

}  // namespace aftersales
