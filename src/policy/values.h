// Typed condition values: numbers, dates, IP ranges, booleans and base64, parsed without allocating.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamwarden::policy {

/// Parses an integer or decimal ("10", "-3.5", "1e3"); nullopt when not a number.
std::optional<long double> parse_number(std::string_view text);

/// Parses a W3C ISO 8601 date/time or epoch seconds into milliseconds since 1970-01-01T00:00:00Z.
std::optional<int64_t> parse_date_millis(std::string_view text);

/// An IPv4 or IPv6 network; a bare address is a /32 or /128.
struct IpNetwork {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};
  uint8_t prefix = 0;
  /// True when address (a network with a full prefix) lies inside this network, same family only.
  bool contains(const IpNetwork& address) const;
};

/// Parses "203.0.113.0/24", "2001:db8::/32" or a bare address; host bits are masked off.
std::optional<IpNetwork> parse_ip_network(std::string_view text);

/// Parses "true"/"false" ignoring case.
std::optional<bool> parse_bool(std::string_view text);

/// Decodes standard base64 (padding optional); nullopt when malformed.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace iamwarden::policy
