// Batch import of customers, models, units and tickets from CSV, TSV, .xlsx and .xls files or
// standard input (CLI.md `import`). Each row goes through the same core rules as a typed
// command; the run is one recorded batch that `revert_import` can undo. Per-row problems are
// data (ImportFinding), not exceptions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/import/import_batch.h"
#include "aftersales/io/sheets/record_source.h"

namespace aftersales {

// The command's names: customers | models | units | tickets | parts | stock | visits |
// surveys | training.
std::optional<ImportEntity> parse_import_entity(const std::string& name);
// The entity of a batch by the record name it keeps (ImportBatch::entity: customer, ..., stock).
std::optional<ImportEntity> import_entity_of_batch(const std::string& record);

enum class OnError {
  kStop,  // all or nothing: a bad row means nothing is written
  kSkip,  // keep the good rows; the bad ones go to the reject file
};

struct ImportOptions {
  ImportEntity entity = ImportEntity::kUnits;
  std::vector<std::string> files;           // "-" (once at most): standard input
  std::optional<std::string> mapping_file;  // TOML; see docs/import-mapping.md
  TextEncoding encoding = TextEncoding::kAuto;
  // Of text files: kAuto makes a .tsv file TSV, and any other sniffs its first line (record_
  // source.h). Workbooks (.xlsx, .xls: told by their content, whatever their name) ignore it.
  Delimiter delimiter = Delimiter::kAuto;
  bool dry_run = false;  // validate everything, write nothing
  OnError on_error = OnError::kStop;
  std::optional<std::string> reject_file;  // with kSkip: the bad rows, UTF-8 with BOM
  std::size_t max_errors = 100;            // stop reading after this many problems
  // Called now and then with the bytes read so far and the total of all files.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// One problem of one cell (or row), where a clerk finds it in the file.
struct ImportFinding {
  std::string file;
  std::int64_t line = 0;    // 1-based line (CSV) or row (xlsx)
  std::int64_t record = 0;  // 1-based record; printed when it differs from `line`
  int column = 0;           // 1-based column; 0 for the whole row
  std::string field;        // the column's header in the file (or the field's name)
  std::string message;      // cannot read "VALUE" as ...: how to fix

  // `FILE:LINE:COL: field "NAME": MESSAGE` (with ` (record R)` after LINE when they differ).
  std::string to_string() const;
};

struct ImportFileSummary {
  std::string path;
  std::string sha256;
  std::string format;  // csv, tsv, xlsx or xls
  std::string encoding;
  std::int64_t records = 0;  // data records read
};

struct ImportSummary {
  std::optional<std::int64_t> batch_id;  // set when something was committed
  std::vector<ImportFileSummary> files;
  std::int64_t new_rows = 0;
  std::int64_t unchanged = 0;
  std::int64_t updated = 0;
  std::int64_t rejected = 0;
  std::vector<ImportFinding> findings;  // at most max_errors
  std::vector<std::string> warnings;    // e.g. ignored columns
  bool committed = false;
  // Every row was rejected: nothing was written and no batch recorded, whatever the mode
  // (with --on-error skip the reject file still lists them).
  bool all_rejected = false;
};

// Runs an import. Throws Error for what stops it whole (a missing file, a bad mapping, a
// header without the key column, no role); row problems are findings. With kStop any finding
// means nothing was committed.
ImportSummary run_import(Context& ctx, const ImportOptions& options);

// Undoes a batch in one transaction: rows it added are removed, rows it updated get their
// values before back. Refused (kRuleViolation) when it was reverted already, or a row changed
// since (by hand or by a later batch), or rows it added are referred to by other records.
ImportBatch revert_import(Context& ctx, std::int64_t batch_id);

std::vector<ImportBatch> list_imports(Context& ctx);

}  // namespace aftersales
