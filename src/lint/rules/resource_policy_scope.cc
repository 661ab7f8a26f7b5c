// A resource policy attached to a known resource type (--resource-type, or the CloudFormation
// resource it came in) names only that service's actions and ARNs: S3 refuses a bucket policy
// with sqs: actions, and so on (Access Analyzer's validatePolicyResourceType checks).
#include <fmt/format.h>

#include "lint/resource_policy_type.h"
#include "eval/arn.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kAction{"unsupported_action_in_policy", Severity::kError,
                           "An action the resource's policy cannot grant",
                           "A resource policy grants access to its own resource only, so it may name only actions "
                           "of that resource's service; the service refuses the policy otherwise.",
                           "move the action to an identity policy or to the other resource's policy"};
constexpr LintMeta kResource{"unsupported_resource_arn_in_policy", Severity::kError,
                             "A resource ARN of another service in a resource policy",
                             "A resource policy is about its own resource: an ARN of another service never names "
                             "it, and the service refuses the policy.",
                             "name the resource (and its sub-resources) the policy is attached to"};

// The service part of an ARN ("s3" in "arn:aws:s3:::b"), "" when it is not one.
void run(LintContext& context) {
  if (context.kind() != policy::PolicyKind::kResource || context.resource_type().empty()) return;
  const std::optional<ResourcePolicyType> type = resource_policy_type(context.resource_type());
  if (!type) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.action_mode == policy::ElementMode::kNormal)
      for (size_t i = 0; i < st.actions.size(); ++i) {
        const std::string& a = st.actions[i].value;
        const size_t colon = a.find(':');
        if (a == "*" || colon == std::string::npos || iequals(std::string_view(a).substr(0, colon), type->service)) continue;
        context.report("unsupported_action_in_policy", st.actions[i].offset, context.item_pointer(st, "Action", i),
                       fmt::format("\"{}\" is not a {} action: a policy attached to {} cannot grant it", a,
                                   type->service, type->name));
      }
    if (st.resource_mode == policy::ElementMode::kAbsent) continue;
    const std::string_view element = st.resource_mode == policy::ElementMode::kNot ? "NotResource" : "Resource";
    for (size_t i = 0; i < st.resources.size(); ++i) {
      const eval::ArnParts arn = eval::split_arn(st.resources[i].value);
      const std::string_view service = arn.ok ? arn.service() : std::string_view{};  // malformed: resource_arn_format's
      if (service.empty() || service == "*" || iequals(service, type->service)) continue;
      context.report("unsupported_resource_arn_in_policy", st.resources[i].offset, context.item_pointer(st, element, i),
                     fmt::format("\"{}\" is a {} ARN: a policy attached to {} names {} resources", st.resources[i].value,
                                 service, type->name, type->service));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("resource_policy_scope", run, kAction, kResource);

}  // namespace iamwarden::lint
