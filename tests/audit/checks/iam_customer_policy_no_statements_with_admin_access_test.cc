// The Config rule iam-policy-no-statements-with-admin-access, read literally.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_customer_policy_no_statements_with_admin_access";

TEST(CustomerPolicyLiteralAdmin, AllowStarOnStarFailsEvenWithADeny) {
  PolicyFixture fx;
  fx.add_managed("AlmostAdmin", R"({"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":["s3:GetObject","*"],
      "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]})");
  fx.add_managed("Unused", kAdminPolicy, /*attached=*/false);
  fx.add_managed("ServiceWide", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]})");
  fx.add_managed("NotActionAll", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:policy/AlmostAdmin");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "allows \"*\" on \"*\" in statement All");
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:policy/NotActionAll");
  EXPECT_EQ(f[1].status, Status::kPass);  // not "Action": "*" (the engine-based check fails it)
  EXPECT_EQ(f[2].resource, "arn:aws:iam::111122223333:policy/ServiceWide");
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_EQ(f[3].resource, "arn:aws:iam::111122223333:policy/Unused");
  EXPECT_EQ(f[3].status, Status::kFail);  // attached or not
}

TEST(CustomerPolicyLiteralAdmin, InlineAndAwsManagedAreOutOfScope) {
  PolicyFixture fx;
  fx.add_user_inline("alice", "admin", kAdminPolicy);
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "no customer-managed policies in authorization-details.json");
}

TEST(CustomerPolicyLiteralAdmin, BoundariesAreSkippedOnlyWhenExcluded) {
  PolicyFixture fx;
  fx.add_managed("Boundary", kAdminPolicy, false).boundary_usage_count = 2;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  fx.config.exclude_permission_boundary_policies = true;
  f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "no customer-managed policies other than permissions boundaries in authorization-details.json");
}

TEST(CustomerPolicyLiteralAdmin, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
