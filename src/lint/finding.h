// Lint findings: a code, one of Access Analyzer's four severities, a message, a hint and a location.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace iamwarden::lint {

/// How bad a finding is; ordered from worst to mildest.
enum class Severity : uint8_t { kError, kSecurityWarning, kWarning, kSuggestion };

/// "ERROR", "SECURITY_WARNING", "WARNING" or "SUGGESTION".
std::string_view severity_name(Severity severity);

/// Lower-case label for compiler-style text ("error", "security warning", ...).
std::string_view severity_label(Severity severity);

/// Parses a severity name ignoring case ("security_warning", "SECURITY_WARNING", "error", ...).
std::optional<Severity> parse_severity(std::string_view text);

/// True when `severity` is at least as bad as `threshold`.
inline bool at_or_above(Severity severity, Severity threshold) { return severity <= threshold; }

/// One problem found in one policy.
struct Finding {
  std::string code;      ///< stable snake_case code ("pass_role_with_star_in_resource")
  Severity severity = Severity::kError;
  std::string message;
  std::string hint;
  SourceLoc loc;         ///< file, line:column and JSON pointer
};

}  // namespace iamwarden::lint
