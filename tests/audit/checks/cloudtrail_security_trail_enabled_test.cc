// cloudtrail-security-trail-enabled: one trail meeting every criterion, not each criterion somewhere.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_security_trail_enabled";

snapshot::Trail& add_trail(AuditFixture& fx, std::string name) {
  if (!fx.account.trails) fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = name;
  t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/" + name;
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  t.multi_region = t.include_global_service_events = t.log_file_validation = true;
  t.kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1";
  return t;
}

TEST(CloudtrailSecurityTrail, OneCompliantTrailSufficesLoggingIsNotAsked) {
  AuditFixture fx;
  add_trail(fx, "legacy").kms_key_id = "";
  add_trail(fx, "main");  // status not collected: the rule does not ask
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "trail main meets every criterion");
}

TEST(CloudtrailSecurityTrail, CriteriaSpreadOverTrailsFail) {
  AuditFixture fx;
  add_trail(fx, "a").include_global_service_events = false;
  add_trail(fx, "b").log_file_validation = false;
  snapshot::Trail& c = add_trail(fx, "c");
  c.has_custom_event_selectors = c.selectors_known = true;
  c.event_selectors_json = R"([{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}])";
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  ASSERT_EQ(f[0].evidence.size(), 3u);
  EXPECT_EQ(f[0].evidence[0], "a: no global service events");
  EXPECT_EQ(f[0].evidence[1], "b: no log file validation");
  EXPECT_EQ(f[0].evidence[2].rfind("c: not all read and write management events", 0), 0u) << f[0].evidence[2];
}

TEST(CloudtrailSecurityTrail, UnknownSelectorsOrNoDataAreNotEvaluated) {
  AuditFixture fx;
  add_trail(fx, "main").has_custom_event_selectors = true;
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
