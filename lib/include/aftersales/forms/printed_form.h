// The seed's paper forms (表1-表13 and 出门证) filled from the ledger, to print and sign (issue
// 15, `aftersales print`): each form's title, code and copies as the seed gives them, its fields
// in the seed's order, the signatures already given and the boxes for those still to come. What
// a form looks like on paper is the renderer's (apps/aftersales/views/form_page.h); this is only
// what it says.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"

namespace aftersales {

// What a form is filled from.
enum class FormSource {
  kRecord,  // one record named by its number (a unit, ticket, visit, part request ...)
  kMonth,   // a month's statistics (表7, 表8, 表10): --month
};

// One of the seed's forms, as its catalogue (lib/src/forms/form_catalogue.cpp) lists it.
struct FormSpec {
  std::string key;     // as the seed names it: "表6", "出门证"
  std::string name;    // as a script may type it: "work-record", "gate-pass"
  std::string title;   // the seed's title: 售后服务现场工作记录
  std::string code;    // the seed's form code where it gives one: JL-7.5-09; else empty
  std::string credit;  // the seed's 编制/审批 line of the form's design, where it gives one
  FormSource source = FormSource::kRecord;
  std::string record;  // what the ID names, for help and errors: "ticket (SR-...)"
  // The copies printed, each on its own page with its name (一式两联 / 三联); one unnamed copy
  // when empty.
  std::vector<std::string> copies;
};

// Every form in the seed's order: 表1 ... 表13, then 出门证.
const std::vector<FormSpec>& form_specs();

// The form typed as its key ("表6"), its number alone ("6"), its name ("work-record") or its
// title; nullptr when none is.
const FormSpec* find_form_spec(const std::string& typed);

// The Chinese title of a role as forms print it under a signature (sales_manager: 销售部部长).
std::string role_title(const std::string& role);

struct FormField {
  std::string label;  // the seed's label: 出厂编号
  std::string value;  // empty: a line to fill in by hand
  bool wide = false;  // takes the whole row (descriptions, work done)
};

struct FormTable {
  std::string caption;
  std::vector<std::string> headings;
  std::vector<std::vector<std::string>> rows;
  int blank_rows = 0;  // empty rows after the filled ones, to write in by hand
};

struct FormBlock {
  std::string heading;  // empty: none
  std::vector<FormField> fields;
  std::optional<FormTable> table;
  std::string text;  // a paragraph (表7's "_月份共处理售后服务业务_次")
};

// A signature on the form: given (who, when, the decision) or a box still to sign.
struct FormSignature {
  std::string title;  // what signs: 用户签字, 总经理, 财务部
  std::string who;    // empty: still to sign
  std::string when;   // YYYY-MM-DD HH:MM in the rulebook's zone; empty while unsigned
  std::string note;   // "同意", "驳回: reason", "已盖章"
  bool seal = false;  // a box for the seal (盖章) beside the signature
};

struct PrintedForm {
  const FormSpec* spec = nullptr;
  std::string number;    // the record's number, encoded in the form's QR code; empty when blank
  std::string subtitle;  // e.g. the month (2026年11月份), the region (___地区), 类别
  std::vector<FormBlock> blocks;
  std::vector<FormSignature> signatures;
};

struct FormRequest {
  std::string id;                    // the record's number (kRecord)
  std::optional<std::string> month;  // YYYY-MM (kMonth); default the last full month
  bool blank = false;                // an empty form to fill by hand
};

// The form `spec` filled from the record or month `request` names, or blank. Throws as the
// record's own lookups do: Error(kNotFound) for a missing record, Error(kInvalidInput) for a bad
// month.
PrintedForm print_form(Context& ctx, const FormSpec& spec, const FormRequest& request);

// 表6 for every ticket in `state` (a ticket state's name, as `ticket list --state`): what a
// technician takes out today. Error(kInvalidInput) for an unknown state; Error(kUsage) when
// `spec` is not a ticket's form.
std::vector<PrintedForm> print_ticket_forms(Context& ctx, const FormSpec& spec,
                                            const std::string& state);

}  // namespace aftersales
