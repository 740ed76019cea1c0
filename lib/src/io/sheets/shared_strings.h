// The shared strings of a workbook (xl/sharedStrings.xml), which cells refer to by index, and the
// rich text rules that <si> items and inline strings share.
#pragma once

#include <zip.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheets/read_options.h"

namespace aftersales::xlsx {

// Every string of xl/sharedStrings.xml in one buffer: fewer allocations than one std::string
// each, which matters for a sheet of a million distinct texts.
class SharedStrings {
 public:
  std::size_t size() const { return ends_.size(); }
  // The string at `index`, which must be below size(); valid until the next add().
  std::string_view at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  void add(std::string_view text) {
    text_ += text;
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// Appends the runs of an <si> or <is>: its <t> and each rich text run's <t>, without the
// phonetic guides (<rPh>) East Asian Excel adds.
class RichTextCollector {
 public:
  // Returns whether `name` was part of the rich text.
  bool start(std::string_view name, int depth) {
    if (name == "rPh" && phonetic_depth_ == 0) {
      phonetic_depth_ = depth;
    } else if (name == "t" && phonetic_depth_ == 0) {
      in_text_ = true;
    } else {
      return false;
    }
    return true;
  }
  void end(std::string_view name, int depth) {
    if (depth == phonetic_depth_) phonetic_depth_ = 0;
    if (name == "t") in_text_ = false;
  }
  bool collecting() const { return in_text_; }
  void reset() {
    phonetic_depth_ = 0;
    in_text_ = false;
  }

 private:
  int phonetic_depth_ = 0;
  bool in_text_ = false;
};

// Loads the shared strings part `part` of `file` whole, escapes decoded (decode_escapes); none
// when the archive has no such part. Throws Error(kInvalidInput) when the part is damaged, over
// the size bounds of `options.limits`, or states or holds more strings than max_shared_strings
// (refused before the strings are read when its uniqueCount says so).
SharedStrings load_shared_strings(zip_t* archive, const std::string& file, const std::string& part,
                                  const ReadOptions& options);

}  // namespace aftersales::xlsx
