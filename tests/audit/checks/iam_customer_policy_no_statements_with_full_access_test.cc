// The Config rule iam-policy-no-statements-with-full-access, read literally: any service wildcard.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_customer_policy_no_statements_with_full_access";

TEST(CustomerPolicyFullAccess, ServiceWildcardsFailPrefixWildcardsPass) {
  PolicyFixture fx;
  fx.add_managed("A", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Describe*","s3:*"],
      "Resource":"arn:aws:s3:::reports/*"}]})");
  fx.add_managed("B", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]})");
  fx.add_managed("C", R"({"Version":"2012-10-17","Statement":[{"Sid":"Most","Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})");
  fx.add_managed("D", R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "allows all actions of a service: s3:* (statement #0)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[2].status, Status::kFail);
  EXPECT_EQ(f[2].message, "allows all actions of a service: NotAction iam:* (statement Most)");
  EXPECT_EQ(f[3].status, Status::kPass);  // a Deny grants nothing
}

TEST(CustomerPolicyFullAccess, NoCustomerPolicyPassesAndMissingInputIsNotEvaluated) {
  PolicyFixture fx;
  fx.add_user("alice");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  PolicyFixture empty;
  f = empty.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
