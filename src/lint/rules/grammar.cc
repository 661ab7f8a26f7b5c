// Grammar and element-rule errors found by the policy parser, reported under Access Analyzer's check names.
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kJsonSyntax{"json_syntax_error", Severity::kError, "The input is not valid JSON",
                               "Nothing else can be checked until the JSON parses.", "fix the JSON syntax"};
constexpr LintMeta kDataType{"data_type_mismatch", Severity::kError, "An element has the wrong JSON type",
                             "AWS rejects elements of the wrong shape, e.g. an object where a string belongs.", ""};
constexpr LintMeta kElement{"invalid_policy_element", Severity::kError, "Unknown policy element",
                            "Element names form a closed, case-sensitive set; AWS rejects anything else.",
                            "check the spelling and case of the element name"};
constexpr LintMeta kDuplicate{"duplicate_policy_element", Severity::kError, "An element appears twice in one object",
                              "AWS rejects duplicate members; most JSON tools silently keep the last one.",
                              "keep a single copy"};
constexpr LintMeta kVersion{"invalid_version", Severity::kError, "Unknown policy Version",
                            "Version must be 2012-10-17 or 2008-10-17.", "use \"Version\": \"2012-10-17\""};
constexpr LintMeta kStatement{"missing_statement", Severity::kError, "The policy has no Statement",
                              "A policy needs a Statement element.", "add \"Statement\": [ ... ]"};
constexpr LintMeta kEffect{"invalid_effect", Severity::kError, "Effect is not Allow or Deny",
                           "Effect is case-sensitive and must be exactly \"Allow\" or \"Deny\".", ""};
constexpr LintMeta kMissingEffect{"missing_effect", Severity::kError, "A statement has no Effect",
                                  "Every statement needs an Effect.", "add \"Effect\": \"Allow\" or \"Deny\""};
constexpr LintMeta kMissingAction{"missing_action", Severity::kError, "A statement has no Action or NotAction",
                                  "Every statement must name its actions.", "add an Action element"};
constexpr LintMeta kMissingResource{"missing_resource", Severity::kError, "A statement has no Resource or NotResource",
                                    "This kind of policy needs Resource or NotResource in every statement.",
                                    "add \"Resource\" with the ARNs it applies to"};
constexpr LintMeta kMissingPrincipal{"missing_principal", Severity::kError, "A statement has no Principal",
                                     "Trust and resource policies must say whom they apply to.",
                                     "add a Principal element"};
constexpr LintMeta kMissingPrincipalMixed{
    "missing_principal_in_mixed_policy", Severity::kWarning,
    "A statement has no Principal while others have one (kind decided)",
    "Without --type, a document whose statements partly name a Principal is linted as a resource policy; "
    "there a statement without Principal never applies, and as an identity policy the others would be invalid.",
    "add a Principal to the statement, split the document, or give --type"};
constexpr LintMeta kCombination{"unsupported_element_combination", Severity::kError,
                                "Two mutually exclusive elements in one statement",
                                "Action/NotAction, Resource/NotResource and Principal/NotPrincipal exclude each other.",
                                "keep only one of the two"};
constexpr LintMeta kEmptyAction{"empty_array_action", Severity::kSuggestion, "Action is an empty array",
                                "A statement without actions does nothing.", "name the actions or remove the statement"};
constexpr LintMeta kEmptyResource{"empty_array_resource", Severity::kSuggestion, "Resource is an empty array",
                                  "A statement without resources does nothing.",
                                  "name the resources or remove the statement"};
constexpr LintMeta kEmptyPrincipalObject{"empty_object_principal", Severity::kSuggestion, "Principal is an empty object",
                                         "A statement without principals does nothing.", "name the principals"};
constexpr LintMeta kEmptyPrincipalArray{"empty_array_principal", Severity::kSuggestion,
                                        "A principal list is an empty array",
                                        "An empty list of principals names nobody.", "name the principals"};
constexpr LintMeta kEmptyCondition{"empty_object_condition", Severity::kSuggestion,
                                   "A condition operator has no keys", "An empty condition block has no effect.",
                                   "add the condition keys or remove the block"};
constexpr LintMeta kInvalidAction{"invalid_action_format", Severity::kError, "The action is malformed",
                                  "Actions are \"service:ActionName\" (wildcards allowed in the name) or \"*\".", ""};
constexpr LintMeta kWildcardService{"wildcard_in_service_name", Severity::kError,
                                    "Wildcard in the service part of an action",
                                    "IAM rejects actions whose service prefix contains * or ?.",
                                    "wildcards are allowed only after the colon, e.g. \"s3:Get*\""};
constexpr LintMeta kPrincipalFormat{"invalid_principal_format", Severity::kError, "The principal is malformed",
                                    "Principal is \"*\" or an object with AWS, Service, Federated or CanonicalUser.",
                                    "write {\"AWS\": \"arn:aws:iam::123456789012:root\"} or similar"};
constexpr LintMeta kPrincipalWildcard{"unsupported_wildcard_in_principal", Severity::kError,
                                      "Partial wildcard in a principal",
                                      "Principals accept only a whole \"*\"; AWS rejects patterns inside ARNs.",
                                      "use \"*\" with an aws:PrincipalArn condition (ArnLike) instead"};
constexpr LintMeta kTrustPrincipalWildcard{"role_trust_policy_unsupported_wildcard_in_principal", Severity::kError,
                                           "Partial wildcard in a role trust policy's principal",
                                           "A role trust policy accepts only a whole \"*\" as principal; IAM rejects "
                                           "patterns inside ARNs.",
                                           "use \"*\" with an aws:PrincipalArn condition (ArnLike) instead"};
constexpr LintMeta kPrincipalKey{"invalid_principal_key", Severity::kError, "Unknown principal type",
                                 "A principal object's keys are AWS, Service, Federated and CanonicalUser (case "
                                 "matters); IAM rejects any other.",
                                 "use one of AWS, Service, Federated, CanonicalUser"};
constexpr LintMeta kOperator{"invalid_condition_operator", Severity::kError, "Unknown condition operator",
                             "AWS rejects operators it does not define.",
                             "e.g. StringEquals, StringLike, ArnLike, IpAddress, Bool, Null, optionally with IfExists"};
constexpr LintMeta kNullIfExists{"null_with_if_exists", Severity::kError, "Null cannot take the IfExists suffix",
                                 "NullIfExists does not exist; Null already tests whether the key exists.",
                                 "use \"Null\""};
constexpr LintMeta kOperatorCase{"condition_operator_case", Severity::kWarning,
                                 "Condition operator not spelled as AWS documents it",
                                 "AWS documents operator names with exact capitalisation; other spellings are "
                                 "undocumented.", "use the documented capitalisation"};
constexpr LintMeta kDuplicateKey{"duplicate_keys_with_different_case", Severity::kError,
                                 "A condition key appears twice in one operator block",
                                 "Condition keys ignore case, so both spellings name the same key.",
                                 "merge the values into one key"};
constexpr LintMeta kKeyFormat{"invalid_condition_key_format", Severity::kError, "Malformed condition key",
                              "Condition keys look like service:name.", "use the form service:KeyName"};
constexpr LintMeta kNumber{"type_mismatch_number", Severity::kWarning, "Not a number for a Numeric operator",
                           "Numeric operators compare integers or decimals; other values never match.", ""};
constexpr LintMeta kDate{"type_mismatch_date", Severity::kWarning, "Not a date for a Date operator",
                         "Date operators take ISO 8601 dates or epoch seconds; other values never match.", ""};
constexpr LintMeta kIp{"type_mismatch_ip_range", Severity::kWarning, "Not an IP address or CIDR block",
                       "IP operators take IPv4/IPv6 addresses or CIDR blocks; other values never match.", ""};
constexpr LintMeta kBinary{"type_mismatch_string", Severity::kWarning, "Not base64 for BinaryEquals",
                           "BinaryEquals takes base64-encoded values; other values never match.", ""};
constexpr LintMeta kBool{"type_mismatch_boolean", Severity::kWarning, "Not true or false for Bool",
                         "Bool compares true/false; other values never match.", "use \"true\" or \"false\""};
constexpr LintMeta kNullValue{"type_mismatch_null", Severity::kWarning, "Null takes only true or false",
                              "Null's value says whether the key must be absent (true) or present (false).",
                              "use \"true\" or \"false\""};
constexpr LintMeta kArnValue{"type_mismatch_arn", Severity::kWarning, "Not an ARN for an Arn operator",
                             "Arn operators compare six-part ARNs; other values never match.", ""};
constexpr LintMeta kPrincipalNotAllowed{"unsupported_principal", Severity::kError,
                                        "This kind of policy cannot name a principal",
                                        "Identity, boundary and session policies apply to whoever holds them.",
                                        "remove Principal/NotPrincipal"};
constexpr LintMeta kScpPrincipal{"scp_syntax_error_principal", Severity::kError, "SCPs cannot name a principal",
                                 "Service control policies do not support Principal or NotPrincipal.",
                                 "remove Principal/NotPrincipal; use aws:PrincipalArn conditions"};
constexpr LintMeta kTrustResource{"role_trust_policy_syntax_error_resource", Severity::kError,
                                  "Role trust policies cannot name a resource",
                                  "A trust policy always applies to its own role.", "remove Resource/NotResource"};
constexpr LintMeta kTrustNotPrincipal{"role_trust_policy_syntax_error_notprincipal", Severity::kError,
                                      "Role trust policies cannot use NotPrincipal",
                                      "IAM rejects NotPrincipal in trust policies.", "use Principal"};
constexpr LintMeta kRcpVersion{"rcp_syntax_error_version", Severity::kError, "RCPs need Version 2012-10-17",
                               "Resource control policies require the current policy language version.",
                               "add \"Version\": \"2012-10-17\""};
constexpr LintMeta kRcpAllow{"rcp_syntax_error_allow", Severity::kError, "RCP statements must deny",
                             "Customer resource control policies support only Deny statements.",
                             "use \"Effect\": \"Deny\""};
constexpr LintMeta kRcpPrincipal{"rcp_syntax_error_principal", Severity::kError, "RCPs need \"Principal\": \"*\"",
                                 "Resource control policies apply to every principal and narrow with conditions.",
                                 "use \"Principal\": \"*\" and a condition"};
constexpr LintMeta kRcpNotAction{"rcp_syntax_error_notaction", Severity::kError, "RCPs do not support NotAction",
                                 "Resource control policies accept only Action.", "list the actions in Action"};
constexpr LintMeta kRcpActionStar{"rcp_syntax_error_action_star", Severity::kError, "RCPs reject \"Action\": \"*\"",
                                  "Resource control policies must name services.", "e.g. \"s3:*\""};

// Parser codes whose lint code does not depend on the message or location.
struct Mapping {
  std::string_view parser_code;
  std::string_view lint_code;
};
constexpr Mapping kMappings[] = {
    {"wrong_shape", "data_type_mismatch"}, {"unknown_element", "invalid_policy_element"},
    {"duplicate_member", "duplicate_policy_element"}, {"invalid_version", "invalid_version"},
    {"missing_statement", "missing_statement"}, {"rcp_version", "rcp_syntax_error_version"},
    {"invalid_effect", "invalid_effect"}, {"action_and_notaction", "unsupported_element_combination"},
    {"resource_and_notresource", "unsupported_element_combination"},
    {"principal_and_notprincipal", "unsupported_element_combination"}, {"invalid_action", "invalid_action_format"},
    {"wildcard_in_service", "wildcard_in_service_name"}, {"operator_case", "condition_operator_case"},
    {"duplicate_condition_key", "duplicate_keys_with_different_case"},
    {"empty_condition_key", "invalid_condition_key_format"}, {"missing_resource", "missing_resource"},
    {"resource_not_allowed", "role_trust_policy_syntax_error_resource"},
    {"notprincipal_not_allowed", "role_trust_policy_syntax_error_notprincipal"},
    {"missing_principal", "missing_principal"}, {"rcp_allow", "rcp_syntax_error_allow"},
    {"rcp_principal", "rcp_syntax_error_principal"}, {"rcp_notaction", "rcp_syntax_error_notaction"},
    {"rcp_action_star", "rcp_syntax_error_action_star"}, {"missing_effect", "missing_effect"},
    {"missing_action", "missing_action"},
};

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string_view last_token(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

bool is_null_if_exists(std::string_view op) {
  size_t colon = op.find(':');
  if (colon != std::string_view::npos) op.remove_prefix(colon + 1);
  if (op.size() != 12) return false;
  for (size_t i = 0; i < op.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(op[i])) != "nullifexists"[i]) return false;
  return true;
}

// The condition operator named in a pointer ".../Condition/<operator>/<key>[/i]".
std::optional<policy::ConditionOperator> operator_in(std::string_view pointer) {
  constexpr std::string_view kCondition = "/Condition/";
  size_t at = pointer.find(kCondition);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = pointer.substr(at + kCondition.size());
  std::string token;
  for (size_t i = 0; i < rest.size() && rest[i] != '/'; ++i) {
    if (rest[i] == '~' && i + 1 < rest.size()) {
      token.push_back(rest[i + 1] == '1' ? '/' : '~');
      ++i;
    } else {
      token.push_back(rest[i]);
    }
  }
  return policy::parse_condition_operator(token);
}

// The lint code for a parser diagnostic; "" to skip (another rule reports it better).
std::string_view lint_code_for(const policy::Diagnostic& d, policy::PolicyKind kind, bool kind_mixed) {
  const std::string_view code = d.code;
  if (code == "missing_principal" && kind_mixed) return "missing_principal_in_mixed_policy";
  const std::string_view message = d.error.message;
  const std::string_view pointer = d.error.loc.json_pointer;
  // An unknown member of a Principal object is a principal type AWS does not know.
  if (code == "unknown_element" && (contains(pointer, "/Principal/") || contains(pointer, "/NotPrincipal/")))
    return "invalid_principal_key";
  for (const Mapping& m : kMappings)
    if (m.parser_code == code) return m.lint_code;
  if (code == "invalid_resource") return "";  // resource_arn_format reports ARN shape problems
  if (code == "empty_element") {
    std::string_view element = last_token(pointer);
    if (element == "Action" || element == "NotAction") return "empty_array_action";
    if (element == "Resource" || element == "NotResource") return "empty_array_resource";
    if (element == "Principal" || element == "NotPrincipal") return "empty_object_principal";
    if (contains(pointer, "/Condition/")) return "empty_object_condition";
    return "empty_array_principal";
  }
  if (code == "invalid_principal") {
    if (!contains(message, "partial wildcard")) return "invalid_principal_format";
    return kind == policy::PolicyKind::kTrust ? "role_trust_policy_unsupported_wildcard_in_principal"
                                              : "unsupported_wildcard_in_principal";
  }
  if (code == "unknown_operator") {
    std::string_view op = last_token(pointer);
    return is_null_if_exists(op) ? "null_with_if_exists" : "invalid_condition_operator";
  }
  if (code == "principal_not_allowed")
    return kind == policy::PolicyKind::kScp ? "scp_syntax_error_principal" : "unsupported_principal";
  if (code == "invalid_condition_value") {
    std::optional<policy::ConditionOperator> op = operator_in(pointer);
    switch (op ? policy::op_family(op->base) : policy::OpFamily::kString) {
      case policy::OpFamily::kNumeric: return "type_mismatch_number";
      case policy::OpFamily::kDate: return "type_mismatch_date";
      case policy::OpFamily::kIp: return "type_mismatch_ip_range";
      case policy::OpFamily::kBinary: return "type_mismatch_string";
      case policy::OpFamily::kNull: return "type_mismatch_null";
      case policy::OpFamily::kBool: return "type_mismatch_boolean";
      case policy::OpFamily::kArn: return "type_mismatch_arn";
      case policy::OpFamily::kString: return "data_type_mismatch";
    }
  }
  return code;
}

void run(LintContext& context) {
  for (const policy::Diagnostic& d : context.parsed().diagnostics) {
    std::string_view code = lint_code_for(d, context.kind(), context.kind_mixed());
    if (code.empty()) continue;
    std::string message = d.error.message;
    if (code == "null_with_if_exists") message = "Null cannot be combined with IfExists";
    context.report_at(code, d.error.loc, std::move(message), d.error.hint);
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("grammar", run, kJsonSyntax, kDataType, kElement, kDuplicate, kVersion, kStatement, kEffect,
                        kMissingEffect, kMissingAction, kMissingResource, kMissingPrincipal, kMissingPrincipalMixed, kCombination,
                        kEmptyAction, kEmptyResource, kEmptyPrincipalObject, kEmptyPrincipalArray, kEmptyCondition,
                        kInvalidAction, kWildcardService, kPrincipalFormat, kPrincipalWildcard, kTrustPrincipalWildcard,
                        kPrincipalKey, kOperator,
                        kNullIfExists, kOperatorCase, kDuplicateKey, kKeyFormat, kNumber, kDate, kIp, kBinary, kBool,
                        kNullValue, kArnValue, kPrincipalNotAllowed, kScpPrincipal, kTrustResource,
                        kTrustNotPrincipal, kRcpVersion, kRcpAllow, kRcpPrincipal, kRcpNotAction, kRcpActionStar);

}  // namespace iamwarden::lint
