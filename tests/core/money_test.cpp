// Reading and printing amounts in fen (DOMAIN.md "Money, time, text").
#include "aftersales/core/money.h"

#include <cstdint>
#include <limits>
#include <string>

#include <doctest/doctest.h>

namespace aftersales {
namespace {

// The fen of `text`, or -1 when refused (no accepted test amount is -1 fen).
std::int64_t fen_of(std::string_view text) {
  const std::optional<Money> amount = parse_money(text);
  return amount ? amount->fen : -1;
}

// The reason `text` is refused; empty when it is accepted.
std::string why_refused(std::string_view text) {
  std::string why;
  return parse_money(text, &why) ? std::string() : why;
}

}  // namespace

TEST_CASE("money with one decimal reads as tens of fen") {
  CHECK(fen_of("1234.5") == 123450);
  CHECK(fen_of("0.5") == 50);
}

TEST_CASE("money without decimals reads as whole yuan") {
  CHECK(fen_of("1234") == 123400);
  CHECK(fen_of("0") == 0);
  CHECK(fen_of("007") == 700);
}

TEST_CASE("money grouped by thousands reads as the same amount") {
  CHECK(fen_of("1,234.50") == 123450);
  CHECK(fen_of("123,456,789.01") == 12345678901);
  CHECK(fen_of("999") == 99900);
  CHECK(fen_of("1,000") == 100000);
}

TEST_CASE("money with a yuan sign reads as the amount") {
  CHECK(fen_of("¥1,234.50") == 123450);
  CHECK(fen_of("￥1234") == 123400);
  CHECK(fen_of("¥ 1234") == 123400);
}

TEST_CASE("money in full-width digits and marks reads as the amount") {
  CHECK(fen_of("１２３４．５０") == 123450);
  CHECK(fen_of("１，２３４．５") == 123450);
  CHECK(fen_of("1，234.50") == 123450);
  CHECK(fen_of("￥１２３４") == 123400);
}

TEST_CASE("money with surrounding spaces reads as the amount") {
  CHECK(fen_of("  1234.50 ") == 123450);
  CHECK(fen_of("\t1234.50\t") == 123450);
  CHECK(fen_of("\xE3\x80\x80"
               "1234.50\xE3\x80\x80") == 123450);  // ideographic spaces
}

TEST_CASE("negative money reads with a leading minus before or after the yuan sign") {
  CHECK(fen_of("-1234.50") == -123450);
  CHECK(fen_of("-1,234.5") == -123450);
  CHECK(fen_of("-¥1,234.50") == -123450);
  CHECK(fen_of("¥-1,234.50") == -123450);
  CHECK(fen_of("－１２３４") == -123400);  // full-width minus
  CHECK(fen_of("-0.00") == 0);
}

TEST_CASE("money with two decimal marks is refused") {
  CHECK(why_refused("1.2.3") == "two decimal marks; write the amount like 1234.50");
  CHECK_FALSE(why_refused("1..2").empty());
}

TEST_CASE("money with more than two decimals is refused") {
  CHECK(why_refused("1.234").find("more than two decimals") == 0);
  CHECK(why_refused("1.234").find("write the amount like 1234.50") != std::string::npos);
  CHECK_FALSE(why_refused("1.230").empty());
}

TEST_CASE("money with thousands separators not grouped by three is refused") {
  const std::string why = why_refused("12,34");
  CHECK(why.find("group digits by three") != std::string::npos);
  CHECK(why.find("1,234.50") != std::string::npos);
  CHECK_FALSE(why_refused("1234,567").empty());
  CHECK_FALSE(why_refused("1,2345").empty());
  CHECK_FALSE(why_refused("1,234,56").empty());
  CHECK_FALSE(why_refused("1,").empty());
  CHECK_FALSE(why_refused(",123").empty());
  CHECK_FALSE(why_refused("1,234.567,8").empty());
}

TEST_CASE("empty money is refused") {
  CHECK(why_refused("") == "the amount is empty; write the amount like 1234.50");
  CHECK(why_refused("   ") == "the amount is empty; write the amount like 1234.50");
  CHECK_FALSE(why_refused("¥").empty());
  CHECK_FALSE(why_refused("-").empty());
}

TEST_CASE("money with letters or stray marks is refused and names what it found") {
  CHECK(why_refused("12a4").find("\"a\"") != std::string::npos);
  CHECK(why_refused("1234元").find("\"元\"") != std::string::npos);
  CHECK_FALSE(why_refused("1e3").empty());
  CHECK_FALSE(why_refused("+5").empty());
  CHECK_FALSE(why_refused("1 234").empty());
  CHECK_FALSE(why_refused("1234-").empty());
  CHECK_FALSE(why_refused("1234¥").empty());
  CHECK_FALSE(why_refused("--5").empty());
  CHECK_FALSE(why_refused("¥¥5").empty());
  CHECK_FALSE(why_refused(".5").empty());
  CHECK_FALSE(why_refused("5.").empty());
}

TEST_CASE("money beyond 90 trillion yuan is refused") {
  CHECK(fen_of("90,000,000,000,000.00") == 9'000'000'000'000'000);
  CHECK(fen_of("-90000000000000") == -9'000'000'000'000'000);
  CHECK(why_refused("90000000000000.01").find("90 trillion") != std::string::npos);
  CHECK(why_refused("90000000000001").find("90 trillion") != std::string::npos);
  CHECK(why_refused("99999999999999999999999999").find("90 trillion") != std::string::npos);
}

TEST_CASE("money is formatted with two decimals, grouped or plain") {
  CHECK(format_money(Money{0}) == "0.00");
  CHECK(format_money(Money{5}) == "0.05");
  CHECK(format_money(Money{-5}) == "-0.05");
  CHECK(format_money(Money{123450}) == "1,234.50");
  CHECK(format_money(Money{-123450}) == "-1,234.50");
  CHECK(format_money(Money{12345678901}) == "123,456,789.01");
  CHECK(format_money(Money{99900}) == "999.00");
  CHECK(format_money(Money{100000}) == "1,000.00");
  CHECK(format_money(Money{123450}, false) == "1234.50");
  CHECK(format_money(Money{-12345678901}, false) == "-123456789.01");
}

TEST_CASE("formatting the most negative amount does not overflow") {
  CHECK(format_money(Money{std::numeric_limits<std::int64_t>::min()}, false) ==
        "-92233720368547758.08");
}

TEST_CASE("formatted money reads back as the same amount") {
  for (std::int64_t fen :
       {std::int64_t{0}, std::int64_t{1}, std::int64_t{-99}, std::int64_t{100},
        std::int64_t{123456}, std::int64_t{-987654321012}, std::int64_t{9'000'000'000'000'000}}) {
    CAPTURE(fen);
    CHECK(fen_of(format_money(Money{fen})) == fen);
    CHECK(fen_of(format_money(Money{fen}, false)) == fen);
  }
}

TEST_CASE("money can be refused without asking why") {
  CHECK_FALSE(parse_money("1.2.3").has_value());
  CHECK_FALSE(parse_money("1.2.3", nullptr).has_value());
}

}  // namespace aftersales
