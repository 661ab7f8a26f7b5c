// Flags roles not used for longer than thresholds.role_unused_days (RoleLastUsed), or never used and
// created longer ago than that; service-linked roles are not reported.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_unused",
    .title = "IAM roles have been used within the configured number of days",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "For each role that is not service-linked: FAIL when RoleLastUsed.LastUsedDate is more than "
        "thresholds.role_unused_days (default 90) days before the audit date, or when RoleLastUsed is empty "
        "(not used within AWS's tracking window) and the role was created more than that many days ago. Younger "
        "roles pass. NOT_EVALUATED when the export has no RoleLastUsed for the role (older exports omit it) or "
        "the dates cannot be read. Service-linked roles are not reported: their service manages them.",
    .risk = "Roles nobody uses still carry permissions and trust relationships; they widen the attack surface "
            "without benefit and are rarely reviewed.",
    .remediation = "Confirm the role is no longer needed (CloudTrail, service last accessed data), then delete it "
                   "with its instance profiles and policies, or record why it must stay (e.g. break-glass).",
    .remediation_cli = "aws iam delete-role --role-name <role>",
    .remediation_terraform = "# delete the unused aws_iam_role resource (and its policy attachments) from the "
                             "configuration, then: terraform apply",
    .references = {"https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleLastUsed.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials"},
    .inputs = {"authorization-details.json"},
};

void judge(const CheckContext& context, FindingSink& out, const snapshot::Role& role) {
  const int64_t limit = context.config.thresholds.role_unused_days;
  if (!role.last_used_known) {
    role_finding(out, Status::kNotEvaluated, role,
                 "authorization-details.json has no RoleLastUsed for the role (the export predates the field or "
                 "dropped it): re-export with `aws iam get-account-authorization-details`");
  } else if (role.last_used.present()) {
    if (!role.last_used.unix_seconds) {
      role_finding(out, Status::kNotEvaluated, role,
                   fmt::format("RoleLastUsed.LastUsedDate \"{}\" is not a date", role.last_used.text));
      return;
    }
    const int64_t days = context.days_since(*role.last_used.unix_seconds);
    const std::string where = role.last_used_region.empty() ? "" : " in " + role.last_used_region;
    role_finding(out, days > limit ? Status::kFail : Status::kPass, role,
                 fmt::format("last used {} days ago ({}{}); limit {} days", days, role.last_used.text, where, limit));
  } else if (!role.create_date.unix_seconds) {
    role_finding(out, Status::kNotEvaluated, role,
                 fmt::format("never used (RoleLastUsed is empty) and its CreateDate \"{}\" is not a date",
                             role.create_date.text));
  } else {
    const int64_t age = context.days_since(*role.create_date.unix_seconds);
    role_finding(out, age > limit ? Status::kFail : Status::kPass, role,
                 fmt::format("never used within AWS's tracking window (RoleLastUsed is empty); created {} days ago "
                             "({}); limit {} days",
                             age, role.create_date.text, limit));
  }
}

void run(const CheckContext& context, FindingSink& out) {
  for_each_role(context, out, "roles other than service-linked ones", [&](const snapshot::Role& role) {
    judge(context, out, role);
    return true;
  });
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
