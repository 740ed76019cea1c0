// SQL of approvals of every form and their signatures.
#include <nlohmann/json.hpp>

#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

Approval read_approval(Statement& row) {
  Approval a;
  a.id = row.int64(0);
  a.form = row.text(1);
  a.subject.kind = row.text(2);
  a.subject.id = row.text(3);
  const auto chain = nlohmann::json::parse(row.text(4), nullptr, false);
  if (chain.is_array()) {
    for (const auto& role : chain) {
      if (role.is_string()) a.chain.push_back(role.get<std::string>());
    }
  }
  a.state = parse_approval_state(row.text(5)).value_or(ApprovalState::kVoid);
  a.requested_by = row.text(6);
  a.requested_at = Timestamp{row.int64(7)};
  a.summary = row.text(8);
  if (!row.is_null(9)) a.amount = Money{row.int64(9)};
  return a;
}

}  // namespace

std::optional<Approval> SqlApprovalStore::find(std::int64_t id) {
  return guarded("reading an approval", [&]() -> std::optional<Approval> {
    Query query = db_.cached(
        "SELECT id, form, subject_kind, subject_id, chain, state, requested_by, requested_at, "
        "summary, amount_fen FROM approval WHERE id = ?1");
    query->bind(1, id);
    if (!query->step()) return std::nullopt;
    Approval approval = read_approval(*query);
    Query signatures = db_.cached(
        "SELECT step, role, signer, approved, at, comment FROM approval_signature WHERE "
        "approval_id = ?1 ORDER BY step");
    signatures->bind(1, id);
    while (signatures->step()) {
      Signature s;
      s.step = static_cast<int>(signatures->int64(0));
      s.role = signatures->text(1);
      s.user = signatures->text(2);
      s.approved = flag_column(*signatures, 3);
      s.at = Timestamp{signatures->int64(4)};
      s.comment = signatures->text(5);
      approval.signatures.push_back(std::move(s));
    }
    return approval;
  });
}

std::vector<Approval> SqlApprovalStore::list(const ApprovalFilter& filter) {
  return guarded("listing approvals", [&] {
    std::vector<std::int64_t> ids;
    {
      Query query = db_.cached(
          "SELECT id FROM approval WHERE (CAST(?1 AS TEXT) IS NULL OR subject_kind = ?1) "
          "AND (CAST(?2 AS TEXT) IS NULL OR subject_id = ?2) AND (CAST(?3 AS TEXT) IS NULL OR "
          "state = ?3) ORDER BY id");
      if (filter.subject_kind) query->bind(1, *filter.subject_kind);
      if (filter.subject_id) query->bind(2, *filter.subject_id);
      if (filter.state) query->bind(3, approval_state_name(*filter.state));
      while (query->step()) ids.push_back(query->int64(0));
    }
    std::vector<Approval> all;
    for (std::int64_t id : ids) all.push_back(*find(id));
    return all;
  });
}

void SqlApprovalStore::insert(Approval& approval) {
  guarded("requesting an approval", [&] {
    Query insert = db_.cached(
        "INSERT INTO approval (form, subject_kind, subject_id, chain, state, requested_by, "
        "requested_at, summary, amount_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert->bind(1, approval.form);
    insert->bind(2, approval.subject.kind);
    insert->bind(3, approval.subject.id);
    insert->bind(4, nlohmann::json(approval.chain).dump());
    insert->bind(5, approval_state_name(approval.state));
    insert->bind(6, approval.requested_by);
    insert->bind(7, approval.requested_at.seconds);
    insert->bind(8, approval.summary);
    bind_optional(*insert, 9, approval.amount);
    insert->run();
    approval.id = db_.last_insert_id();
  });
}

void SqlApprovalStore::set_state(std::int64_t id, ApprovalState state) {
  guarded("deciding an approval", [&] {
    Query update = db_.cached("UPDATE approval SET state = ?1 WHERE id = ?2");
    update->bind(1, approval_state_name(state));
    update->bind(2, id);
    update->run();
  });
}

void SqlApprovalStore::insert_signature(std::int64_t approval_id, const Signature& signature) {
  guarded("signing an approval", [&] {
    Query insert = db_.cached(
        "INSERT INTO approval_signature (approval_id, step, role, signer, approved, at, comment) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert->bind(1, approval_id);
    insert->bind(2, signature.step);
    insert->bind(3, signature.role);
    insert->bind(4, signature.user);
    insert->bind(5, signature.approved ? 1 : 0);
    insert->bind(6, signature.at.seconds);
    insert->bind(7, signature.comment);
    insert->run();
  });
}

}  // namespace aftersales::store
