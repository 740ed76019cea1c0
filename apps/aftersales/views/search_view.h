// How search results read (issue 16): `aftersales search` as blocks for people, the matches
// highlighted on a colour terminal; as rows for files and scripts; and `ticket show --similar`.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/io/table.h"
#include "aftersales/search/search_hit.h"

namespace aftersales::cli {

// The columns of search results as rows (CSV, TSV, JSON, .xlsx): kind, record, at, unit, model,
// customer, category, state, matched (the fields that matched, comma-separated), text (the
// first field that matched), fix, fixed_at.
std::vector<Column> search_columns();
std::vector<Cell> search_row(const SearchHit& hit, UtcOffset zone);

// The human form: per record a heading line (record, date, kind, category, state, unit and
// model, customer), then each field that matched and the fix, indented. With `colour` the
// matches are bold red; with `width` (a terminal's columns, 0: no limit) each line is cut to
// it around its first match. Text is shown terminal-safe (io/terminal.h).
void write_search_blocks(std::ostream& out, const std::vector<SearchHit>& hits, UtcOffset zone,
                         bool colour, std::size_t width);

// `ticket show --similar`: the closest past repairs, as a table of the record view.
Table similar_repairs_table(const std::vector<SearchHit>& hits, UtcOffset zone);

}  // namespace aftersales::cli
