// cloudtrail_management_events_read_write: classic and advanced selectors, defaults and gaps.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_management_events_read_write";

snapshot::Trail& logging_trail(AuditFixture& fx, std::string classic = "", std::string advanced = "") {
  fx.account.trails.emplace();
  snapshot::Trail& t = fx.account.trails->emplace_back();
  t.name = "main";
  t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
  t.home_region = "eu-west-1";
  t.seen_in_regions = {"eu-west-1"};
  t.multi_region = t.status_known = t.is_logging = true;
  if (!classic.empty() || !advanced.empty()) {
    t.has_custom_event_selectors = t.selectors_known = true;
    t.event_selectors_json = std::move(classic);
    t.advanced_event_selectors_json = std::move(advanced);
  }
  return t;
}

Status status_of(std::string classic, std::string advanced = "") {
  AuditFixture fx;
  logging_trail(fx, std::move(classic), std::move(advanced));
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Status::kMuted : f[0].status;
}

TEST(CloudtrailManagementEventsReadWrite, DefaultSelectorsRecordEverything) {
  AuditFixture fx;
  logging_trail(fx);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_EQ(f[0].evidence, std::vector<std::string>{"arn:aws:cloudtrail:eu-west-1:111122223333:trail/main: no custom "
                                                    "event selectors: all management events are recorded"});
}

TEST(CloudtrailManagementEventsReadWrite, ClassicSelectors) {
  EXPECT_EQ(status_of(R"([{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[]}])"), Status::kPass);
  EXPECT_EQ(status_of(R"([{"ReadWriteType":"ReadOnly"},{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}])"),
            Status::kPass);
  EXPECT_EQ(status_of(R"([{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}])"), Status::kFail);
  EXPECT_EQ(status_of(R"([{"ReadWriteType":"All","IncludeManagementEvents":false}])"), Status::kFail);
  EXPECT_EQ(status_of(R"([{"ReadWriteType":"All","IncludeManagementEvents":true,"ExcludeManagementEventSources":["kms.amazonaws.com"]}])"),
            Status::kFail);
}

TEST(CloudtrailManagementEventsReadWrite, AdvancedSelectors) {
  EXPECT_EQ(status_of("", R"([{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}])"), Status::kPass);
  EXPECT_EQ(status_of("", R"([{"Name":"reads","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["true"]}]},)"
                          R"({"Name":"writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}])"),
            Status::kPass);
  EXPECT_EQ(status_of("", R"([{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}])"),
            Status::kFail);
  EXPECT_EQ(status_of("", R"([{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"eventSource","NotEquals":["kms.amazonaws.com"]}]}])"),
            Status::kFail);
  EXPECT_EQ(status_of("", R"([{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}])"),
            Status::kFail);
}

TEST(CloudtrailManagementEventsReadWrite, FailureNamesTheGap) {
  AuditFixture fx;
  logging_trail(fx, R"([{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}])");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("main records only write events"), std::string::npos) << f[0].message;

  AuditFixture stopped;
  logging_trail(stopped).is_logging = false;
  f = stopped.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "no multi-region trail is logging");
}

TEST(CloudtrailManagementEventsReadWrite, UncollectedDataIsNotEvaluated) {
  AuditFixture selectors;
  snapshot::Trail& t = logging_trail(selectors);
  t.has_custom_event_selectors = true;
  std::vector<Finding> f = selectors.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  ASSERT_EQ(f[0].evidence.size(), 1u);
  EXPECT_NE(f[0].evidence[0].find("cloudtrail/eu-west-1/event-selectors.json"), std::string::npos) << f[0].evidence[0];

  AuditFixture status;
  logging_trail(status).status_known = false;
  f = status.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);

  AuditFixture none;
  f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
