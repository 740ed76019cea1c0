// The CSV reader behind open_csv(), on any byte reader: files, and buffers in memory for tests and
// fuzzing.
#pragma once

#include <cstddef>
#include <memory>

#include "aftersales/io/sheets/record_source.h"
#include "io/sheets/text_decoder.h"

namespace aftersales {

// Reads CSV records from `bytes` as open_csv() does from a file; `chunk_size` is for tests and
// fuzzing. Throws Error(kInvalidInput) when the bytes cannot be read.
std::unique_ptr<RecordSource> open_csv_bytes(std::unique_ptr<ByteReader> bytes,
                                             TextEncoding encoding,
                                             std::size_t chunk_size = kDefaultChunkSize,
                                             Delimiter delimiter = Delimiter::kComma);

// A record longer than this (text plus a little per field) keeps no more of its text: the
// record gets a problem instead, so that memory stays bounded whatever the file (a quote that
// never closes would otherwise take the rest of the file into one field).
inline constexpr std::size_t kMaxRecordBytes = 16 * 1024 * 1024;

}  // namespace aftersales
