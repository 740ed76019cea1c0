// Reading field values with problems that name field, value and fix.
#include "aftersales/core/validation.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"

namespace aftersales {

std::string FieldProblem::to_string() const {
  return fmt::format("field \"{}\": {}", field, message);
}

void FieldReader::add(std::string_view field, std::string_view value, std::string message) {
  problems_.push_back(FieldProblem{std::string(field), std::string(value), std::move(message)});
}

std::string FieldReader::text(std::string_view field, std::string_view value, bool required) {
  std::string trimmed = trim(value);
  for (std::size_t at; (at = trimmed.find("\r\n")) != std::string::npos;) trimmed.erase(at, 1);
  if (!is_valid_utf8(trimmed)) {
    add(field, "",
        "is not UTF-8 text (GBK from a Chinese Windows terminal?); type or save it as UTF-8");
    return {};
  }
  if (required && trimmed.empty()) add(field, value, "is empty; it is required");
  // Controls and bidi formatting would reach a terminal as commands, or show text in another
  // order than stored (issue 8, finding 6); tab and line feed are plain text.
  for (std::string_view rest = trimmed; !rest.empty();) {
    const DecodedUtf8 decoded = *decode_utf8(rest);  // valid: checked above
    rest.remove_prefix(decoded.length);
    const char32_t c = decoded.code_point;
    if (c == '\t' || c == '\n') continue;
    if (is_control_character(c)) {
      add(field, value,
          fmt::format("contains the control character {}; type plain text", code_point_label(c)));
      break;
    }
    if (is_bidi_control(c)) {
      add(field, value,
          fmt::format("contains the bidirectional formatting character {}, which shows text in "
                      "another order than it is stored; type plain text",
                      code_point_label(c)));
      break;
    }
  }
  return trimmed;
}

std::optional<Date> FieldReader::date(std::string_view field, std::string_view value) {
  std::string why;
  std::optional<Date> date = parse_date(trim(value), &why);
  if (!date) add(field, value, fmt::format("cannot read \"{}\" as a date: {}", value, why));
  return date;
}

std::optional<Money> FieldReader::money(std::string_view field, std::string_view value) {
  std::string why;
  std::optional<Money> amount = parse_money(trim(value), &why);
  if (!amount) add(field, value, fmt::format("cannot read \"{}\" as money: {}", value, why));
  return amount;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view field, std::string_view value,
                                                 std::int64_t min, std::int64_t max) {
  const std::string text = trim(value);
  std::string digits;
  bool negative = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += static_cast<char>(c);
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBC &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      digits += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;  // a full-width digit ０-９
    } else if (c == '-' && i == 0 && min < 0) {
      negative = true;
    } else {
      digits.clear();
      break;
    }
  }
  std::int64_t number = 0;
  bool fits = !digits.empty() && digits.size() <= 18;
  if (fits) {
    for (char d : digits) number = number * 10 + (d - '0');
  }
  if (negative) number = -number;
  if (!fits) {
    add(field, value,
        fmt::format("cannot read \"{}\" as a whole number: write digits only, like 12", value));
    return std::nullopt;
  }
  if (number < min || number > max) {
    add(field, value,
        fmt::format("{} is out of range: use a number from {} to {}", number, min, max));
    return std::nullopt;
  }
  return number;
}

std::optional<std::int64_t> FieldReader::decimal(std::string_view field, std::string_view value,
                                                 int decimals, std::int64_t max_scaled) {
  const std::string text = trim(value);
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool seen_digit = false;
  bool seen_mark = false;
  bool bad = false;
  for (std::size_t i = 0; i < text.size() && !bad; ++i) {
    int digit = -1;
    const unsigned char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (text.compare(i, 3, "\xEF\xBC\x8E") == 0) {  // ．full-width full stop
      i += 2;
      bad = seen_mark;
      seen_mark = true;
      continue;
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBC &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      digit = static_cast<unsigned char>(text[i + 2]) - 0x90;  // ０-９
      i += 2;
    } else if (c == '.') {
      bad = seen_mark;
      seen_mark = true;
      continue;
    } else {
      bad = true;
      continue;
    }
    seen_digit = true;
    if (seen_mark) {
      bad = ++fraction_digits > decimals;
      fraction = fraction * 10 + digit;
    } else {
      whole = whole * 10 + digit;
      bad = whole > max_scaled;
    }
  }
  if (bad || !seen_digit) {
    add(field, value,
        fmt::format("cannot read \"{}\" as a number: write it like 2.5 (at most {} decimals)",
                    value, decimals));
    return std::nullopt;
  }
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  for (int i = fraction_digits; i < decimals; ++i) fraction *= 10;
  if (whole > (max_scaled - fraction) / scale) {
    add(field, value, fmt::format("\"{}\" is too large", value));
    return std::nullopt;
  }
  return whole * scale + fraction;
}

std::optional<Timestamp> FieldReader::time(std::string_view field, std::string_view value,
                                           UtcOffset zone) {
  std::string why;
  std::optional<Timestamp> at = parse_timestamp(trim(value), zone, &why);
  if (!at) {
    add(field, value,
        fmt::format("cannot read \"{}\" as a time: {}; write it like 2026-11-27T09:30", value,
                    why));
  }
  return at;
}

std::optional<std::string> FieldReader::choice(std::string_view field, std::string_view value,
                                               const std::vector<std::string>& allowed) {
  const std::string text = trim(value);
  for (const std::string& option : allowed) {
    if (option == text) return text;
  }
  add(field, value,
      fmt::format("\"{}\" is not one of the configured values: use one of {}", value,
                  fmt::join(allowed, ", ")));
  return std::nullopt;
}

void FieldReader::throw_if_any(std::string_view subject, std::string_view hint) const {
  if (problems_.empty()) return;
  std::string message;
  for (const FieldProblem& problem : problems_) {
    if (!message.empty()) message += '\n';
    message += fmt::format("{}: {}", subject, problem.to_string());
  }
  throw FieldErrors(message, std::string(hint), problems_);
}

}  // namespace aftersales
