#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "table_writer.h"

namespace aftersales::bench {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

std::runtime_error io_error(const std::string& what, const std::string& path, int error) {
  return std::runtime_error(what + " " + path + ": " + std::strerror(error));
}

class CsvWriter final : public TableWriter {
 public:
  CsvWriter(const std::string& path, const CsvOptions& options) : path_(path), options_(options) {
    if (path == "-") {
      file_ = stdout;
    } else {
      file_ = std::fopen(path.c_str(), "wb");
      if (file_ == nullptr) throw io_error("cannot create", path, errno);
    }
    if (options.encoding == TextEncoding::kGb18030) {
      converter_ = iconv_open("GB18030", "UTF-8");
      if (converter_ == reinterpret_cast<iconv_t>(-1)) {
        close_file();
        throw std::runtime_error("iconv cannot convert UTF-8 to GB18030 on this system");
      }
    }
    buffer_.reserve(kFlushBytes + 4096);
    if (options.bom) buffer_ += "\xEF\xBB\xBF";
  }

  ~CsvWriter() override {
    if (converter_ != reinterpret_cast<iconv_t>(-1)) iconv_close(converter_);
    close_file();
  }

  void write_header(const std::vector<Column>& columns, HeaderLanguage language) override {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) buffer_ += ',';
      append_field(language == HeaderLanguage::kChinese ? columns[i].chinese : columns[i].name);
    }
    end_record();
  }

  void write_row(const std::vector<Cell>& row) override {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) buffer_ += ',';
      append_field(row[i].text);
    }
    end_record();
  }

  void finish() override {
    flush();
    if (std::fflush(file_) != 0) throw io_error("cannot write", path_, errno);
    if (file_ != stdout) {
      FILE* file = file_;
      file_ = nullptr;
      if (std::fclose(file) != 0) throw io_error("cannot write", path_, errno);
    }
  }

 private:
  void append_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      buffer_ += text;
      return;
    }
    buffer_ += '"';
    for (char c : text) {
      if (c == '"') buffer_ += '"';
      buffer_ += c;
    }
    buffer_ += '"';
  }

  void end_record() {
    buffer_ += options_.crlf ? "\r\n" : "\n";
    if (buffer_.size() >= kFlushBytes) flush();
  }

  // Writes the buffer, converted when the encoding is GB18030. The buffer always ends at a
  // record boundary, so no character is split between two conversions.
  void flush() {
    if (buffer_.empty()) return;
    const std::string* out = &buffer_;
    if (converter_ != reinterpret_cast<iconv_t>(-1)) {
      // GB18030 takes at most twice the bytes of UTF-8 (a 2-byte UTF-8 character becomes 4).
      converted_.resize(buffer_.size() * 2 + 16);
      char* in = buffer_.data();
      std::size_t in_left = buffer_.size();
      char* to = converted_.data();
      std::size_t to_left = converted_.size();
      if (iconv(converter_, &in, &in_left, &to, &to_left) == static_cast<std::size_t>(-1)) {
        throw std::runtime_error(std::string("cannot convert to GB18030: ") + std::strerror(errno));
      }
      converted_.resize(converted_.size() - to_left);
      out = &converted_;
    }
    if (std::fwrite(out->data(), 1, out->size(), file_) != out->size()) {
      throw io_error("cannot write", path_, errno);
    }
    buffer_.clear();
  }

  void close_file() {
    if (file_ != nullptr && file_ != stdout) std::fclose(file_);
    file_ = nullptr;
  }

  std::string path_;
  CsvOptions options_;
  std::FILE* file_ = nullptr;
  iconv_t converter_ = reinterpret_cast<iconv_t>(-1);
  std::string buffer_;
  std::string converted_;
};

}  // namespace

std::unique_ptr<TableWriter> make_csv_writer(const std::string& path, const CsvOptions& options) {
  return std::make_unique<CsvWriter>(path, options);
}

}  // namespace aftersales::bench
