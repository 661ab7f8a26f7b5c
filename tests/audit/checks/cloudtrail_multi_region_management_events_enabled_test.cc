// multi-region-cloudtrail-enabled: a logging multi-region trail with management events, none excluded,
// matching readWriteType / includeManagementEvents.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_multi_region_management_events_enabled";

snapshot::Trail& add_trail(AuditFixture& fx, std::string name, std::string classic = "") {
  if (!fx.account.trails) fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = name;
  t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/" + name;
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  t.multi_region = t.status_known = t.is_logging = true;
  if (!classic.empty()) {
    t.has_custom_event_selectors = t.selectors_known = true;
    t.event_selectors_json = std::move(classic);
  }
  return t;
}

Status status_of(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Status::kMuted : f[0].status;
}

TEST(CloudtrailMultiRegionManagementEvents, DefaultSelectorsPass) {
  AuditFixture fx;
  add_trail(fx, "main");
  EXPECT_EQ(status_of(fx), Status::kPass);
}

TEST(CloudtrailMultiRegionManagementEvents, ExcludedSourcesFail) {
  AuditFixture fx;
  add_trail(fx, "main",
            R"([{"ReadWriteType":"All","IncludeManagementEvents":true,"ExcludeManagementEventSources":["rdsdata.amazonaws.com"]}])");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  ASSERT_EQ(f[0].evidence.size(), 1u);
  EXPECT_NE(f[0].evidence[0].find("excludes management events of rdsdata.amazonaws.com"), std::string::npos);
}

TEST(CloudtrailMultiRegionManagementEvents, ReadWriteTypeParameter) {
  AuditFixture fx;
  add_trail(fx, "main", R"([{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true}])");
  EXPECT_EQ(status_of(fx), Status::kPass);  // no readWriteType: any
  fx.config.trail_read_write_type = "ALL";
  EXPECT_EQ(status_of(fx), Status::kFail);
  fx.config.trail_read_write_type = "ReadOnly";
  EXPECT_EQ(status_of(fx), Status::kPass);
  fx.config.trail_read_write_type = "WriteOnly";
  EXPECT_EQ(status_of(fx), Status::kFail);
}

TEST(CloudtrailMultiRegionManagementEvents, DataOnlyStoppedOrSingleRegionTrailsFail) {
  AuditFixture fx;
  add_trail(fx, "data", R"([{"ReadWriteType":"All","IncludeManagementEvents":false}])");
  add_trail(fx, "stopped").is_logging = false;
  add_trail(fx, "regional").multi_region = false;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].evidence.size(), 3u);
}

TEST(CloudtrailMultiRegionManagementEvents, UnknownSelectorsOrNoDataAreNotEvaluated) {
  AuditFixture fx;
  snapshot::Trail& t = add_trail(fx, "main");
  t.has_custom_event_selectors = true;  // and event-selectors.json has nothing for it
  EXPECT_EQ(status_of(fx), Status::kNotEvaluated);
  AuditFixture nothing;
  EXPECT_EQ(status_of(nothing), Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
