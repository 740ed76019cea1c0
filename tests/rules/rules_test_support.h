// What the rules tests share: rules files written to a temporary directory, and the settings and
// problems of a file in a form easy to compare.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "aftersales/rules/rules_file.h"

namespace aftersales::testing {

// A directory of its own under the system's temp directory, removed afterwards. Unique per
// process, as CTest may run test cases in parallel.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ =
        std::filesystem::temp_directory_path() /
        ("aftersales_rules_test_" + std::to_string(::getpid()) + "_" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to a file in the directory and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

inline const RulesSetting* find_setting(const LoadedRules& loaded, const std::string& key) {
  const auto found = std::find_if(loaded.settings.begin(), loaded.settings.end(),
                                  [&](const RulesSetting& setting) { return setting.key == key; });
  return found == loaded.settings.end() ? nullptr : &*found;
}

inline std::string value_of(const LoadedRules& loaded, const std::string& key) {
  const RulesSetting* setting = find_setting(loaded, key);
  return setting == nullptr ? "<missing>" : setting->value;
}

inline std::string origin_of(const LoadedRules& loaded, const std::string& key) {
  const RulesSetting* setting = find_setting(loaded, key);
  return setting == nullptr ? "<missing>" : setting->origin;
}

// The problems of a file as `LINE:COL: KEY: MESSAGE`, without the file name.
inline std::vector<std::string> problems_of(const std::string& path) {
  std::vector<std::string> out;
  for (const RulesProblem& problem : check_rules_file(path)) {
    CHECK(problem.file == path);
    out.push_back(std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
                  problem.key + ": " + problem.message);
  }
  return out;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace aftersales::testing
