#include "store/engine/postgres_driver_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <vector>

#include "aftersales/core/error.h"
#include "store/engine/postgres_dialect.h"
#include "store/engine/postgres_module_abi.h"

namespace aftersales::store {
namespace {

constexpr const char* kModuleFile = "aftersales-postgresql.so";

// Where the module may be: $AFTERSALES_MODULE_DIR alone when set (tests, a relocated install);
// otherwise beside the binary (the build tree) and in its installed directory.
std::vector<std::filesystem::path> module_directories() {
  if (const char* dir = std::getenv("AFTERSALES_MODULE_DIR"); dir != nullptr && *dir != '\0') {
    return {dir};
  }
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const std::filesystem::path here = binary.parent_path();
  return {here, (here / AFTERSALES_MODULE_FROM_BIN).lexically_normal()};
}

struct Driver {
  AftersalesPostgresqlOpen open = nullptr;
  std::string problem;  // why there is none
};

Driver load_driver() {
  std::vector<std::string> tried;
  for (const auto& dir : module_directories()) {
    const std::filesystem::path file = dir / kModuleFile;
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
      tried.push_back(file.string());
      continue;
    }
    // Never closed: the databases it opens live until the process ends.
    void* module = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module == nullptr)
      return {nullptr, fmt::format("cannot load {}: {}", file.string(), dlerror())};
    auto build = reinterpret_cast<AftersalesPostgresqlBuild>(
        dlsym(module, AFTERSALES_POSTGRESQL_BUILD_SYMBOL));
    auto open = reinterpret_cast<AftersalesPostgresqlOpen>(
        dlsym(module, AFTERSALES_POSTGRESQL_OPEN_SYMBOL));
    if (build == nullptr || open == nullptr) {
      return {nullptr, fmt::format("{} is not an aftersales PostgreSQL driver", file.string())};
    }
    if (std::string(build()) != AFTERSALES_POSTGRESQL_BUILD) {
      return {nullptr, fmt::format("{} is \"{}\", this binary needs \"{}\"", file.string(), build(),
                                   AFTERSALES_POSTGRESQL_BUILD)};
    }
    return {open, {}};
  }
  return {nullptr, fmt::format("{} not found (looked for {})", kModuleFile,
                               tried.empty() ? std::string("nothing")
                                             : fmt::format("{}", fmt::join(tried, ", ")))};
}

}  // namespace

std::unique_ptr<Database> load_postgres_database(const std::string& url,
                                                 const SqliteOptions& options) {
  static std::once_flag once;
  static Driver driver;
  std::call_once(once, [] { driver = load_driver(); });
  if (driver.open == nullptr) {
    throw Error(ErrorCode::kUsage,
                fmt::format("{} names a PostgreSQL database, and this aftersales has no "
                            "PostgreSQL driver: {}",
                            redacted_url(url), driver.problem),
                "install the driver that came with this aftersales (aftersales-postgresql.so, "
                "which needs libpq5), or name a SQLite file with --db");
  }
  return std::unique_ptr<Database>(driver.open(url, options));
}

}  // namespace aftersales::store
