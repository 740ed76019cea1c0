#include "support/import_world.h"

#include "aftersales/store/store.h"

namespace aftersales::testing {

ImportWorld::ImportWorld() { add_basics(); }

std::string ImportWorld::file(const std::string& name, const std::string& content) {
  return dir.write(name, content);
}

ImportOptions ImportWorld::options(ImportEntity entity, const std::vector<std::string>& names) {
  ImportOptions options;
  options.entity = entity;
  for (const std::string& name : names) options.files.push_back(dir.file(name));
  return options;
}

ImportSummary ImportWorld::import(ImportEntity entity, const std::string& name,
                                  const std::string& content) {
  file(name, content);
  return run(options(entity, {name}));
}

ImportSummary ImportWorld::run(const ImportOptions& options) {
  Context ctx = context();
  return run_import(ctx, options);
}

ImportBatch ImportWorld::revert(std::int64_t batch) {
  Context ctx = context();
  return revert_import(ctx, batch);
}

std::vector<std::string> ImportWorld::serials() {
  std::vector<std::string> all;
  for (const Unit& unit : store->archive().list_units(UnitFilter{})) all.push_back(unit.serial);
  return all;
}

}  // namespace aftersales::testing
