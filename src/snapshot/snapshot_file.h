// Entries of a snapshot directory, judged without following links or opening anything that could
// block: a snapshot file is a regular file, a snapshot folder a real directory; anything else under
// a known name (a symbolic link, a FIFO, a device, a socket) is an unreadable entry, never "missing".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace simdjson {
struct padded_string;
}

namespace iamwarden::snapshot {

/// What is at a path, by lstat (links are not followed).
enum class EntryKind : uint8_t { kMissing, kFile, kDirectory, kOther };

/// The kind of the entry at path; kOther also when it cannot be examined (e.g. permissions).
EntryKind entry_kind(const std::string& path);

/// The error for an entry that exists but is not what a snapshot holds there ("is a symbolic
/// link, which is not followed inside a snapshot", "is a FIFO", ...), naming path.
Error unreadable_entry(const std::string& path, bool want_directory);

/// Reads a regular file of the snapshot: lstat first, then open without following links and
/// without blocking, checking that the file opened is the one examined. Anything else is an error.
Result<std::string> read_snapshot_file(const std::string& path);

/// The same into a simdjson buffer (no copy for large files). With follow_links the path may be a
/// link to a regular file (a file named on the command line, not found inside a snapshot).
Result<void> read_snapshot_file_padded(const std::string& path, bool follow_links, simdjson::padded_string& out);

/// Reads a snapshot JSON file: nullopt when absent; the whole text validated (check_json_document:
/// syntax, duplicate member names, located errors) before it is parsed; an error for an entry that
/// is not a regular file.
Result<std::optional<JsonDocument>> read_snapshot_json(const std::string& path);

/// The names of the entries of dir (not recursive), sorted; an error when dir cannot be listed.
Result<std::vector<std::string>> list_entries(const std::string& dir);

}  // namespace iamwarden::snapshot
