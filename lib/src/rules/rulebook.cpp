#include "aftersales/rules/rulebook.h"

#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/store/store.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

constexpr const char* kBuiltIn = "built-in";

LoadedRules rules_of(const std::string& text, const std::string& source) {
  return text.empty() ? default_rules() : load_rules_text(text, source);
}

AuditJson changes_json(const std::vector<RulesChange>& changes, bool after) {
  AuditJson json = AuditJson::object();
  for (const RulesChange& change : changes) {
    json[change.key] = after ? change.after : change.before;
  }
  return json;
}

}  // namespace

LedgerRules load_ledger_rules(Store& store) {
  std::optional<StoredRulebook> stored = store.rulebook().current();
  if (!stored) {
    throw Error(ErrorCode::kUsage,
                "this ledger keeps no rulebook yet (it was made before ledgers "
                "kept their own rules and users)",
                "run `aftersales init --config FILE` once, with the rules file it was used "
                "with, or `aftersales init` for the built-in rules; the user who runs it becomes "
                "the ledger's admin");
  }
  LedgerRules ledger;
  ledger.loaded = rules_of(stored->rules, stored->source);
  ledger.loaded.rules.admins = stored->admins;
  ledger.rulebook = std::move(*stored);
  return ledger;
}

StoredRulebook adopt_first_rulebook(Store& store, const std::string& text,
                                    const std::string& source, const Actor& actor, Timestamp at) {
  // Check the file before anything is written.
  rules_of(text, source);
  StoredRulebook adopted;
  store.write([&] {
    if (std::optional<StoredRulebook> present = store.rulebook().current()) {
      if (!text.empty()) {
        throw Error(ErrorCode::kUsage,
                    fmt::format("this ledger keeps its rulebook already (version {}); --config "
                                "is only read when a ledger gets its first",
                                present->version),
                    "an admin changes it with `aftersales config apply FILE`; `aftersales config "
                    "diff FILE` shows what would change");
      }
      adopted = std::move(*present);
      return;
    }
    adopted.rules = text;
    adopted.source = text.empty() ? kBuiltIn : source;
    adopted.admins = {actor.user};
    adopted.applied_by = actor.user;
    adopted.login = actor.login;
    adopted.applied_at = at;
    store.rulebook().append(adopted);
    AuditEntry entry;
    entry.at = at;
    entry.actor = actor.user;
    entry.login = actor.login;
    entry.entity = "rulebook";
    entry.entity_id = std::to_string(adopted.version);
    entry.action = "init";
    entry.after = AuditJson{{"source", adopted.source}, {"admins", adopted.admins}}.dump();
    store.audit().append(entry);
  });
  return adopted;
}

std::vector<RulesChange> diff_rules(const LoadedRules& from, const LoadedRules& to) {
  std::map<std::string, std::pair<std::string, std::string>> by_key;
  for (const RulesSetting& s : from.settings) by_key[s.key].first = s.value;
  for (const RulesSetting& s : to.settings) by_key[s.key].second = s.value;
  std::vector<RulesChange> changes;
  for (const auto& [key, values] : by_key) {
    if (values.first != values.second) changes.push_back({key, values.first, values.second});
  }
  return changes;
}

StoredRulebook apply_rulebook(Context& ctx, const std::string& text, const std::string& source) {
  require_role(ctx, {"admin"}, "changing the ledger's rulebook");
  const LoadedRules next = rules_of(text, source);
  StoredRulebook applied;
  ctx.store.write([&] {
    const LedgerRules current = load_ledger_rules(ctx.store);
    const std::vector<RulesChange> changes = diff_rules(current.loaded, next);
    if (changes.empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{} changes nothing in the rulebook in force (version {})", source,
                              current.rulebook.version),
                  "`aftersales config show` shows the rules in force");
    }
    applied.rules = text;
    applied.source = source;
    applied.admins = current.rulebook.admins;
    applied.applied_by = ctx.actor.user;
    applied.login = ctx.actor.login;
    applied.applied_at = ctx.real_now();
    ctx.store.rulebook().append(applied);
    record_change(ctx, "rulebook", std::to_string(applied.version), "apply",
                  changes_json(changes, false).dump(), changes_json(changes, true).dump());
  });
  return applied;
}

}  // namespace aftersales
