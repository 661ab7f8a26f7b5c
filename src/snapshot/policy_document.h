// Turning a snapshot policy document (JSON text, maybe URL-encoded) into the policy AST.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "policy/parser.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// Percent-decodes text (RFC 3986; '+' stays '+', as botocore's unquote does); nullopt when a
/// '%' is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text);

/// The JSON text of a policy given as a string: as is when it already is JSON, else percent-decoded.
std::string decode_policy_string(std::string_view text);

/// Parses a document with the policy parser. Diagnostics name the snapshot file and the JSON
/// pointer inside it (and its line:column when the document was not URL-encoded).
policy::ParsedPolicy parse_document(const PolicyDocument& document, policy::PolicyKind kind);

}  // namespace iamwarden::snapshot
