// iam_avoid_root_usage: the latest of the root password and key uses, against root_usage_days.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_avoid_root_usage";

TEST(IamAvoidRootUsage, RecentUseFails) {
  AuditFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.password_last_used = days_before(fx.now, 40);
  root.access_keys[1].last_used_date = days_before(fx.now, 5);
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "<root_account>");
  EXPECT_EQ(f.message, "the root user was used 5 days ago (access key 2 used on " +
                              root.access_keys[1].last_used_date.text + "), within the 30-day window");
  EXPECT_EQ(f.evidence.size(), 2u);
}

TEST(IamAvoidRootUsage, OldOrNoUsePasses) {
  AuditFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.password_last_used = days_before(fx.now, 40);
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_NE(f.message.find("last used 40 days ago (password sign-in on"), std::string::npos) << f.message;

  fx.config.thresholds.root_usage_days = 60;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);

  fx.account.credential_report->rows[0].password_last_used = snapshot::make_timestamp("no_information");
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "no recorded use of the root user (password_last_used: no_information)");
}

TEST(IamAvoidRootUsage, NotEvaluatedWithoutRootRow) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "credential-report.csv was not collected");
  fx.add_row("bob");
  f = single_finding(fx, kId);
  EXPECT_EQ(f.message, "credential-report.csv has no <root_account> row");
}

}  // namespace
}  // namespace iamwarden::audit::testing
