// iam_user_two_active_access_keys: both keys active fails; one active (or inactive second) passes.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_two_active_access_keys";

TEST(IamUserTwoActiveAccessKeys, BothActiveFails) {
  AuditFixture fx;
  snapshot::CredentialReportRow& two = fx.add_row("two");
  for (size_t i = 0; i < 2; ++i) {
    two.access_keys[i].active = true;
    two.access_keys[i].last_rotated = days_before(fx.now, 10 + 100 * static_cast<int64_t>(i));
  }
  two.access_keys[0].last_used_date = days_before(fx.now, 1);
  snapshot::CredentialReportRow& one = fx.add_row("one");
  one.access_keys[0].active = true;
  one.access_keys[1].last_rotated = days_before(fx.now, 300);  // inactive second key
  fx.add_row("none");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/two");
  EXPECT_EQ(f[0].message,
            "two active access keys: access key 1 (last rotated 10 days ago, last used 1 day ago); access key 2 "
            "(last rotated 110 days ago, never used)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "one active access key");
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_EQ(f[2].message, "no active access key");
}

TEST(IamUserTwoActiveAccessKeys, NotEvaluatedWithoutReport) {
  AuditFixture fx;
  fx.account.files.push_back({"credential-report.csv", snapshot::FileStatus::kNotFound, "ReportNotPresent"});
  expect_not_evaluated(fx, kId,
                       "credential-report.csv was not collected (AWS answered that it does not exist: "
                       "ReportNotPresent)");
}

}  // namespace
}  // namespace iamwarden::audit::testing
