// Typed member access with located errors for the small snapshot files (see json_fields.h).
#include "snapshot/json_fields.h"

#include <fmt/format.h>

#include <charconv>

namespace iamwarden::snapshot {

Error json_error(const JsonDocument& doc, const JsonNode& node, std::string pointer, std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), doc.locate(node.offset, std::move(pointer)), ""};
}

Result<void> expect_kind(const JsonDocument& doc, const JsonNode& node, const std::string& pointer,
                         JsonNode::Kind kind) {
  if (node.kind == kind) return {};
  return json_error(doc, node, pointer,
                    fmt::format("expected {}, found {}", json_kind_name(kind), json_kind_name(node.kind)));
}

const JsonNode& unwrap_recording(const JsonNode& root, std::string& pointer) {
  if (!root.is_object()) return root;
  const JsonNode* data = root.find("data");
  if (data && data->is_object() && root.find("status_code")) {
    pointer += "/data";
    return *data;
  }
  return root;
}

std::string error_code(const JsonNode& response) {
  if (!response.is_object()) return "";
  const JsonNode* error = response.find("Error");
  if (!error || !error->is_object()) return "";
  const JsonNode* code = error->find("Code");
  return code && code->is_string() ? code->text : "";
}

std::string child_pointer(const std::string& pointer, std::string_view key) {
  return pointer + "/" + json_pointer_token(key);
}

std::string child_pointer(const std::string& pointer, size_t index) { return fmt::format("{}/{}", pointer, index); }

Result<std::string> get_string(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                               std::string_view key) {
  const JsonNode* node = object.find(key);
  if (!node || node->kind == JsonNode::Kind::kNull) return std::string();
  if (!node->is_string()) {
    return json_error(doc, *node, child_pointer(pointer, key),
                      fmt::format("\"{}\" should be a string, found {}", key, json_kind_name(node->kind)));
  }
  return node->text;
}

Result<std::optional<bool>> get_bool(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                     std::string_view key) {
  const JsonNode* node = object.find(key);
  if (!node || node->kind == JsonNode::Kind::kNull) return std::optional<bool>();
  if (node->kind != JsonNode::Kind::kBool) {
    return json_error(doc, *node, child_pointer(pointer, key),
                      fmt::format("\"{}\" should be a boolean, found {}", key, json_kind_name(node->kind)));
  }
  return std::optional<bool>(node->text == "true");
}

Result<std::optional<int64_t>> get_int(const JsonDocument& doc, const JsonNode& object,
                                       const std::string& pointer, std::string_view key) {
  const JsonNode* node = object.find(key);
  if (!node || node->kind == JsonNode::Kind::kNull) return std::optional<int64_t>();
  int64_t value = 0;
  if (node->kind == JsonNode::Kind::kNumber) {
    const char* end = node->text.data() + node->text.size();
    auto [ptr, ec] = std::from_chars(node->text.data(), end, value);
    if (ec == std::errc() && ptr == end) return std::optional<int64_t>(value);
  }
  return json_error(doc, *node, child_pointer(pointer, key), fmt::format("\"{}\" should be an integer", key));
}

namespace {

// placebo's {"__class__": "datetime", "year": 2024, "month": 4, ...}.
std::optional<std::string> placebo_datetime(const JsonNode& node) {
  const JsonNode* cls = node.find("__class__");
  if (!cls || !cls->is_string() || cls->text != "datetime") return std::nullopt;
  auto part = [&](std::string_view key) -> int {
    const JsonNode* n = node.find(key);
    int v = 0;
    if (n && n->kind == JsonNode::Kind::kNumber) std::from_chars(n->text.data(), n->text.data() + n->text.size(), v);
    return v;
  };
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", part("year"), part("month"), part("day"), part("hour"),
                     part("minute"), part("second"));
}

}  // namespace

Result<Timestamp> get_timestamp(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                std::string_view key) {
  const JsonNode* node = object.find(key);
  if (!node || node->kind == JsonNode::Kind::kNull) return Timestamp{};
  if (node->is_string() || node->kind == JsonNode::Kind::kNumber) return make_timestamp(node->text);
  if (node->is_object()) {
    if (std::optional<std::string> text = placebo_datetime(*node)) return make_timestamp(*text);
  }
  return json_error(doc, *node, child_pointer(pointer, key), fmt::format("\"{}\" should be a timestamp", key));
}

Result<const JsonNode*> get_array(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                  std::string_view key) {
  const JsonNode* node = object.find(key);
  if (!node || node->kind == JsonNode::Kind::kNull) return static_cast<const JsonNode*>(nullptr);
  if (!node->is_array()) {
    return json_error(doc, *node, child_pointer(pointer, key),
                      fmt::format("\"{}\" should be an array, found {}", key, json_kind_name(node->kind)));
  }
  return node;
}

Result<const JsonNode*> required_array(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                       std::string_view key) {
  Result<const JsonNode*> a = get_array(doc, object, pointer, key);
  if (!a) return a.error();
  if (!*a) {
    if (std::string code = error_code(object); !code.empty()) {
      return json_error(doc, object, pointer, fmt::format("the file records an AWS error ({})", code));
    }
    return json_error(doc, object, pointer, fmt::format("no \"{}\" array", key));
  }
  return a;
}

}  // namespace iamwarden::snapshot
