// Customers (客户).
#include "aftersales/customers/customers.h"
#include "aftersales/core/translate.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/validation.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"
#include "core/field_checks.h"
#include "units/archive_filing.h"

namespace aftersales {
namespace {

AuditJson to_json(const Customer& c) {
  return AuditJson{{"code", c.code},     {"name", c.name},   {"contact", c.contact},
                   {"phone", c.phone},   {"email", c.email}, {"address", c.address},
                   {"region", c.region}, {"key", c.key}};
}

}  // namespace

void read_customer_fields(FieldReader& reader, const CustomerFields& fields, Customer& customer) {
  if (fields.name) customer.name = reader.text("name", *fields.name, true);
  if (fields.contact) customer.contact = reader.text("contact", *fields.contact);
  if (fields.phone) customer.phone = check_phone(reader, "phone", *fields.phone);
  if (fields.email) customer.email = check_email(reader, "email", *fields.email);
  if (fields.address) customer.address = reader.text("address", *fields.address);
  if (fields.region) customer.region = reader.text("region", *fields.region);
  if (fields.key) customer.key = *fields.key;
}

Customer add_customer(Context& ctx, const std::string& code, const CustomerFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "adding a customer");
  FieldReader reader;
  Customer customer;
  customer.code = check_code(reader, "code", code);
  if (!fields.name) reader.add("name", "", "is missing; give the customer's name (--name)");
  read_customer_fields(reader, fields, customer);
  reader.throw_if_any(fmt::format("customer {}", code));
  ctx.store.write([&] {
    if (ctx.store.archive().find_customer(customer.code)) {
      throw Error(ErrorCode::kConflict,
                  fmt::format(fmt::runtime(tr("customer {} exists already")), customer.code),
                  fmt::format(fmt::runtime(tr("change it with `aftersales customer edit {}`, or "
                                              "choose another code")),
                              customer.code));
    }
    ctx.store.archive().insert_customer(customer);
    record_addition(ctx, "customer", customer.code, to_json(customer));
  });
  return customer;
}

Customer edit_customer(Context& ctx, const std::string& code, const CustomerFields& fields) {
  require_role(ctx, ctx.rules.permissions.archive_write, "changing a customer");
  Customer after;
  ctx.store.write([&] {
    const Customer before = get_customer(ctx, code);
    after = before;
    FieldReader reader;
    read_customer_fields(reader, fields, after);
    reader.throw_if_any(fmt::format("customer {}", code));
    if (record_difference(ctx, "customer", code, "edit", to_json(before), to_json(after))) {
      ctx.store.archive().update_customer(after);
      date_customer_units(ctx, before, after);
    }
  });
  return after;
}

Customer get_customer(Context& ctx, const std::string& code) {
  if (std::optional<Customer> found = ctx.store.archive().find_customer(trim(code))) return *found;
  throw Error(
      ErrorCode::kNotFound, fmt::format(fmt::runtime(tr("customer {} does not exist")), code),
      tr("`aftersales customer list` shows the customers; add one with `aftersales customer "
         "add`"));
}

std::vector<Customer> list_customers(Context& ctx) { return ctx.store.archive().list_customers(); }

}  // namespace aftersales
