// What every command shares: the global options, and the rules, store, clock and output they
// lead to, opened only when a command asks for them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/io/render.h"
#include "aftersales/rules/rules_file.h"
#include "aftersales/store/store.h"

namespace aftersales::cli {

// The global options of CLI.md, as parsed.
struct GlobalOptions {
  std::string db = "./aftersales.db";
  std::string config;  // empty: ./aftersales.toml if present, else the built-in defaults
  std::string as;
  std::string today;
  std::string format;  // empty: from -o's extension, else table
  std::string output;
  bool bom = false;
  bool quiet = false;
};

class Session {
 public:
  GlobalOptions options;

  // The command chosen on the command line; returns the exit code.
  std::function<int()> run;

  // The effective rules (loaded on first use). Throws Error(kUsage) for a bad config file.
  const LoadedRules& rules();
  // The config file in effect, or empty for the built-in defaults.
  std::string config_path() const;

  // The database, opened and migrated on first use. `create`: init may create the file.
  Store& store(bool create = false);

  // A core context: rules, store, clock (--today or the system's) and the acting user.
  Context& context();

  // Writes data to stdout or -o FILE in the chosen format.
  void emit(const Table& table);
  void emit(const RecordView& record);
  // Prints the number of a record just created (CLI.md): alone on a line, or
  // {"number": ...} in JSON.
  void emit_created(const std::string& number);

  // Checks --format and -o before a command runs, so that a bad output option refuses the
  // command before it changes anything. Throws Error(kUsage).
  void check_output() const { render_options(); }

  // A summary line on stderr, unless --quiet.
  void note(const std::string& message) const;

 private:
  RenderOptions render_options() const;
  void write_out(const std::function<void(std::ostream&, const RenderOptions&)>& render);

  std::optional<LoadedRules> rules_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<Context> context_;
};

}  // namespace aftersales::cli
