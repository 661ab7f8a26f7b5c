// Helpers for reading the small snapshot files from the located JSON tree, with located errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"
#include "snapshot/timestamp.h"

/// Evaluates expr (a Result<T>); returns its error from the enclosing function, else moves the value into target.
#define IAMWARDEN_SNAPSHOT_TRY(target, expr) \
  do {                                       \
    auto tried_ = (expr);                    \
    if (!tried_) return tried_.error();      \
    (target) = tried_.take();                \
  } while (false)

namespace iamwarden::snapshot {

/// pointer + "/" + escaped key.
std::string child_pointer(const std::string& pointer, std::string_view key);
/// pointer + "/" + index.
std::string child_pointer(const std::string& pointer, size_t index);

/// An input error at node (found at pointer) in doc.
Error json_error(const JsonDocument& doc, const JsonNode& node, std::string pointer, std::string message);

/// Error unless node has the given kind ("expected an object, found a string").
Result<void> expect_kind(const JsonDocument& doc, const JsonNode& node, const std::string& pointer,
                         JsonNode::Kind kind);

/// The response inside a placebo recording ({"status_code": N, "data": {...}}); else root itself.
/// Appends "/data" to pointer when it unwraps.
const JsonNode& unwrap_recording(const JsonNode& root, std::string& pointer);

/// The AWS error code in a response ({"Error": {"Code": ...}}), or "".
std::string error_code(const JsonNode& response);

/// Member `key` as a string ("" when absent or null); error when it has another kind.
Result<std::string> get_string(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                               std::string_view key);

/// Member `key` as a boolean (nullopt when absent); error when it has another kind.
Result<std::optional<bool>> get_bool(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                     std::string_view key);

/// Member `key` as an integer (nullopt when absent); error when not an integer.
Result<std::optional<int64_t>> get_int(const JsonDocument& doc, const JsonNode& object,
                                       const std::string& pointer, std::string_view key);

/// Member `key` as a timestamp: a string, epoch seconds, or placebo's {"__class__": "datetime", ...}.
Result<Timestamp> get_timestamp(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                std::string_view key);

/// Member `key` as an array (nullptr when absent or null); error when it has another kind.
Result<const JsonNode*> get_array(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                  std::string_view key);

/// Member `key` as an array, required: an error when absent (naming the AWS error the file
/// records, if any) or of another kind.
Result<const JsonNode*> required_array(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                       std::string_view key);

/// Calls f(item, item_pointer) -> Result<void> for each element of the required array member
/// `key`; every element must be an object. Stops at the first error.
template <class F>
Result<void> each_object(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                         std::string_view key, F&& f) {
  Result<const JsonNode*> list = required_array(doc, object, pointer, key);
  if (!list) return list.error();
  std::string list_pointer = child_pointer(pointer, key);
  for (size_t i = 0; i < (*list)->items.size(); ++i) {
    const JsonNode& item = (*list)->items[i];
    std::string item_pointer = child_pointer(list_pointer, i);
    if (Result<void> k = expect_kind(doc, item, item_pointer, JsonNode::Kind::kObject); !k) return k;
    if (Result<void> r = f(item, item_pointer); !r) return r;
  }
  return {};
}


}  // namespace iamwarden::snapshot
