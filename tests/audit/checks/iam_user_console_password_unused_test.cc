// iam_user_console_password_unused: last use older than the limit fails; a never-used password is
// aged from password_last_changed, else from user_creation_time.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_console_password_unused";

TEST(IamUserConsolePasswordUnused, OldLastUseFails) {
  AuditFixture fx;
  snapshot::CredentialReportRow& stale = fx.add_row("stale");
  stale.password_enabled = true;
  stale.password_last_used = days_before(fx.now, 45);  // "unused for 45 days or more"
  snapshot::CredentialReportRow& active = fx.add_row("active");
  active.password_enabled = true;
  active.password_last_used = days_before(fx.now, 44);
  fx.add_row("keys-only");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/stale");
  EXPECT_EQ(f[0].message, "console password last used 45 days ago (limit 45)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "console password last used 44 days ago (limit 45)");
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_EQ(f[2].message, "no console password");
}

TEST(IamUserConsolePasswordUnused, NeverUsedIsAgedFromWhenItWasSet) {
  AuditFixture fx;
  snapshot::CredentialReportRow& old = fx.add_row("old");
  old.password_enabled = true;
  old.password_last_used = snapshot::make_timestamp("no_information");
  old.password_last_changed = days_before(fx.now, 120);
  snapshot::CredentialReportRow& fresh = fx.add_row("fresh");
  fresh.password_enabled = true;
  fresh.user_creation_time = days_before(fx.now, 3);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "console password never used; set 120 days ago (limit 45)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "console password never used; user created 3 days ago (limit 45)");
}

TEST(IamUserConsolePasswordUnused, NotEvaluated) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "credential-report.csv was not collected");

  snapshot::CredentialReportRow& odd = fx.add_row("odd");
  odd.password_enabled = true;
  odd.user_creation_time = snapshot::make_timestamp("N/A");
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("neither password_last_changed"), std::string::npos) << f.message;
}

}  // namespace
}  // namespace iamwarden::audit::testing
