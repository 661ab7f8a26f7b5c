// Flags IAM users that belong to no group (GroupList of the authorization details).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_in_group",
    .title = "IAM users are members of at least one group",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each user of the authorization details, GroupList must name at least one group "
                   "(AWS Config iam-user-group-membership-check without a list of required groups).",
    .risk = "A user outside every group gets its permissions some other way (policies attached to the user) "
            "or is an orphan nobody manages; both escape group-based reviews.",
    .remediation = "Add the user to the group that matches its job, and move its own policies to that group.",
    .remediation_cli = "aws iam add-user-to-group --user-name <user> --group-name <group>",
    .remediation_terraform = "resource \"aws_iam_user_group_membership\" \"this\" {\n"
                             "  user   = aws_iam_user.this.name\n"
                             "  groups = [aws_iam_group.this.name]\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-group-membership-check.html"},
    .inputs = {"authorization-details.json"},
};

UserVerdict judge(const CheckContext&, const snapshot::User& user) {
  if (user.groups.empty()) return {Status::kFail, "member of no IAM group", {}};
  return {Status::kPass, fmt::format("member of {}", fmt::join(user.groups, ", ")), {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_gaad_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
