// Which cells of the human table mean trouble, and the colour a terminal shows them in (issue
// 14): overdue and late items, refused and rejected states. One table in cell_tone.cpp names
// the columns (by their stable key, so a table and a record field alike) and the values that
// count; a new column that carries such meaning is a row there.
#pragma once

#include <string_view>

#include "aftersales/io/table.h"

namespace aftersales {

enum class Tone {
  kPlain,
  kLate,     // past its date: overdue, late, days late (yellow)
  kRefused,  // refused or rejected (red)
};

// The tone of `cell` in the column (or record field) keyed `column_key`:
//   - state, status, action: the text "rejected" or "refused" is kRefused, "overdue" or "late"
//     kLate;
//   - sla: text starting "overdue" or "arrived late" is kLate;
//   - overdue, filing_overdue, late, days_late: true, or a number above 0, is kLate;
//   - on_time: false is kLate;
//   - rejected (an import's rejected rows): a number above 0 is kRefused.
// Every other column and value is kPlain.
Tone cell_tone(std::string_view column_key, const Cell& cell);

// The ANSI SGR escape that starts the tone's colour ("" for kPlain); kToneEnd ends it.
std::string_view tone_start(Tone tone);
inline constexpr std::string_view kToneEnd = "\x1b[0m";

}  // namespace aftersales
