// Parsers for the typed condition operators (spec §4.4).
#include "policy/values.h"

#include <arpa/inet.h>

#include <charconv>
#include <chrono>
#include <cstring>

namespace iamwarden::policy {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[pos..], advancing pos.
bool read_digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

std::optional<int64_t> parse_iso_date(std::string_view s) {
  size_t pos = 0;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t millis = 0;
  if (!read_digits(s, pos, 4, year)) return std::nullopt;
  if (pos < s.size()) {
    if (s[pos++] != '-' || !read_digits(s, pos, 2, month)) return std::nullopt;
    if (pos < s.size()) {
      if (s[pos++] != '-' || !read_digits(s, pos, 2, day)) return std::nullopt;
    }
  }
  int offset_minutes = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't') return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' || !read_digits(s, pos, 2, minute))
      return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!read_digits(s, pos, 2, second)) return std::nullopt;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        int64_t scale = 100;
        while (pos < s.size() && is_digit(s[pos])) {
          millis += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == start) return std::nullopt;
      }
    }
    // A time without a zone designator is read as UTC.
    if (pos < s.size()) {
      char z = s[pos++];
      if (z == 'Z' || z == 'z') {
      } else if (z == '+' || z == '-') {
        int oh = 0, om = 0;
        if (!read_digits(s, pos, 2, oh)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!read_digits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
        offset_minutes = (oh * 60 + om) * (z == '+' ? 1 : -1);
      } else {
        return std::nullopt;
      }
    }
    if (pos != s.size()) return std::nullopt;
  }
  if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute || second || millis))) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return seconds * 1000 + millis;
}

}  // namespace

std::optional<long double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // JSON-like grammar: optional sign, digits, optional fraction, optional exponent.
  size_t pos = 0;
  if (text[pos] == '-' || text[pos] == '+') ++pos;
  size_t digits = 0;
  while (pos < text.size() && is_digit(text[pos])) ++pos, ++digits;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
    size_t exp_digits = 0;
    while (pos < text.size() && is_digit(text[pos])) ++pos, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  std::string_view body = text;
  if (body[0] == '+') body.remove_prefix(1);
  long double value = 0;
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (ec != std::errc() || end != body.data() + body.size()) return std::nullopt;
  return value;
}

std::optional<int64_t> parse_date_millis(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool all_digits = true;
  for (char c : text) all_digits = all_digits && (is_digit(c) || c == '.' || c == '-');
  // All-digit values are epoch seconds (spec §4.4, D16), possibly with a fraction.
  if (all_digits && text.find('-', 1) == std::string_view::npos) {
    std::optional<long double> seconds = parse_number(text);
    if (!seconds || *seconds > 1e13L || *seconds < -1e13L) return std::nullopt;
    return static_cast<int64_t>(*seconds * 1000.0L);
  }
  return parse_iso_date(text);
}

bool IpNetwork::contains(const IpNetwork& address) const {
  if (v6 != address.v6) return false;
  uint8_t full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(bytes.data(), address.bytes.data(), full) != 0) return false;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (bytes[full] & mask) == (address.bytes[full] & mask);
}

std::optional<IpNetwork> parse_ip_network(std::string_view text) {
  IpNetwork net;
  std::string_view address = text;
  std::optional<int> prefix;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view digits = text.substr(slash + 1);
    int value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
    prefix = value;
  }
  char buffer[64];
  if (address.empty() || address.size() >= sizeof buffer) return std::nullopt;
  std::memcpy(buffer, address.data(), address.size());
  buffer[address.size()] = '\0';
  if (address.find(':') != std::string_view::npos) {
    net.v6 = true;
    if (inet_pton(AF_INET6, buffer, net.bytes.data()) != 1) return std::nullopt;
  } else if (inet_pton(AF_INET, buffer, net.bytes.data()) != 1) {
    return std::nullopt;
  }
  int max_prefix = net.v6 ? 128 : 32;
  int bits = prefix.value_or(max_prefix);
  if (bits > max_prefix) return std::nullopt;
  net.prefix = static_cast<uint8_t>(bits);
  // Mask host bits so "203.0.113.5/24" means 203.0.113.0/24.
  for (int i = 0; i < 16; ++i) {
    int keep = bits - i * 8;
    if (keep >= 8) continue;
    net.bytes[i] = keep <= 0 ? uint8_t{0} : static_cast<uint8_t>(net.bytes[i] & (0xFF << (8 - keep)));
  }
  return net;
}

std::optional<bool> parse_bool(std::string_view text) {
  auto equals = [&](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[i]) return false;
    }
    return true;
  };
  if (equals("true")) return true;
  if (equals("false")) return false;
  return std::nullopt;
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace iamwarden::policy
