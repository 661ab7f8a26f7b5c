// Whole-document validation of snapshot JSON files before they are read: the loaders only look
// at the members they use, so anything they skip must be checked here.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace iamwarden::snapshot {

/// Deepest nesting accepted in a snapshot file (AWS outputs nest a dozen levels).
inline constexpr size_t kMaxSnapshotJsonDepth = 512;

/// Checks that text is exactly one JSON value (RFC 8259) in valid UTF-8, with no object naming a
/// member twice (compared after unescaping, so "a" and "\u0061" are the same name) and nested at
/// most kMaxSnapshotJsonDepth. Runs in one pass without recursion and without building a tree.
/// The error names file, line:column (1-based, column in bytes) and the JSON pointer of the
/// value (or member name) at fault.
struct JsonCheckHooks;
Result<void> check_json_document(std::string_view text, const std::string& file, JsonCheckHooks* hooks = nullptr);

/// What a caller may learn during the check, e.g. to size its containers before reading.
struct JsonCheckHooks {
  virtual ~JsonCheckHooks() = default;
  /// One element of an array that is the value of member `member` of an object; `depth` is the
  /// array's nesting depth (the top-level value is at depth 0).
  virtual void array_element(std::string_view member, size_t depth) = 0;
};

}  // namespace iamwarden::snapshot
