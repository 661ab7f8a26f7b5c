// A small located JSON tree, built with simdjson, that keeps byte offsets and duplicate members.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden {

struct JsonMember;

/// One JSON value with the byte offset where it starts in its source text.
struct JsonNode {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  uint32_t offset = 0;
  std::string text;                ///< string (unescaped), number (as written) or "true"/"false"
  std::vector<JsonNode> items;     ///< array elements
  std::vector<JsonMember> members; ///< object members in source order, duplicates kept

  bool is_string() const { return kind == Kind::kString; }
  bool is_object() const { return kind == Kind::kObject; }
  bool is_array() const { return kind == Kind::kArray; }
  /// First member with this exact name, or nullptr.
  const JsonNode* find(std::string_view key) const;
};

/// An object member: its name, where the name starts, and its value.
struct JsonMember {
  std::string key;
  uint32_t key_offset = 0;
  JsonNode value;
};

/// A parsed JSON text with what is needed to turn offsets into line:column.
struct JsonDocument {
  std::string file;
  std::string text;
  JsonNode root;

  /// Location of a byte offset, with the given JSON pointer.
  SourceLoc locate(uint32_t offset, std::string pointer) const;
};

/// Human name of a JSON kind ("string", "object", ...), for error messages.
std::string_view json_kind_name(JsonNode::Kind kind);

/// Escapes one reference token for use in a JSON pointer (RFC 6901: ~ -> ~0, / -> ~1).
std::string json_pointer_token(std::string_view key);

/// Line and column (1-based, column counted in bytes) of a byte offset in text.
void line_column(std::string_view text, uint32_t offset, uint32_t& line, uint32_t& column);

/// Maximum nesting depth accepted; deeper input is an error, not a stack overflow.
inline constexpr int kMaxJsonDepth = 128;

/// Parses text as one JSON value. Errors name the file and line:column.
Result<JsonDocument> parse_json(std::string text, std::string file);

/// Reads and parses a file ("-" reads standard input).
Result<JsonDocument> read_json_file(const std::string& path);

}  // namespace iamwarden
