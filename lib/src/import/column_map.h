// Which column of a file holds which field of the entity (private to lib/src/import): found in
// the file's header by the mapping's [columns] or the built-in header names, or by position in
// a file without a header; and a row's cells turned into the field values the core reads.
#pragma once

#include <string>
#include <vector>

#include "aftersales/io/sheets/record_source.h"
#include "import/entity_importer.h"
#include "import/mapping.h"

namespace aftersales {

// Where a field was found in the file: its 1-based column (0 when the file has none) and the
// name a clerk sees for it (the column's header, else the field's name).
struct FieldColumn {
  int column = 0;
  std::string header;
};

class ColumnMap {
 public:
  // The columns of one file of `path` for the entity's `fields` (fields[0] is the key).
  // `excel_dates`: plain numbers in date and time fields are Excel serials.
  ColumnMap(std::string path, const Mapping& mapping, const std::vector<ImportField>& fields,
            bool excel_dates);

  // Maps the columns by the header row `record`: the mapping's [columns] by header name or
  // number first, else each field's built-in header names (case-insensitive, each column used
  // once). A column that is no field adds a warning to `warnings`. Throws Error(kInvalidInput)
  // when the header row cannot be read, differs from the mapping's expect_header, lacks a
  // column the mapping names, or has no column for the key field (hinting at a forgotten skip).
  void read_header(const SourceRecord& record, const char* entity,
                   std::vector<std::string>& warnings);

  // Without a header: the mapping's column numbers, else the fields in their order. The
  // header is then the fields' names.
  void columns_by_position();

  // The header row's names (or the fields' names without a header).
  const std::vector<std::string>& header() const { return header_; }

  // A row's values by field index: the cell of the field's column, normalized (below); empty
  // when the row is shorter; nullopt for a field the file has no column for.
  RowValues values_of(const std::vector<std::string>& cells) const;

  // The header of the 1-based `column`; empty when it is outside the header.
  std::string header_of_column(int column) const;

  // Where the field named `name` is in the file.
  FieldColumn column_of_field(const std::string& name) const;

 private:
  // The text of a date, time or number cell as the core reads it: an Excel serial as a date
  // (and time; a whole serial in a time column stays a date, for the entity to time), an integer
  // without its thousands separators; other cells as written.
  std::string normalized(const ImportField& field, const std::string& raw) const;

  std::string path_;
  const Mapping& mapping_;
  const std::vector<ImportField>& fields_;
  bool excel_dates_;
  std::vector<std::string> header_;
  std::vector<int> column_of_;  // field index -> 0-based column, -1 when absent
};

}  // namespace aftersales
