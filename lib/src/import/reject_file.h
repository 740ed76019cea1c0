// The reject file of an import in skip mode (private to lib/src/import): the rows left out, as
// they were in the file, each followed by where it was and why (_line, _field, _error), so that
// a clerk can correct them and import that file again.
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace aftersales {

// CSV (RFC 4180, CRLF) in UTF-8 with a BOM, which Excel opens with the Chinese text intact. It
// is written beside its path as PATH.tmp while the import runs and appears at PATH only when
// committed, so a failed import never leaves half a reject file behind.
class RejectFile {
 public:
  // Creates PATH.tmp. Throws Error(kUsage) when it cannot be written.
  explicit RejectFile(std::string path);
  // Removes PATH.tmp unless committed.
  ~RejectFile();
  RejectFile(const RejectFile&) = delete;
  RejectFile& operator=(const RejectFile&) = delete;

  // Drops every row added so far: the import runs again from its first row (a retried write).
  // Throws Error(kUsage) when PATH.tmp cannot be written again.
  void restart();

  // The rows added from now on come from a file with this header: it is written, followed by
  // _line, _field and _error, before the first of them.
  void start_file(const std::vector<std::string>& header);

  // Adds a rejected row: its `fields` as read, the `line` it starts on, the `field` of its
  // first problem and every problem's `messages` (joined by "; ").
  void add(const std::vector<std::string>& fields, std::int64_t line, const std::string& field,
           const std::vector<std::string>& messages);

  // Whether any row was added.
  bool empty() const { return rows_ == 0; }

  // Moves PATH.tmp to PATH. Returns a warning when it cannot be moved (the rows stay in
  // PATH.tmp, which is then kept).
  std::optional<std::string> commit();

 private:
  // Creates (or empties) PATH.tmp and writes the BOM.
  void open();
  void write_row(const std::vector<std::string>& fields, const std::vector<std::string>& extra);

  std::string path_;
  std::string temporary_;
  std::ofstream out_;
  std::vector<std::string> header_;
  bool header_written_ = false;
  std::int64_t rows_ = 0;
  bool committed_ = false;
};

}  // namespace aftersales
