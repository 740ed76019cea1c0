// Which cells mean trouble (io/cell_tone.h): the columns of the one table and their values.
#include "aftersales/io/cell_tone.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace aftersales {

TEST_CASE("refused and rejected states are red, overdue and late ones yellow, others plain") {
  CHECK(cell_tone("state", std::string("rejected")) == Tone::kRefused);
  CHECK(cell_tone("status", std::string("refused")) == Tone::kRefused);
  CHECK(cell_tone("state", std::string("overdue")) == Tone::kLate);
  CHECK(cell_tone("state", std::string("open")) == Tone::kPlain);
  CHECK(cell_tone("name", std::string("rejected")) == Tone::kPlain);  // not a state column
}

TEST_CASE("late flags and days late count only when set, on time only when false") {
  CHECK(cell_tone("overdue", true) == Tone::kLate);
  CHECK(cell_tone("overdue", false) == Tone::kPlain);
  CHECK(cell_tone("days_late", std::int64_t{4}) == Tone::kLate);
  CHECK(cell_tone("days_late", std::int64_t{0}) == Tone::kPlain);
  CHECK(cell_tone("days_late", Cell{}) == Tone::kPlain);
  CHECK(cell_tone("on_time", false) == Tone::kLate);
  CHECK(cell_tone("on_time", true) == Tone::kPlain);
  CHECK(cell_tone("rejected", std::int64_t{2}) == Tone::kRefused);
  CHECK(cell_tone("rejected", std::int64_t{0}) == Tone::kPlain);
}

TEST_CASE("a ticket's SLA text is late when overdue or arrived late") {
  CHECK(cell_tone("sla", std::string("overdue by 3h")) == Tone::kLate);
  CHECK(cell_tone("sla", std::string("arrived late by 20m")) == Tone::kLate);
  CHECK(cell_tone("sla", std::string("arrived on time")) == Tone::kPlain);
}

TEST_CASE("each tone has its own escape and plain has none") {
  CHECK(tone_start(Tone::kPlain).empty());
  CHECK(tone_start(Tone::kLate) == "\x1b[33m");
  CHECK(tone_start(Tone::kRefused) == "\x1b[31m");
}

}  // namespace aftersales
