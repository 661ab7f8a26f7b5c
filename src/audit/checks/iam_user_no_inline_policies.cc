// Flags IAM users with inline policies (UserPolicyList of the authorization details).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_no_inline_policies",
    .title = "IAM users have no inline policies",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each user of the authorization details, UserPolicyList must be empty: inline policies "
                   "live only on that user, cannot be reused or versioned, and escape policy reviews.",
    .risk = "Inline user policies are invisible in the policy list, have no versions to roll back to, and "
            "grant permissions that are easy to overlook when reviewing groups and managed policies.",
    .remediation = "Move the permissions to a customer-managed policy attached to a group, then delete the inline "
                   "policy.",
    .remediation_cli = "aws iam delete-user-policy --user-name <user> --policy-name <policy-name>",
    .remediation_terraform = "# Replace aws_iam_user_policy with a managed policy attached to a group:\n"
                             "resource \"aws_iam_group_policy_attachment\" \"this\" {\n"
                             "  group      = aws_iam_group.this.name\n"
                             "  policy_arn = aws_iam_policy.this.arn\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-no-inline-policy-check.html"},
    .inputs = {"authorization-details.json"},
};

UserVerdict judge(const CheckContext&, const snapshot::User& user) {
  if (user.inline_policies.empty()) return {Status::kPass, "no inline policy", {}};
  std::vector<std::string> names;
  for (const snapshot::InlinePolicy& policy : user.inline_policies) names.push_back(policy.name);
  return {Status::kFail,
          fmt::format("{} inline polic{}: {}", names.size(), names.size() == 1 ? "y" : "ies", fmt::join(names, ", ")),
          {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_gaad_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
