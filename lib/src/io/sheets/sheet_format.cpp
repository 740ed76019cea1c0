// Sniffing a spreadsheet file's format from its magic bytes.
#include "aftersales/io/sheets/sheet_format.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <memory>

#include "aftersales/core/error.h"

namespace aftersales {
namespace {

constexpr unsigned char kZipEntry[] = {'P', 'K', 0x03, 0x04};
constexpr unsigned char kZipEmpty[] = {'P', 'K', 0x05, 0x06};
constexpr unsigned char kCompoundFile[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

}  // namespace

SheetFormat sniff_sheet_format(const std::string& path, const std::string& name) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{}: cannot be read", name),
                "check the file name and its permissions");
  }
  unsigned char head[sizeof kCompoundFile] = {};
  const std::size_t n = std::fread(head, 1, sizeof head, file.get());
  if (n >= sizeof kZipEntry && (std::memcmp(head, kZipEntry, sizeof kZipEntry) == 0 ||
                                std::memcmp(head, kZipEmpty, sizeof kZipEmpty) == 0)) {
    return SheetFormat::kXlsx;
  }
  if (n == sizeof kCompoundFile && std::memcmp(head, kCompoundFile, sizeof head) == 0) {
    return SheetFormat::kXls;
  }
  return SheetFormat::kText;
}

const char* sheet_format_name(SheetFormat format) {
  switch (format) {
    case SheetFormat::kXlsx:
      return "xlsx";
    case SheetFormat::kXls:
      return "xls";
    case SheetFormat::kText:
      break;
  }
  return "text";
}

}  // namespace aftersales
