// The import run: files -> records -> mapped row values -> the entity's upsert, in one
// transaction, as one recorded batch (CLI.md `import`).
#include <fmt/format.h>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "import/entity_importer.h"
#include "import/file_run.h"
#include "import/import_input.h"
#include "import/import_roles.h"
#include "import/mapping.h"
#include "import/reject_file.h"

namespace aftersales {
namespace {

struct Rollback {};  // thrown to undo a dry run or a failed all-or-nothing import

// Whether `a` and `b` name the same file (the same inode where both exist, else the same path).
bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  if (std::filesystem::equivalent(a, b, error)) return true;
  return std::filesystem::weakly_canonical(a, error) == std::filesystem::weakly_canonical(b, error);
}

// The reject file may be neither a file being read nor a directory (issue 8, finding 4: a
// reject file named like the input left only the rejected rows in it).
void check_reject_file(const ImportOptions& options) {
  if (!options.reject_file) return;
  const std::string& reject = *options.reject_file;
  if (std::filesystem::is_directory(reject)) {
    throw Error(ErrorCode::kUsage, fmt::format("--reject-file {} is a directory", reject),
                "name a new file, e.g. --reject-file rejected.csv");
  }
  std::vector<std::string> inputs = options.files;
  if (options.mapping_file) inputs.push_back(*options.mapping_file);
  for (const std::string& input : inputs) {
    if (is_stdin(input)) continue;
    if (same_file(reject, input)) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("--reject-file {} is {}, a file this import reads; it would be "
                              "overwritten",
                              reject, input),
                  "name a new file, e.g. --reject-file rejected.csv");
    }
  }
}

std::vector<std::string> field_names(const EntityImporter& importer) {
  std::vector<std::string> names;
  for (const ImportField& f : importer.fields()) names.push_back(f.name);
  return names;
}

// The files' record for the batch and the audit trail: a JSON array.
nlohmann::json files_record(const std::vector<ImportFileSummary>& files) {
  nlohmann::json all = nlohmann::json::array();
  for (const ImportFileSummary& f : files) {
    all.push_back({{"path", f.path},
                   {"sha256", f.sha256},
                   {"format", f.format},
                   {"encoding", f.encoding},
                   {"records", f.records}});
  }
  return all;
}

}  // namespace

ImportSummary run_import(Context& ctx, const ImportOptions& options) {
  require_role(ctx, roles_to_import(ctx, options.entity), "importing");
  if (options.files.empty()) {
    throw Error(ErrorCode::kUsage, "import: no file given",
                "name one or more .csv, .tsv, .xlsx or .xls files, or - for standard input");
  }
  check_reject_file(options);
  const std::vector<std::string> fields =
      field_names(*make_entity_importer(options.entity, ctx, nullptr));
  const Mapping mapping =
      options.mapping_file ? load_mapping(*options.mapping_file, fields) : Mapping{};

  // Read once, here: a write PostgreSQL runs again reads the same inputs again.
  const ImportInputs inputs(options.files, options.delimiter);
  std::vector<ImportFileSummary> files_read;
  for (const ImportInput& input : inputs.all()) {
    ImportFileSummary file;
    file.path = input.name;
    file.sha256 = input.sha256;
    files_read.push_back(file);
  }
  ImportSummary summary;
  summary.files = files_read;
  std::uint64_t bytes_total = 0;
  // Removed unless committed below, however the run ends.
  std::optional<RejectFile> rejects;
  if (options.on_error == OnError::kSkip && options.reject_file && !options.dry_run) {
    rejects.emplace(*options.reject_file);
  }

  try {
    ctx.store.write([&] {
      // A write PostgreSQL retries (docs/postgresql.md) runs again from the first row: the
      // counts, findings and rejected rows of the failed run are not kept.
      summary = ImportSummary{};
      summary.files = files_read;
      bytes_total = 0;
      if (rejects) rejects->restart();
      ImportBatch batch;
      batch.entity = make_entity_importer(options.entity, ctx, nullptr)->entity();
      batch.mapping = mapping.source;
      batch.mode = options.on_error == OnError::kStop ? "stop" : "skip";
      batch.actor = ctx.actor.user;
      batch.login = ctx.actor.login;
      batch.at = ctx.real_now();
      batch.files = "[]";
      ctx.store.imports().insert_batch(batch);
      const std::unique_ptr<ImportSession> session =
          ctx.store.imports().open_session(options.entity, batch.id);
      std::unique_ptr<EntityImporter> importer =
          make_entity_importer(options.entity, ctx, session.get());
      // Into an empty table the indexes are built once at the end (issue 4, item 10).
      session->begin_bulk_load();

      std::vector<std::unique_ptr<RecordSource>> sources;
      for (const ImportInput& input : inputs.all()) {
        sources.push_back(open_input(input, options.encoding, xlsx_limits_of(ctx.rules)));
        bytes_total += sources.back()->total_bytes();
      }
      std::uint64_t bytes_before = 0;
      for (std::size_t i = 0; i < sources.size(); ++i) {
        FileRun run(options, mapping, *importer, summary, rejects ? &*rejects : nullptr);
        summary.files[i].encoding = sources[i]->encoding();
        const bool complete =
            run.run(inputs.all()[i].name, *sources[i], summary.files[i], bytes_before, bytes_total);
        // A text input's delimiter is known once its first record is read.
        summary.files[i].format = sources[i]->format();
        bytes_before += sources[i]->total_bytes();
        if (!complete) break;
      }
      importer->finish();
      if (options.progress) options.progress(bytes_total, bytes_total);

      const nlohmann::json files = files_record(summary.files);
      batch.files = files.dump();
      batch.new_rows = summary.new_rows;
      batch.unchanged = summary.unchanged;
      batch.updated = summary.updated;
      batch.rejected = summary.rejected;
      ctx.store.imports().update_batch(batch);
      record_change(ctx, "import", std::to_string(batch.id), "import", "",
                    nlohmann::json{{"entity", batch.entity},
                                   {"files", files},
                                   {"mapping", batch.mapping},
                                   {"mode", batch.mode},
                                   {"new", batch.new_rows},
                                   {"unchanged", batch.unchanged},
                                   {"updated", batch.updated},
                                   {"rejected", batch.rejected}}
                        .dump());
      const bool refused = options.on_error == OnError::kStop && summary.rejected > 0;
      // Every row rejected: nothing to keep, so no batch either (`import list` shows none).
      summary.all_rejected =
          summary.rejected > 0 && summary.new_rows + summary.unchanged + summary.updated == 0;
      if (options.dry_run || refused || summary.all_rejected) throw Rollback{};
      session->end_bulk_load();
      summary.batch_id = batch.id;
    });
    summary.committed = true;
  } catch (const Rollback&) {
    summary.committed = false;
  }
  if (rejects && (summary.committed || summary.all_rejected) && !rejects->empty()) {
    if (std::optional<std::string> warning = rejects->commit()) {
      summary.warnings.push_back(*warning);
    }
  }
  return summary;
}

}  // namespace aftersales
