// One escaping function for every text renderer (docs/security.md: no raw control character).
#include "base/safe_text.h"

#include <fmt/format.h>

#include <utility>

namespace iamwarden {
namespace {

// Length of the valid UTF-8 sequence starting at text[i] and its code point; 0 when invalid.
size_t decode_utf8(std::string_view text, size_t i, char32_t& cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Code points a terminal or an editor acts on rather than shows.
bool is_active(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

void append_escape(std::string& out, char32_t cp) {
  switch (cp) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (cp < 0x80) out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
  else out += fmt::format("\\u{{{:x}}}", static_cast<unsigned>(cp));
}

}  // namespace

void append_safe_text(std::string& out, std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the fast path
      size_t j = i + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x20 &&
             static_cast<unsigned char>(text[j]) < 0x7F)
        ++j;
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    char32_t cp = 0;
    size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(b));
      i += 1;
    } else if (is_active(cp)) {
      append_escape(out, cp);
      i += len;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
}

std::string safe_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_safe_text(out, text);
  return out;
}

bool is_safe_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t len = decode_utf8(text, i, cp);
    if (len == 0 || is_active(cp)) return false;
    i += len;
  }
  return true;
}

namespace {

// Where text is cut: [0, head) and [tail, size), on UTF-8 boundaries.
std::pair<size_t, size_t> cut_points(std::string_view text, size_t max_bytes) {
  auto is_continuation = [&](size_t k) { return (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80; };
  size_t head = max_bytes / 2;
  while (head > 0 && is_continuation(head)) --head;
  size_t tail = text.size() - (max_bytes - max_bytes / 2);
  while (tail < text.size() && is_continuation(tail)) ++tail;
  return {head, tail};
}

}  // namespace

std::string bounded_text(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  auto [head, tail] = cut_points(text, max_bytes);
  return fmt::format("{}…[{} bytes]…{}", text.substr(0, head), tail - head, text.substr(tail));
}

std::string safe_excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return safe_text(text);
  auto [head, tail] = cut_points(text, max_bytes);
  std::string out = safe_text(text.substr(0, head));
  out += fmt::format("…[{} bytes]…", tail - head);
  append_safe_text(out, text.substr(tail));
  return out;
}

std::string html_text(std::string_view text) {
  std::string out;
  for (char c : safe_text(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace iamwarden
