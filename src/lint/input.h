// Finding the policy document in a file: bare, {"PolicyVersion":{"Document":...}}, a JSON string, URL-encoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "policy/document.h"

namespace iamwarden::lint {

/// Where the policy is: the JSON document holding it (re-parsed when it was given as a string) and the
/// member names leading from that document's root to the policy object.
struct PolicyInput {
  JsonDocument doc;
  std::vector<std::string> path;
  std::string note;  ///< set when the document was unwrapped from a string ("URL-encoded ...")
  /// The kind the wrapper says the policy is (AssumeRolePolicyDocument, an Organizations policy's
  /// Type, a CloudFormation resource Type), and that evidence in words.
  std::optional<policy::PolicyKind> wrapper_kind;
  std::string wrapper_why;
  std::string cloudformation_type;  ///< the CloudFormation resource Type it came in ("AWS::S3::BucketPolicy"), if any

  /// The policy node (follows path from doc.root).
  const JsonNode& node() const;
  /// JSON pointer of the policy node in doc.
  std::string pointer() const;
};

/// Unwraps the shapes the AWS CLI prints (get-policy-version, get-role-policy, get-role, get-bucket-policy,
/// organizations describe-policy), a CloudFormation resource ({"Type": ..., "Properties": {...}}) and
/// policies given as JSON strings or URL-encoded text. Errors when an embedded string is not JSON.
Result<PolicyInput> find_policy(JsonDocument doc);

/// Decodes %XX escapes and '+' (as space); nullopt when an escape is malformed.
std::optional<std::string> url_decode(std::string_view text);

}  // namespace iamwarden::lint
