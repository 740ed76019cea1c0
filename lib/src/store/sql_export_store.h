// The export queries over the engine port (store/export_store.h).
#pragma once

#include "aftersales/store/export_store.h"
#include "store/engine/database.h"

namespace aftersales::store {

class SqlExportStore final : public ExportStore {
 public:
  explicit SqlExportStore(Database& db) : db_(db) {}
  void each_row(const std::string& entity, const ExportSpan& span, UtcOffset zone,
                const std::function<void(const std::vector<Cell>&)>& visit) override;

 private:
  Database& db_;
};

}  // namespace aftersales::store
