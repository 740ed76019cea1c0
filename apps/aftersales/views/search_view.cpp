// Search results on screen and in files (issue 16; search_view.h).
#include "views/search_view.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "aftersales/core/text.h"
#include "aftersales/io/render.h"
#include "aftersales/io/terminal.h"

namespace aftersales::cli {
namespace {

constexpr std::string_view kMatchStart = "\x1b[1;31m";
constexpr std::string_view kMatchEnd = "\x1b[0m";
// Characters kept before a line's first match when the line is cut to the terminal.
constexpr std::size_t kLeadBefore = 8;

const SearchField* first_matched(const SearchHit& hit) {
  for (const SearchField& field : hit.fields) {
    if (!field.matches.empty()) return &field;
  }
  return nullptr;
}

std::string matched_names(const SearchHit& hit) {
  std::string names;
  for (const SearchField& field : hit.fields) {
    if (field.matches.empty()) continue;
    if (!names.empty()) names += ',';
    names += field.name;
  }
  return names;
}

// One character of text for a line on screen: line breaks and tabs as spaces.
std::string shown_char(std::string_view c) {
  if (c == "\n" || c == "\r" || c == "\t") return " ";
  return terminal_safe(c);
}

// `text` as one line of at most `width` columns (0: all of it), starting a few characters
// before its first match when it does not fit, each match wrapped in colour when `colour`.
std::string field_line(const SearchField& field, bool colour, std::size_t width) {
  const std::string& text = field.text;
  // The characters' starts, to walk back from the first match.
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < text.size();) {
    starts.push_back(at);
    const std::optional<DecodedUtf8> decoded = decode_utf8(std::string_view(text).substr(at));
    at += decoded ? decoded->length : 1;
  }
  std::size_t from = 0;
  if (width > 0 && display_width(text) > width && !field.matches.empty()) {
    const std::size_t first = field.matches.front().begin;
    std::size_t index = 0;
    while (index < starts.size() && starts[index] < first) ++index;
    from = starts[index > kLeadBefore ? index - kLeadBefore : 0];
  }
  std::string line = from > 0 ? "…" : "";
  std::size_t used = from > 0 ? 1 : 0;
  std::size_t span = 0;
  bool inside = false;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t at = starts[i];
    if (at < from) continue;
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    const std::string shown = shown_char(std::string_view(text).substr(at, end - at));
    const std::size_t columns = display_width(shown);
    if (width > 0 && used + columns > width - 1 && end < text.size()) {
      if (inside && colour) line += kMatchEnd;
      return line + "…";
    }
    while (span < field.matches.size() && field.matches[span].end <= at) ++span;
    const bool in_match = span < field.matches.size() && field.matches[span].begin <= at;
    if (colour && in_match != inside) line += in_match ? kMatchStart : kMatchEnd;
    inside = in_match;
    line += shown;
    used += columns;
  }
  if (inside && colour) line += kMatchEnd;
  return line;
}

std::string date_of(Timestamp at, UtcOffset zone) { return format_date(local_date(at, zone)); }

}  // namespace

std::vector<Column> search_columns() {
  return {{"kind", "", ColumnKind::kText},     {"record", "", ColumnKind::kText},
          {"at", "", ColumnKind::kTime},       {"unit", "", ColumnKind::kText},
          {"model", "", ColumnKind::kText},    {"customer", "", ColumnKind::kText},
          {"category", "", ColumnKind::kText}, {"state", "", ColumnKind::kText},
          {"matched", "", ColumnKind::kText},  {"text", "", ColumnKind::kText},
          {"fix", "", ColumnKind::kText},      {"fixed_at", "fixed at", ColumnKind::kTime}};
}

std::vector<Cell> search_row(const SearchHit& hit, UtcOffset zone) {
  const SearchField* matched = first_matched(hit);
  return {hit.kind,
          hit.record,
          format_timestamp(hit.at, zone),
          hit.unit,
          hit.model,
          hit.customer,
          hit.category,
          hit.state,
          matched_names(hit),
          matched != nullptr ? Cell{matched->text} : Cell{},
          hit.fix,
          hit.fixed_at ? Cell{format_timestamp(*hit.fixed_at, zone)} : Cell{}};
}

void write_search_blocks(std::ostream& out, const std::vector<SearchHit>& hits, UtcOffset zone,
                         bool colour, std::size_t width) {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& hit = hits[i];
    if (i > 0) out << '\n';
    std::string heading = fmt::format("{}  {}  {}", hit.record, date_of(hit.at, zone), hit.kind);
    for (const std::string* part : {&hit.category, &hit.state}) {
      if (!part->empty()) heading += " · " + *part;
    }
    if (!hit.unit.empty()) heading += fmt::format("  {} ({})", hit.unit, hit.model);
    if (!hit.customer.empty()) heading += "  " + hit.customer;
    heading = terminal_safe(heading);
    if (width > 0) heading = cut_to_width(heading, width);
    out << (colour ? "\x1b[1m" + heading + "\x1b[0m" : heading) << '\n';
    // The fields that matched, and the fix (a field too) whether it matched or not.
    for (const SearchField& field : hit.fields) {
      if (field.matches.empty() && field.text != hit.fix) continue;
      const std::string label = "  " + field.name + ": ";
      const std::size_t room = width > label.size() + 10 ? width - label.size() : 10;
      out << label << field_line(field, colour, width > 0 ? room : 0) << '\n';
    }
  }
}

Table similar_repairs_table(const std::vector<SearchHit>& hits, UtcOffset zone) {
  Table table;
  table.columns = {
      {"record", "", ColumnKind::kText},       {"reported_on", "reported", ColumnKind::kDate},
      {"unit", "", ColumnKind::kText},         {"similarity", "", ColumnKind::kPercent},
      {"description", "", ColumnKind::kText},  {"fix", "", ColumnKind::kText},
      {"fixed_on", "fixed", ColumnKind::kDate}};
  for (const SearchHit& hit : hits) {
    std::string description;
    for (const SearchField& field : hit.fields) {
      if (field.name == "description") description = field.text;
    }
    table.add_row({hit.record, local_date(hit.at, zone), hit.unit, Percent{hit.similarity_bp},
                   description, hit.fix,
                   hit.fixed_at ? Cell{local_date(*hit.fixed_at, zone)} : Cell{}});
  }
  return table;
}

}  // namespace aftersales::cli
