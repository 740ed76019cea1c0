// Shell completion (issue 14): what may come next on a command line, from the tree of commands
// and, for the names of records, from the ledger itself (ticket numbers, serials, customer
// codes ...). The hidden command `aftersales __complete -- WORD...` prints it for the bash and
// zsh scripts of scripts/completion/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "aftersales/store/name_store.h"

namespace CLI {
class App;
}

namespace aftersales::cli {

// The ledger's names of a kind that begin with a prefix.
using LiveNames = std::function<std::vector<std::string>(NameKind, const std::string& prefix)>;

// The candidates for the last of `words` (the words after the program name; the last is the
// one being typed, "" for a new one) that begin with it, one per element: a command, an
// option, or a value of the option or argument it stands after. Empty when nothing is known,
// and the shell then offers file names.
std::vector<std::string> complete(const CLI::App& root, const std::vector<std::string>& words,
                                  const LiveNames& live);

// The --db among `words` (`--db PATH` or `--db=PATH`, the last one), else "".
std::string db_in(const std::vector<std::string>& words);

}  // namespace aftersales::cli
