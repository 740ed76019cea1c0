// aftersales approval list|approve|reject: one inbox for every form (表4, 表5, ...). Who may
// sign which step is the core's rule (approvals/approvals.h); this file parses and calls.
#include <fmt/format.h>

#include "aftersales/approvals/approvals.h"
#include "commands/registry.h"
#include "views/approval_view.h"

namespace aftersales::cli {
void attach_approval(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales approval list --pending --mine");

  auto query = std::make_shared<ApprovalQuery>();
  CLI::App* list = family.add_subcommand("list", "approvals of every form, newest last");
  example(*list, "aftersales --as xu approval list --pending --mine");
  list->add_flag("--pending", query->pending, "only those waiting for a signature");
  list->add_flag("--mine", query->mine, "only those the acting user may sign now (an inbox)");
  list->add_option("--subject", query->subject, "only those of this ticket");
  list->callback([&session, query] {
    session.run = [&session, query] {
      Context& ctx = session.context();
      session.emit(approval_table(list_approvals(ctx, *query), ctx.rules.general.utc_offset));
      return 0;
    };
  });

  struct SignRequest {
    std::int64_t id = 0;
    std::string text;
  };
  auto approve_request = std::make_shared<SignRequest>();
  CLI::App* approve_command =
      family.add_subcommand("approve", "sign the current step of an approval");
  example(*approve_command, "aftersales --as xu approval approve 3 --comment 同意");
  approve_command->add_option("ID", approve_request->id, "the id shown by approval list")
      ->required();
  approve_command->add_option("--comment", approve_request->text, "a remark with the signature");
  approve_command->callback([&session, approve_request] {
    session.run = [&session, approve_request] {
      const Approval a = approve(session.context(), approve_request->id, approve_request->text);
      session.note(signed_text(a));
      return 0;
    };
  });

  auto reject_request = std::make_shared<SignRequest>();
  CLI::App* reject_command =
      family.add_subcommand("reject", "reject an approval at its current step, with the reason");
  example(*reject_command, "aftersales --as wang approval reject 3 --reason 费用过高, 重新核算");
  reject_command->add_option("ID", reject_request->id, "the id shown by approval list")->required();
  reject_command->add_option("--reason", reject_request->text, "why")->required();
  reject_command->callback([&session, reject_request] {
    session.run = [&session, reject_request] {
      const Approval a = reject(session.context(), reject_request->id, reject_request->text);
      session.note(fmt::format("{}: {}: {}", approval_label(a), approval_state_name(a.state),
                               reject_request->text));
      return 0;
    };
  });
}

}  // namespace aftersales::cli
