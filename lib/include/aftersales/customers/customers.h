// Customers (客户): adding, changing, reading. Every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/customers/customer.h"

namespace aftersales {

// Values as typed or imported; a field left nullopt is not given (edit leaves it unchanged).
struct CustomerFields {
  std::optional<std::string> name;
  std::optional<std::string> contact;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> address;
  std::optional<std::string> region;
  std::optional<bool> key;
};

// Reads the given fields into `customer`, collecting every problem in `reader` (the typed
// commands and the importer share it).
void read_customer_fields(FieldReader& reader, const CustomerFields& fields, Customer& customer);

// Adds a customer. Needs the archive_write role. Throws Error(kInvalidInput) for an empty or
// malformed field or a code that exists already (nothing is written), Error(kRuleViolation)
// without the role.
Customer add_customer(Context& ctx, const std::string& code, const CustomerFields& fields);

// Changes the given fields of a customer. Throws Error(kNotFound) for an unknown code, the
// errors of add_customer otherwise. Returns the record after the change.
Customer edit_customer(Context& ctx, const std::string& code, const CustomerFields& fields);

// The customer with that code; Error(kNotFound) with a hint to list customers when missing.
Customer get_customer(Context& ctx, const std::string& code);

// All customers by code.
std::vector<Customer> list_customers(Context& ctx);

}  // namespace aftersales
