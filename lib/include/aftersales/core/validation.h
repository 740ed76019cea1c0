// Reading field values typed by a clerk or found in a spreadsheet cell. Every problem names
// the field and the value and says how to fix it; the same checks serve the typed commands
// and the importer (per-row problems are data there, an Error here).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/core/money.h"
#include "aftersales/core/text.h"
#include "aftersales/core/time.h"

namespace aftersales {

struct FieldProblem {
  std::string field;    // the record's field name, e.g. "shipped"
  std::string value;    // the text as given
  std::string message;  // `cannot read "2023-13-01" as a date: ...; write YYYY-MM-DD`

  // `field "shipped": cannot read ...`
  std::string to_string() const;
};

// The Error throw_if_any throws (kInvalidInput): its message lists the problems, and the
// importer reads them one by one to name each bad cell.
class FieldErrors : public Error {
 public:
  FieldErrors(const std::string& message, std::string hint, std::vector<FieldProblem> problems)
      : Error(ErrorCode::kInvalidInput, message, std::move(hint)), problems_(std::move(problems)) {}
  const std::vector<FieldProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<FieldProblem> problems_;
};

// Collects the problems of one record; each reader returns nullopt when its value is bad.
class FieldReader {
 public:
  // Trimmed text, CR LF read as LF. A problem when required and empty, when not UTF-8, and
  // when it holds a control character other than tab and line feed (C0, DEL or C1:
  // U+0000-U+001F, U+007F-U+009F) or a bidirectional formatting character (U+202A-U+202E,
  // U+2066-U+2069, U+200E, U+200F, U+061C); the message names the first one as U+XXXX.
  std::string text(std::string_view field, std::string_view value, bool required = false);
  std::optional<Date> date(std::string_view field, std::string_view value);
  std::optional<Money> money(std::string_view field, std::string_view value);
  // A whole number in [min, max]; digits only (full-width accepted), no sign unless min < 0.
  std::optional<std::int64_t> integer(std::string_view field, std::string_view value,
                                      std::int64_t min, std::int64_t max);
  // A non-negative decimal with at most `decimals` decimals, scaled by 10^decimals (2.5 with
  // 2 decimals -> 250), at most `max_scaled`. Full-width digits and mark accepted.
  std::optional<std::int64_t> decimal(std::string_view field, std::string_view value, int decimals,
                                      std::int64_t max_scaled);
  // An ISO 8601 time (local when no offset is given).
  std::optional<Timestamp> time(std::string_view field, std::string_view value, UtcOffset zone);
  // One of `allowed`; the message lists them.
  std::optional<std::string> choice(std::string_view field, std::string_view value,
                                    const std::vector<std::string>& allowed);

  void add(std::string_view field, std::string_view value, std::string message);

  bool ok() const { return problems_.empty(); }
  const std::vector<FieldProblem>& problems() const { return problems_; }

  // Throws Error(kInvalidInput) listing every problem (one per line, prefixed by `subject`,
  // e.g. "unit 2023-001") when there is any, with `hint` as the error's hint.
  void throw_if_any(std::string_view subject, std::string_view hint =
                                                  "nothing was written; correct the values and "
                                                  "retry") const;

 private:
  std::vector<FieldProblem> problems_;
};

}  // namespace aftersales
