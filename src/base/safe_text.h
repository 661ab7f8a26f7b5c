// Untrusted text made safe to print: the one escaping function every text renderer uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iamwarden {

/// Appends text with everything a terminal could act on made visible: C0 controls (incl. ESC,
/// BEL, CR, LF, TAB), DEL, C1 controls (U+0080–U+009F), bidirectional overrides and line/paragraph
/// separators become escapes (`\n`, `\r`, `\t`, `\x1b`, `\u{9b}`, `\u{202e}`); bytes that are
/// not valid UTF-8 become `\xNN`; a backslash stays a backslash. Everything else is copied.
void append_safe_text(std::string& out, std::string_view text);

/// append_safe_text into a new string.
std::string safe_text(std::string_view text);

/// safe_text, then HTML-escaped (& < > " '): untrusted text for an HTML page.
std::string html_text(std::string_view text);

/// True when safe_text(text) == text (nothing to escape): the common case, checked first.
bool is_safe_text(std::string_view text);

/// text cut to at most about max_bytes: its first and last parts with "…[N bytes]…" between them,
/// cut on UTF-8 boundaries; not escaped (for messages that are escaped when rendered).
std::string bounded_text(std::string_view text, size_t max_bytes);

/// A bounded, escaped excerpt of untrusted text: at most max_bytes, as its first and last parts
/// with "…[N bytes]…" between them, cut on UTF-8 boundaries.
std::string safe_excerpt(std::string_view text, size_t max_bytes = 120);

}  // namespace iamwarden
