// Size quotas per policy kind (spec §2.6): IAM counts characters outside insignificant whitespace.
#include <fmt/format.h>

#include <algorithm>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kIdentity{"policy_size_exceeds_identity_policy_quota", Severity::kError,
                             "Managed policy larger than 6,144 characters",
                             "IAM rejects customer-managed policies (and boundaries) over 6,144 characters, not "
                             "counting whitespace outside strings.",
                             "split the policy, or combine actions with wildcards"};
constexpr LintMeta kTrust{"policy_size_exceeds_role_trust_policy_quota", Severity::kWarning,
                          "Trust policy larger than 2,048 characters",
                          "Role trust policies are limited to 2,048 characters unless the quota was raised (at most "
                          "4,096).",
                          "shorten the policy or request a quota increase"};
constexpr LintMeta kSession{"policy_size_exceeds_session_policy_quota", Severity::kError,
                            "Session policy larger than 2,048 characters",
                            "STS rejects inline session policies over 2,048 characters.", "shorten the policy"};
constexpr LintMeta kScp{"policy_size_exceeds_scp_quota", Severity::kError, "SCP larger than 10,240 characters",
                        "Organizations rejects service control policies over the quota (10,240 characters; older "
                        "documentation says 5,120).",
                        "split it into several SCPs"};
constexpr LintMeta kRcp{"policy_size_exceeds_rcp_quota", Severity::kError, "RCP larger than 5,120 characters",
                        "Organizations rejects resource control policies over 5,120 characters.",
                        "split it into several RCPs"};
constexpr LintMeta kResource{"policy_size_exceeds_resource_policy_quota", Severity::kWarning,
                             "Resource policy larger than 20 KB",
                             "Resource policy quotas are service-specific; 20 KB (S3 bucket policies) is the largest "
                             "common one.",
                             "check the service's quota and split or shorten the policy"};

// Characters (code points) of the JSON object starting text, excluding whitespace outside strings when minified.
size_t count_chars(std::string_view text, bool minified) {
  size_t count = 0;
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return count + 1;
    } else if (minified && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      continue;
    }
    ++count;
  }
  return count;
}

void run(LintContext& context) {
  if (context.aws_managed()) return;
  std::string_view code;
  size_t limit = 0;
  bool minified = true;
  switch (context.kind()) {
    case policy::PolicyKind::kIdentity:
    case policy::PolicyKind::kBoundary: code = "policy_size_exceeds_identity_policy_quota"; limit = 6144; break;
    case policy::PolicyKind::kTrust: code = "policy_size_exceeds_role_trust_policy_quota"; limit = 2048; break;
    case policy::PolicyKind::kSession: code = "policy_size_exceeds_session_policy_quota"; limit = 2048; break;
    case policy::PolicyKind::kScp: code = "policy_size_exceeds_scp_quota"; limit = 10240; minified = false; break;
    case policy::PolicyKind::kRcp: code = "policy_size_exceeds_rcp_quota"; limit = 5120; minified = false; break;
    case policy::PolicyKind::kResource: code = "policy_size_exceeds_resource_policy_quota"; limit = 20480; break;
  }
  // The policy may be nested in a wrapper: measure from its opening brace to the matching closing one.
  std::string_view text = context.doc().text;
  text.remove_prefix(std::min<size_t>(context.node().offset, text.size()));
  const size_t size = count_chars(text, minified);
  if (size <= limit) return;
  context.report(code, context.node().offset, context.pointer(),
                 fmt::format("the policy has {} characters{}, over the {} quota of {}", size,
                             minified ? " (not counting whitespace)" : "", policy::policy_kind_name(context.kind()),
                             limit));
}

}  // namespace

IAMWARDEN_REGISTER_LINT("policy_size", run, kIdentity, kTrust, kSession, kScp, kRcp, kResource);

}  // namespace iamwarden::lint
