#include "io/sheets/text_decoder.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"

namespace aftersales {
namespace {

// A multibyte sequence split by a chunk's end is at most 3 bytes of a 4-byte one (UTF-8,
// GB18030, a UTF-16 surrogate pair); room for a few more keeps a misbehaving converter safe.
constexpr std::size_t kMaxCarry = 8;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string system_message(int error) { return std::generic_category().message(error); }

class FileBytes final : public ByteReader {
 public:
  FileBytes(std::string path, std::FILE* file, std::uint64_t size)
      : path_(std::move(path)), file_(file), size_(size) {}
  ~FileBytes() override { std::fclose(file_); }
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = std::fread(buffer, 1, size, file_);
    if (got < size && std::ferror(file_)) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("cannot read {}: {}", path_, system_message(errno)));
    }
    return got;
  }

  void rewind() override {
    if (std::fseek(file_, 0, SEEK_SET) != 0) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("cannot read {} again: {}", path_, system_message(errno)));
    }
    std::clearerr(file_);
  }

  std::uint64_t size() const override { return size_; }

 private:
  std::string path_;
  std::FILE* file_;
  std::uint64_t size_;
};

class BufferBytes final : public ByteReader {
 public:
  explicit BufferBytes(std::string_view bytes) : bytes_(bytes) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = std::min(size, bytes_.size() - position_);
    if (got > 0) std::memcpy(buffer, bytes_.data() + position_, got);
    position_ += got;
    return got;
  }

  void rewind() override { position_ = 0; }

  std::uint64_t size() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

// The length of the longest prefix of `data` that is well-formed UTF-8 (as decode_utf8 has it:
// no overlong forms, surrogates or values beyond U+10FFFF).
std::size_t valid_utf8_prefix(const char* data, std::size_t size) {
  std::size_t at = 0;
  while (at < size) {
    while (at + 8 <= size) {  // ASCII eight bytes at a time
      std::uint64_t word;
      std::memcpy(&word, data + at, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      at += 8;
    }
    while (at < size && static_cast<unsigned char>(data[at]) < 0x80) ++at;
    if (at == size) break;
    const std::optional<DecodedUtf8> decoded = decode_utf8(std::string_view(data + at, size - at));
    if (!decoded) return at;
    at += decoded->length;
  }
  return size;
}

// Whether `data` (not empty) is the start of a well-formed UTF-8 sequence that needs more bytes.
bool is_incomplete_utf8(const char* data, std::size_t size) {
  const auto lead = static_cast<unsigned char>(data[0]);
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // beyond U+10FFFF
  } else {
    return false;
  }
  if (size >= length) return false;
  for (std::size_t i = 1; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    const unsigned char low = i == 1 ? second_min : 0x80;
    const unsigned char high = i == 1 ? second_max : 0xBF;
    if (byte < low || byte > high) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<ByteReader> open_byte_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("cannot open {}: {}", path, system_message(errno)),
                "check the file's name and that you may read it");
  }
  struct stat status {};
  if (::fstat(::fileno(file), &status) != 0 || !S_ISREG(status.st_mode)) {
    std::fclose(file);
    throw Error(ErrorCode::kInvalidInput, fmt::format("cannot read {}: not a file", path),
                "name a CSV file");
  }
  return std::make_unique<FileBytes>(path, file, static_cast<std::uint64_t>(status.st_size));
}

std::unique_ptr<ByteReader> byte_buffer(std::string_view bytes) {
  return std::make_unique<BufferBytes>(bytes);
}

TextDecoder::TextDecoder(std::unique_ptr<ByteReader> bytes, TextEncoding encoding,
                         std::size_t chunk_size)
    : bytes_(std::move(bytes)), chunk_size_(std::max<std::size_t>(chunk_size, 1)) {
  total_bytes_ = bytes_->size();
  input_.resize(chunk_size_ + kMaxCarry);

  char start[3];
  const std::size_t got = bytes_->read(start, sizeof start);
  const std::string_view first(start, got);
  const bool utf8_bom = first == kUtf8Bom;
  switch (encoding) {
    case TextEncoding::kAuto:
      detect_bom(first);
      if (bom_length_ == 0) {
        bytes_->rewind();
        if (whole_input_is_utf8()) {
          kind_ = Kind::kUtf8;
          encoding_ = "utf-8";
          validated_ = true;
        } else {
          kind_ = Kind::kGb18030;
          encoding_ = "gb18030";
        }
      }
      break;
    case TextEncoding::kUtf8:
      kind_ = Kind::kUtf8;
      encoding_ = utf8_bom ? "utf-8 (BOM)" : "utf-8";
      bom_length_ = utf8_bom ? kUtf8Bom.size() : 0;
      break;
    case TextEncoding::kGb18030:
      kind_ = Kind::kGb18030;
      encoding_ = "gb18030";
      break;
  }

  if (kind_ != Kind::kUtf8) {
    const char* from = kind_ == Kind::kUtf16Le   ? "UTF-16LE"
                       : kind_ == Kind::kUtf16Be ? "UTF-16BE"
                                                 : "GB18030";
    converter_ = ::iconv_open("UTF-8", from);
    if (converter_ == reinterpret_cast<iconv_t>(-1)) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("cannot read {} text: {}", from, system_message(errno)),
                  "install the C library's converters (gconv modules)");
    }
  }
  skip_bom();
}

TextDecoder::~TextDecoder() {
  if (converter_ != reinterpret_cast<iconv_t>(-1)) ::iconv_close(converter_);
}

const char* TextDecoder::encoding_label() const {
  switch (kind_) {
    case Kind::kUtf8:
      return "UTF-8";
    case Kind::kUtf16Le:
      return "UTF-16LE";
    case Kind::kUtf16Be:
      return "UTF-16BE";
    case Kind::kGb18030:
      break;
  }
  return "GB18030";
}

void TextDecoder::detect_bom(std::string_view start) {
  if (start == kUtf8Bom) {
    kind_ = Kind::kUtf8;
    encoding_ = "utf-8 (BOM)";
    bom_length_ = 3;
  } else if (start.substr(0, 2) == "\xFF\xFE") {
    kind_ = Kind::kUtf16Le;
    encoding_ = "utf-16le (BOM)";
    bom_length_ = 2;
  } else if (start.substr(0, 2) == "\xFE\xFF") {
    kind_ = Kind::kUtf16Be;
    encoding_ = "utf-16be (BOM)";
    bom_length_ = 2;
  }
}

bool TextDecoder::whole_input_is_utf8() {
  for (;;) {
    const std::size_t available = fill();
    const std::size_t valid = valid_utf8_prefix(input_.data(), available);
    if (valid < available) {
      if (at_end_ || !is_incomplete_utf8(input_.data() + valid, available - valid)) return false;
      carry_from_ = valid;
      carried_ = available - valid;
    }
    if (at_end_) return true;
  }
}

void TextDecoder::skip_bom() {
  bytes_->rewind();
  char bom[3];
  bytes_->read(bom, bom_length_);
  bytes_read_ = bom_length_;
  chunk_start_ = bom_length_;
  carry_from_ = 0;
  carried_ = 0;
  at_end_ = false;
}

std::size_t TextDecoder::fill() {
  std::memmove(input_.data(), input_.data() + carry_from_, carried_);
  chunk_start_ += carry_from_;
  const std::size_t got = bytes_->read(input_.data() + carried_, chunk_size_);
  bytes_read_ += got;
  at_end_ = got < chunk_size_;
  const std::size_t available = carried_ + got;
  carry_from_ = available;
  carried_ = 0;
  return available;
}

bool TextDecoder::next_chunk(std::string_view& text) {
  for (;;) {
    invalid_.clear();
    text = {};
    if (at_end_) return false;
    const std::size_t available = fill();
    text = kind_ == Kind::kUtf8 ? decode_utf8_chunk(available) : decode_iconv_chunk(available);
    if (!text.empty() && !text_started_) {
      text_started_ = true;
      strip_leading_feff(text);
    }
    if (!text.empty()) return true;
  }
}

void TextDecoder::mark_invalid(std::size_t input_offset, std::size_t length,
                               std::size_t text_offset) {
  if (invalid_.empty() || invalid_run_end_ != input_offset) {
    invalid_.push_back(InvalidBytes{text_offset, chunk_start_ + input_offset + 1});
  }
  invalid_run_end_ = input_offset + length;
}

std::string_view TextDecoder::decode_utf8_chunk(std::size_t available) {
  const char* data = input_.data();
  if (validated_) return {data, available};
  const std::size_t valid = valid_utf8_prefix(data, available);
  if (valid == available) return {data, available};
  if (!at_end_ && is_incomplete_utf8(data + valid, available - valid)) {
    carry_from_ = valid;
    carried_ = available - valid;
    return {data, valid};
  }
  // Bad bytes: the text is a copy with U+FFFD in their place.
  output_.assign(data, valid);
  std::size_t at = valid;
  while (at < available) {
    if (!at_end_ && is_incomplete_utf8(data + at, available - at)) {
      carry_from_ = at;
      carried_ = available - at;
      break;
    }
    mark_invalid(at, 1, output_.size());
    output_.append(kReplacement);
    ++at;
    const std::size_t run = valid_utf8_prefix(data + at, available - at);
    output_.append(data + at, run);
    at += run;
  }
  return output_;
}

std::string_view TextDecoder::decode_iconv_chunk(std::size_t available) {
  // UTF-8 takes at most 3 bytes for 2 of GB18030 or UTF-16, and 3 for each bad byte.
  if (output_.size() < available * 3 + 16) output_.resize(available * 3 + 16);
  const std::size_t unit = kind_ == Kind::kGb18030 ? 1 : 2;
  char* in = input_.data();
  std::size_t in_left = available;
  std::size_t used = 0;
  while (in_left > 0) {
    char* out = output_.data() + used;
    std::size_t out_left = output_.size() - used;
    const std::size_t result = ::iconv(converter_, &in, &in_left, &out, &out_left);
    const int error = errno;
    used = static_cast<std::size_t>(out - output_.data());
    if (result != static_cast<std::size_t>(-1)) break;
    if (error == E2BIG) {
      output_.resize(output_.size() * 2);
      continue;
    }
    const auto offset = static_cast<std::size_t>(in - input_.data());
    if (error == EINVAL && !at_end_ && in_left < kMaxCarry) {  // split by the chunk's end
      carry_from_ = offset;
      carried_ = in_left;
      break;
    }
    const std::size_t length = std::min(unit, in_left);
    if (output_.size() < used + kReplacement.size()) output_.resize(output_.size() * 2);
    mark_invalid(offset, length, used);
    std::memcpy(output_.data() + used, kReplacement.data(), kReplacement.size());
    used += kReplacement.size();
    in += length;
    in_left -= length;
  }
  return {output_.data(), used};
}

void TextDecoder::strip_leading_feff(std::string_view& text) {
  if (text.substr(0, kUtf8Bom.size()) != kUtf8Bom) return;
  text.remove_prefix(kUtf8Bom.size());
  for (InvalidBytes& bad : invalid_) bad.text_offset -= kUtf8Bom.size();
}

}  // namespace aftersales
