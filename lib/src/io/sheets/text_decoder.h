// Turning the bytes of a text file into UTF-8, whatever its encoding, without holding the file in
// memory: the encoding is detected (BOM, then strict UTF-8 over the whole file, then GB18030) or
// forced, and the text comes out in chunks of bounded size.
#pragma once

#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/io/sheets/record_source.h"

namespace aftersales {

// Where the bytes come from: a file read in chunks, or a buffer in memory (tests and fuzzing).
class ByteReader {
 public:
  virtual ~ByteReader() = default;

  // Reads up to `size` bytes into `buffer`; returns how many, fewer than `size` only at the end
  // and 0 there. Throws Error(kInvalidInput) when the file cannot be read.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;

  // Starts again at the first byte. Throws Error(kInvalidInput) when the file cannot seek.
  virtual void rewind() = 0;

  // The size of the whole input in bytes (for progress).
  virtual std::uint64_t size() const = 0;
};

// Opens `path` for reading. Throws Error(kInvalidInput) naming the path when it cannot be opened
// or is not a regular file.
std::unique_ptr<ByteReader> open_byte_file(const std::string& path);

// Reads `bytes`, which must outlive the reader.
std::unique_ptr<ByteReader> byte_buffer(std::string_view bytes);

// Bytes that are not text in the encoding: they appear in the decoded text as one U+FFFD
// REPLACEMENT CHARACTER per byte (per 2-byte unit in UTF-16), never dropped; a run of them
// within a chunk is marked once.
struct InvalidBytes {
  std::size_t text_offset = 0;  // where the first U+FFFD starts in the chunk's text
  std::uint64_t byte = 0;       // 1-based offset of the first bad byte in the file
};

// The chunk size of files: memory stays near a few times this whatever the file size.
inline constexpr std::size_t kDefaultChunkSize = 256 * 1024;

// Decodes a byte stream to UTF-8, chunk by chunk. Detection, when the encoding is kAuto, reads
// the whole input once in the constructor (a file is UTF-8 only if all of it is), then starts
// again. A BOM (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF) decides without that pass; a
// forced encoding skips detection. A leading U+FEFF is never part of the text, in any encoding.
// Multibyte sequences split across chunks are carried to the next chunk.
class TextDecoder {
 public:
  // Throws Error(kInvalidInput) when the input cannot be read, or when the C library has no
  // converter for the encoding. `chunk_size` is for tests and fuzzing (at least 1).
  TextDecoder(std::unique_ptr<ByteReader> bytes, TextEncoding encoding,
              std::size_t chunk_size = kDefaultChunkSize);
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // Decodes the next chunk into `text` (not empty; valid until the next call). Returns false at
  // the end of the input, with `text` empty. Throws Error(kInvalidInput) when the input cannot be
  // read.
  bool next_chunk(std::string_view& text);

  // The bad byte runs of the last chunk, in order of `text_offset`.
  const std::vector<InvalidBytes>& invalid() const { return invalid_; }

  // What the input turned out to be: "utf-8", "utf-8 (BOM)", "utf-16le (BOM)", "utf-16be (BOM)"
  // or "gb18030".
  const std::string& encoding() const { return encoding_; }

  // The encoding's name for messages: "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030".
  const char* encoding_label() const;

  // Bytes of the input consumed so far, and its size.
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t total_bytes() const { return total_bytes_; }

 private:
  enum class Kind { kUtf8, kUtf16Le, kUtf16Be, kGb18030 };

  void detect_bom(std::string_view start);
  bool whole_input_is_utf8();
  void skip_bom();
  std::size_t fill();  // moves the carried bytes to the front, reads after them
  std::string_view decode_utf8_chunk(std::size_t available);
  std::string_view decode_iconv_chunk(std::size_t available);
  // Marks `length` bad bytes at `input_offset`, replaced at `text_offset` of the chunk's text.
  void mark_invalid(std::size_t input_offset, std::size_t length, std::size_t text_offset);
  void strip_leading_feff(std::string_view& text);

  std::unique_ptr<ByteReader> bytes_;
  std::size_t chunk_size_;
  Kind kind_ = Kind::kUtf8;
  std::string encoding_;
  std::size_t bom_length_ = 0;
  bool validated_ = false;  // the whole input is known to be valid UTF-8
  iconv_t converter_ = reinterpret_cast<iconv_t>(-1);

  std::vector<char> input_;     // carried bytes, then the chunk read
  std::size_t carry_from_ = 0;  // where the bytes to carry start in input_
  std::size_t carried_ = 0;     // how many there are
  std::string output_;          // converted text, when it is not `input_` itself
  std::vector<InvalidBytes> invalid_;
  std::size_t invalid_run_end_ = 0;  // input offset right after the last bad byte marked
  std::uint64_t chunk_start_ = 0;    // file offset of input_[0]
  std::uint64_t bytes_read_ = 0;
  std::uint64_t total_bytes_ = 0;
  bool at_end_ = false;
  bool text_started_ = false;  // some text came out already (a U+FEFF is no longer leading)
};

}  // namespace aftersales
