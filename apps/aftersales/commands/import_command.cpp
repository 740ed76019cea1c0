// aftersales import customers|models|units|tickets FILE... | check ENTITY FILE... |
// revert BATCH | list
#include <unistd.h>

#include <fmt/format.h>
#include <iostream>

#include "aftersales/core/error.h"
#include "aftersales/import/importer.h"
#include "commands/registry.h"
#include "exit_codes.h"

namespace aftersales::cli {
namespace {

struct ImportRequest {
  std::vector<std::string> files;
  std::optional<std::string> mapping;
  std::string encoding = "auto";
  bool dry_run = false;
  std::string on_error = "stop";
  std::optional<std::string> reject_file;
  std::size_t max_errors = 100;
};

TextEncoding encoding_of(const std::string& name) {
  if (name == "auto") return TextEncoding::kAuto;
  if (name == "utf-8" || name == "utf8") return TextEncoding::kUtf8;
  if (name == "gb18030" || name == "gbk" || name == "gb2312") return TextEncoding::kGb18030;
  throw Error(ErrorCode::kUsage, fmt::format("--encoding {}: unknown encoding", name),
              "use auto, utf-8 or gb18030 (gb18030 covers GBK and GB2312)");
}

void add_import_options(CLI::App& command, ImportRequest& r) {
  command.add_option("FILE", r.files, ".csv or .xlsx files")->required()->expected(1, -1);
  command.add_option("--mapping", r.mapping, "TOML mapping of columns to fields");
  command.add_option("--encoding", r.encoding, "auto (BOM, UTF-8, then GB18030), utf-8, gb18030");
  command.add_option("--max-errors", r.max_errors, "show at most this many problems")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

// Runs the import and reports: summary and problems on stderr, the batch on stdout.
int run_import_command(Session& session, ImportEntity entity, const ImportRequest& r,
                       bool check_only) {
  ImportOptions options;
  options.entity = entity;
  options.files = r.files;
  options.mapping_file = r.mapping;
  options.encoding = encoding_of(r.encoding);
  options.dry_run = r.dry_run || check_only;
  options.max_errors = r.max_errors;
  if (r.on_error == "skip") {
    options.on_error = OnError::kSkip;
  } else if (r.on_error != "stop") {
    throw Error(ErrorCode::kUsage, fmt::format("--on-error {}: use stop or skip", r.on_error));
  }
  options.reject_file = r.reject_file;
  if (r.reject_file && options.on_error != OnError::kSkip) {
    throw Error(ErrorCode::kUsage, "--reject-file goes with --on-error skip",
                "add --on-error skip to keep the good rows and write the bad ones there");
  }
  const bool show_progress = !session.options.quiet && ::isatty(STDERR_FILENO) != 0;
  if (show_progress) {
    options.progress = [](std::uint64_t done, std::uint64_t total) {
      std::cerr << fmt::format("\rimporting {:3}% ({} of {} MB)",
                               total == 0 ? 100 : done * 100 / total, done >> 20, total >> 20)
                << std::flush;
    };
  }
  const ImportSummary summary = run_import(session.context(), options);
  if (show_progress) std::cerr << '\n';
  for (const std::string& warning : summary.warnings) std::cerr << "warning: " << warning << '\n';
  for (const ImportFinding& finding : summary.findings) std::cerr << finding.to_string() << '\n';
  for (const ImportFileSummary& file : summary.files) {
    session.note(fmt::format("{}: {} records, {}, sha256 {}", file.path, file.records,
                             file.encoding, file.sha256.substr(0, 16)));
  }
  const std::string counts =
      fmt::format("{} new, {} unchanged, {} updated, {} rejected", summary.new_rows,
                  summary.unchanged, summary.updated, summary.rejected);
  if (options.dry_run) {
    session.note(fmt::format("checked, nothing written: {}", counts));
    return process_status(summary.rejected > 0 ? ExitCode::kBadData : ExitCode::kOk);
  }
  if (!summary.committed) {
    std::cerr << fmt::format("aftersales: error: nothing was imported: {} ({} problem{} shown)\n",
                             counts, summary.findings.size(),
                             summary.findings.size() == 1 ? "" : "s")
              << "  hint: correct the rows and import again, or keep the good rows with "
                 "--on-error skip --reject-file FILE\n";
    return process_status(ExitCode::kBadData);
  }
  session.note(fmt::format("imported as batch {}: {}", *summary.batch_id, counts));
  if (summary.rejected > 0 && options.reject_file) {
    session.note(fmt::format("rejected rows written to {}", *options.reject_file));
  }
  session.emit_created(std::to_string(*summary.batch_id));
  return process_status(summary.rejected > 0 ? ExitCode::kImportRejected : ExitCode::kOk);
}

}  // namespace

void attach_import(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales import units units.xlsx --dry-run");

  for (const char* entity_name : {"customers", "models", "units", "tickets"}) {
    auto request = std::make_shared<ImportRequest>();
    CLI::App* command =
        family.add_subcommand(entity_name, fmt::format("import {} from CSV or .xlsx", entity_name));
    example(*command, fmt::format("aftersales import {} {}.csv --on-error skip --reject-file "
                                  "rejected.csv",
                                  entity_name, entity_name));
    add_import_options(*command, *request);
    command->add_flag("--dry-run", request->dry_run, "validate everything, write nothing");
    command->add_option("--on-error", request->on_error,
                        "stop: all or nothing (default); skip: keep the good rows");
    command->add_option("--reject-file", request->reject_file,
                        "with --on-error skip: the bad rows with _line,_field,_error");
    const ImportEntity entity = *parse_import_entity(entity_name);
    command->callback([&session, request, entity] {
      session.run = [&session, request, entity] {
        return run_import_command(session, entity, *request, false);
      };
    });
  }

  auto check_request = std::make_shared<ImportRequest>();
  auto check_entity = std::make_shared<std::string>();
  CLI::App* check = family.add_subcommand("check", "validate files; change nothing");
  example(*check, "aftersales import check units units.csv");
  check->add_option("ENTITY", *check_entity, "customers, models, units or tickets")->required();
  add_import_options(*check, *check_request);
  check->callback([&session, check_request, check_entity] {
    session.run = [&session, check_request, check_entity] {
      const std::optional<ImportEntity> entity = parse_import_entity(*check_entity);
      if (!entity) {
        throw Error(ErrorCode::kUsage,
                    fmt::format("import check {}: unknown entity", *check_entity),
                    "use customers, models, units or tickets");
      }
      return run_import_command(session, *entity, *check_request, true);
    };
  });

  auto batch = std::make_shared<std::int64_t>(0);
  CLI::App* revert = family.add_subcommand("revert", "undo an import batch in one transaction");
  example(*revert, "aftersales import revert 7");
  revert->add_option("BATCH", *batch, "the batch number printed by the import")->required();
  revert->callback([&session, batch] {
    session.run = [&session, batch] {
      const ImportBatch reverted = revert_import(session.context(), *batch);
      session.note(
          fmt::format("batch {} reverted: the rows it added are removed, the ones it "
                      "updated restored (rows typed over since are left as they are)",
                      reverted.id));
      return 0;
    };
  });

  CLI::App* list = family.add_subcommand("list", "the import batches");
  example(*list, "aftersales import list --format csv");
  list->callback([&session] {
    session.run = [&session] {
      Context& ctx = session.context();
      Table table;
      table.columns = {{"batch", ""},   {"at", ""},
                       {"entity", ""},  {"actor", ""},
                       {"new", ""},     {"unchanged", ""},
                       {"updated", ""}, {"rejected", ""},
                       {"mode", ""},    {"reverted_at", "reverted"},
                       {"files", ""}};
      for (const ImportBatch& b : list_imports(ctx)) {
        table.add_row({b.id, format_timestamp(b.at, ctx.rules.general.utc_offset), b.entity,
                       b.actor, b.new_rows, b.unchanged, b.updated, b.rejected, b.mode,
                       b.reverted_at
                           ? Cell{format_timestamp(*b.reverted_at, ctx.rules.general.utc_offset)}
                           : Cell{},
                       b.files});
      }
      session.emit(table);
      return 0;
    };
  });
}

}  // namespace aftersales::cli
