// PDF of an HTML page through headless Chromium (Debian's chromium), when it is installed: the
// printed forms as PDF (issue 15). Chromium lays the page out exactly as a browser prints it,
// CJK fonts and the print CSS included; no Debian library renders HTML+CSS as well.
#pragma once

#include <string>

namespace aftersales::cli {

// The Chromium to run: $AFTERSALES_CHROMIUM, else chromium, chromium-browser, google-chrome or
// google-chrome-stable on the PATH; empty when there is none.
std::string find_chromium();

// Writes `html` as a PDF to `pdf_path` (atomically: a temporary file renamed over it). Throws
// Error(kUsage) naming how to install Chromium when there is none, Error(kStorageUnavailable)
// when Chromium fails or the file cannot be written.
void write_pdf(const std::string& html, const std::string& pdf_path);

}  // namespace aftersales::cli
