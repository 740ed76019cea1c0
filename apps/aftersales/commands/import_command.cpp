// aftersales import customers|models|units|tickets FILE... | check ENTITY FILE... |
// revert BATCH | list
#include <unistd.h>

#include <fmt/format.h>
#include <iostream>

#include "aftersales/core/error.h"
#include "aftersales/core/translate.h"
#include "aftersales/import/importer.h"
#include "aftersales/io/terminal.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct ImportRequest {
  std::vector<std::string> files;
  std::optional<std::string> mapping;
  std::string encoding = "auto";
  std::string delimiter = "auto";
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

Delimiter delimiter_of(const std::string& name) {
  if (name == "auto") return Delimiter::kAuto;
  if (name == "comma") return Delimiter::kComma;
  if (name == "tab") return Delimiter::kTab;
  throw Error(ErrorCode::kUsage, fmt::format("--delimiter {}: unknown delimiter", name),
              "use auto (a .tsv file, or a first line with tabs and no comma, is TSV), comma "
              "or tab");
}

void add_import_options(CLI::App& command, ImportRequest& r) {
  command
      .add_option("FILE", r.files,
                  ".csv, .tsv, .xlsx or .xls files (told by their content), - for standard input")
      ->required()
      ->expected(1, -1);
  command.add_option("--mapping", r.mapping, "TOML mapping of columns to fields");
  command.add_option("--encoding", r.encoding, "auto (BOM, UTF-8, then GB18030), utf-8, gb18030");
  command.add_option("--delimiter", r.delimiter,
                     "of text files: auto (.tsv, or tabs and no comma in the first line: TSV), "
                     "comma or tab");
  command.add_option("--max-errors", r.max_errors, "show at most this many problems")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

// Runs the import and reports: summary and problems on stderr, the batch on stdout. Returns
// kBadData when rows were rejected and nothing was written, kImportRejected when the good rows
// were imported without the rejected ones (--on-error skip; also when every row was rejected,
// and then no batch is recorded).
ExitCode run_import_command(Session& session, ImportEntity entity, const ImportRequest& r,
                            bool check_only) {
  ImportOptions options;
  options.entity = entity;
  options.files = r.files;
  options.mapping_file = r.mapping;
  options.encoding = encoding_of(r.encoding);
  options.delimiter = delimiter_of(r.delimiter);
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
  // Findings quote cells of the file: shown escaped, never sent raw to the terminal.
  for (const std::string& warning : summary.warnings) {
    std::cerr << "warning: " << terminal_safe(warning) << '\n';
  }
  for (const ImportFinding& finding : summary.findings) {
    std::cerr << terminal_safe(finding.to_string()) << '\n';
  }
  for (const ImportFileSummary& file : summary.files) {
    const std::string kind =
        file.format == file.encoding ? file.format : file.format + ", " + file.encoding;
    session.note(fmt::format("{}: {} records, {}, sha256 {}", file.path, file.records, kind,
                             file.sha256.substr(0, 16)));
  }
  const std::string counts =
      fmt::format("{} new, {} unchanged, {} updated, {} rejected", summary.new_rows,
                  summary.unchanged, summary.updated, summary.rejected);
  if (options.dry_run) {
    session.note(fmt::format(fmt::runtime(tr("checked, nothing written: {}")), counts));
    return summary.rejected > 0 ? ExitCode::kBadData : ExitCode::kOk;
  }
  if (!summary.committed && summary.all_rejected && options.on_error == OnError::kSkip) {
    std::cerr << fmt::format(
        "aftersales: every row was rejected; nothing was imported and no batch recorded: {}\n",
        counts);
    if (options.reject_file) {
      session.note(
          fmt::format(fmt::runtime(tr("rejected rows written to {}")), *options.reject_file));
    }
    return ExitCode::kImportRejected;
  }
  if (!summary.committed) {
    std::cerr << fmt::format("aftersales: error: nothing was imported: {} ({} problem{} shown)\n",
                             counts, summary.findings.size(),
                             summary.findings.size() == 1 ? "" : "s")
              << "  hint: correct the rows and import again, or keep the good rows with "
                 "--on-error skip --reject-file FILE\n";
    return ExitCode::kBadData;
  }
  session.note(
      fmt::format(fmt::runtime(tr("imported as batch {}: {}")), *summary.batch_id, counts));
  if (summary.rejected > 0 && options.reject_file) {
    session.note(
        fmt::format(fmt::runtime(tr("rejected rows written to {}")), *options.reject_file));
  }
  session.emit_created(std::to_string(*summary.batch_id));
  return summary.rejected > 0 ? ExitCode::kImportRejected : ExitCode::kOk;
}

struct CheckRequest {
  std::string entity;
  ImportRequest import;
};

struct RevertRequest {
  std::int64_t batch = 0;
};

Table batch_table(const std::vector<ImportBatch>& batches, UtcOffset zone) {
  Table table;
  table.columns = {{"batch", ""},
                   {"at", ""},
                   {"entity", ""},
                   {"actor", ""},
                   {"new", ""},
                   {"unchanged", ""},
                   {"updated", ""},
                   {"rejected", ""},
                   {"mode", ""},
                   {"reverted_at", "reverted"},
                   {"files", "", ColumnKind::kJson}};
  for (const ImportBatch& b : batches) {
    table.add_row({b.id, format_timestamp(b.at, zone), b.entity, b.actor, b.new_rows, b.unchanged,
                   b.updated, b.rejected, b.mode,
                   b.reverted_at ? Cell{format_timestamp(*b.reverted_at, zone)} : Cell{}, b.files});
  }
  return table;
}

}  // namespace

void attach_import(CLI::App& family, Session& session) {
  family.require_subcommand(1);
  example(family, "aftersales import units units.xlsx --dry-run");

  // Writing, --dry-run too: a dry run imports inside a transaction that it rolls back.
  for (const char* entity_name : {"customers", "models", "units", "tickets", "parts", "stock",
                                  "visits", "surveys", "training"}) {
    const std::string name = entity_name;
    const std::string what = name == "stock"
                                 ? "opening stock or a stock count (part, warehouse, quantity)"
                             : name == "visits"   ? "follow-up visits (表2) made in the field"
                             : name == "surveys"  ? "annual surveys (表9)"
                             : name == "training" ? "handover training records (新车交接培训)"
                                                  : name;
    add_verb<ImportRequest>(
        family, session,
        {entity_name, fmt::format("import {} from CSV, TSV, .xlsx or .xls", what),
         fmt::format("aftersales import {} {}.csv --on-error skip --reject-file rejected.csv",
                     entity_name, entity_name),
         StoreUse::kWrites},
        [](CLI::App& verb, ImportRequest& r) {
          add_import_options(verb, r);
          verb.add_flag("--dry-run", r.dry_run, "validate everything, write nothing");
          verb.add_option("--on-error", r.on_error,
                          "stop: all or nothing (default); skip: keep the good rows");
          verb.add_option("--reject-file", r.reject_file,
                          "with --on-error skip: the bad rows with _line,_field,_error");
        },
        [entity = *parse_import_entity(entity_name)](Session& s, const ImportRequest& r) {
          return run_import_command(s, entity, r, false);
        });
  }

  // Writing for the same reason as --dry-run: the check is an import that is rolled back.
  add_verb<CheckRequest>(
      family, session,
      {"check", "validate files; change nothing", "aftersales import check units units.csv",
       StoreUse::kWrites},
      [](CLI::App& verb, CheckRequest& r) {
        verb.add_option(
                "ENTITY", r.entity,
                "customers, models, units, tickets, parts, stock, visits, surveys or training")
            ->required();
        add_import_options(verb, r.import);
      },
      [](Session& s, const CheckRequest& r) {
        const std::optional<ImportEntity> entity = parse_import_entity(r.entity);
        if (!entity) {
          throw Error(
              ErrorCode::kUsage, fmt::format("import check {}: unknown entity", r.entity),
              "use customers, models, units, tickets, parts, stock, visits, surveys or training");
        }
        return run_import_command(s, *entity, r.import, true);
      });

  add_verb<RevertRequest>(
      family, session,
      {"revert", "undo an import batch in one transaction", "aftersales import revert 7",
       StoreUse::kWrites},
      [](CLI::App& verb, RevertRequest& r) {
        verb.add_option("BATCH", r.batch, "the batch number printed by the import")->required();
      },
      [](Session& s, const RevertRequest& r) {
        const ImportBatch reverted = revert_import(s.context(), r.batch);
        s.note(
            fmt::format("batch {} reverted: the rows it added are removed, the ones it "
                        "updated restored (rows typed over since are left as they are)",
                        reverted.id));
      });

  add_verb(family, session,
           {"list", "the import batches", "aftersales import list --format csv", StoreUse::kReads},
           [](Session& s) {
             Context& ctx = s.context();
             s.emit(batch_table(list_imports(ctx), ctx.rules.general.utc_offset));
           });
}

}  // namespace aftersales::cli
