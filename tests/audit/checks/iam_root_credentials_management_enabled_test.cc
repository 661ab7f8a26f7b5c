// iam_root_credentials_management_enabled: RootCredentialsManagement in EnabledFeatures passes;
// its absence fails; an account in no organization fails saying so; not collected: NOT_EVALUATED.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_root_credentials_management_enabled";

TEST(IamRootCredentialsManagementEnabled, FeaturePresentPassesAbsentFails) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootSessions", "RootCredentialsManagement"};
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "111122223333");
  EXPECT_EQ(f.message,
            "RootCredentialsManagement is enabled (enabled features: RootSessions, RootCredentialsManagement)");

  fx.account.organizations_features = std::vector<std::string>{"RootSessions"};
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message,
            "centralized root access is not enabled: RootCredentialsManagement is missing (enabled features: "
            "RootSessions)");

  fx.account.organizations_features = std::vector<std::string>{};
  f = single_finding(fx, kId);
  EXPECT_NE(f.message.find("(enabled features: none)"), std::string::npos) << f.message;
}

TEST(IamRootCredentialsManagementEnabled, AccountOutsideAnyOrganization) {
  AuditFixture fx;
  fx.account.files.push_back({"organizations/organization.json", snapshot::FileStatus::kNotFound,
                              "AWSOrganizationsNotInUseException"});
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message,
            "the account is not in an AWS Organization, so its root credentials cannot be managed centrally "
            "(organizations/organization.json: AWSOrganizationsNotInUseException)");
}

TEST(IamRootCredentialsManagementEnabled, NotEvaluatedWhenNotCollected) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "organizations-features.json was not collected");

  fx.account.files.push_back({"organizations-features.json", snapshot::FileStatus::kFailed,
                              "AccountNotManagementOrDelegatedAdministrator"});
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message,
            "organizations-features.json could not be collected: AccountNotManagementOrDelegatedAdministrator");
}

}  // namespace
}  // namespace iamwarden::audit::testing
