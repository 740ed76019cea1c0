// A QR code as inline SVG (libqrencode from Debian): the printed forms carry their record's
// number in one, so a signed paper that comes back is matched by scanning it.
#pragma once

#include <string>

namespace aftersales::cli {

// An SVG of `text` (UTF-8, byte mode, error correction level M) with a four-module quiet zone,
// `size_mm` wide on paper. Throws std::runtime_error when libqrencode cannot encode it (text
// over a QR code's capacity).
std::string qr_svg(const std::string& text, int size_mm);

}  // namespace aftersales::cli
