// How the returns of failed parts (表12) read on screen and in files.
#pragma once

#include <string>

#include "aftersales/io/table.h"
#include "aftersales/parts/returns.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

// The columns of `part returns`, and one row per owed line as of `today`: due_on is the last
// day on time, days_late counts the days past it (until it came back, or until today).
Table part_return_table();
void add_part_return_row(Table& table, const PartReturn& line, const Rules& rules, Date today);

// The one line a step leaves on stderr: "part return RT-2026-000001 (line 1): received".
std::string part_return_text(const PartReturn& line, const std::string& what);

}  // namespace aftersales::cli
