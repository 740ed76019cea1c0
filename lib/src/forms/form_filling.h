// What the printed forms share while they are filled (lib/src/forms/printed_*.cpp): times and
// amounts as the paper shows them, and the signature boxes of an approval's chain.
#pragma once

#include <string>
#include <vector>

#include "aftersales/approvals/approval.h"
#include "aftersales/core/context.h"
#include "aftersales/forms/printed_form.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales::forms {

// `2026-11-27 14:00` in the rulebook's zone.
std::string when(const Context& ctx, Timestamp at);
// The amount with its fen, grouped: `1,250.00`.
std::string yuan(Money amount);
// 保内（三包）, 保外, 保外（免费维修）.
std::string coverage_text(Coverage coverage, bool free_repair);
// 工时, 配件, 差旅.
std::string cost_kind_text(CostKind kind);
// 是 / 否.
std::string yes_no(bool yes);

// The approval of `form` (approval_forms.h key) that counts now: the newest one not void;
// nullptr when none was asked.
const Approval* current_approval(const std::vector<Approval>& approvals, const std::string& form);

// Adds to `boxes` one box per step of the approval's chain (`chain` while none was asked), with
// the signature given for it where `approval` has one (who, when, 同意 or 驳回 and the comment).
// `prefix` goes before each role's title.
void add_chain_signatures(std::vector<FormSignature>& boxes, const Context& ctx,
                          const Approval* approval, const std::vector<std::string>& chain,
                          const std::string& prefix = {});

// 申请人: who asked for `approval` and when; an empty box while none was asked.
FormSignature requester(const Context& ctx, const Approval* approval);

// A signature given by `who` at `at`, or an empty box when `who` is empty.
FormSignature signed_by(const Context& ctx, const std::string& title, const std::string& who,
                        const std::optional<Timestamp>& at, bool seal = false);

// The forms of each kind of record (printed_*.cpp); `record` nullptr: blank.
PrintedForm unit_form(Context& ctx, const FormSpec& spec, const std::string* serial);
PrintedForm visit_form(Context& ctx, const FormSpec& spec, const std::string* number);
PrintedForm survey_form(Context& ctx, const FormSpec& spec, const std::string* id);
PrintedForm ticket_form(Context& ctx, const FormSpec& spec, const std::string* number);
PrintedForm part_form(Context& ctx, const FormSpec& spec, const std::string* number);
PrintedForm month_form(Context& ctx, const FormSpec& spec, const std::optional<std::string>& month,
                       bool blank);

}  // namespace aftersales::forms
