// cloudtrail_log_file_validation_enabled: one finding per trail; organization trails of another account name
// their owner; no trail fails; missing data is not evaluated (the per-trail runner all three use).
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_log_file_validation_enabled";

snapshot::Trail& trail(AuditFixture& fx, std::string name, std::string owner = "111122223333") {
  if (!fx.account.trails) fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = name;
  t.arn = "arn:aws:cloudtrail:eu-west-1:" + owner + ":trail/" + name;
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  return t;
}

TEST(CloudtrailLogFileValidationEnabled, OneFindingPerTrail) {
  AuditFixture fx;
  trail(fx, "good").log_file_validation = true;
  trail(fx, "bad");
  snapshot::Trail& org = trail(fx, "org", "999988887777");
  org.organization_trail = true;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "arn:aws:cloudtrail:eu-west-1:111122223333:trail/good");
  EXPECT_EQ(f[0].resource_name, "good");
  EXPECT_EQ(f[0].message, "log file validation is enabled");
  EXPECT_EQ(f[0].origin.file, "cloudtrail/eu-west-1/trails.json");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].message, "LogFileValidationEnabled is false: no digest files are delivered");
  EXPECT_EQ(f[2].status, Status::kFail);
  EXPECT_EQ(f[2].message, "LogFileValidationEnabled is false: no digest files are delivered (organization trail of account 999988887777: it is configured there)");
}

TEST(CloudtrailLogFileValidationEnabled, NoTrailFailsAndNoDataIsNotEvaluated) {
  AuditFixture empty;
  empty.account.trails.emplace();
  std::vector<Finding> f = empty.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_EQ(f[0].message, "no CloudTrail trail in any collected region, so no trail has log file validation");

  AuditFixture none;
  none.account.files.push_back({"cloudtrail/eu-west-1/trails.json", snapshot::FileStatus::kFailed, "AccessDenied"});
  f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("cloudtrail/eu-west-1/trails.json could not be collected (AccessDenied)"), std::string::npos)
      << f[0].message;
}

}  // namespace
}  // namespace iamwarden::audit::testing
