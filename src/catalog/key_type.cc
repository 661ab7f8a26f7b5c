// Parsing and naming condition key types.
#include "catalog/key_type.h"

#include <array>
#include <cctype>

namespace iamwarden::catalog {
namespace {

struct TypeName {
  KeyType type;
  std::string_view name;
};
constexpr std::array<TypeName, 8> kTypes{{{KeyType::kString, "String"}, {KeyType::kArn, "ARN"},
                                          {KeyType::kBool, "Bool"}, {KeyType::kBool, "Boolean"},
                                          {KeyType::kDate, "Date"}, {KeyType::kNumeric, "Numeric"},
                                          {KeyType::kIpAddress, "IPAddress"}, {KeyType::kBinary, "Binary"}}};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

std::optional<KeyTypeInfo> parse_key_type(std::string_view text) {
  KeyTypeInfo info;
  constexpr std::string_view kArrayOf = "ArrayOf";
  if (text.size() > kArrayOf.size() && iequals(text.substr(0, kArrayOf.size()), kArrayOf)) {
    info.multivalued = true;
    text.remove_prefix(kArrayOf.size());
  }
  for (const TypeName& t : kTypes) {
    if (iequals(text, t.name)) {
      info.type = t.type;
      return info;
    }
  }
  return std::nullopt;
}

std::string key_type_name(KeyTypeInfo info) {
  std::string_view base = "String";
  for (const TypeName& t : kTypes) {
    if (t.type == info.type) {
      base = t.name;
      break;
    }
  }
  return info.multivalued ? "ArrayOf" + std::string(base) : std::string(base);
}

}  // namespace iamwarden::catalog
