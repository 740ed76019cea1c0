// The printed forms as one self-contained HTML page for A4 (issue 15, `aftersales print`): one
// sheet per copy of each form, each headed by the company (rulebook [company]), the seed's
// form key, code and title, the copy's name and a QR code of the record's number; then the
// fields, tables and the signature, seal and date boxes. Print CSS, inline SVG, no script, no
// external asset; CJK text in the system's fonts (Noto CJK on Debian). Every text is escaped.
#pragma once

#include <string>
#include <vector>

#include "aftersales/forms/printed_form.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

struct FormPageFooter {
  std::string printed_at;  // 2026-11-30 10:00, business time
  std::string printed_by;
};

std::string form_page(const std::vector<PrintedForm>& forms, const Rules::Company& company,
                      const FormPageFooter& footer);

}  // namespace aftersales::cli
