// What the importers of records that are only ever added share (private to lib/src/import):
// visits (表2), surveys (表9) and handover training. A row is typed through the very call of its
// command (record_visit, record_survey, record_training), so the same rules apply; the call's
// problems become the row's: each field problem at its cell, any other refusal (an unknown
// unit, a survey already made) at the cell whose value it names, else at the row.
#pragma once

#include <string>

#include "aftersales/core/error.h"
#include "import/importer_base.h"

namespace aftersales {

class RecordImporter : public ImporterBase {
 public:
  using ImporterBase::ImporterBase;

  RowOutcome upsert(const RowValues& values, FieldReader& reader) override {
    try {
      const std::string key = add(values, reader);
      if (!reader.ok()) return RowOutcome::kRejected;
      if (session_ != nullptr) session_->note_key(key);
      return RowOutcome::kNew;
    } catch (const FieldErrors& e) {
      for (const FieldProblem& p : e.problems()) reader.add(p.field, p.value, p.message);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kStorageUnavailable) throw;
      const std::size_t at = field_named_in(e.what(), values);
      reader.add(at < fields().size() ? fields()[at].name : "", "",
                 e.hint().empty() ? e.what() : fmt::format("{}; {}", e.what(), e.hint()));
    }
    return RowOutcome::kRejected;
  }

  // Added rows are never updated by a later batch: nothing to put back.
  void restore(const std::string& /*key*/, const std::string& /*snapshot*/) override {}

 protected:
  // Types the row through its command's core call; returns the new record's key. Problems of
  // the row's own reading (a missing column) go to `reader`, and then nothing is written.
  virtual std::string add(const RowValues& values, FieldReader& reader) = 0;

  // A date without a time (2026/5/2, a date cell) taken at [import] date_only_time.
  std::string time_or_day(const std::optional<std::string>& value) const;

 private:
  // The first field whose non-empty value the message quotes; fields().size() when none.
  std::size_t field_named_in(const std::string& message, const RowValues& values) const {
    for (std::size_t i = 0; i < values.size() && i < fields().size(); ++i) {
      if (values[i] && !values[i]->empty() && message.find(*values[i]) != std::string::npos) {
        return i;
      }
    }
    return fields().size();
  }
};

}  // namespace aftersales
