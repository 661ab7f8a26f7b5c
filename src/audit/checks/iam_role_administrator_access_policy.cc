// Flags roles that people or other accounts can assume (not service roles, not service-linked) and
// that have the AWS-managed AdministratorAccess policy attached.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_administrator_access_policy",
    .title = "IAM roles assumable by principals other than AWS services do not have AdministratorAccess attached",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "For each role that is not service-linked and whose trust policy admits some principal other than an AWS "
        "service (a role with an unreadable trust policy counts as such), FAIL when the AWS-managed policy "
        "arn:<partition>:iam::aws:policy/AdministratorAccess is attached. A customer-managed policy that happens to "
        "be named AdministratorAccess does not count; policies granting the same through other documents are "
        "reported by the policy checks.",
    .risk = "Whoever can assume the role gets unrestricted access to every resource of the account, and the role's "
            "trust policy becomes the only barrier between its trusted principals and full control.",
    .remediation = "Detach AdministratorAccess and attach policies granting only what the role's users need; keep "
                   "break-glass administrator roles few, MFA-protected and monitored.",
    .remediation_cli =
        "aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
    .remediation_terraform =
        "# remove the attachment of AdministratorAccess and attach a least-privilege policy instead\n"
        "resource \"aws_iam_role_policy_attachment\" \"scoped\" {\n"
        "  role       = aws_iam_role.example.name\n"
        "  policy_arn = aws_iam_policy.least_privilege.arn\n"
        "}",
    .references = {"https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const std::string admin_arn = aws_managed_policy_arn(context.account, "AdministratorAccess");
  for_each_role(context, out, "roles assumable by principals other than AWS services", [&](const snapshot::Role& role) {
    TrustPolicy trust = read_trust_policy(role);
    if (trust.ok() && service_only_trust(trust.policy)) return false;
    const std::string trust_note = trust.ok() ? "" : " (its trust policy could not be read: " + trust.error + ")";
    if (!has_aws_managed_policy(role, "AdministratorAccess")) {
      role_finding(out, Status::kPass, role,
                   fmt::format("AdministratorAccess is not attached ({} managed policies attached){}",
                               role.attached.size(), trust_note));
      return true;
    }
    Finding& f = role_finding(
        out, Status::kFail, role,
        fmt::format("the AWS-managed AdministratorAccess policy ({}) is attached{}", admin_arn, trust_note));
    for (const policy::Statement& st : trust.policy.statements)
      if (st.effect == policy::Effect::kAllow)
        f.evidence.push_back(fmt::format("trust statement {}: {}", statement_label(st), describe_principal(st)));
    return true;
  });
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
