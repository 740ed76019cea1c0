// The zip container of an .xlsx file, through libzip: owning handles, finding and opening a part,
// and what to tell the user when the file is no readable zip archive or a part is damaged.
#pragma once

#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aftersales/core/error.h"

namespace aftersales::xlsx {

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFile = std::unique_ptr<zip_file_t, ZipFileClose>;

// "xl/worksheets/sheet1.xml" of `file`, for messages.
std::string part_of(const std::string& file, const std::string& part);

// Error(kInvalidInput): `file` (or a part_of it) is damaged, `why`, with the hint to save it again.
Error damaged(const std::string& file, const std::string& why);

// A part's index in the archive, or nullopt. Names are matched exactly, then ignoring case
// (some writers differ in case from their own relationships).
std::optional<zip_uint64_t> find_part(zip_t* archive, const std::string& name);

// Opens the part at `index` for reading. Throws damaged(where, ...) when libzip cannot.
ZipFile open_part(zip_t* archive, zip_uint64_t index, const std::string& where);

// The first bytes of a file, to tell what it is when it is not a zip archive.
std::string head_of(const std::string& path);

// The error for libzip's `code` on opening `file`, whose first bytes are `head`: no such file,
// an .xls or a password-protected workbook, not a zip archive, a damaged archive...
Error open_error(const std::string& file, int code, std::string_view head);

}  // namespace aftersales::xlsx
