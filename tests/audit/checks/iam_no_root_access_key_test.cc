// iam_no_root_access_key: an active root key fails (an inactive one is only mentioned); without the
// report's root row, AccountAccessKeysPresent decides.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_no_root_access_key";

TEST(IamNoRootAccessKey, ActiveKeyFailsInactiveKeyPasses) {
  AuditFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.password_enabled = std::nullopt;
  root.access_keys[0].active = true;
  root.access_keys[0].last_rotated = days_before(fx.now, 203);
  root.access_keys[0].last_used_date = days_before(fx.now, 3);
  root.access_keys[1].last_rotated = days_before(fx.now, 500);  // inactive, keeps its date
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "<root_account>");
  EXPECT_EQ(f.message,
            "the root user has an active access key: access key 1 (last rotated 203 days ago, last used 3 days ago) "
            "(access key 2 (last rotated 500 days ago, never used) is inactive)");

  fx.account.credential_report->rows[0].access_keys[0].active = false;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message.rfind("the root user has no active access key (access key 1", 0), 0u) << f.message;
}

TEST(IamNoRootAccessKey, CentralizedRootAccessIsPointedOut) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootCredentialsManagement"};
  fx.add_row("<root_account>").access_keys[1].active = true;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.evidence,
            std::vector<std::string>{"RootCredentialsManagement is enabled: the management account can delete it"});
}

TEST(IamNoRootAccessKey, AccountSummaryWithoutReport) {
  AuditFixture fx;
  fx.account.account_summary = std::map<std::string, int64_t>{{"AccountAccessKeysPresent", 1}};
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "the root user has an access key (AccountAccessKeysPresent is 1)");
  EXPECT_EQ(f.origin.file, "account-summary.json");

  (*fx.account.account_summary)["AccountAccessKeysPresent"] = 0;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "the root user has no access key (AccountAccessKeysPresent is 0)");
}

TEST(IamNoRootAccessKey, NotEvaluatedWithoutEither) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "credential-report.csv was not collected; account-summary.json was not collected");

  fx.account.account_summary = std::map<std::string, int64_t>{{"Users", 2}};
  f = single_finding(fx, kId);
  EXPECT_EQ(f.message, "credential-report.csv was not collected; account-summary.json has no AccountAccessKeysPresent");
}

}  // namespace
}  // namespace iamwarden::audit::testing

namespace iamwarden::audit::testing {
namespace {

TEST(IamNoRootAccessKey, InactiveKeyFailsWhenCounted) {
  AuditFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.access_keys[1].last_rotated = days_before(fx.now, 300);
  std::vector<Finding> f = fx.run("iam_no_root_access_key");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  fx.config.root_inactive_keys_count = true;
  f = fx.run("iam_no_root_access_key");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message,
            "the root user has an access key: access key 2 (last rotated 300 days ago, never used) is inactive (an "
            "inactive key counts here)");
}

}  // namespace
}  // namespace iamwarden::audit::testing
