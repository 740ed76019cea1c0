// A source record as text and back (private to lib/src/import): what a row written set-based
// keeps in the store's stage, so that a row held back there is read, checked and reported again
// as it came from the file (its fields, the line each field starts on, for the reject file and
// the findings).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aftersales/io/sheets/record_source.h"

namespace aftersales {

// The fields of `record` and their lines, length-prefixed (any byte may be in a field).
std::string encode_record(const SourceRecord& record);

// The record encoded by encode_record(), at `line` and `record_number`. Throws
// Error(kStorageUnavailable) when `text` is not such an encoding (the stage was damaged).
SourceRecord decode_record(std::string_view text, std::int64_t line, std::int64_t record_number);

}  // namespace aftersales
