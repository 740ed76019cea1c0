#include "session.h"

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <utility>

#include "aftersales/core/error.h"
#include "aftersales/core/translate.h"
#include "aftersales/identity/identity.h"
#include "aftersales/io/terminal.h"
#include "aftersales/io/xlsx_writer.h"
#include "terminal_output.h"
#include "views/report_page.h"

namespace aftersales::cli {

std::string Session::config_path() const {
  if (!options.config.empty()) return options.config;
  if (std::filesystem::exists("aftersales.toml")) return "aftersales.toml";
  return {};
}

const LoadedRules& Session::rules() {
  if (!rules_) {
    if (rules_source_ == RulesSource::kFile) {
      const std::string path = config_path();
      rules_ = path.empty() ? default_rules() : load_rules_file(path);
    } else {
      rules_ = ledger_rules().loaded;
    }
  }
  return *rules_;
}

const LedgerRules& Session::ledger_rules() {
  if (!ledger_rules_) {
    ledger_rules_ = load_ledger_rules(store());
    store_->set_busy_timeout(ledger_rules_->loaded.rules.storage.busy_timeout_ms);
  }
  return *ledger_rules_;
}

void Session::choose(StoreUse store_use, RulesSource rules_source, std::function<ExitCode()> run) {
  store_use_ = store_use;
  rules_source_ = rules_source;
  run_ = std::move(run);
}

ExitCode Session::run_chosen() {
  if (!run_) return ExitCode::kOk;
  // A rules file given to a command that uses the ledger's rulebook would be silently ignored,
  // or worse, believed: refuse it.
  if (rules_source_ == RulesSource::kLedger && store_use_ != StoreUse::kNone &&
      !options.config.empty()) {
    throw Error(ErrorCode::kUsage,
                fmt::format("--config {} is not read here: this command uses the rulebook kept "
                            "in the ledger",
                            options.config),
                "drop --config (and AFTERSALES_CONFIG); an admin changes the ledger's rules with "
                "`aftersales config apply FILE`");
  }
  return run_();
}

Store& Session::store() {
  if (!store_) {
    if (store_use_ == StoreUse::kNone) {
      throw std::logic_error("a command declared to use no ledger asked for one");
    }
    SqliteOptions sqlite;
    sqlite.create = store_use_ == StoreUse::kCreates;
    sqlite.read_only = store_use_ == StoreUse::kReads;
    // The ledger's own busy timeout is set once its rulebook is read (ledger_rules()).
    if (rules_source_ == RulesSource::kFile) {
      sqlite.busy_timeout_ms = rules().rules.storage.busy_timeout_ms;
    }
    store_ = open_store(options.db, sqlite);
  }
  return *store_;
}

Context& Session::context() {
  if (!context_) {
    const Rules& r = rules().rules;
    if (options.today.empty()) {
      clock_ = std::make_unique<SystemClock>();
    } else {
      std::string why;
      std::optional<Timestamp> today = parse_today(options.today, r.general.utc_offset, &why);
      if (!today) {
        throw Error(
            ErrorCode::kUsage,
            fmt::format("--today / AFTERSALES_TODAY: cannot read \"{}\": {}", options.today, why),
            "give a date like 2026-11-27 or a time like 2026-11-27T09:30:00+08:00");
      }
      clock_ = std::make_unique<FixedClock>(*today);
    }
    std::optional<std::string> requested;
    if (!options.as.empty()) requested = options.as;
    // On a shared server the login it authenticated acts, not the account on this host.
    Actor actor = resolve_actor(r, store().server_login().value_or(os_login()), requested);
    real_clock_ = std::make_unique<SystemClock>();
    context_ = std::make_unique<Context>(
        Context{store(), r, *clock_, std::move(actor), real_clock_.get()});
  }
  return *context_;
}

RenderOptions Session::render_options() const {
  RenderOptions render;
  render.bom = options.bom;
  if (output_is_directory_) return render;  // the command checks its own -o DIR
  if (!options.output.empty()) {
    // Refused before the command runs: a change is never made whose output has nowhere to go.
    namespace fs = std::filesystem;
    const fs::path output(options.output);
    const fs::path directory = output.has_parent_path() ? output.parent_path() : fs::path(".");
    if (!fs::is_directory(directory)) {
      throw Error(
          ErrorCode::kUsage,
          fmt::format("-o {}: the directory {} does not exist", options.output, directory.string()),
          "create the directory first, or name a file in an existing one");
    }
    if (fs::is_directory(output)) {
      throw Error(ErrorCode::kUsage, fmt::format("-o {} is a directory", options.output),
                  "name a file, e.g. -o units.csv");
    }
    const Format by_extension = format_for_path(options.output);
    render.format = by_extension;
    if (!options.format.empty() && parse_format(options.format) != by_extension) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("--format {} contradicts the extension of -o {}", options.format,
                              options.output),
                  "drop --format, or give the file a matching extension");
    }
  } else if (!options.format.empty()) {
    render.format = parse_format(options.format);
    if (render.format == Format::kXlsx || render.format == Format::kHtml) {
      throw Error(
          ErrorCode::kUsage,
          fmt::format("--format {} writes a file, not text for standard output", options.format),
          fmt::format("give the file with -o, e.g. -o report.{}", options.format));
    }
  }
  return render;
}

namespace {

std::string output_stem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

// A record as tables: its fields as (field, value) rows, then each of its own tables.
std::vector<std::pair<std::string, Table>> record_tables(const RecordView& record) {
  Table fields;
  fields.columns = {{"field", "field"}, {"value", "value"}};
  for (const auto& field : record.fields) {
    fields.add_row({Cell{field.title.empty() ? field.key : field.title}, field.value});
  }
  std::vector<std::pair<std::string, Table>> tables;
  tables.emplace_back(record.title.empty() ? std::string("record") : record.title, fields);
  for (const auto& [column, table] : record.tables) {
    tables.emplace_back(column.title.empty() ? column.key : column.title, table);
  }
  return tables;
}

}  // namespace

namespace {

[[noreturn]] void throw_write_failed(int error) {
  throw Error(ErrorCode::kStorageUnavailable,
              fmt::format("writing the output failed: {}",
                          error != 0 ? std::strerror(error) : "the stream refused it"),
              "check where standard output goes (a full disk, a closed pipe) and retry");
}

}  // namespace

void Session::write_out(const std::function<void(std::ostream&, const RenderOptions&)>& render) {
  RenderOptions render_with = render_options();
  if (options.output.empty()) {
    const TerminalOutput terminal = standard_output_terminal(options.no_pager);
    if (terminal.is_terminal && render_with.format == Format::kTable) {
      render_with.fit_width = terminal.width;
      render_with.colour = terminal.colour;
    }
    std::unique_ptr<Pager> pager;
    if (!terminal.pager.empty()) {
      std::cout.flush();
      pager = Pager::start(terminal.pager);  // nullptr when it cannot start: write directly
    }
    if (pager) {
      render(pager->stream(), render_with);
      // A user who quits the pager before the end is no error (Pager::finish).
      if (const int error = pager->finish(); error != 0) throw_write_failed(error);
      return;
    }
    errno = 0;
    render(std::cout, render_with);
    std::cout.flush();
    // A full disk or a closed pipe: the data did not arrive, and the exit code must say so.
    if (!std::cout) throw_write_failed(errno);
  } else {
    write_file_atomically(options.output, [&](std::ostream& out) { render(out, render_with); });
    note(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
  }
}

void Session::emit(const Table& table, const std::string& sheet_name) {
  const Format format = render_options().format;
  if (format == Format::kXlsx) {
    XlsxOptions xlsx;
    xlsx.created = files_created_;
    write_xlsx_table(options.output, sheet_name.empty() ? output_stem(options.output) : sheet_name,
                     table, xlsx);
    note(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
  } else if (format == Format::kHtml) {
    emit_page(table_page(output_stem(options.output), {{sheet_name, &table}},
                         Words(ReportLanguage::kZh)));
  } else {
    write_out(
        [&](std::ostream& out, const RenderOptions& o) { aftersales::render(out, table, o); });
  }
}

namespace {

// Begins the real writer at the first row (or at the end): a command that refuses its
// arguments inside `produce` (a bad --state, an unknown customer) has written nothing yet.
class FirstRowBegins final : public RowWriter {
 public:
  FirstRowBegins(std::ostream& out, const RenderOptions& options) : out_(out), options_(options) {}
  void begin(const std::vector<Column>& columns) override { columns_ = columns; }
  void row(const std::vector<Cell>& cells) override { started().row(cells); }
  void finish() override { started().finish(); }

 private:
  RowWriter& started() {
    if (!writer_) {
      writer_ = make_row_writer(out_, options_);
      writer_->begin(columns_);
    }
    return *writer_;
  }
  std::ostream& out_;
  RenderOptions options_;
  std::vector<Column> columns_;
  std::unique_ptr<RowWriter> writer_;
};

// The rows of a list or an export as one sheet of a workbook, row by row (constant memory).
class XlsxSheetRows final : public RowWriter {
 public:
  XlsxSheetRows(XlsxWriter& book, std::string sheet) : book_(book), sheet_(std::move(sheet)) {}
  void begin(const std::vector<Column>& columns) override { book_.begin_sheet(sheet_, columns); }
  void row(const std::vector<Cell>& cells) override { book_.add_row(cells); }
  void finish() override { book_.commit(); }

 private:
  XlsxWriter& book_;
  std::string sheet_;
};

// The rows as one table, for a page: an HTML page of a list is meant for a screenful or a
// printout, so it holds its rows.
class TableRows final : public RowWriter {
 public:
  explicit TableRows(Table& table) : table_(table) {}
  void begin(const std::vector<Column>& columns) override { table_.columns = columns; }
  void row(const std::vector<Cell>& cells) override { table_.add_row(cells); }
  void finish() override {}

 private:
  Table& table_;
};

}  // namespace

void Session::emit_rows(const std::vector<Column>& columns,
                        const std::function<void(RowWriter&)>& produce) {
  const Format format = render_options().format;
  if (format == Format::kXlsx) {
    XlsxOptions xlsx;
    xlsx.created = files_created_;
    XlsxWriter book(options.output, xlsx);
    XlsxSheetRows writer(book, output_stem(options.output));
    writer.begin(columns);
    produce(writer);
    writer.finish();
    note(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
    return;
  }
  if (format == Format::kHtml) {
    Table table;
    TableRows writer(table);
    writer.begin(columns);
    produce(writer);
    emit(table);
    return;
  }
  write_out([&](std::ostream& out, const RenderOptions& o) {
    FirstRowBegins writer(out, o);
    writer.begin(columns);
    produce(writer);
    writer.finish();
  });
}

void Session::emit(const RecordView& record) {
  const Format format = render_options().format;
  if (format == Format::kXlsx || format == Format::kHtml) {
    const auto tables = record_tables(record);
    if (format == Format::kXlsx) {
      XlsxOptions xlsx;
      xlsx.created = files_created_;
      XlsxWriter writer(options.output, xlsx);
      for (const auto& [name, table] : tables) {
        writer.begin_sheet(name, table.columns);
        for (const auto& row : table.rows) writer.add_row(row);
      }
      writer.commit();
      note(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
    } else {
      std::vector<std::pair<std::string, const Table*>> named;
      for (const auto& [name, table] : tables) named.emplace_back(name, &table);
      emit_page(table_page(record.title.empty() ? output_stem(options.output) : record.title, named,
                           Words(ReportLanguage::kZh)));
    }
    return;
  }
  write_out([&](std::ostream& out, const RenderOptions& o) { aftersales::render(out, record, o); });
}

void Session::emit_page(const std::string& html) {
  if (options.output.empty()) {
    throw Error(ErrorCode::kUsage, "an HTML page is a file, not text for standard output",
                "give the file with -o, e.g. -o report.html");
  }
  write_file_atomically(options.output, [&](std::ostream& out) { out << html; });
  note(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
}

void Session::emit_created(const std::string& number) {
  const Format format = render_options().format;
  if (format == Format::kXlsx || format == Format::kHtml) {
    RecordView record;
    record.add("number", "number", Cell{number});
    emit(record);
    return;
  }
  write_out([&](std::ostream& out, const RenderOptions& o) {
    if (o.format == Format::kJson || o.format == Format::kJsonl) {
      RecordView record;
      record.add("number", "number", Cell{number});
      aftersales::render(out, record, o);
    } else {
      out << number << '\n';
    }
  });
}

void Session::note(const std::string& message) const {
  if (!options.quiet) std::cerr << terminal_safe(message) << '\n';
}

}  // namespace aftersales::cli
