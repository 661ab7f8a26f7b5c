// Minimal JSON output helpers (escaping), for reports and machine-readable CLI output.
#pragma once

#include <string>
#include <string_view>

namespace iamwarden {

/// Appends text as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

/// Returns text as a quoted JSON string.
std::string json_quote(std::string_view text);

}  // namespace iamwarden
