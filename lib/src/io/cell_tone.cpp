// The one table of columns whose cells mean trouble (io/cell_tone.h) and their colours.
#include "aftersales/io/cell_tone.h"

#include <cstdint>
#include <string>
#include <variant>

namespace aftersales {
namespace {

// How a column's values are judged.
enum class Rule {
  kStateWord,     // "rejected"/"refused": refused; "overdue"/"late": late
  kSlaText,       // "overdue by ..." or "arrived late by ...": late
  kSetIsLate,     // true or a number above 0: late
  kFalseIsLate,   // false: late
  kSetIsRefused,  // a number above 0: refused
};

struct ToneColumn {
  std::string_view key;
  Rule rule;
};

constexpr ToneColumn kToneColumns[] = {
    {"state", Rule::kStateWord},     {"status", Rule::kStateWord},
    {"action", Rule::kStateWord},    {"sla", Rule::kSlaText},
    {"overdue", Rule::kSetIsLate},   {"filing_overdue", Rule::kSetIsLate},
    {"late", Rule::kSetIsLate},      {"days_late", Rule::kSetIsLate},
    {"on_time", Rule::kFalseIsLate}, {"rejected", Rule::kSetIsRefused},
};

// True, a whole number above 0 or an amount above 0.
bool is_set(const Cell& cell) {
  if (const auto* flag = std::get_if<bool>(&cell)) return *flag;
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number > 0;
  if (const auto* money = std::get_if<Money>(&cell)) return money->fen > 0;
  return false;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Tone judge(Rule rule, const Cell& cell) {
  const auto* text = std::get_if<std::string>(&cell);
  switch (rule) {
    case Rule::kStateWord:
      if (text == nullptr) return Tone::kPlain;
      if (*text == "rejected" || *text == "refused") return Tone::kRefused;
      if (*text == "overdue" || *text == "late") return Tone::kLate;
      return Tone::kPlain;
    case Rule::kSlaText:
      if (text != nullptr &&
          (starts_with(*text, "overdue") || starts_with(*text, "arrived late"))) {
        return Tone::kLate;
      }
      return Tone::kPlain;
    case Rule::kSetIsLate:
      return is_set(cell) ? Tone::kLate : Tone::kPlain;
    case Rule::kFalseIsLate: {
      const auto* flag = std::get_if<bool>(&cell);
      return flag != nullptr && !*flag ? Tone::kLate : Tone::kPlain;
    }
    case Rule::kSetIsRefused:
      return is_set(cell) ? Tone::kRefused : Tone::kPlain;
  }
  return Tone::kPlain;
}

}  // namespace

Tone cell_tone(std::string_view column_key, const Cell& cell) {
  for (const ToneColumn& column : kToneColumns) {
    if (column.key == column_key) return judge(column.rule, cell);
  }
  return Tone::kPlain;
}

std::string_view tone_start(Tone tone) {
  switch (tone) {
    case Tone::kPlain:
      return {};
    case Tone::kLate:
      return "\x1b[33m";
    case Tone::kRefused:
      return "\x1b[31m";
  }
  return {};
}

}  // namespace aftersales
