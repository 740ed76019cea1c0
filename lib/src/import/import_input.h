// The inputs of an import (private to lib/src/import): the files named on the command line and
// standard input ("-"), each known by its content (sheet_format.h), not by its name, with the
// SHA-256 the batch records.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "aftersales/io/sheets/record_source.h"
#include "aftersales/io/sheets/sheet_format.h"

namespace aftersales {

// What standard input is called in messages and in the batch's record of its files.
inline constexpr const char* kStdinName = "<stdin>";

struct ImportInput {
  std::string name;  // for messages and the batch record: the path as given, or kStdinName
  std::string path;  // where the readers open it: the path, or the spool of standard input
  std::string sha256;
  SheetFormat format = SheetFormat::kText;
  Delimiter delimiter = Delimiter::kAuto;  // of a text input
};

// The inputs, read once before the import starts. Standard input is spooled to an unnamed
// temporary file (in $TMPDIR, else /tmp) while its digest is computed: memory stays flat
// whatever its size, and the spool can be read as often as a file can, which the readers need
// (the encoding is detected over the whole text before the first record, an .xlsx or .xls is
// read out of order) and so does PostgreSQL, which runs a write again from its first row after
// a serialization failure. The spool is gone when this object is, however the import ends.
class ImportInputs {
 public:
  // `delimiter` is the one asked for (--delimiter); kAuto makes a .tsv file TSV and leaves the
  // others to the text reader's sniffing. Throws Error(kUsage) when "-" is named more than once
  // or standard input is a terminal, Error(kInvalidInput) when an input cannot be read,
  // Error(kStorageUnavailable) when the spool cannot be written.
  ImportInputs(const std::vector<std::string>& files, Delimiter delimiter);
  ~ImportInputs();
  ImportInputs(const ImportInputs&) = delete;
  ImportInputs& operator=(const ImportInputs&) = delete;

  const std::vector<ImportInput>& all() const { return inputs_; }

 private:
  void read_all(const std::vector<std::string>& files, Delimiter delimiter);

  std::vector<ImportInput> inputs_;
  int spool_ = -1;  // the spool's descriptor, when standard input is one of the inputs
};

// Whether `file` (a FILE argument) names standard input.
inline bool is_stdin(const std::string& file) { return file == "-"; }

// A reader of the input by its format: the .xlsx reader, the .xls reader, else the text reader
// with the input's delimiter in `encoding`. Throws what they throw.
std::unique_ptr<RecordSource> open_input(const ImportInput& input, TextEncoding encoding,
                                         const XlsxLimits& limits);

}  // namespace aftersales
