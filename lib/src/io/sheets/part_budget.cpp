// Bounds on inflating a part, and the messages that name the part, what it holds, the bound and
// the rulebook key that sets it.
#include "io/sheets/part_budget.h"

#include <fmt/format.h>

#include <limits>
#include <utility>

#include "aftersales/core/error.h"

namespace aftersales::xlsx {
namespace {

constexpr std::uint64_t kMebibyte = std::uint64_t{1} << 20;

// Tenths, rounded up, so that a value over a bound never shows as equal to it: "512.1".
std::string tenths_up(std::uint64_t numerator, std::uint64_t denominator) {
  std::uint64_t whole = numerator / denominator;
  const std::uint64_t rest = numerator % denominator;
  std::uint64_t tenths = 0;
  if (rest != 0) {
    // rest < denominator, so rest * 10 fits while the denominator is below a tenth of the range.
    tenths = denominator <= std::numeric_limits<std::uint64_t>::max() / 10
                 ? rest * 10 / denominator + (rest * 10 % denominator != 0 ? 1 : 0)
                 : 10;
  }
  if (tenths == 10) {
    ++whole;
    tenths = 0;
  }
  return fmt::format("{}.{}", whole, tenths);
}

std::string mebibytes(std::uint64_t bytes) { return tenths_up(bytes, kMebibyte) + " MiB"; }

// Whether `size` / `compressed` > `ratio`, in whole numbers without overflow.
bool over_ratio(std::uint64_t size, std::uint64_t compressed, std::uint64_t ratio) {
  if (compressed == 0) return size > 0;
  const std::uint64_t quotient = size / compressed;
  return quotient > ratio || (quotient == ratio && size % compressed != 0);
}

// What to do about a bound: `key` of the rulebook's [import] table.
std::string raise_hint(const char* key) {
  return fmt::format(
      "if the workbook is genuine, raise {} in the rulebook's [import] table, or save the sheet "
      "as CSV",
      key);
}

}  // namespace

PartBudget::PartBudget(zip_t* archive, zip_uint64_t index, std::string where,
                       const XlsxLimits& limits)
    : where_(std::move(where)), limits_(limits) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, index, 0, &stat) != 0) return;  // opening the part will say why
  compressed_known_ = (stat.valid & ZIP_STAT_COMP_SIZE) != 0;
  compressed_ = stat.comp_size;
  if ((stat.valid & ZIP_STAT_SIZE) != 0) check(stat.size, false);
}

void PartBudget::check(std::uint64_t size, bool streaming) const {
  const std::string found = streaming ? "at least " : "";
  if (size > limits_.max_part_bytes) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{} inflates to {}{}, over the limit of {} for one part "
                            "(import.xlsx_max_part_mb)",
                            where_, found, mebibytes(size), mebibytes(limits_.max_part_bytes)),
                raise_hint("xlsx_max_part_mb"));
  }
  if (compressed_known_ && size > limits_.ratio_exempt_bytes &&
      over_ratio(size, compressed_, limits_.max_compression_ratio)) {
    // "4.0 MiB from 4467 bytes": the ratio itself only when it is a number.
    const std::string ratio =
        compressed_ == 0 ? std::string() : found + tenths_up(size, compressed_) + ":1 ";
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("{} inflates {}({}{} from {} bytes), over the limit of {}:1 "
                            "(import.xlsx_max_compression_ratio), as a zip bomb does",
                            where_, ratio, found, mebibytes(size), compressed_,
                            limits_.max_compression_ratio),
                raise_hint("xlsx_max_compression_ratio"));
  }
}

Error too_many_shared_strings(const std::string& where, std::uint64_t stated,
                              const XlsxLimits& limits) {
  const std::string found = stated != 0
                                ? fmt::format("states {}", stated)
                                : fmt::format("holds more than {}", limits.max_shared_strings);
  return Error(ErrorCode::kInvalidInput,
               fmt::format("{} {} shared strings, over the limit of {} "
                           "(import.xlsx_max_shared_strings)",
                           where, found, limits.max_shared_strings),
               raise_hint("xlsx_max_shared_strings"));
}

}  // namespace aftersales::xlsx
