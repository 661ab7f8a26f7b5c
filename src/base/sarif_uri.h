// A file path as a SARIF artifact URI (shared by every SARIF writer that names snapshot files).
#pragma once

#include <string>
#include <string_view>

namespace iamwarden {

/// Relative paths stay relative (GitHub resolves them against the repository root), absolute ones
/// become file:// URIs; bytes outside RFC 3986's unreserved set (and '/') are percent-encoded.
std::string sarif_uri(std::string_view path);

}  // namespace iamwarden
