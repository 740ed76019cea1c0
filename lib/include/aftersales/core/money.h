// Money in integer fen (1/100 yuan), never floating point (DOMAIN.md "Money, time, text").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aftersales {

struct Money {
  std::int64_t fen = 0;

  friend bool operator==(Money a, Money b) { return a.fen == b.fen; }
  friend bool operator!=(Money a, Money b) { return a.fen != b.fen; }
  friend bool operator<(Money a, Money b) { return a.fen < b.fen; }
  friend bool operator>(Money a, Money b) { return a.fen > b.fen; }
  friend bool operator<=(Money a, Money b) { return a.fen <= b.fen; }
  friend bool operator>=(Money a, Money b) { return a.fen >= b.fen; }
  friend Money operator+(Money a, Money b) { return Money{a.fen + b.fen}; }
  friend Money operator-(Money a, Money b) { return Money{a.fen - b.fen}; }
};

// Parses an amount of yuan as typed by a clerk or found in a spreadsheet: `1234.5`, `1,234.50`,
// `¥1,234.50`, `￥1234`, full-width digits and marks (`１２３４．５０`), an optional leading
// minus. Thousands separators must group by three. Returns nullopt and sets `why` (what is
// wrong and how to write it instead) for anything else: two decimal marks, more than two
// decimals, letters, an empty text, an amount beyond ±90 trillion yuan.
std::optional<Money> parse_money(std::string_view text, std::string* why = nullptr);

// `1,234.50` (grouped, for people) or `1234.50` (plain, for machines); negative as `-1,234.50`.
std::string format_money(Money amount, bool grouped = true);

}  // namespace aftersales
