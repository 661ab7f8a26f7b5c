// Parsing a JSON policy document into the AST, collecting every error with its location.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "policy/document.h"

namespace iamwarden::policy {

/// Severity of a parse diagnostic: errors make the policy unusable, warnings do not.
enum class DiagnosticLevel : uint8_t { kError, kWarning };

/// One problem found while parsing, with a stable code ("duplicate_member", ...).
struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::kError;
  std::string code;
  Error error;  ///< message, location and hint
};

/// A parsed policy and everything found wrong with it.
struct ParsedPolicy {
  Policy policy;
  std::vector<Diagnostic> diagnostics;
  bool ok() const;  ///< no error-level diagnostics
};

/// Parses `node` (found at `pointer` within `doc`) as a policy of the given kind. Checks the
/// grammar and the element rules of the kind that make a policy meaningless to evaluate
/// (write-time limits such as Sid syntax and size are left to the linter).
ParsedPolicy parse_policy(const JsonDocument& doc, const JsonNode& node, const std::string& pointer,
                          PolicyKind kind);

/// Parses a whole JSON document as one policy; the first error (of all collected) is returned.
Result<Policy> parse_policy_text(std::string text, std::string file, PolicyKind kind);

}  // namespace iamwarden::policy
