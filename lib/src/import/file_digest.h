// SHA-256 of a file, for the import batch record (private to lib/src/import).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace aftersales {

// A SHA-256 computed piece by piece, for input that can be read only once (standard input).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* bytes, std::size_t size);
  // The lowercase hex digest of everything given; call once.
  std::string hex();

 private:
  evp_md_ctx_st* context_;
};

// The lowercase hex SHA-256 of the file's bytes. Throws Error(kInvalidInput) when it cannot be
// read.
std::string sha256_of_file(const std::string& path);

}  // namespace aftersales
