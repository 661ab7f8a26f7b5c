// cloudtrail_multi_region_enabled: a multi-region trail that is logging.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_multi_region_enabled";

snapshot::Trail& trail(AuditFixture& fx, std::string name, bool multi_region) {
  if (!fx.account.trails) fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = name;
  t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/" + name;
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  t.multi_region = multi_region;
  return t;
}

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(CloudtrailMultiRegionEnabled, LoggingMultiRegionTrailPasses) {
  AuditFixture fx;
  trail(fx, "local", false);
  snapshot::Trail& t = trail(fx, "main", true);
  t.status_known = t.is_logging = true;
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "111122223333");
  EXPECT_EQ(f.evidence, std::vector<std::string>{"arn:aws:cloudtrail:eu-west-1:111122223333:trail/main"});
}

TEST(CloudtrailMultiRegionEnabled, FailsSayWhy) {
  AuditFixture empty;
  empty.account.trails.emplace();
  Finding f = only(empty);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "no trail in any collected region");

  AuditFixture single;
  trail(single, "local", false).status_known = true;
  f = only(single);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "no multi-region trail; single-region trail(s): local (eu-west-1)");

  AuditFixture stopped;
  trail(stopped, "main", true).status_known = true;
  f = only(stopped);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "multi-region trail(s) main are not logging (IsLogging false)");
}

TEST(CloudtrailMultiRegionEnabled, UnknownStatusOrNoDataIsNotEvaluated) {
  AuditFixture fx;
  trail(fx, "main", true);
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("cloudtrail/eu-west-1/trail-status.json"), std::string::npos) << f.message;

  AuditFixture none;
  f = only(none);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("cloudtrail/"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
