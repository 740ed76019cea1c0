// Checks of field kinds shared by the core's areas.
#include "core/field_checks.h"

#include <fmt/format.h>

namespace aftersales {

std::string check_code(FieldReader& reader, std::string_view field, std::string_view value) {
  std::string code = reader.text(field, value, true);
  if (code.size() > 64) {
    reader.add(field, value, "is longer than 64 bytes; use a shorter code");
  }
  for (unsigned char c : code) {
    if (c <= ' ') {
      reader.add(field, value,
                 fmt::format("\"{}\" contains a space; a code is one word, like 2023-001", value));
      break;
    }
  }
  return code;
}

std::string check_phone(FieldReader& reader, std::string_view field, std::string_view value) {
  std::string phone = reader.text(field, value);
  if (phone.empty()) return phone;
  bool has_digit = false;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (std::string_view("+-() /,.").find(c) != std::string_view::npos) {
      continue;
    } else if (phone.compare(i, 3, "转") == 0 || phone.compare(i, 3, "ext") == 0) {
      i += 2;
    } else {
      has_digit = false;
      break;
    }
  }
  if (!has_digit) {
    reader.add(field, value,
               fmt::format("cannot read \"{}\" as a phone number: use digits, like "
                           "0412-1234567 or 13800138000",
                           value));
  }
  return phone;
}

std::string check_email(FieldReader& reader, std::string_view field, std::string_view value) {
  std::string email = reader.text(field, value);
  if (email.empty()) return email;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
      email.find(' ') != std::string::npos || email.back() == '.') {
    reader.add(field, value,
               fmt::format("cannot read \"{}\" as an e-mail address: write it like "
                           "name@example.com",
                           value));
  }
  return email;
}

}  // namespace aftersales
