#include "session.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <utility>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"

namespace aftersales::cli {

std::string Session::config_path() const {
  if (!options.config.empty()) return options.config;
  if (std::filesystem::exists("aftersales.toml")) return "aftersales.toml";
  return {};
}

const LoadedRules& Session::rules() {
  if (!rules_) {
    const std::string path = config_path();
    rules_ = path.empty() ? default_rules() : load_rules_file(path);
  }
  return *rules_;
}

void Session::choose(StoreUse store_use, std::function<ExitCode()> run) {
  store_use_ = store_use;
  run_ = std::move(run);
}

ExitCode Session::run_chosen() { return run_ ? run_() : ExitCode::kOk; }

Store& Session::store() {
  if (!store_) {
    if (store_use_ == StoreUse::kNone) {
      throw std::logic_error("a command declared to use no ledger asked for one");
    }
    SqliteOptions sqlite;
    sqlite.create = store_use_ == StoreUse::kCreates;
    sqlite.read_only = store_use_ == StoreUse::kReads;
    sqlite.busy_timeout_ms = rules().rules.storage.busy_timeout_ms;
    store_ = open_sqlite_store(options.db, sqlite);
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
    Actor actor = resolve_actor(r, os_login(), requested);
    context_ = std::make_unique<Context>(Context{store(), r, *clock_, std::move(actor)});
  }
  return *context_;
}

RenderOptions Session::render_options() const {
  RenderOptions render;
  render.bom = options.bom;
  if (!options.output.empty()) {
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
  }
  return render;
}

void Session::write_out(const std::function<void(std::ostream&, const RenderOptions&)>& render) {
  const RenderOptions render_with = render_options();
  if (options.output.empty()) {
    render(std::cout, render_with);
    std::cout.flush();
  } else {
    write_file_atomically(options.output, [&](std::ostream& out) { render(out, render_with); });
    note(fmt::format("wrote {}", options.output));
  }
}

void Session::emit(const Table& table) {
  write_out([&](std::ostream& out, const RenderOptions& o) { aftersales::render(out, table, o); });
}

void Session::emit(const RecordView& record) {
  write_out([&](std::ostream& out, const RenderOptions& o) { aftersales::render(out, record, o); });
}

void Session::emit_created(const std::string& number) {
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
  if (!options.quiet) std::cerr << message << '\n';
}

}  // namespace aftersales::cli
