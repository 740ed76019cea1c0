// One file of an import (private to lib/src/import): its records read, mapped and checked on a
// reader thread, and written by the entity's importer on the calling thread, with each row's
// outcome counted and its problems turned into findings.
#pragma once

#include <cstdint>
#include <string>

#include "aftersales/import/importer.h"
#include "aftersales/io/sheets/record_source.h"
#include "import/column_map.h"
#include "import/entity_importer.h"
#include "import/mapping.h"
#include "import/reject_file.h"

namespace aftersales {

class FileRun {
 public:
  // Rows go to `importer` (inside the import's transaction); counts, findings and warnings to
  // `summary`; rejected rows to `rejects` when there is one (skip mode).
  FileRun(const ImportOptions& options, const Mapping& mapping, EntityImporter& importer,
          ImportSummary& summary, RejectFile* rejects);

  // Reads the file at `path` from `source` and writes its rows; counts its records in `file`.
  // Progress is reported as `bytes_before` (the earlier files) plus this file's bytes, of
  // `bytes_total`. Returns false when all or nothing has found max_errors problems (reading on
  // would only find more to show). Throws Error(kInvalidInput) when the header cannot be mapped
  // (column_map.h) or the file cannot be read; whatever the importer throws.
  bool run(const std::string& path, RecordSource& source, ImportFileSummary& file,
           std::uint64_t bytes_before, std::uint64_t bytes_total);

 private:
  struct Row;  // one record on its way from the reader thread to the writing one

  // The reader thread's part: blank rows, problems of the file itself, ragged rows, mapping
  // and the entity's checks that need no store.
  void prepare_row(Row& row, const ColumnMap& columns) const;
  // The writing thread's part: the store's checks, the write (or the stage, when `may_stage`),
  // and the findings.
  void finish_row(Row& row, const ColumnMap& columns, bool first_data_row, bool may_stage);
  // A row the importer's stage held back (counted new when staged): read and written again.
  void replay(SourceRecord& record, const ColumnMap& columns);

  const ImportOptions& options_;
  const Mapping& mapping_;
  EntityImporter& importer_;
  ImportSummary& summary_;
  RejectFile* rejects_;
  std::string path_;
  // A workbook's (.xlsx, .xls) rows end at their last value: shorter rows are not ragged.
  bool workbook_ = false;
  const char* ragged_hint_ = "";  // how to mend a ragged row of this text file
};

}  // namespace aftersales
