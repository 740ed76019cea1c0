// One rendering layer for every command: --format table|csv|tsv|json|jsonl, --bom and -o FILE
// (CLI.md "Global options").
//
// What reaches a terminal or a spreadsheet (issue 8, findings 6 and 7): the human table shows
// control, C1 and bidi characters escaped (terminal_safe, io/terminal.h); JSON writes them as
// \u escapes of the same text. CSV and TSV keep the data exact, except with --bom, the form
// meant for Excel: there a text cell that begins with = + - @, a tab or a CR, and is not a plain
// number like -5, is prefixed with ' so that Excel shows it instead of running it as a formula
// (OWASP "CSV injection"). Numbers, money and dates are never prefixed; a script that reads the
// CSV back should write it without --bom.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/io/table.h"

namespace aftersales {

// kXlsx and kHtml are files, not text: the session writes them (io/xlsx_writer.h, the report
// page); render() refuses them.
enum class Format { kTable, kCsv, kTsv, kJson, kJsonl, kXlsx, kHtml };

// Parses a --format value (table, csv, tsv, json, jsonl, xlsx, html). Throws Error(kUsage)
// naming the accepted values.
Format parse_format(std::string_view name);

// The format implied by an output file's extension (.csv .tsv .json .jsonl .xlsx, .html or
// .htm; .txt is a table). Throws Error(kUsage) for any other extension, naming the accepted
// ones.
Format format_for_path(const std::string& path);

struct RenderOptions {
  Format format = Format::kTable;
  // CSV/TSV for Excel: start with a UTF-8 BOM so Excel reads Chinese text correctly, and quote
  // text cells that would start a formula with a leading ' (see the top of this file).
  bool bom = false;
  // The human table on a terminal (the command-line program sets these only when standard
  // output is one, never for a pipe, a file or another format). fit_width: cut cells so each
  // line fits that many columns (0: never cut); see fit_column_widths and cut_to_width.
  // colour: colour the cells that mean trouble (io/cell_tone.h) with ANSI escapes.
  std::size_t fit_width = 0;
  bool colour = false;
};

// Renders a table. Table: columns padded by display width (CJK two columns wide), a header
// and a rule, each cell and title on one line (line breaks and tabs become spaces) with
// controls escaped; CSV: RFC 4180 with CRLF line ends; TSV: tabs and newlines in cells become
// spaces; JSON: an array of objects; JSON Lines: one object per line. Throws Error(kUsage) for
// kXlsx and kHtml.
void render(std::ostream& out, const Table& table, const RenderOptions& options);

// Renders one record. Table format: a heading, `title: value` lines aligned by display width,
// then each table under its heading. JSON/JSON Lines: one object. CSV/TSV: the fields as
// `field,value` rows, then each table after a blank line under its key.
void render(std::ostream& out, const RecordView& record, const RenderOptions& options);

// Columns a UTF-8 text takes in a terminal: East Asian wide and full-width characters count 2,
// combining marks 0, everything else 1. Invalid UTF-8 bytes count 1 each.
std::size_t display_width(std::string_view utf8);

// `text` cut to at most `width` display columns: unchanged when it fits, else the longest
// prefix of whole characters (combining marks stay with their base) that fits in width - 1
// columns, then "…". Never cuts inside a UTF-8 sequence. A width of 0 gives "".
std::string cut_to_width(std::string_view text, std::size_t width);

// The narrowest a cut column gets (fit_column_widths): room for a few characters and "…".
inline constexpr std::size_t kMinCutWidth = 6;

// Column widths that make a table's lines fit `line_width` (columns are joined by two spaces):
// the widest cuttable column is narrowed one column at a time, and no cuttable column goes
// below min(its width, kMinCutWidth); the others keep their width. When even that is too wide,
// the lines stay wider than `line_width`. `cuttable` has one flag per width.
std::vector<std::size_t> fit_column_widths(std::vector<std::size_t> widths,
                                           const std::vector<bool>& cuttable,
                                           std::size_t line_width);

// Writes a file atomically: `write` fills a temporary file beside `path`, which is then renamed
// over it; on any failure the temporary is removed and `path` is untouched. Throws
// Error(kStorageUnavailable) when the file cannot be written.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

// Text of a cell as the given format prints it (tables group money, CSV does not).
std::string cell_text(const Cell& cell, Format format);

}  // namespace aftersales
