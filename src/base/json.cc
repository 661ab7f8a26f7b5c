// JSON parsing through simdjson's On-Demand API into a located tree.
#include "base/json.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "base/files.h"
#include "base/utf8.h"

namespace iamwarden {
namespace {

namespace od = simdjson::ondemand;

class TreeBuilder {
 public:
  TreeBuilder(const char* base, const JsonDocument& doc) : base_(base), doc_(doc) {}

  // Builds node from value; on failure fills error_ and returns false.
  bool build(od::value value, JsonNode& node, int depth) {
    if (depth > kMaxJsonDepth) return fail(value, "JSON nested too deeply", "");
    node.offset = offset_of(value);
    od::json_type type;
    if (value.type().get(type)) return fail(value, "invalid JSON value", "");
    switch (type) {
      case od::json_type::object: return build_object(value, node, depth);
      case od::json_type::array: return build_array(value, node, depth);
      case od::json_type::string: {
        node.kind = JsonNode::Kind::kString;
        std::string_view s;
        if (value.get_string().get(s)) return fail(value, "invalid string", "");
        node.text.assign(s);
        return true;
      }
      case od::json_type::number: {
        node.kind = JsonNode::Kind::kNumber;
        std::string_view raw = value.raw_json_token();
        while (!raw.empty() && is_json_space(raw.back())) raw.remove_suffix(1);
        double ignored;
        if (value.get_double().get(ignored)) return fail(value, "invalid number", "");
        node.text.assign(raw);
        return true;
      }
      case od::json_type::boolean: {
        node.kind = JsonNode::Kind::kBool;
        bool b;
        if (value.get_bool().get(b)) return fail(value, "invalid literal", "");
        node.text = b ? "true" : "false";
        return true;
      }
      case od::json_type::null: {
        node.kind = JsonNode::Kind::kNull;
        bool null_value = false;
        if (value.is_null().get(null_value) || !null_value) return fail(value, "invalid literal", "");
        return true;
      }
    }
    return fail(value, "invalid JSON value", "");
  }

  Error error_;

 private:
  static bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  uint32_t offset_of(od::value& value) {
    const char* p = value.raw_json_token().data();
    return static_cast<uint32_t>(p - base_);
  }

  bool build_object(od::value value, JsonNode& node, int depth) {
    node.kind = JsonNode::Kind::kObject;
    od::object object;
    if (value.get_object().get(object)) return fail(value, "invalid object", "");
    for (auto field_result : object) {
      od::field field;
      if (std::move(field_result).get(field)) return fail_here("invalid object member");
      JsonMember member;
      // key() must be read before unescaped_key(), which consumes it.
      const char* key_start = field.key().raw();
      member.key_offset = key_start ? static_cast<uint32_t>(key_start - base_ - 1) : node.offset;
      std::string_view key;
      if (field.unescaped_key().get(key)) return fail_here("invalid member name");
      member.key.assign(key);
      if (!build(field.value(), member.value, depth + 1)) return false;
      node.members.push_back(std::move(member));
    }
    return true;
  }

  bool build_array(od::value value, JsonNode& node, int depth) {
    node.kind = JsonNode::Kind::kArray;
    od::array array;
    if (value.get_array().get(array)) return fail(value, "invalid array", "");
    for (auto item_result : array) {
      od::value item;
      if (std::move(item_result).get(item)) return fail_here("invalid array element");
      node.items.emplace_back();
      if (!build(item, node.items.back(), depth + 1)) return false;
    }
    return true;
  }

  bool fail(od::value& value, std::string_view what, std::string_view hint) {
    error_ = Error{ErrorCode::kJsonSyntax, std::string(what), doc_.locate(offset_of(value), ""),
                   std::string(hint)};
    return false;
  }
  bool fail_here(std::string_view what) {
    error_ = Error{ErrorCode::kJsonSyntax, std::string(what), doc_.locate(last_offset_, ""), ""};
    return false;
  }

 public:
  uint32_t last_offset_ = 0;

 private:
  const char* base_;
  const JsonDocument& doc_;
};

}  // namespace

const JsonNode* JsonNode::find(std::string_view key) const {
  for (const JsonMember& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

std::string_view json_kind_name(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::kNull: return "null";
    case JsonNode::Kind::kBool: return "boolean";
    case JsonNode::Kind::kNumber: return "number";
    case JsonNode::Kind::kString: return "string";
    case JsonNode::Kind::kArray: return "array";
    case JsonNode::Kind::kObject: return "object";
  }
  return "value";
}

std::string json_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void line_column(std::string_view text, uint32_t offset, uint32_t& line, uint32_t& column) {
  line = 1;
  column = 1;
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

SourceLoc JsonDocument::locate(uint32_t offset, std::string pointer) const {
  SourceLoc loc;
  loc.file = file;
  line_column(text, offset, loc.line, loc.column);
  loc.json_pointer = std::move(pointer);
  return loc;
}

Result<JsonDocument> parse_json(std::string text, std::string file) {
  JsonDocument doc;
  doc.file = std::move(file);
  doc.text = std::move(text);
  if (size_t bad = first_invalid_utf8(doc.text); bad != std::string::npos) {
    return Error{ErrorCode::kJsonSyntax, "invalid UTF-8 in input",
                 doc.locate(static_cast<uint32_t>(bad), ""), "save the file as UTF-8"};
  }
  simdjson::padded_string padded(doc.text);
  od::parser parser(std::max<size_t>(padded.size(), 64));
  od::document json;
  if (auto error = parser.iterate(padded).get(json)) {
    return Error{ErrorCode::kJsonSyntax, fmt::format("not valid JSON: {}", simdjson::error_message(error)),
                 doc.locate(0, ""), ""};
  }
  TreeBuilder builder(padded.data(), doc);
  od::value root;
  auto root_error = json.get_value().get(root);
  if (root_error == simdjson::SCALAR_DOCUMENT_AS_VALUE) {
    return Error{ErrorCode::kJsonSyntax, "expected a JSON object or array at the top level",
                 doc.locate(0, ""), ""};
  }
  if (root_error || !builder.build(root, doc.root, 0)) {
    const char* where = nullptr;
    uint32_t offset = 0;
    if (!json.current_location().get(where) && where) offset = static_cast<uint32_t>(where - padded.data());
    if (!root_error && builder.error_.message.find("too deeply") != std::string::npos) return builder.error_;
    std::string message = root_error ? simdjson::error_message(root_error) : builder.error_.message;
    return Error{ErrorCode::kJsonSyntax, fmt::format("not valid JSON: {}", message), doc.locate(offset, ""),
                 ""};
  }
  // On-Demand stops at the end of the root value; anything after it is an error.
  if (const char* where = nullptr; !json.current_location().get(where) && where) {
    uint32_t offset = static_cast<uint32_t>(where - padded.data());
    return Error{ErrorCode::kJsonSyntax, "not valid JSON: unexpected content after the top-level value",
                 doc.locate(offset, ""), ""};
  }
  return doc;
}

Result<JsonDocument> read_json_file(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.error();
  return parse_json(text.take(), path == "-" ? "<stdin>" : path);
}

}  // namespace iamwarden
