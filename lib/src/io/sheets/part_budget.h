// What one part of an .xlsx archive may inflate to (XlsxLimits, issue 8 finding 5): checked
// against the sizes the central directory states before the part is inflated, and against the
// bytes it really yields while it is read.
#pragma once

#include <zip.h>

#include <cstdint>
#include <string>

#include "aftersales/core/error.h"
#include "aftersales/io/sheets/record_source.h"

namespace aftersales::xlsx {

class PartBudget {
 public:
  // The budget of the part at `index`, named `where` in messages. Throws Error(kInvalidInput)
  // when the sizes the central directory states are already over a bound.
  PartBudget(zip_t* archive, zip_uint64_t index, std::string where, const XlsxLimits& limits);

  // Throws Error(kInvalidInput) when `inflated`, the bytes the part yielded so far, are over a
  // bound: more than max_part_bytes, or more than max_compression_ratio times the compressed
  // size once past ratio_exempt_bytes.
  void check_inflated(std::uint64_t inflated) const { check(inflated, true); }

 private:
  void check(std::uint64_t size, bool streaming) const;

  std::string where_;
  XlsxLimits limits_;
  bool compressed_known_ = false;
  std::uint64_t compressed_ = 0;
};

// Error(kInvalidInput): the shared strings part `where` holds more strings than the bound;
// `stated` is the count the part declares (uniqueCount), 0 when it was found by counting.
Error too_many_shared_strings(const std::string& where, std::uint64_t stated,
                              const XlsxLimits& limits);

}  // namespace aftersales::xlsx
