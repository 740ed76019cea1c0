// aftersales customer add|list|show|edit
#include <fmt/format.h>

#include "aftersales/core/translate.h"
#include "aftersales/customers/customers.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct CustomerRequest {
  std::string code;
  CustomerFields fields;
  bool key = false;
  bool not_key = false;

  // The fields with --key / --no-key applied: they set the 大客户 flag only when given.
  CustomerFields with_key() const {
    CustomerFields result = fields;
    if (key) result.key = true;
    if (not_key) result.key = false;
    return result;
  }
};

struct CodeRequest {
  std::string code;
};

void add_field_options(CLI::App& command, CustomerRequest& r, bool name_required) {
  command.add_option("CODE", r.code, "customer code")->required();
  auto* name = command.add_option("--name", r.fields.name, "name (company or public body)");
  if (name_required) name->required();
  command.add_option("--contact", r.fields.contact, "contact person (联系人)");
  command.add_option("--phone", r.fields.phone, "phone (电话)");
  command.add_option("--email", r.fields.email, "e-mail address");
  command.add_option("--address", r.fields.address, "address");
  command.add_option("--region", r.fields.region, "sales region (地区)");
  command.add_flag("--key", r.key, "a key customer (大客户): visited at least twice a year");
  if (!name_required) command.add_flag("--no-key", r.not_key, "no longer a key customer");
}

RecordView customer_view(const Customer& c) {
  RecordView view;
  view.title = "客户 " + c.code;
  view.add("code", "code", c.code);
  view.add("name", "name", c.name);
  view.add("contact", "contact", c.contact);
  view.add("phone", "phone", c.phone);
  view.add("email", "email", c.email);
  view.add("address", "address", c.address);
  view.add("region", "region", c.region);
  view.add("key", "key customer", c.key);
  return view;
}

Table customer_table(const std::vector<Customer>& customers) {
  Table table;
  table.columns = {{"code", ""},  {"name", ""},   {"contact", ""}, {"phone", ""},
                   {"email", ""}, {"region", ""}, {"key", ""}};
  for (const Customer& c : customers) {
    table.add_row({c.code, c.name, c.contact, c.phone, c.email, c.region, c.key});
  }
  return table;
}

}  // namespace

void attach_customer(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales customer list");

  add_verb<CustomerRequest>(
      family, session,
      {"add", "add a customer; prints its code",
       "aftersales customer add C001 --name 鞍山市环卫处 --contact 王明 --phone 0412-5551234 "
       "--key",
       StoreUse::kWrites},
      [](CLI::App& verb, CustomerRequest& r) { add_field_options(verb, r, true); },
      [](Session& s, const CustomerRequest& r) {
        s.emit_created(add_customer(s.context(), r.code, r.with_key()).code);
      });

  add_verb<CustomerRequest>(
      family, session,
      {"edit", "change the given fields of a customer",
       "aftersales customer edit C001 --phone 0412-5559999", StoreUse::kWrites},
      [](CLI::App& verb, CustomerRequest& r) { add_field_options(verb, r, false); },
      [](Session& s, const CustomerRequest& r) {
        s.note(fmt::format(fmt::runtime(tr("customer {} saved")),
                           edit_customer(s.context(), r.code, r.with_key()).code));
      });

  add_verb(family, session,
           {"list", "list the customers", "aftersales customer list --format csv -o customers.csv",
            StoreUse::kReads},
           [](Session& s) { s.emit(customer_table(list_customers(s.context()))); });

  add_verb<CodeRequest>(
      family, session,
      {"show", "show one customer", "aftersales customer show C001", StoreUse::kReads},
      [](CLI::App& verb, CodeRequest& r) {
        verb.add_option("CODE", r.code, "customer code")->required();
      },
      [](Session& s, const CodeRequest& r) {
        s.emit(customer_view(get_customer(s.context(), r.code)));
      });
}

}  // namespace aftersales::cli
