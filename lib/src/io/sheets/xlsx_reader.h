// The .xlsx reader's internals, for its tests and its fuzz target: opening a workbook held in
// memory, a chosen read size, and the small text rules of SpreadsheetML.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/read_options.h"

namespace aftersales::xlsx {

// open_xlsx with a read size and bounds of choice; `name` stands for the file in messages
// (the path when empty).
std::unique_ptr<RecordSource> open_file(const std::string& path, const std::string& sheet,
                                        ReadOptions options, const std::string& name = {});

// open_xlsx on the bytes of an .xlsx file held in memory; `name` stands for the file in
// messages. Same records and errors as open_xlsx (options.limits: its bounds).
std::unique_ptr<RecordSource> open_bytes(std::string bytes, const std::string& name,
                                         const std::string& sheet, ReadOptions options = {});

// The 0-based column of a cell reference ("A1" -> 0, "C7" -> 2, "XFD3" -> 16383); the row part
// is required but not returned. Returns nullopt when `reference` is not letters then digits,
// or names a column beyond XFD, the last one Excel has.
std::optional<int> column_of(std::string_view reference);

// Replaces the escapes of SpreadsheetML strings (ST_Xstring: "_x000D_" for a carriage return,
// "_x005F_" for an underscore that would start one) by the characters they stand for, in
// UTF-8. A UTF-16 surrogate without its pair becomes U+FFFD.
void decode_escapes(std::string& text);

}  // namespace aftersales::xlsx
