// One entity's side of an import (private to lib/src/import): its fields and header names,
// and how a row is validated by the core's own field readers and written (natural-key upsert).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/import/importer.h"
#include "aftersales/io/sheets/record_source.h"
#include "aftersales/store/import_store.h"

namespace aftersales {

struct ImportField {
  enum class Kind { kText, kDate, kTime, kInteger, kFlag };
  std::string name;                  // the core's field name; also the mapping's
  std::vector<std::string> headers;  // built-in header names: English, then the seed's Chinese
  Kind kind = Kind::kText;
  // Only for fields()[0]: rows may lack the key and files its column (tickets get numbers).
  bool key_may_be_absent = false;
};

// Values of one row by field index; nullopt where the file has no column for the field.
using RowValues = std::vector<std::optional<std::string>>;

enum class RowOutcome { kNew, kUnchanged, kUpdated, kRejected };

class EntityImporter {
 public:
  virtual ~EntityImporter() = default;

  // The store's entity name: customer, model, unit, ticket.
  virtual const char* entity() const = 0;
  // The fields; fields()[0] is the natural key.
  virtual const std::vector<ImportField>& fields() const = 0;

  // Validates one row with the core's readers and writes it inside the import's transaction:
  // a new key is inserted, a known one updated (its values before kept for revert) or left
  // unchanged. Problems go to `reader` by field name; then nothing is written for the row.
  virtual RowOutcome upsert(const RowValues& values, FieldReader& reader) = 0;

  // The part of a row's work that needs no store (reading and checking its fields), run on
  // the reader thread. Returns what write() needs; the default keeps nothing.
  virtual std::shared_ptr<void> prepare(const RowValues& /*values*/, FieldReader& /*reader*/) {
    return nullptr;
  }

  // Finishes a row prepared by prepare(): the store's checks and the write. The default is
  // upsert(). Given the row's `record`, an importer that writes set-based (issue 13) may stage
  // a row it takes for new instead of writing it, and count it kNew; a row its stage holds back
  // then comes back through the replay (set_replay) to be written again without a record.
  virtual RowOutcome write(const RowValues& values, const std::shared_ptr<void>& /*prepared*/,
                           FieldReader& reader, const SourceRecord* /*record*/) {
    return upsert(values, reader);
  }

  // Where the rows a stage held back go: the run of the file they came from, which reads,
  // counts and reports each again as a row (nothing while none is set: the importer then
  // stages nothing).
  using Replay = std::function<void(SourceRecord& record)>;
  virtual void set_replay(Replay /*replay*/) {}
  // Writes the staged rows, handing those held back to the replay; the file's run calls it at
  // the end of the file.
  virtual void flush_staged() {}

  // Called once after the last row (e.g. to move the ticket number sequence on).
  virtual void finish() {}

  // Puts back a row's values from the snapshot kept when a batch updated it.
  virtual void restore(const std::string& key, const std::string& snapshot) = 0;

  // Removes a row a batch added (a revert); Error(kRuleViolation) when other records refer to
  // it or work was typed onto it since.
  virtual void remove(const std::string& key) = 0;
};

// The importer of `entity`, writing in `session` (nullptr for a revert, which restores rows
// under the session of the batch that had written them).
std::unique_ptr<EntityImporter> make_entity_importer(ImportEntity entity, Context& ctx,
                                                     ImportSession* session);

// "yes"/"no" and the like: yes, y, true, 1, 是, x, ✓ -> true; no, n, false, 0, 否, "" -> false.
std::optional<bool> parse_flag(const std::string& text);

}  // namespace aftersales
