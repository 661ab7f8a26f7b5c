// Flags an organization that has not enabled centralized root access (RootCredentialsManagement in
// iam list-organizations-features), and says so when the account is in no organization.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kFeaturesFile = "organizations-features.json";
constexpr std::string_view kOrganizationFile = "organizations/organization.json";

const CheckMeta kMeta{
    .id = "iam_root_credentials_management_enabled",
    .title = "Centralized root access (root credentials management) is enabled for the organization",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description = "Reads EnabledFeatures of iam list-organizations-features: it must contain "
                   "RootCredentialsManagement, which lets the management account (or the IAM delegated "
                   "administrator) remove and audit the root credentials of member accounts. An account that is "
                   "in no organization fails with a message saying so.",
    .risk = "Without centralized root access every member account keeps a root password, possibly access keys "
            "and MFA devices that must be secured and monitored one account at a time; a forgotten root "
            "password reset path is enough to take a member account over.",
    .remediation = "In the management account, enable trusted access for IAM in AWS Organizations, then enable "
                   "root credentials management (and root sessions), and delete the root credentials of member "
                   "accounts.",
    .remediation_cli = "aws organizations enable-aws-service-access --service-principal iam.amazonaws.com && "
                       "aws iam enable-organizations-root-credentials-management && "
                       "aws iam enable-organizations-root-sessions",
    .remediation_terraform = kCentralRootAccessTerraform,
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management",
                   "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html"},
    .inputs = {"organizations-features.json", "organizations/organization.json"},
};

// What says that the account is in no organization, or "".
std::string not_in_organization(const snapshot::Account& account) {
  for (std::string_view file : {kOrganizationFile, kFeaturesFile}) {
    const snapshot::FileRecord* it = file_record(account, file);
    if (!it) continue;
    if (it->status == snapshot::FileStatus::kNotFound ||
        it->detail.find("OrganizationNotFound") != std::string::npos ||
        it->detail.find("AWSOrganizationsNotInUse") != std::string::npos)
      return fmt::format("{}: {}", file, it->detail.empty() ? "not found" : it->detail);
  }
  return "";
}

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  std::string arn = account_root_arn(account);
  Finding* f = nullptr;
  if (account.organizations_features) {
    std::string features = account.organizations_features->empty()
                               ? std::string("none")
                               : fmt::format("{}", fmt::join(*account.organizations_features, ", "));
    f = root_credentials_management_enabled(account)
            ? &out.pass(arn, fmt::format("RootCredentialsManagement is enabled (enabled features: {})", features))
            : &out.fail(arn, fmt::format("centralized root access is not enabled: RootCredentialsManagement is "
                                         "missing (enabled features: {})",
                                         features));
  } else if (std::string why = not_in_organization(account); !why.empty()) {
    f = &out.fail(arn, fmt::format("the account is not in an AWS Organization, so its root credentials cannot be "
                                   "managed centrally ({})",
                                   why));
  } else {
    f = &out.not_evaluated(arn, input_missing(account, kFeaturesFile));
  }
  f->resource_name = account.account_id;
  f->origin.file = std::string(kFeaturesFile);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
