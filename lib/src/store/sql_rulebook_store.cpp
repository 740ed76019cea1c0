// SQL of the ledger's rulebook versions.
#include <nlohmann/json.hpp>

#include "store/sql_stores.h"

namespace aftersales::store {

std::optional<StoredRulebook> SqlRulebookStore::current() {
  return guarded("reading the ledger's rulebook", [&]() -> std::optional<StoredRulebook> {
    Query query = db_.cached(
        "SELECT version, rules, source, admins, applied_by, login, applied_at FROM rulebook "
        "ORDER BY version DESC LIMIT 1");
    if (!query->step()) return std::nullopt;
    StoredRulebook r;
    r.version = static_cast<int>(query->int64(0));
    r.rules = query->text(1);
    r.source = query->text(2);
    const auto admins = nlohmann::json::parse(query->text(3), nullptr, false);
    if (admins.is_array()) {
      for (const auto& admin : admins) {
        if (admin.is_string()) r.admins.push_back(admin.get<std::string>());
      }
    }
    r.applied_by = query->text(4);
    r.login = query->text(5);
    r.applied_at = Timestamp{query->int64(6)};
    return r;
  });
}

void SqlRulebookStore::append(StoredRulebook& rulebook) {
  guarded("storing the ledger's rulebook", [&] {
    // The version is read back with RETURNING, not last_insert_id(): only SQLite's rowid is
    // the version (PostgreSQL's lastval() is another sequence's; docs/postgresql.md, B9).
    Query insert = db_.cached(
        "INSERT INTO rulebook (version, rules, source, admins, applied_by, login, applied_at) "
        "VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM rulebook), ?1, ?2, ?3, ?4, ?5, ?6) "
        "RETURNING version");
    insert->bind(1, rulebook.rules);
    insert->bind(2, rulebook.source);
    insert->bind(3, nlohmann::json(rulebook.admins).dump());
    insert->bind(4, rulebook.applied_by);
    insert->bind(5, rulebook.login);
    insert->bind(6, rulebook.applied_at.seconds);
    insert->step();
    rulebook.version = static_cast<int>(insert->int64(0));
  });
}

}  // namespace aftersales::store
