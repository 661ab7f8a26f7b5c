// Flags IAM users with managed policies attached directly instead of through groups or roles.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_no_attached_policies",
    .title = "IAM users have no managed policies attached directly",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each user of the authorization details, AttachedManagedPolicies must be empty: "
                   "permissions should come from groups (or roles), not from policies attached to the user.",
    .risk = "Permissions attached user by user drift apart, are hard to review and are forgotten when people "
            "change jobs; groups make who-can-do-what visible in one place.",
    .remediation = "Put the user in a group that has the policy attached, then detach the policy from the user.",
    .remediation_cli = "aws iam add-user-to-group --user-name <user> --group-name <group> && aws iam "
                       "detach-user-policy --user-name <user> --policy-arn <policy-arn>",
    .remediation_terraform = "resource \"aws_iam_group_policy_attachment\" \"this\" {\n"
                             "  group      = aws_iam_group.this.name\n"
                             "  policy_arn = \"<policy-arn>\"\n"
                             "}\n"
                             "# and remove the aws_iam_user_policy_attachment of the user",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-no-policies-check.html"},
    .inputs = {"authorization-details.json"},
};

UserVerdict judge(const CheckContext&, const snapshot::User& user) {
  if (user.attached.empty()) return {Status::kPass, "no managed policy attached directly", {}};
  UserVerdict verdict{Status::kFail, "", {}};
  std::vector<std::string> names;
  for (const snapshot::PolicyRef& ref : user.attached) {
    names.push_back(ref.name.empty() ? ref.arn : ref.name);
    verdict.evidence.push_back(ref.arn);
  }
  verdict.message = fmt::format("{} managed polic{} attached directly: {}", names.size(),
                                names.size() == 1 ? "y" : "ies", fmt::join(names, ", "));
  return verdict;
}

void run(const CheckContext& context, FindingSink& out) { for_each_gaad_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
