// aftersales approval list|approve|reject: one inbox for every form (表4, 表5, ...). Who may
// sign which step is the core's rule (approvals/approvals.h); this file parses and calls.
#include <fmt/format.h>

#include "aftersales/approvals/approvals.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/approval_view.h"

namespace aftersales::cli {
namespace {

struct SignRequest {
  std::int64_t id = 0;
  std::string text;
};

}  // namespace

void attach_approval(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales approval list --pending --mine");

  add_verb<ApprovalQuery>(
      family, session,
      {"list", "approvals of every form, newest last",
       "aftersales --as xu approval list --pending --mine", StoreUse::kReads},
      [](CLI::App& verb, ApprovalQuery& query) {
        verb.add_flag("--pending", query.pending, "only those waiting for a signature");
        verb.add_flag("--mine", query.mine, "only those the acting user may sign now (an inbox)");
        verb.add_option("--subject", query.subject,
                        "only those deciding on this record (a ticket number, ...)");
      },
      [](Session& s, const ApprovalQuery& query) {
        Context& ctx = s.context();
        s.emit(approval_table(list_approvals(ctx, query), ctx.rules.general.utc_offset));
      });

  add_verb<SignRequest>(
      family, session,
      {"approve", "sign the current step of an approval",
       "aftersales --as xu approval approve 3 --comment 同意", StoreUse::kWrites},
      [](CLI::App& verb, SignRequest& r) {
        verb.add_option("ID", r.id, "the id shown by approval list")->required();
        verb.add_option("--comment", r.text, "a remark with the signature");
      },
      [](Session& s, const SignRequest& r) {
        s.note(signed_text(approve(s.context(), r.id, r.text)));
      });

  add_verb<SignRequest>(
      family, session,
      {"reject", "reject an approval at its current step, with the reason",
       "aftersales --as wang approval reject 3 --reason 费用过高, 重新核算", StoreUse::kWrites},
      [](CLI::App& verb, SignRequest& r) {
        verb.add_option("ID", r.id, "the id shown by approval list")->required();
        verb.add_option("--reason", r.text, "why")->required();
      },
      [](Session& s, const SignRequest& r) {
        const Approval a = reject(s.context(), r.id, r.text);
        s.note(fmt::format("{}: {}: {}", approval_label(a), approval_state_name(a.state), r.text));
      });
}

}  // namespace aftersales::cli
