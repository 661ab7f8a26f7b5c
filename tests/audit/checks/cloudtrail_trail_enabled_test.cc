// cloudtrail_trail_enabled: some trail, of any kind, is logging.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_trail_enabled";

snapshot::Trail& add_trail(AuditFixture& fx, std::string name) {
  if (!fx.account.trails) fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = name;
  t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/" + name;
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  t.status_known = true;
  return t;
}

TEST(CloudtrailTrailEnabled, ASingleRegionLoggingTrailPasses) {
  AuditFixture fx;
  add_trail(fx, "stopped");
  add_trail(fx, "regional").is_logging = true;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "1 trail(s) logging");
}

TEST(CloudtrailTrailEnabled, StoppedOrNoTrailFails) {
  AuditFixture fx;
  add_trail(fx, "stopped");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "no trail is logging (IsLogging false): stopped");
  AuditFixture none;
  none.account.trails.emplace();
  f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
}

TEST(CloudtrailTrailEnabled, UnknownStatusOrNoDataIsNotEvaluated) {
  AuditFixture fx;
  add_trail(fx, "main").status_known = false;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  AuditFixture nothing;
  f = nothing.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
