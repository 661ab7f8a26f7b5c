// CIS AWS Foundations 2.14 (v3.0: 1.16) as its audit reads it: an attached managed policy, AWS- or
// customer-managed, with an Allow statement of "Action": "*" over "Resource": "*".
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_attached_policy_no_statements_with_admin_access",
    .title = "Attached managed policies have no statement allowing \"*\" on \"*\"",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "The CIS audit (aws iam list-policies --only-attached, then each default version): every managed "
                   "policy attached to a user, group or role, AWS-managed ones such as AdministratorAccess "
                   "included, is read statement by statement, and a statement with Effect Allow, \"*\" among its "
                   "Action values and \"*\" among its Resource values fails, whatever its conditions and whatever "
                   "other statements deny. Unattached and inline policies are not in scope. iamwarden's engine-based "
                   "checks (iam_*_policy_no_administrative_privileges) judge what policies really grant.",
    .risk = "Whoever has an attached policy that allows \"*\" on \"*\" can do anything in the account, including "
            "granting themselves more and turning off logging.",
    .remediation = "Detach the policy (for AdministratorAccess: give administrators a role to assume instead), or "
                   "narrow the statement to the actions and resources needed.",
    .remediation_cli = "aws iam list-entities-for-policy --policy-arn <policy-arn>  # then detach-user-policy / "
                       "detach-group-policy / detach-role-policy for each",
    .remediation_terraform = "# remove the aws_iam_*_policy_attachment resources of the policy, or narrow its statements",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/cli/latest/reference/iam/list-policies.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(
      context, out,
      [](const PolicyFacts& f) { return f.kind != PolicyFacts::Kind::kInline && f.attached; },
      "attached managed policies", [](const PolicyFacts& f) {
        if (f.literal_admin.empty()) return PolicyVerdict{false, "no Allow statement with \"*\" on \"*\"", {}};
        return PolicyVerdict{true,
                             fmt::format("{} policy is attached and allows \"*\" on \"*\" in {}",
                                         f.kind == PolicyFacts::Kind::kAwsManaged ? "this AWS-managed" : "the",
                                         fmt::join(f.literal_admin, ", ")),
                             {}};
      });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
