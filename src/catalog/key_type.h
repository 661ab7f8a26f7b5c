// Types of condition keys (String, ARN, Bool, Date, Numeric, IPAddress, Binary), single or multivalued.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamwarden::catalog {

/// The value type of a condition key, as the Service Authorization Reference names it.
enum class KeyType : uint8_t { kString, kArn, kBool, kDate, kNumeric, kIpAddress, kBinary };

/// A key type with whether the key holds a list ("ArrayOfString").
struct KeyTypeInfo {
  KeyType type = KeyType::kString;
  bool multivalued = false;
};

/// Parses "String", "ArrayOfARN", "IPAddress", ... (case-insensitive); nullopt when unknown.
std::optional<KeyTypeInfo> parse_key_type(std::string_view text);

/// The reference's spelling of a type ("ArrayOfString" when multivalued).
std::string key_type_name(KeyTypeInfo info);

}  // namespace iamwarden::catalog
