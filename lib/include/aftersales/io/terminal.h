// Text bound for a terminal (issue 8, finding 6): what a clerk typed or a file held reaches the
// screen as characters to read, never as commands the terminal obeys (ESC sequences that move
// the cursor, retitle the window or write hyperlinks) nor as text shown in another order than it
// is stored (bidirectional overrides).
#pragma once

#include <string>
#include <string_view>

namespace aftersales {

// `text` with every character a terminal would act on written as a visible escape, in
// lower-case hex:
//   - C0 controls other than tab and line feed, and DEL, as \xHH: ESC -> "\x1b", CR -> "\x0d";
//   - C1 controls (U+0080-U+009F) as \u00HH: CSI -> "\u009b";
//   - bidirectional formatting characters (core/text.h is_bidi_control) as \uHHHH: "\u202e";
//   - each byte that is not part of well-formed UTF-8 as \xHH (a lone 0x9B is CSI to a
//     terminal that is not in UTF-8 mode).
// Tab and line feed are kept: error messages span lines and indent them; the table renderer
// turns them into spaces itself. Everything else is kept as is, backslashes included, so the
// result is for eyes, not to be parsed back. Text without such characters comes back unchanged.
std::string terminal_safe(std::string_view text);

}  // namespace aftersales
