#include "views/approval_view.h"

#include <fmt/format.h>

namespace aftersales::cli {
namespace {

std::string step_text(const Approval& a) {
  const std::size_t step = a.state == ApprovalState::kPending
                               ? static_cast<std::size_t>(a.current_step()) + 1
                               : a.signatures.size();
  return fmt::format("{}/{}", step, a.chain.size());
}

// `xu (sales_manager) approved 2026-11-27T10:00:00+08:00: ok; ...`
std::string signatures_text(const Approval& a, UtcOffset zone) {
  std::vector<std::string> parts;
  for (const Signature& s : a.signatures) {
    std::string part =
        fmt::format("{} ({}) {} {}", s.user, s.role, s.approved ? "approved" : "rejected",
                    format_timestamp(s.at, zone));
    if (!s.comment.empty()) part += ": " + s.comment;
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

Table approval_table(const std::vector<Approval>& approvals, UtcOffset zone) {
  Table table;
  table.columns = {{"id", ""},    {"form", ""},    {"subject", ""},
                   {"step", ""},  {"role", ""},    {"requested_by", "requested by"},
                   {"state", ""}, {"summary", ""}, {"signatures", ""}};
  for (const Approval& a : approvals) {
    table.add_row({a.id, form_label(a.form), a.subject.id, step_text(a), waiting_role(a),
                   a.requested_by, std::string(approval_state_name(a.state)), a.summary,
                   signatures_text(a, zone)});
  }
  return table;
}

std::string waiting_role(const Approval& a) {
  const auto step = static_cast<std::size_t>(a.current_step());
  if (a.state != ApprovalState::kPending || step >= a.chain.size()) return {};
  return a.chain[step];
}

std::string approval_label(const Approval& a) {
  return fmt::format("approval {} ({} {})", a.id, form_label(a.form), a.subject.id);
}

std::string signed_text(const Approval& a) {
  std::string line = approval_label(a);
  if (!a.signatures.empty()) {
    const Signature& s = a.signatures.back();
    line +=
        fmt::format(": step {}/{} signed by {} as {}", s.step + 1, a.chain.size(), s.user, s.role);
  }
  if (a.state == ApprovalState::kPending) {
    line += "; waiting for " + waiting_role(a);
  } else {
    line += fmt::format("; {}", approval_state_name(a.state));
  }
  return line;
}

}  // namespace aftersales::cli
