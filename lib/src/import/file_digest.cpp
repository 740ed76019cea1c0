#include "import/file_digest.h"

#include <openssl/evp.h>

#include <fmt/format.h>
#include <cstdio>
#include <memory>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales {

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(context_, EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_); }

void Sha256::update(const void* bytes, std::size_t size) {
  EVP_DigestUpdate(context_, bytes, size);
}

std::string Sha256::hex() {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_, hash, &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", hash[i]);
  return hex;
}

std::string sha256_of_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{}: cannot be read", path),
                "check the file name and its permissions");
  }
  Sha256 digest;
  std::vector<unsigned char> buffer(1 << 16);
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0;) {
    digest.update(buffer.data(), n);
  }
  return digest.hex();
}

}  // namespace aftersales
