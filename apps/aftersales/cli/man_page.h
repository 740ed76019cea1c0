// The manual page aftersales(1), written from the tree of commands at build time (the hidden
// command `aftersales __man`, run by cmake/write_man_page.cmake): every command with its
// description, options and example, the global options with their environment variables, the
// exit codes, the environment and the files. Nothing in it is kept by hand, so it cannot drift.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace aftersales::cli {

// The page in man(7) roff for `root`, stamped with `version` ("aftersales 0.1.0").
std::string man_page(const CLI::App& root, const std::string& version);

}  // namespace aftersales::cli
