// The ledger's own rulebook (DOMAIN.md "Who uses it"): the rules and users belong to the ledger,
// not to a file the caller passes, so that nobody can write a file that makes them the GM. An
// admin applies a rules file to the ledger, where every version is kept and audited with its
// diff; every command but `init` and `config check|diff|apply` uses the version in force.
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/rules/rules_file.h"
#include "aftersales/store/rulebook_store.h"

namespace aftersales {

class Store;

struct LedgerRules {
  LoadedRules loaded;       // the rules, the ledger's admins included
  StoredRulebook rulebook;  // the version in force
};

// The rulebook in force. Throws Error(kUsage) when the ledger has none yet (it was made before
// ledgers kept their rulebook): the hint says to run `aftersales init --config FILE` with the
// rules file the ledger was used with.
LedgerRules load_ledger_rules(Store& store);

// `init`: gives a ledger without a rulebook its first one, from `text` (read from `source`, or
// "" and "built-in" for the seed's defaults); `actor` becomes the ledger's first admin. Returns
// the version in force; a ledger that has a rulebook keeps it and `text` must then be empty
// (Error(kUsage): change it with `config apply`). Throws Error(kUsage) listing the file's
// problems. `at` is the real time.
StoredRulebook adopt_first_rulebook(Store& store, const std::string& text,
                                    const std::string& source, const Actor& actor, Timestamp at);

// One setting that differs between two rulebooks; `before` or `after` is empty where the key is
// absent (a user added or removed).
struct RulesChange {
  std::string key;
  std::string before;
  std::string after;
};

// The settings of `to` that differ from `from`, by key.
std::vector<RulesChange> diff_rules(const LoadedRules& from, const LoadedRules& to);

// `config apply`: stores `text` (read from `source`) as the next version, with the diff in the
// audit trail (entity "rulebook"). Only an admin applies. Throws Error(kRuleViolation) for
// anyone else, Error(kUsage) listing the file's problems, Error(kInvalidInput) when it changes
// nothing.
StoredRulebook apply_rulebook(Context& ctx, const std::string& text, const std::string& source);

}  // namespace aftersales
