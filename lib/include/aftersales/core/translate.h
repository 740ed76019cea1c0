// Messages in the clerk's language (issue 14): GNU gettext catalogues of the text domain
// "aftersales", compiled from po/*.po at build time. English is the msgid; a message without a
// translation, or any message before init_translation, stays English. Machine output (CSV
// headers, JSON keys) never goes through here.
#pragma once

#include <string>

namespace aftersales {

// The locale variables as the environment gives them ("" when unset).
struct LocaleEnvironment {
  std::string language;     // LANGUAGE (GNU)
  std::string lc_all;       // LC_ALL
  std::string lc_messages;  // LC_MESSAGES
  std::string lang;         // LANG
};

// The locale variables of this process's environment.
LocaleEnvironment locale_environment();

// The language messages are asked in: the first non-empty of LANGUAGE, LC_ALL, LC_MESSAGES and
// LANG (LANGUAGE first, as GNU gettext reads it), or "" when all are empty.
std::string requested_language(const LocaleEnvironment& env);

// Whether Chinese must be reached without a zh_CN locale: the environment asks for Chinese
// (zh...) but setlocale(LC_MESSAGES, "") gave `messages_locale` null (the locale is not
// generated, as on a fresh Debian 12), "C" or "POSIX". The caller then sets LC_MESSAGES to
// C.UTF-8 and LANGUAGE to zh_CN: glibc's gettext ignores LANGUAGE only under the plain C locale.
bool needs_chinese_fallback(const LocaleEnvironment& env, const char* messages_locale);

// The catalogue directory: <dir of the running binary>/../share/locale when it holds our
// catalogue (an installed /usr/bin/aftersales finds /usr/share/locale), else `build_dir` (the
// directory the build compiled po/ into).
std::string catalogue_directory(const std::string& build_dir);

// Sets LC_MESSAGES from the environment (numbers, dates and sorting stay in the C locale, so that
// output does not change with it), with the C.UTF-8 fallback above, and binds the text domain to
// `catalogue_dir` in UTF-8. Never fails: without a catalogue the messages stay English.
void init_translation(const std::string& catalogue_dir);

// The translation of `msgid` in the current language, else `msgid` itself.
std::string tr(const std::string& msgid);

}  // namespace aftersales
