// The printed forms as the core fills them (forms/printed_form.h): the catalogue's lookups, the
// seed's titles, codes and copies, and 表5's signature boxes on both sides of the budget
// threshold (1,000.00 asks for none, 1,000.01 for sales_manager, deputy_gm and gm).
#include "aftersales/forms/printed_form.h"

#include <doctest/doctest.h>

#include "aftersales/tickets/tickets.h"
#include "support/expect_error.h"
#include "support/ticket_world.h"

using aftersales::testing::kInWarranty;
using aftersales::testing::TicketWorld;

namespace aftersales {
namespace {

const FormSpec& spec(const std::string& key) {
  const FormSpec* found = find_form_spec(key);
  REQUIRE(found != nullptr);
  return *found;
}

std::vector<std::string> titles(const PrintedForm& form) {
  std::vector<std::string> all;
  for (const FormSignature& box : form.signatures) all.push_back(box.title);
  return all;
}

const FormField* field(const PrintedForm& form, const std::string& label) {
  for (const FormBlock& block : form.blocks) {
    for (const FormField& f : block.fields) {
      if (f.label == label) return &f;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a form is found by its key, its number alone, its name or its title") {
  CHECK(find_form_spec("表6") == find_form_spec("6"));
  CHECK(find_form_spec("work-record") == find_form_spec("表6"));
  CHECK(find_form_spec("售后服务现场工作记录") == find_form_spec("表6"));
  CHECK(find_form_spec("出门证")->name == "gate-pass");
  CHECK(find_form_spec("表14") == nullptr);
  CHECK(find_form_spec("") == nullptr);
  CHECK(form_specs().size() == 14);
}

TEST_CASE("the catalogue carries the seed's codes and copies") {
  CHECK(spec("表2").code == "JL-7.2-04");
  CHECK(spec("表3").code == "JL-7.5-08");
  CHECK(spec("表6").code == "JL-7.5-09");
  CHECK(spec("表9").code == "JL-8.1-01");
  CHECK(spec("表11").copies.size() == 2);
  CHECK(spec("表12").copies.size() == 2);
  CHECK(spec("出门证").copies ==
        std::vector<std::string>{"第一联　门卫留存", "第二联　销售部留存", "第三联　财务部留存"});
  CHECK(spec("表7").source == FormSource::kMonth);
  CHECK(role_title("deputy_gm") == "主管副经理");
  CHECK(role_title("unknown_role") == "unknown_role");
}

TEST_CASE("表5 has no budget boxes at 1,000.00 and the chain's three at 1,000.01") {
  TicketWorld world;
  const std::string number = world.open_analysed(kInWarranty);
  Context ctx = world.context("zhang");
  estimate_ticket(ctx, number, "1000.00", "0", "0");
  PrintedForm form = print_form(ctx, spec("表5"), FormRequest{number, {}, false});
  CHECK(titles(form) == std::vector<std::string>{"申请人"});
  CHECK(form.subtitle == "保内费用未超过 1,000.00 元，无须预算审批");
  CHECK(form.number == number);

  estimate_ticket(ctx, number, "1000.01", "0", "0");
  form = print_form(ctx, spec("表5"), FormRequest{number, {}, false});
  CHECK(titles(form) == std::vector<std::string>{"申请人", "销售部部长", "主管副经理", "总经理"});
  CHECK(form.signatures[0].who == "zhang");
  CHECK(form.signatures[1].who.empty());  // still to sign
  REQUIRE(field(form, "保内费用合计") != nullptr);
  CHECK(field(form, "保内费用合计")->value == "1,000.01");

  world.approve_all(number);
  form = print_form(ctx, spec("表5"), FormRequest{number, {}, false});
  CHECK(form.signatures[1].who == "xu");
  CHECK(form.signatures[1].when == "2026-11-27 10:00");
  CHECK(form.signatures[1].note.rfind("同意", 0) == 0);  // and the comment, where one was given
  CHECK(form.signatures[3].who == "zhao");
}

TEST_CASE("a blank form has its fields and boxes and no number, a missing record is not found") {
  TicketWorld world;
  Context ctx = world.context("zhang");
  const PrintedForm blank = print_form(ctx, spec("表6"), FormRequest{"", {}, true});
  CHECK(blank.number.empty());
  REQUIRE(field(blank, "到达时间") != nullptr);
  CHECK(field(blank, "到达时间")->value.empty());
  CHECK(titles(blank) == std::vector<std::string>{"维修人员", "用户签字盖章"});
  CHECK(blank.signatures[1].seal);
  testing::expect_error(ErrorCode::kNotFound, {"SR-2026-999999"}, [&] {
    print_form(ctx, spec("表6"), FormRequest{"SR-2026-999999", {}, false});
  });
  testing::expect_error(ErrorCode::kInvalidInput, {"2026-13"}, [&] {
    print_form(ctx, spec("表7"), FormRequest{"", std::string("2026-13"), false});
  });
}

}  // namespace aftersales
