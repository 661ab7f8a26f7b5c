// Attached customer-managed policies granting full administrator access, decided by the engine.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_customer_attached_policy_no_administrative_privileges";

TEST(CustomerAttachedAdmin, AdminPolicyFailsLeastPrivilegePasses) {
  PolicyFixture fx;
  fx.add_managed("FullAdmin", kAdminPolicy);
  fx.add_managed("ReadReports", kReadBucket);
  fx.add_managed("Unused", kAdminPolicy, /*attached=*/false);  // the unattached check's business
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:policy/FullAdmin");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "grants every action on every resource, unconditionally: full administrator access");
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(CustomerAttachedAdmin, DenyAndNotActionAreHonoured) {
  PolicyFixture fx;
  // Allow * minus a Deny on iam: not an administrator.
  fx.add_managed("AlmostAdmin", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"iam:*","Resource":"*"}]})");
  // NotAction naming nothing real still grants everything.
  fx.add_managed("NotActionAdmin", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"nosuchservice:*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[1].status, Status::kFail);
}

TEST(CustomerAttachedAdmin, ConditionalAdminIsReportedAsConditional) {
  PolicyFixture fx;
  fx.add_managed("AdminWithMfa", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
      "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("when its conditions hold (aws:MultiFactorAuthPresent)"), std::string::npos) << f[0].message;
}

TEST(CustomerAttachedAdmin, NotEvaluatedWithoutAuthorizationDetailsOrCatalog) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("authorization-details.json"), std::string::npos);

  PolicyFixture no_catalog;
  no_catalog.add_managed("FullAdmin", kAdminPolicy);
  f = no_catalog.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

TEST(CustomerAttachedAdmin, UnparsableDocumentIsNotEvaluated) {
  PolicyFixture fx;
  fx.add_managed("Broken", R"({"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("does not parse"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
