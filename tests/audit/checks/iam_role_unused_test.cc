// iam_role_unused: RoleLastUsed older than the limit, or never used and older than the limit.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_unused";
constexpr const char* kTrust =
    R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}})";

snapshot::Role& role(AuditFixture& fx, std::string name, int64_t created_days_ago, int64_t used_days_ago) {
  snapshot::Role& r = fx.add_role(std::move(name), kTrust);
  r.create_date = days_before(fx.now, created_days_ago);
  r.last_used_known = true;
  if (used_days_ago >= 0) {
    r.last_used = days_before(fx.now, used_days_ago);
    r.last_used_region = "eu-west-1";
  }
  return r;
}

TEST(IamRoleUnused, LastUseAgainstTheLimit) {
  AuditFixture fx;
  role(fx, "stale", 400, 100);
  role(fx, "recent", 400, 10);
  role(fx, "edge", 400, 90);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/stale");
  EXPECT_NE(f[0].message.find("last used 100 days ago"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("in eu-west-1"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("limit 90 days"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[2].status, Status::kPass);  // exactly the limit is not older than it
}

TEST(IamRoleUnused, NeverUsedRolesAreJudgedByAge) {
  AuditFixture fx;
  role(fx, "old", 200, -1);
  role(fx, "young", 30, -1);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("created 200 days ago"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:role/young");
}

TEST(IamRoleUnused, ThresholdComesFromTheConfiguration) {
  AuditFixture fx;
  fx.config.thresholds.role_unused_days = 200;
  role(fx, "r", 400, 100);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_NE(f[0].message.find("limit 200 days"), std::string::npos);
}

TEST(IamRoleUnused, UnknownLastUseIsNotEvaluatedAndServiceLinkedRolesAreSkipped) {
  AuditFixture fx;
  role(fx, "old-export", 400, 100).last_used_known = false;
  role(fx, "AWSServiceRoleForSupport", 900, -1).path = "/aws-service-role/support.amazonaws.com/";
  role(fx, "bad-date", 400, -1).create_date = snapshot::make_timestamp("yesterday");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/old-export");
  EXPECT_NE(f[0].message.find("no RoleLastUsed"), std::string::npos);
  EXPECT_EQ(f[1].status, Status::kNotEvaluated);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:role/bad-date");
}

TEST(IamRoleUnused, MissingAuthorizationDetailsIsOneAccountLevelFinding) {
  std::vector<Finding> f = AuditFixture().run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
