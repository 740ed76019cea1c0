#include "views/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include <fmt/format.h>

namespace aftersales::cli {

std::string qr_svg(const std::string& text, int size_mm) {
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) throw std::runtime_error("cannot encode \"" + text + "\" as a QR code");
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int side = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if ((code->data[y * width + x] & 1) != 0) {  // bit 0: a dark module
        path += fmt::format("M{},{}h1v1h-1z", x + kQuiet, y + kQuiet);
      }
    }
  }
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="{0}mm" height="{0}mm" )"
      R"(viewBox="0 0 {1} {1}" shape-rendering="crispEdges" role="img">)"
      R"(<rect width="{1}" height="{1}" fill="#fff"/><path d="{2}" fill="#000"/></svg>)",
      size_mm, side, path);
}

}  // namespace aftersales::cli
