#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdlib>

#ifdef AFTERSALES_TEST_MODULE_DIR
namespace {
// The PostgreSQL driver module of this build (lib/src/store/engine/postgres_driver_loader.h),
// unless the caller names another.
const int module_dir_set = setenv("AFTERSALES_MODULE_DIR", AFTERSALES_TEST_MODULE_DIR, 0);
}  // namespace
#endif
