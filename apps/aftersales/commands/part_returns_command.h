// The verbs of the returns of failed parts (表12) in the `part` family.
#pragma once

namespace CLI {
class App;
}

namespace aftersales::cli {

class Session;

// Adds part returns|return|inspect|book to `family`.
void attach_part_returns(CLI::App& family, Session& session);

}  // namespace aftersales::cli
