// The rule table (ids, titles, severities, help) and finding helpers.
#include "secrets/finding.h"

#include <array>
#include <filesystem>
#include <tuple>

namespace iamwarden::secrets {
namespace {

constexpr std::array<RuleInfo, 8> kRules = {{
    {Rule::kAccessKeyPair, "aws_access_key_pair", "AWS access key ID with its secret access key", Severity::kCritical,
     "A usable long-term credential: deactivate the access key in IAM now, check CloudTrail for its use, "
     "then remove it from the file and its history."},
    {Rule::kTemporaryCredentials, "aws_temporary_credentials", "AWS temporary credentials (ASIA key ID and secret)",
     Severity::kHigh,
     "STS credentials are valid until they expire (up to 36 hours; 12 for role sessions); revoke the role's "
     "sessions if still valid and remove them from the file."},
    {Rule::kAccessKeyId, "aws_access_key_id", "AWS access key ID", Severity::kMedium,
     "A key ID alone cannot sign requests, but its secret is often close by (another file, history); it names "
     "the account. Rotate the key if its secret may have leaked."},
    {Rule::kTemporaryKeyId, "aws_temporary_key_id", "AWS temporary (ASIA) access key ID", Severity::kLow,
     "A temporary key ID alone is useless without its secret and session token; it names the account."},
    {Rule::kSecretAccessKey, "aws_secret_access_key", "AWS secret access key", Severity::kHigh,
     "A secret access key assigned to a key-like name; find its key ID and deactivate the key."},
    {Rule::kSessionToken, "aws_session_token", "AWS session token", Severity::kMedium,
     "An STS session token; with its key ID and secret it grants the session's permissions until it expires."},
    {Rule::kPresignedUrl, "aws_presigned_url", "Presigned URL with an AWS credential", Severity::kMedium,
     "A presigned URL lets anyone perform its request until X-Amz-Expires; it names the signing key and account."},
    {Rule::kUniqueId, "aws_unique_id", "IAM unique ID (identifier, not a secret)", Severity::kInfo,
     "IAM unique IDs (users, roles, groups, policies) appear in CloudTrail and policies; they grant nothing."},
}};

constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high", "critical"};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo& rule_info(Rule rule) { return kRules[static_cast<size_t>(rule)]; }

std::string_view severity_name(Severity severity) { return kSeverityNames[static_cast<size_t>(severity)]; }

std::optional<Severity> parse_severity(std::string_view name) {
  for (size_t i = 0; i < kSeverityNames.size(); ++i)
    if (kSeverityNames[i] == name) return static_cast<Severity>(i);
  return std::nullopt;
}

std::string fingerprint_path(std::string_view path) {
  if (path.empty() || path == "<stdin>") return std::string(path);
  std::string out = std::filesystem::path(path).lexically_normal().generic_string();
  while (out.size() > 2 && out.starts_with("./")) out.erase(0, 2);
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string normalize_fingerprint(std::string_view fingerprint) {
  // The path may hold ':' itself; the rule id and the hash never do.
  size_t hash_colon = fingerprint.rfind(':');
  if (hash_colon == std::string_view::npos || hash_colon == 0) return std::string(fingerprint);
  size_t rule_colon = fingerprint.rfind(':', hash_colon - 1);
  if (rule_colon == std::string_view::npos) return std::string(fingerprint);
  return fingerprint_path(fingerprint.substr(0, rule_colon)) + std::string(fingerprint.substr(rule_colon));
}

std::string Finding::fingerprint() const {
  std::string out = fingerprint_path(path);
  out += ':';
  out += rule_info(rule).id;
  out += ':';
  out += hash;
  return out;
}

bool finding_less(const Finding& a, const Finding& b) {
  // The offset first: a finding in the last part of a partly read file has line 0 but the largest offset.
  return std::tie(a.path, a.offset, a.line, a.column, a.rule) < std::tie(b.path, b.offset, b.line, b.column, b.rule);
}

}  // namespace iamwarden::secrets
