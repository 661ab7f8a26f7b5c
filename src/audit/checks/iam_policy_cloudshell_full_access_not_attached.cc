// Flags users, groups and roles with the AWS-managed AWSCloudShellFullAccess policy attached.
#include <fmt/format.h>

#include "audit/check.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_cloudshell_full_access_not_attached",
    .title = "AWSCloudShellFullAccess is not attached to any user, group or role",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "Looks for the AWS-managed policy arn:aws:iam::aws:policy/AWSCloudShellFullAccess in the attached "
                   "managed policies of every user, group and role.",
    .risk = "CloudShell full access includes uploading and downloading files and a shell with the principal's "
            "credentials, a ready channel to move data out of the account.",
    .remediation = "Detach AWSCloudShellFullAccess and grant a narrower CloudShell policy (for example without "
                   "cloudshell:GetFileUploadUrls and cloudshell:GetFileDownloadUrls).",
    .remediation_cli = "aws iam detach-group-policy --group-name <group> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess",
    .remediation_terraform = "# remove the aws_iam_*_policy_attachment whose policy_arn is AWSCloudShellFullAccess",
    .references = {"https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html"},
    .inputs = {"authorization-details.json"},
};

bool has_cloudshell(const snapshot::PolicyHolder& holder) {
  for (const snapshot::PolicyRef& ref : holder.attached)
    if (ref.arn.size() > 23 && ref.arn.ends_with(":iam::aws:policy/AWSCloudShellFullAccess")) return true;
  return false;
}

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& a = context.account;
  const std::string account_arn = fmt::format("arn:{}:iam::{}:root", a.partition, a.account_id);
  if (!a.iam_present) {
    out.not_evaluated(account_arn, "authorization-details.json was not collected");
    return;
  }
  size_t failed = 0;
  auto visit = [&](const snapshot::PolicyHolder& h, std::string_view what) {
    if (!has_cloudshell(h)) return;
    Finding& f = out.fail(h.arn, fmt::format("{} {} has AWSCloudShellFullAccess attached", what, h.name));
    f.resource_name = h.name;
    f.origin = h.origin;
    ++failed;
  };
  for (const snapshot::User& u : a.iam.users) visit(u, "user");
  for (const snapshot::Group& g : a.iam.groups) visit(g, "group");
  for (const snapshot::Role& r : a.iam.roles) visit(r, "role");
  if (!failed) out.pass(account_arn, "no user, group or role has AWSCloudShellFullAccess attached").resource_name = "account";
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
