// The imports' port to storage: the recorded batches, and the state of a running import kept
// in an import session. Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/import/import_batch.h"

namespace aftersales {

// The values of a row before a batch first updated it, and the batch that had written it then
// (none when typed by hand).
struct ImportBefore {
  std::string values;  // JSON of the row's importable fields
  std::optional<std::int64_t> batch;
};

// One batch writing one entity's rows. While a session is open, every row the archive and
// ticket ports insert or update is stamped with its batch (which `import revert` needs);
// closing it (the destructor) stops the stamping. One session at a time.
class ImportSession {
 public:
  virtual ~ImportSession() = default;

  virtual std::int64_t batch() const = 0;
  // The batch that last wrote the row with `key` (none when typed by hand or missing).
  virtual std::optional<std::int64_t> batch_of(const std::string& key) = 0;
  // Keeps the row's values before this batch updated it; a second update of the same key in
  // the batch keeps the first (true) before.
  virtual void save_before(const std::string& key, const ImportBefore& before) = 0;
  // Keys the batch found unchanged, so that a second row with the same key is caught though
  // the first wrote nothing. note_key returns false when the key was noted already.
  virtual bool note_key(const std::string& key) = 0;
  virtual bool has_key(const std::string& key) = 0;
  // Into an empty table: drops its secondary indexes until end_bulk_load() builds them again
  // in the same transaction (one sort beats a million index updates). Returns whether any
  // were dropped. Call inside Store::write().
  virtual bool begin_bulk_load() = 0;
  // Ends the import's writes, before its commit: builds the indexes dropped, and writes the
  // search rows of the batch's tickets, visits or complaints (issue 16), which their stores
  // leave to it while the batch is open.
  virtual void end_bulk_load() = 0;
};

class ImportStore {
 public:
  virtual ~ImportStore() = default;

  // The batch records. insert_batch sets the id.
  virtual void insert_batch(ImportBatch& batch) = 0;
  virtual void update_batch(const ImportBatch& batch) = 0;
  virtual std::optional<ImportBatch> find_batch(std::int64_t id) = 0;
  virtual std::vector<ImportBatch> list_batches() = 0;  // by id

  // Opens the session of `batch` writing `entity` (also used by a revert to give a restored
  // row back to the batch that had written it).
  virtual std::unique_ptr<ImportSession> open_session(ImportEntity entity, std::int64_t batch) = 0;

  // For a revert: the keys of the rows `batch` still owns, in insertion order; the values a
  // row had before `batch` updated it (none when the batch added it); a batch, not reverted,
  // that updated rows `batch` had written (none when there is none).
  virtual std::vector<std::string> keys_in_batch(ImportEntity entity, std::int64_t batch) = 0;
  virtual std::optional<ImportBefore> before(std::int64_t batch, const std::string& key) = 0;
  virtual std::optional<std::int64_t> later_batch_over(std::int64_t batch) = 0;
};

}  // namespace aftersales
