// A world for library-level import tests: TestWorld's in-memory store and fixed clock
// (2026-11-27T10:00+08:00) with the basics (customer C001, model HYS5160 with 12 months /
// 100,000 km), and a temporary directory for the files to import.
#pragma once

#include <string>
#include <vector>

#include "aftersales/import/importer.h"
#include "support/temp_dir.h"
#include "support/test_store.h"

namespace aftersales::testing {

// The header and two units of HYS5160 for C001, shipped 2025-03-01 and 2025-06-15.
inline constexpr const char* kTwoUnitsCsv =
    "serial,model,customer,shipped,vin\r\n"
    "2025-001,HYS5160,C001,2025-03-01,LZZ1\r\n"
    "2025-002,HYS5160,C001,2025-06-15,LZZ2\r\n";

struct ImportWorld : TestWorld {
  TempDir dir{"aftersales-import"};

  ImportWorld();

  // Writes `content` to the file `name` in the temporary directory; returns its path.
  std::string file(const std::string& name, const std::string& content);

  // Options importing `entity` from the files `names` of the temporary directory.
  ImportOptions options(ImportEntity entity, const std::vector<std::string>& names);

  // Writes `content` to `name` and imports it as `entity` (all or nothing) as zhang.
  ImportSummary import(ImportEntity entity, const std::string& name, const std::string& content);
  ImportSummary run(const ImportOptions& options);
  ImportBatch revert(std::int64_t batch);

  // The serials of the units in the store, in order.
  std::vector<std::string> serials();
};

}  // namespace aftersales::testing
