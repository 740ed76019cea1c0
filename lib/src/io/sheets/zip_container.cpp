// The zip container of an .xlsx file: parts found the way Excel finds them, and libzip's
// refusals turned into what the user can do about them.
#include "io/sheets/zip_container.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace aftersales::xlsx {
namespace {

constexpr char kResaveHint[] = "open it in Excel and save it as .xlsx (Excel Workbook)";

// Whether a file starts like an OLE2 compound file: an .xls, or an encrypted .xlsx.
bool looks_like_ole2(std::string_view head) {
  static constexpr char kOle2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  return head.substr(0, 8) == std::string_view(kOle2, 8);
}

}  // namespace

std::string part_of(const std::string& file, const std::string& part) {
  return fmt::format("{} (part {})", file, part);
}

Error damaged(const std::string& file, const std::string& why) {
  return Error(ErrorCode::kInvalidInput, fmt::format("{} is damaged: {}", file, why),
               "open it in Excel and save it again as .xlsx (Excel Workbook)");
}

std::optional<zip_uint64_t> find_part(zip_t* archive, const std::string& name) {
  zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<zip_uint64_t>(index);
}

ZipFile open_part(zip_t* archive, zip_uint64_t index, const std::string& where) {
  ZipFile file(zip_fopen_index(archive, index, 0));
  if (!file) throw damaged(where, zip_error_strerror(zip_get_error(archive)));
  return file;
}

std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return std::string(head, static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
}

Error open_error(const std::string& file, int code, std::string_view head) {
  switch (code) {
    case ZIP_ER_NOENT:
      return Error(ErrorCode::kInvalidInput, fmt::format("cannot open {}: no such file", file),
                   "check the path");
    case ZIP_ER_NOZIP:
      if (looks_like_ole2(head)) {
        return Error(ErrorCode::kInvalidInput,
                     fmt::format("{} is not an .xlsx workbook (it is an Excel 97-2003 .xls file "
                                 "or a password-protected workbook)",
                                 file),
                     std::string(kResaveHint) + ", without a password");
      }
      return Error(ErrorCode::kInvalidInput,
                   fmt::format("{} is not an .xlsx workbook (it is not a zip archive)", file),
                   "save it as .xlsx (Excel Workbook), or import it as CSV if it is one");
    case ZIP_ER_INCONS:
    case ZIP_ER_CRC:
    case ZIP_ER_COMPNOTSUPP:
    case ZIP_ER_ENCRNOTSUPP:
      return Error(ErrorCode::kInvalidInput,
                   fmt::format("{} is not a readable .xlsx workbook (the zip archive is damaged or "
                               "uses a method not supported)",
                               file),
                   kResaveHint);
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Error(ErrorCode::kInvalidInput, fmt::format("cannot open {}: {}", file, why));
    }
  }
}

}  // namespace aftersales::xlsx
