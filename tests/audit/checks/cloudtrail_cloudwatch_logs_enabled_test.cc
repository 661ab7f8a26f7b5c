// cloudtrail_cloudwatch_logs_enabled: CloudWatchLogsLogGroupArn per trail (the shared per-trail
// behaviour is covered in cloudtrail_log_file_validation_enabled_test).
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_cloudwatch_logs_enabled";

TEST(CloudtrailCloudwatchLogsEnabled, LogGroupDecides) {
  AuditFixture fx;
  snapshot::Trail delivered;
  delivered.name = "delivered";
  delivered.arn = "arn:aws:cloudtrail:eu-central-1:111122223333:trail/delivered";
  delivered.home_region = "eu-central-1";
  delivered.cloudwatch_logs_group_arn = "arn:aws:logs:eu-central-1:111122223333:log-group:trail:*";
  snapshot::Trail silent = delivered;
  silent.name = "silent";
  silent.arn = "arn:aws:cloudtrail:eu-central-1:111122223333:trail/silent";
  silent.cloudwatch_logs_group_arn.clear();
  fx.account.trails = std::vector<snapshot::Trail>{delivered, silent};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "events are delivered to log group arn:aws:logs:eu-central-1:111122223333:log-group:trail:*");
  EXPECT_EQ(f[0].origin.file, "cloudtrail/eu-central-1/trails.json");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].resource_name, "silent");
  EXPECT_EQ(f[1].message, "no CloudWatchLogsLogGroupArn: events are not delivered to CloudWatch Logs");

  AuditFixture none;
  std::vector<Finding> missing = none.run(kId);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
