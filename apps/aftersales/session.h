// What every command shares: the global options, and the rules, store, clock and output they
// lead to, opened only when a command asks for them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/io/render.h"
#include "aftersales/io/row_writer.h"
#include "aftersales/rules/rulebook.h"
#include "aftersales/rules/rules_file.h"
#include "aftersales/store/store.h"
#include "exit_codes.h"

namespace aftersales::cli {

// How a command uses the ledger: each verb declares it once (commands/verb.h), and the session
// opens the store to match (taskwarrior's "read-only or writing" trait).
enum class StoreUse {
  kNone,     // never opens the ledger (config, commands not built yet); opening it is a bug
  kReads,    // opened read-only (PRAGMA query_only) after any migration it lacks
  kWrites,   // opened for changes; the file must exist
  kCreates,  // opened for changes, and the file is created when missing (init)
};

// Where a command's rules come from (CLI.md "--config"): the ledger keeps its own rulebook, and
// only `init` and `config check|diff|apply` read a rules file.
enum class RulesSource {
  kLedger,         // the ledger's rulebook; --config is refused
  kLedgerAndFile,  // the ledger's rulebook, and --config or FILE names the file the verb reads
  kFile,           // --config, ./aftersales.toml when present, else the built-in rules (init,
                   // config check)
};

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
  bool no_pager = false;  // on a terminal, write directly instead of through the pager
};

class Session {
 public:
  GlobalOptions options;

  // Chooses the command to run and declares how it uses the ledger. Called by the chosen
  // verb's parse callback (commands/verb.h); a later choice replaces an earlier one.
  void choose(StoreUse store_use, RulesSource rules_source, std::function<ExitCode()> run);
  // Runs the chosen command and returns its exit code; kOk when none was chosen.
  ExitCode run_chosen();

  // The effective rules (loaded on first use): the ledger's rulebook, or for kFile commands the
  // rules file. Throws Error(kUsage) for a bad rules file or a ledger without a rulebook.
  const LoadedRules& rules();
  // The ledger's rulebook in force (opens the ledger); Error(kUsage) when it has none.
  const LedgerRules& ledger_rules();
  // The rules file named by --config / AFTERSALES_CONFIG, else ./aftersales.toml when present,
  // else empty (the built-in rules).
  std::string config_path() const;

  // The database, opened and migrated on first use as the chosen command declared: read-only
  // for kReads, created when missing for kCreates. Throws Error(kUsage) when it is missing or
  // newer than this binary, Error(kStorageUnavailable) when it cannot be opened, and
  // std::logic_error when the command declared kNone (a bug: exit 70).
  Store& store();

  // A core context: rules, store, clock (--today or the system's) and the acting user.
  Context& context();

  // Writes data to stdout or -o FILE in the chosen format. When stdout is a terminal
  // (terminal_output.h) the output goes through the pager, and the human table is cut to the
  // terminal's width and coloured where it means trouble. To -o FILE.xlsx: one sheet named
  // `sheet_name` (else the file's stem) for a table; a record's fields, then each of its
  // tables, as sheets. To -o FILE.html: a plain page of the table(s) (views/report_page.h).
  void emit(const Table& table, const std::string& sheet_name = {});
  void emit(const RecordView& record);
  // Writes a finished HTML page (the report page) to -o FILE, atomically. Error(kUsage) when
  // there is no -o.
  void emit_page(const std::string& html);
  // The chosen command reads -o as a directory of its own (report nightly): check_output and
  // format() leave -o to it, and emit() must not be called.
  void take_output_as_directory() { output_is_directory_ = true; }
  // The creation time stamped in the .xlsx files written from now on (reports stamp the end of
  // their month, so that the same ledger gives the same bytes); unset: the current time.
  void stamp_files(Timestamp created) { files_created_ = created; }
  // Streams rows to stdout or -o FILE: `produce` gets a writer already begun with `columns` and
  // hands it one row at a time (io/row_writer.h); the writer is finished after it returns.
  // Memory stays flat (the human table holds its first kTableBufferRows rows). On stdout, rows
  // written before an error stay written; -o FILE is replaced only when all went well.
  void emit_rows(const std::vector<Column>& columns,
                 const std::function<void(RowWriter&)>& produce);
  // Prints the number of a record just created (CLI.md): alone on a line, or
  // {"number": ...} in JSON.
  void emit_created(const std::string& number);

  // The format data is written in (--format, else -o's extension, else table); Error(kUsage)
  // as check_output. A view may shape its tables for people when it is Format::kTable.
  Format format() const { return render_options().format; }

  // Checks --format and -o before a command runs, so that a bad output option refuses the
  // command before it changes anything. Throws Error(kUsage).
  void check_output() const { render_options(); }

  // A summary line on stderr, unless --quiet.
  void note(const std::string& message) const;

  // Writes text a view lays out itself (search results) to stdout through the pager, or to
  // -o FILE atomically: `render` gets the stream and the options, with fit_width and colour
  // set only on a terminal in the table format.
  void write_out(const std::function<void(std::ostream&, const RenderOptions&)>& render);

 private:
  RenderOptions render_options() const;

  StoreUse store_use_ = StoreUse::kNone;
  RulesSource rules_source_ = RulesSource::kLedger;
  std::function<ExitCode()> run_;
  std::optional<LoadedRules> rules_;
  std::optional<LedgerRules> ledger_rules_;
  std::unique_ptr<Clock> real_clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<Context> context_;
  bool output_is_directory_ = false;
  std::optional<Timestamp> files_created_;
};

}  // namespace aftersales::cli
