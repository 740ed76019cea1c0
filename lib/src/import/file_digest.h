// SHA-256 of a file, for the import batch record (private to lib/src/import).
#pragma once

#include <string>

namespace aftersales {

// The lowercase hex SHA-256 of the file's bytes. Throws Error(kInvalidInput) when it cannot be
// read.
std::string sha256_of_file(const std::string& path);

}  // namespace aftersales
