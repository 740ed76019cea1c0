#include "aftersales/core/translate.h"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace aftersales {

namespace {

constexpr const char* kTextDomain = "aftersales";

std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

LocaleEnvironment locale_environment() {
  return {variable("LANGUAGE"), variable("LC_ALL"), variable("LC_MESSAGES"), variable("LANG")};
}

std::string requested_language(const LocaleEnvironment& env) {
  for (const std::string* value : {&env.language, &env.lc_all, &env.lc_messages, &env.lang}) {
    if (!value->empty()) return *value;
  }
  return {};
}

bool needs_chinese_fallback(const LocaleEnvironment& env, const char* messages_locale) {
  if (requested_language(env).rfind("zh", 0) != 0) return false;
  if (messages_locale == nullptr) return true;
  const std::string name(messages_locale);
  return name == "C" || name == "POSIX";
}

std::string catalogue_directory(const std::string& build_dir) {
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = binary.parent_path().parent_path() / "share" / "locale";
    const std::filesystem::path catalogue =
        installed / "zh_CN" / "LC_MESSAGES" / (std::string(kTextDomain) + ".mo");
    if (std::filesystem::exists(catalogue, error)) return installed.string();
  }
  return build_dir;
}

void init_translation(const std::string& catalogue_dir) {
  const LocaleEnvironment env = locale_environment();
  const char* messages_locale = std::setlocale(LC_MESSAGES, "");
  if (needs_chinese_fallback(env, messages_locale) &&
      std::setlocale(LC_MESSAGES, "C.UTF-8") != nullptr) {
    setenv("LANGUAGE", "zh_CN", 1);
  }
  bindtextdomain(kTextDomain, catalogue_dir.c_str());
  bind_textdomain_codeset(kTextDomain, "UTF-8");
  textdomain(kTextDomain);
}

std::string tr(const std::string& msgid) {
  if (msgid.empty()) return msgid;  // "" would give the catalogue's header
  return dgettext(kTextDomain, msgid.c_str());
}

}  // namespace aftersales
