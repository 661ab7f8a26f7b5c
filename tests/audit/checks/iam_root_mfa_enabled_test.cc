// iam_root_mfa_enabled: root with a password or an active key needs MFA; a root without credentials
// (centrally managed) passes; not_supported counts as a password; the account summary stands in
// for a missing report.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_root_mfa_enabled";
constexpr const char* kRootArn = "arn:aws:iam::111122223333:root";

TEST(IamRootMfaEnabled, PassesWithMfaAndFailsWithout) {
  AuditFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.password_enabled = true;
  root.mfa_active = true;
  root.line = 2;
  const Finding pass = single_finding(fx, kId);
  EXPECT_EQ(pass.status, Status::kPass);
  EXPECT_EQ(pass.resource, kRootArn);
  EXPECT_EQ(pass.resource_name, "<root_account>");
  EXPECT_EQ(pass.origin.file, "credential-report.csv");
  EXPECT_EQ(pass.origin.line, 2u);
  EXPECT_EQ(pass.message, "the root user has MFA active");

  fx.account.credential_report->rows[0].mfa_active = false;
  const Finding fail = single_finding(fx, kId);
  EXPECT_EQ(fail.status, Status::kFail);
  EXPECT_EQ(fail.resource, kRootArn);
  EXPECT_EQ(fail.message, "the root user has no MFA device and has a console password");
}

TEST(IamRootMfaEnabled, NotSupportedPasswordIsAssumedPresent) {
  AuditFixture fx;
  fx.add_row("<root_account>").password_enabled = std::nullopt;
  const Finding fail = single_finding(fx, kId);
  EXPECT_EQ(fail.status, Status::kFail);
  EXPECT_NE(fail.message.find("not_supported: assumed present"), std::string::npos) << fail.message;

  // The account summary settles it when it has AccountPasswordPresent.
  fx.account.account_summary = std::map<std::string, int64_t>{{"AccountPasswordPresent", 0}};
  const Finding pass = single_finding(fx, kId);
  EXPECT_EQ(pass.status, Status::kPass);
  EXPECT_EQ(pass.message, "the root user has no console password and no active access key");
}

TEST(IamRootMfaEnabled, CentrallyManagedRootPasses) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootCredentialsManagement", "RootSessions"};
  fx.add_row("<root_account>");  // password_enabled false, no keys, no MFA
  const Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message.rfind("root credentials are centrally managed and removed", 0), 0u) << f.message;
}

TEST(IamRootMfaEnabled, ActiveKeyWithoutPasswordStillNeedsMfa) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootCredentialsManagement"};
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.access_keys[1].active = true;
  root.access_keys[1].last_rotated = days_before(fx.now, 10);
  const Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "the root user has no MFA device and has active access key 2");
}

TEST(IamRootMfaEnabled, AccountSummaryWhenTheReportIsMissing) {
  AuditFixture fx;
  fx.account.account_summary = std::map<std::string, int64_t>{{"AccountMFAEnabled", 0}, {"AccountPasswordPresent", 1}};
  const Finding fail = single_finding(fx, kId);
  EXPECT_EQ(fail.status, Status::kFail);
  EXPECT_EQ(fail.message, "the root user has no MFA device (AccountMFAEnabled is 0)");
  EXPECT_EQ(fail.resource, kRootArn);
  EXPECT_EQ(fail.origin.file, "account-summary.json");

  (*fx.account.account_summary)["AccountMFAEnabled"] = 1;
  EXPECT_EQ(single_finding(fx, kId).status, Status::kPass);
}

TEST(IamRootMfaEnabled, NotEvaluatedWithoutReportOrSummary) {
  AuditFixture fx;
  fx.account.files.push_back({"credential-report.csv", snapshot::FileStatus::kFailed, "ReportInProgress"});
  const Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.resource, kRootArn);
  EXPECT_EQ(f.message,
            "credential-report.csv could not be collected: ReportInProgress; account-summary.json was not collected");

  fx.add_row("alice");  // a report without a root row
  EXPECT_EQ(single_finding(fx, kId).message,
            "credential-report.csv has no <root_account> row; account-summary.json was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
