// Checks of field kinds shared by the core's areas (private to lib/src).
#pragma once

#include <string>
#include <string_view>

#include "aftersales/core/validation.h"

namespace aftersales {

// A natural key (customer code, model code, serial no.): required, at most 64 bytes, no
// spaces or control characters.
std::string check_code(FieldReader& reader, std::string_view field, std::string_view value);

// A phone number: digits with + - ( ) spaces, `/` or `,` between numbers, `转` or `ext` for an
// extension. Empty is allowed.
std::string check_phone(FieldReader& reader, std::string_view field, std::string_view value);

// An e-mail address: something@domain. Empty is allowed.
std::string check_email(FieldReader& reader, std::string_view field, std::string_view value);

}  // namespace aftersales
