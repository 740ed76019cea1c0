// The customer record (客户).
#pragma once

#include <cstdint>
#include <string>

namespace aftersales {

struct Customer {
  std::int64_t id = 0;
  std::string code;  // natural key
  std::string name;  // usually a company or public body
  std::string contact;
  std::string phone;
  std::string email;
  std::string address;
  std::string region;
  bool key = false;  // 大客户: visited at least twice a year
};

}  // namespace aftersales
