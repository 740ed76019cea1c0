// SQL of approvals and their signatures.
#include <nlohmann/json.hpp>

#include "store/sqlite_binding.h"
#include "store/sqlite_store.h"

namespace aftersales::store {
namespace {

const char* const kApprovalSelect =
    "SELECT id, form, subject, chain, state, requested_by, requested_at, summary, amount_fen "
    "FROM approval ";

Approval read_approval(SQLite::Statement& row) {
  Approval a;
  a.id = row.getColumn(0).getInt64();
  a.form = parse_form_key(row.getColumn(1).getString()).value_or(ApprovalForm::kRepairNotice);
  a.subject = row.getColumn(2).getString();
  const auto chain = nlohmann::json::parse(row.getColumn(3).getString(), nullptr, false);
  if (chain.is_array()) {
    for (const auto& role : chain) {
      if (role.is_string()) a.chain.push_back(role.get<std::string>());
    }
  }
  a.state = parse_approval_state(row.getColumn(4).getString()).value_or(ApprovalState::kVoid);
  a.requested_by = row.getColumn(5).getString();
  a.requested_at = Timestamp{row.getColumn(6).getInt64()};
  a.summary = row.getColumn(7).getString();
  if (!row.getColumn(8).isNull()) a.amount = Money{row.getColumn(8).getInt64()};
  return a;
}

}  // namespace

std::optional<Approval> SqliteStore::find_approval(std::int64_t id) {
  return guarded("reading an approval", [&]() -> std::optional<Approval> {
    SQLite::Statement query(db_, std::string(kApprovalSelect) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    Approval approval = read_approval(query);
    SQLite::Statement signatures(db_,
                                 "SELECT step, role, user, approved, at, comment FROM "
                                 "approval_signature WHERE approval_id = ? ORDER BY step");
    signatures.bind(1, id);
    while (signatures.executeStep()) {
      Signature s;
      s.step = signatures.getColumn(0).getInt();
      s.role = signatures.getColumn(1).getString();
      s.user = signatures.getColumn(2).getString();
      s.approved = signatures.getColumn(3).getInt() != 0;
      s.at = Timestamp{signatures.getColumn(4).getInt64()};
      s.comment = signatures.getColumn(5).getString();
      approval.signatures.push_back(std::move(s));
    }
    return approval;
  });
}

std::vector<Approval> SqliteStore::list_approvals(const ApprovalFilter& filter) {
  return guarded("listing approvals", [&] {
    SQLite::Statement query(db_, std::string("SELECT id FROM approval ") +
                                     "WHERE (?1 IS NULL OR subject = ?1) "
                                     "AND (?2 IS NULL OR state = ?2) ORDER BY id");
    if (filter.subject) query.bind(1, *filter.subject);
    if (filter.state) query.bind(2, approval_state_name(*filter.state));
    std::vector<std::int64_t> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    std::vector<Approval> all;
    for (std::int64_t id : ids) all.push_back(*find_approval(id));
    return all;
  });
}

void SqliteStore::insert_approval(Approval& approval) {
  guarded("requesting an approval", [&] {
    SQLite::Statement insert(db_,
                             "INSERT INTO approval (form, subject, chain, state, requested_by, "
                             "requested_at, summary, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, form_key(approval.form));
    insert.bind(2, approval.subject);
    insert.bind(3, nlohmann::json(approval.chain).dump());
    insert.bind(4, approval_state_name(approval.state));
    insert.bind(5, approval.requested_by);
    insert.bind(6, approval.requested_at.seconds);
    insert.bind(7, approval.summary);
    if (approval.amount) {
      insert.bind(8, approval.amount->fen);
    } else {
      insert.bind(8);
    }
    insert.exec();
    approval.id = db_.getLastInsertRowid();
  });
}

void SqliteStore::set_approval_state(std::int64_t id, ApprovalState state) {
  guarded("deciding an approval", [&] {
    SQLite::Statement update(db_, "UPDATE approval SET state = ? WHERE id = ?");
    update.bind(1, approval_state_name(state));
    update.bind(2, id);
    update.exec();
  });
}

void SqliteStore::insert_signature(std::int64_t approval_id, const Signature& signature) {
  guarded("signing an approval", [&] {
    SQLite::Statement insert(db_,
                             "INSERT INTO approval_signature (approval_id, step, role, user, "
                             "approved, at, comment) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, approval_id);
    insert.bind(2, signature.step);
    insert.bind(3, signature.role);
    insert.bind(4, signature.user);
    insert.bind(5, signature.approved ? 1 : 0);
    insert.bind(6, signature.at.seconds);
    insert.bind(7, signature.comment);
    insert.exec();
  });
}

}  // namespace aftersales::store
