// Money in integer fen: reading amounts as clerks and spreadsheets write them, printing them
// for people and machines. No floating point anywhere (DOMAIN.md "Money, time, text").
#include "aftersales/core/money.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aftersales {
namespace {

// ±90 trillion yuan (money.h): far beyond any real amount, and a sum of a thousand such amounts
// still fits in int64 fen, so totals need no overflow checks.
constexpr std::int64_t kMaxYuan = 90'000'000'000'000;
constexpr std::int64_t kMaxFen = kMaxYuan * 100;

constexpr std::string_view kHowToWrite = "write the amount like 1234.50";

// What one character of the input means to an amount. Full-width forms (typed with a Chinese
// input method) mean the same as their ASCII counterparts.
enum class SymbolKind { kDigit, kDecimalMark, kGroupMark, kMinus, kCurrency, kSpace, kOther };

struct Symbol {
  SymbolKind kind = SymbolKind::kOther;
  int digit = 0;          // for kDigit
  std::string_view text;  // the character as written (one UTF-8 sequence)
};

// Length of the UTF-8 sequence whose lead byte is `lead`; 1 for stray bytes, so that a
// malformed text still advances and is reported as an unexpected character.
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

Symbol classify(std::string_view text) {
  Symbol symbol;
  const std::size_t length =
      std::min(utf8_length(static_cast<unsigned char>(text[0])), text.size());
  symbol.text = text.substr(0, length);
  const std::string_view s = symbol.text;
  if (length == 1) {
    const char c = s[0];
    if (c >= '0' && c <= '9') {
      symbol.kind = SymbolKind::kDigit;
      symbol.digit = c - '0';
    } else if (c == '.') {
      symbol.kind = SymbolKind::kDecimalMark;
    } else if (c == ',') {
      symbol.kind = SymbolKind::kGroupMark;
    } else if (c == '-') {
      symbol.kind = SymbolKind::kMinus;
    } else if (c == ' ' || c == '\t') {
      symbol.kind = SymbolKind::kSpace;
    }
    return symbol;
  }
  if (s == "\xC2\xA5" || s == "\xEF\xBF\xA5") {  // ¥ U+00A5, ￥ U+FFE5
    symbol.kind = SymbolKind::kCurrency;
  } else if (s == "\xEF\xBC\x8E") {  // ． U+FF0E
    symbol.kind = SymbolKind::kDecimalMark;
  } else if (s == "\xEF\xBC\x8C") {  // ， U+FF0C
    symbol.kind = SymbolKind::kGroupMark;
  } else if (s == "\xEF\xBC\x8D" || s == "\xE2\x88\x92") {  // － U+FF0D, − U+2212
    symbol.kind = SymbolKind::kMinus;
  } else if (s == "\xE3\x80\x80") {  // ideographic space U+3000
    symbol.kind = SymbolKind::kSpace;
  } else if (length == 3 && s[0] == '\xEF' && s[1] == '\xBC' &&
             static_cast<unsigned char>(s[2]) >= 0x90 &&
             static_cast<unsigned char>(s[2]) <= 0x99) {  // ０-９ U+FF10..U+FF19
    symbol.kind = SymbolKind::kDigit;
    symbol.digit = static_cast<unsigned char>(s[2]) - 0x90;
  }
  return symbol;
}

// The symbols of `text` without leading and trailing spaces.
std::vector<Symbol> symbols_of(std::string_view text) {
  std::vector<Symbol> symbols;
  while (!text.empty()) {
    symbols.push_back(classify(text));
    text.remove_prefix(symbols.back().text.size());
  }
  while (!symbols.empty() && symbols.back().kind == SymbolKind::kSpace) symbols.pop_back();
  std::size_t leading = 0;
  while (leading < symbols.size() && symbols[leading].kind == SymbolKind::kSpace) ++leading;
  symbols.erase(symbols.begin(), symbols.begin() + static_cast<std::ptrdiff_t>(leading));
  return symbols;
}

std::optional<Money> refuse(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return std::nullopt;
}

std::string how_to_write(std::string_view reason) {
  return std::string(reason) + "; " + std::string(kHowToWrite);
}

}  // namespace

std::optional<Money> parse_money(std::string_view text, std::string* why) {
  const std::vector<Symbol> symbols = symbols_of(text);
  if (symbols.empty()) return refuse(why, how_to_write("the amount is empty"));

  std::size_t i = 0;
  // A sign and a currency sign, in either order, may precede the number (`-¥5`, `¥-5`), with
  // spaces between them (`¥ 5`).
  bool negative = false;
  bool currency = false;
  for (; i < symbols.size(); ++i) {
    const SymbolKind kind = symbols[i].kind;
    if (kind == SymbolKind::kSpace) continue;
    if (kind == SymbolKind::kMinus) {
      if (negative) return refuse(why, "two minus signs; write the amount like -1234.50");
      negative = true;
    } else if (kind == SymbolKind::kCurrency) {
      if (currency) return refuse(why, how_to_write("two currency signs"));
      currency = true;
    } else {
      break;
    }
  }

  std::int64_t yuan = 0;
  int integer_digits = 0;
  int group_length = 0;  // digits since the last thousands separator, or since the start
  bool grouped = false;
  for (; i < symbols.size(); ++i) {
    const Symbol& symbol = symbols[i];
    if (symbol.kind == SymbolKind::kDigit) {
      yuan = yuan * 10 + symbol.digit;
      if (yuan > kMaxYuan) {
        return refuse(why, "the amount is beyond 90 trillion yuan; check the figure");
      }
      ++integer_digits;
      ++group_length;
    } else if (symbol.kind == SymbolKind::kGroupMark) {
      if (integer_digits == 0) {
        return refuse(why, how_to_write("a thousands separator before the first digit"));
      }
      if ((grouped && group_length != 3) || (!grouped && group_length > 3)) {
        return refuse(why,
                      "thousands separators must group digits by three; write the amount "
                      "like 1,234.50 or 1234.50");
      }
      grouped = true;
      group_length = 0;
    } else {
      break;
    }
  }
  if (integer_digits == 0) {
    if (i < symbols.size() && symbols[i].kind == SymbolKind::kDecimalMark) {
      return refuse(why, "no digit before the decimal mark; write the amount like 0.50");
    }
    if (i == symbols.size()) return refuse(why, how_to_write("no digits in the amount"));
  }
  if (grouped && group_length != 3) {
    return refuse(why,
                  "thousands separators must group digits by three; write the amount like "
                  "1,234.50 or 1234.50");
  }

  std::int64_t fen = 0;
  int decimals = 0;
  if (i < symbols.size() && symbols[i].kind == SymbolKind::kDecimalMark) {
    for (++i; i < symbols.size() && symbols[i].kind == SymbolKind::kDigit; ++i) {
      if (++decimals > 2) {
        return refuse(why,
                      "more than two decimals (an amount is yuan and fen); write the "
                      "amount like 1234.50");
      }
      fen = fen * 10 + symbols[i].digit;
    }
    if (decimals == 0 && i == symbols.size()) {
      return refuse(why,
                    "no digit after the decimal mark; write the amount like 1234.50 or "
                    "1234");
    }
    if (decimals == 1) fen *= 10;
  }

  if (i < symbols.size()) {
    const Symbol& symbol = symbols[i];
    switch (symbol.kind) {
      case SymbolKind::kDecimalMark:
        return refuse(why, how_to_write("two decimal marks"));
      case SymbolKind::kGroupMark:
        return refuse(why, how_to_write("a thousands separator after the decimal mark"));
      case SymbolKind::kMinus:
        return refuse(why, "the minus sign belongs in front; write the amount like -1234.50");
      case SymbolKind::kCurrency:
        return refuse(why, "the currency sign belongs in front; write the amount like ¥1234.50");
      case SymbolKind::kSpace:
        return refuse(why, how_to_write("a space inside the amount"));
      case SymbolKind::kDigit:  // cannot happen: digits were all consumed above
      case SymbolKind::kOther:
        break;
    }
    return refuse(why, how_to_write("unexpected \"" + std::string(symbol.text) +
                                    "\" in the amount (digits, an optional ¥, thousands commas "
                                    "and a decimal point only)"));
  }

  fen += yuan * 100;
  if (fen > kMaxFen) return refuse(why, "the amount is beyond 90 trillion yuan; check the figure");
  return Money{negative ? -fen : fen};
}

std::string format_money(Money amount, bool grouped) {
  // The magnitude as unsigned, so that even INT64_MIN prints instead of overflowing.
  const bool negative = amount.fen < 0;
  const std::uint64_t magnitude = negative ? ~static_cast<std::uint64_t>(amount.fen) + 1
                                           : static_cast<std::uint64_t>(amount.fen);
  const std::uint64_t yuan = magnitude / 100;
  const std::uint64_t fen = magnitude % 100;

  const std::string yuan_digits = std::to_string(yuan);
  std::string out;
  if (negative) out += '-';
  for (std::size_t k = 0; k < yuan_digits.size(); ++k) {
    if (grouped && k > 0 && (yuan_digits.size() - k) % 3 == 0) out += ',';
    out += yuan_digits[k];
  }
  out += '.';
  out += static_cast<char>('0' + fen / 10);
  out += static_cast<char>('0' + fen % 10);
  return out;
}

}  // namespace aftersales
