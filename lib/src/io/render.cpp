// The one output layer: tables and records as an aligned text table, CSV, TSV, JSON or JSON
// Lines (CLI.md "Global options", "Conventions"). Keys and headers are the columns' stable
// keys; only the human table uses titles.
#include "aftersales/io/render.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aftersales/core/error.h"
#include "aftersales/core/ratio.h"
#include "aftersales/core/text.h"
#include "aftersales/io/cell_tone.h"
#include "aftersales/io/row_writer.h"
#include "aftersales/io/terminal.h"
#include "io/output_text.h"

namespace aftersales {
namespace {

using output::Json;

// The kinds of a whole table in memory: an auto column is money when any of its cells is money
// and a percent when any is a percent (JSON then gives every row, null ones included, its
// KEY_fen or KEY_bp: stable keys), as before the writers took declared kinds.
std::vector<Column> resolved_columns(const Table& table) {
  std::vector<Column> columns = table.columns;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].kind != ColumnKind::kAuto) continue;
    for (const auto& row : table.rows) {
      const Cell& cell = output::cell_at(row, c);
      if (std::holds_alternative<Money>(cell)) {
        columns[c].kind = ColumnKind::kMoney;
        break;
      }
      if (std::holds_alternative<Percent>(cell)) {
        columns[c].kind = ColumnKind::kPercent;
        break;
      }
    }
  }
  return columns;
}

// The whole table through a row writer; the human table holds every row (its widths are
// measured on all of them).
void write_table(std::ostream& out, const Table& table, const RenderOptions& options) {
  const std::unique_ptr<RowWriter> writer =
      make_row_writer(out, options, std::max<std::size_t>(table.rows.size(), 1));
  writer->begin(resolved_columns(table));
  for (const auto& row : table.rows) writer->row(row);
  writer->finish();
}

// A heading line, `title: value` lines with the values aligned, then each table under its
// heading after a blank line. On a terminal (options.fit_width, colour) a value is cut to the
// room left of the line after its label, and trouble is coloured, as in a table.
void render_text_record(std::ostream& out, const RecordView& record, const RenderOptions& options) {
  bool wrote_any = false;
  if (!record.title.empty()) {
    out << output::single_line(record.title) << '\n';
    wrote_any = true;
  }
  std::vector<std::string> labels;
  std::size_t label_width = 0;
  for (const auto& field : record.fields) {
    labels.push_back(output::shown_heading(field.title.empty() ? field.key : field.title) + ":");
    label_width = std::max(label_width, display_width(labels.back()));
  }
  const std::size_t value_width =
      options.fit_width == 0
          ? 0
          : std::max(kMinCutWidth,
                     options.fit_width - std::min(options.fit_width, label_width + 1));
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const RecordView::Field& field = record.fields[i];
    std::string line;
    output::append_padded(line, labels[i], label_width, false);
    line += ' ';
    std::string value = output::single_line(cell_text(field.value, Format::kTable));
    if (value_width > 0) value = cut_to_width(value, value_width);
    const Tone tone = options.colour ? cell_tone(field.key, field.value) : Tone::kPlain;
    if (tone == Tone::kPlain || value.empty()) {
      line += value;
    } else {
      line += tone_start(tone);
      line += value;
      line += kToneEnd;
    }
    output::write_trimmed(out, std::move(line));
    wrote_any = true;
  }
  RenderOptions table_options = options;
  table_options.format = Format::kTable;
  table_options.bom = false;
  for (const auto& [column, table] : record.tables) {
    if (wrote_any) out << '\n';
    out << output::single_line(output::heading_of(column)) << '\n';
    write_table(out, table, table_options);
    wrote_any = true;
  }
}

// `field,value` rows of the record's keys, then each table after a blank line and its key. The
// BOM is written once, before the record; with it every text value is guarded (render.h).
void render_delimited_record(std::ostream& out, const RecordView& record,
                             const RenderOptions& options) {
  const bool csv = options.format == Format::kCsv;
  const char* const line_end = csv ? "\r\n" : "\n";
  const std::unique_ptr<RowWriter> fields = output::make_delimited_writer(out, csv, options.bom);
  fields->begin({{"field", ""}, {"value", ""}});
  for (const auto& field : record.fields) fields->row({field.key, field.value});
  fields->finish();
  for (const auto& [column, table] : record.tables) {
    out << line_end;
    out << (csv ? output::csv_field(column.key) : output::tsv_field(column.key)) << line_end;
    const std::unique_ptr<RowWriter> writer = output::make_delimited_writer(out, csv, options.bom);
    writer->begin(table.columns);
    for (const auto& row : table.rows) writer->row(row);
    writer->finish();
  }
}

Json table_array(const Table& table) {
  const std::vector<Column> columns = resolved_columns(table);
  Json array = Json::array();
  for (const auto& row : table.rows) {
    Json object = Json::object();
    for (std::size_t c = 0; c < columns.size(); ++c) {
      output::put_cell(object, columns[c].key, output::cell_at(row, c), columns[c].kind);
    }
    array.push_back(std::move(object));
  }
  return array;
}

Json record_object(const RecordView& record) {
  Json object = Json::object();
  for (const auto& field : record.fields) {
    output::put_cell(object, field.key, field.value, ColumnKind::kAuto);
  }
  for (const auto& [column, table] : record.tables) object[column.key] = table_array(table);
  return object;
}

[[noreturn]] void throw_not_text(Format format) {
  throw Error(ErrorCode::kUsage,
              std::string(format == Format::kXlsx ? "an .xlsx workbook" : "an HTML page") +
                  " is a file, not text for standard output",
              "write it to a file with -o FILE");
}

std::string lower_case(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "xlsx") return Format::kXlsx;
  if (name == "html") return Format::kHtml;
  throw Error(ErrorCode::kUsage,
              "unknown --format \"" + std::string(name) +
                  "\": use table, csv, tsv, json, jsonl, xlsx or html (these two with -o FILE)",
              "for example --format csv");
}

Format format_for_path(const std::string& path) {
  const std::string extension = lower_case(std::filesystem::path(path).extension().string());
  if (extension == ".csv") return Format::kCsv;
  if (extension == ".tsv") return Format::kTsv;
  if (extension == ".json") return Format::kJson;
  if (extension == ".jsonl") return Format::kJsonl;
  if (extension == ".txt") return Format::kTable;
  if (extension == ".xlsx") return Format::kXlsx;
  if (extension == ".html" || extension == ".htm") return Format::kHtml;
  throw Error(ErrorCode::kUsage,
              "cannot tell the output format of \"" + path +
                  "\" from its extension: use .csv, .tsv, .json, .jsonl, .xlsx, .html or .txt",
              "write .xlsx or .csv (Excel opens it; add --bom for Chinese text) or .json");
}

std::string cell_text(const Cell& cell, Format format) {
  const bool human = format == Format::kTable;
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
  if (const auto* flag = std::get_if<bool>(&cell)) {
    if (human) return *flag ? "yes" : "no";
    return *flag ? "true" : "false";
  }
  if (const auto* money = std::get_if<Money>(&cell)) return format_money(*money, human);
  if (const auto* date = std::get_if<Date>(&cell)) return format_date(*date);
  if (const auto* percent = std::get_if<Percent>(&cell)) return percent_text(percent->bp);
  return {};
}

void render(std::ostream& out, const Table& table, const RenderOptions& options) {
  if (options.format == Format::kXlsx || options.format == Format::kHtml) {
    throw_not_text(options.format);
  }
  write_table(out, table, options);
}

void render(std::ostream& out, const RecordView& record, const RenderOptions& options) {
  const bool delimited = options.format == Format::kCsv || options.format == Format::kTsv;
  if (options.bom && delimited) out << output::kBom;
  switch (options.format) {
    case Format::kTable:
      render_text_record(out, record, options);
      break;
    case Format::kCsv:
    case Format::kTsv:
      render_delimited_record(out, record, options);
      break;
    case Format::kJson:
      out << output::dump(record_object(record), 2) << '\n';
      break;
    case Format::kJsonl:
      out << output::dump(record_object(record), -1) << '\n';
      break;
    case Format::kXlsx:
    case Format::kHtml:
      throw_not_text(options.format);
  }
}

}  // namespace aftersales
