// aftersales customer add|list|show|edit
#include "aftersales/customers/customers.h"
#include "commands/registry.h"

namespace aftersales::cli {
namespace {

struct CustomerRequest {
  std::string code;
  CustomerFields fields;
  bool key = false;
  bool not_key = false;

  // --key / --no-key set the 大客户 flag only when given.
  void finish() {
    if (key) fields.key = true;
    if (not_key) fields.key = false;
  }
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

}  // namespace

void attach_customer(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales customer list");

  auto add_request = std::make_shared<CustomerRequest>();
  CLI::App* add = family.add_subcommand("add", "add a customer; prints its code");
  example(*add,
          "aftersales customer add C001 --name 鞍山市环卫处 --contact 王明 --phone 0412-5551234 "
          "--key");
  add_field_options(*add, *add_request, true);
  add->callback([&session, add_request] {
    session.run = [&session, add_request] {
      add_request->finish();
      const Customer c = add_customer(session.context(), add_request->code, add_request->fields);
      session.emit_created(c.code);
      return 0;
    };
  });

  auto edit_request = std::make_shared<CustomerRequest>();
  CLI::App* edit = family.add_subcommand("edit", "change the given fields of a customer");
  example(*edit, "aftersales customer edit C001 --phone 0412-5559999");
  add_field_options(*edit, *edit_request, false);
  edit->callback([&session, edit_request] {
    session.run = [&session, edit_request] {
      edit_request->finish();
      const Customer c = edit_customer(session.context(), edit_request->code, edit_request->fields);
      session.note("customer " + c.code + " saved");
      return 0;
    };
  });

  CLI::App* list = family.add_subcommand("list", "list the customers");
  example(*list, "aftersales customer list --format csv -o customers.csv");
  list->callback([&session] {
    session.run = [&session] {
      Table table;
      table.columns = {{"code", ""},  {"name", ""},   {"contact", ""}, {"phone", ""},
                       {"email", ""}, {"region", ""}, {"key", ""}};
      for (const Customer& c : list_customers(session.context())) {
        table.add_row({c.code, c.name, c.contact, c.phone, c.email, c.region, c.key});
      }
      session.emit(table);
      return 0;
    };
  });

  auto show_code = std::make_shared<std::string>();
  CLI::App* show = family.add_subcommand("show", "show one customer");
  example(*show, "aftersales customer show C001");
  show->add_option("CODE", *show_code, "customer code")->required();
  show->callback([&session, show_code] {
    session.run = [&session, show_code] {
      session.emit(customer_view(get_customer(session.context(), *show_code)));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
