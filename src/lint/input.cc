// Unwrapping AWS CLI output shapes and string-encoded policies down to the policy object.
#include "lint/input.h"

#include <optional>

namespace iamwarden::lint {
namespace {

// Members that hold a policy document in AWS CLI output or a CloudFormation resource, tried in order
// at each level.
constexpr std::string_view kWrappers[] = {"PolicyVersion", "Role",      "Document",   "PolicyDocument",
                                          "AssumeRolePolicyDocument", "Policy", "Properties", "Content",
                                          "KeyPolicy",     "ResourcePolicy"};

// An Organizations policy type (describe-policy's PolicySummary.Type, CloudFormation's Properties.Type).
std::optional<policy::PolicyKind> organizations_kind(std::string_view type) {
  if (type == "SERVICE_CONTROL_POLICY") return policy::PolicyKind::kScp;
  if (type == "RESOURCE_CONTROL_POLICY") return policy::PolicyKind::kRcp;
  return std::nullopt;
}

// What one wrapper level says about the kind of the policy inside it, entering member `member`.
void note_wrapper_kind(const JsonNode& level, std::string_view member, PolicyInput& input) {
  auto set = [&](policy::PolicyKind kind, std::string why) {
    input.wrapper_kind = kind;
    input.wrapper_why = std::move(why);
  };
  if (member == "AssumeRolePolicyDocument") return set(policy::PolicyKind::kTrust, "it is a role's AssumeRolePolicyDocument");
  if (member == "KeyPolicy") return set(policy::PolicyKind::kResource, "it is a KMS KeyPolicy");
  const JsonNode* summary = level.find("PolicySummary");
  const JsonNode* type = summary && summary->is_object() ? summary->find("Type") : level.find("Type");
  if (!type || !type->is_string()) return;
  if (std::optional<policy::PolicyKind> org = organizations_kind(type->text))
    return set(*org, "its Organizations policy type is " + type->text);
  // A CloudFormation resource: IAM policy resources hold identity policies, other services' *Policy
  // resources (AWS::S3::BucketPolicy, AWS::SQS::QueuePolicy, ...) resource policies.
  std::string_view cfn = type->text;
  if (member != "Properties" || cfn.rfind("AWS::", 0) != 0) return;
  input.cloudformation_type = type->text;
  if (cfn == "AWS::IAM::Policy" || cfn == "AWS::IAM::ManagedPolicy" || cfn == "AWS::IAM::UserPolicy" ||
      cfn == "AWS::IAM::GroupPolicy" || cfn == "AWS::IAM::RolePolicy")
    return set(policy::PolicyKind::kIdentity, "it is a CloudFormation " + type->text);
  if (cfn.rfind("AWS::IAM::", 0) != 0 && cfn.rfind("AWS::Organizations::", 0) != 0 && cfn.size() > 6 &&
      cfn.substr(cfn.size() - 6) == "Policy")
    return set(policy::PolicyKind::kResource, "it is a CloudFormation " + type->text);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool looks_url_encoded(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && text[start] == '%';
}

}  // namespace

std::optional<std::string> url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

const JsonNode& PolicyInput::node() const {
  const JsonNode* node = &doc.root;
  for (const std::string& key : path) node = node->find(key);
  return *node;
}

std::string PolicyInput::pointer() const {
  std::string out;
  for (const std::string& key : path) out += "/" + json_pointer_token(key);
  return out;
}

Result<PolicyInput> find_policy(JsonDocument doc) {
  PolicyInput input;
  std::string note;
  // At most a few unwrapping rounds: a string holding JSON holding a wrapper, and so on.
  for (int round = 0; round < 4; ++round) {
    std::vector<std::string> path;
    const JsonNode* node = &doc.root;
    while (node->is_object() && !node->find("Statement")) {
      const JsonNode* next = nullptr;
      for (std::string_view wrapper : kWrappers) {
        if ((next = node->find(wrapper))) {
          note_wrapper_kind(*node, wrapper, input);
          path.emplace_back(wrapper);
          break;
        }
      }
      if (!next) break;
      node = next;
    }
    if (!node->is_string()) {
      input.doc = std::move(doc);
      input.path = std::move(path);
      input.note = std::move(note);
      return input;
    }
    std::string text = node->text;
    if (looks_url_encoded(text)) {
      std::optional<std::string> decoded = url_decode(text);
      if (!decoded) return Error{ErrorCode::kJsonSyntax, "malformed URL-encoded policy document", doc.locate(node->offset, ""), ""};
      text = std::move(*decoded);
      note = "the policy was URL-encoded; locations are within the decoded text";
    } else {
      note = "the policy was given as a JSON string; locations are within that string";
    }
    Result<JsonDocument> inner = parse_json(std::move(text), doc.file);
    if (!inner) return inner.error();
    doc = inner.take();
  }
  return Error{ErrorCode::kInvalidInput, "the policy is nested in strings too deeply", {doc.file, 0, 0, ""}, ""};
}

}  // namespace iamwarden::lint
