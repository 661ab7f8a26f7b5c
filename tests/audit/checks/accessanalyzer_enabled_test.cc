// accessanalyzer_enabled: per collected region, an ACTIVE ACCOUNT or ORGANIZATION analyzer.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "accessanalyzer_enabled";

void analyzer(AuditFixture& fx, std::string region, std::string name, std::string type, std::string status) {
  fx.account.analyzers->push_back({region, "arn:aws:access-analyzer:" + region + ":111122223333:analyzer/" + name,
                                   name, type, status});
}

TEST(AccessanalyzerEnabled, PerRegionVerdicts) {
  AuditFixture fx;
  fx.account.analyzers.emplace();
  fx.account.analyzer_regions = {"ap-south-1", "eu-west-1", "us-east-1", "us-west-2"};
  analyzer(fx, "eu-west-1", "unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE");
  analyzer(fx, "eu-west-1", "external", "ACCOUNT", "ACTIVE");
  analyzer(fx, "us-east-1", "unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE");
  analyzer(fx, "us-west-2", "org", "ORGANIZATION", "DISABLED");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].resource, "ap-south-1");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "no analyzer");
  EXPECT_EQ(f[1].resource, "eu-west-1");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "analyzer external (ACCOUNT) is ACTIVE");
  EXPECT_EQ(f[1].origin.file, "access-analyzers/eu-west-1.json");
  EXPECT_EQ(f[2].status, Status::kFail);
  EXPECT_NE(f[2].message.find("unused (ACCOUNT_UNUSED_ACCESS, ACTIVE)"), std::string::npos) << f[2].message;
  EXPECT_EQ(f[3].status, Status::kFail);
  EXPECT_NE(f[3].message.find("org (ORGANIZATION, DISABLED)"), std::string::npos) << f[3].message;
}

TEST(AccessanalyzerEnabled, FailedRegionIsNotEvaluated) {
  AuditFixture fx;
  fx.account.analyzers.emplace();
  fx.account.analyzer_regions = {"eu-west-1"};
  analyzer(fx, "eu-west-1", "external", "ORGANIZATION", "ACTIVE");
  fx.account.files.push_back({"access-analyzers/eu-west-1.json", snapshot::FileStatus::kLoaded, ""});
  fx.account.files.push_back({"access-analyzers/me-south-1.json", snapshot::FileStatus::kFailed, "UnrecognizedClientException"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "me-south-1");
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("UnrecognizedClientException"), std::string::npos);
  EXPECT_EQ(f[1].resource, "eu-west-1");
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(AccessanalyzerEnabled, MemberAccountFailureMentionsTheOrganizationAnalyzer) {
  AuditFixture fx;
  fx.account.analyzers.emplace();
  fx.account.analyzer_regions = {"eu-west-1"};
  fx.account.organization.present = true;
  fx.account.organization.id = "o-abc123";
  fx.account.organization.management_account_id = "999988887777";
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("delegated administrator account of o-abc123"), std::string::npos) << f[0].message;
}

TEST(AccessanalyzerEnabled, NoDataIsNotEvaluated) {
  AuditFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_NE(f[0].message.find("access-analyzers/"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing

namespace iamwarden::audit::testing {
namespace {

// A region the collector covered (manifest.json) but whose analyzers are not in the snapshot is
// never passed by default.
TEST(AccessanalyzerEnabled, ManifestRegionWithoutFileIsNotEvaluated) {
  AuditFixture fx;
  fx.account.manifest.regions = {"eu-west-1", "us-east-1"};
  fx.account.analyzers.emplace();
  fx.account.analyzer_regions = {"eu-west-1"};
  analyzer(fx, "eu-west-1", "a", "ACCOUNT", "ACTIVE");
  std::vector<Finding> f = fx.run("accessanalyzer_enabled");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "us-east-1");
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].message, "manifest.json lists the region but access-analyzers/us-east-1.json is not in the snapshot");
  EXPECT_EQ(f[1].resource, "eu-west-1");
  EXPECT_EQ(f[1].status, Status::kPass);
}

}  // namespace
}  // namespace iamwarden::audit::testing
