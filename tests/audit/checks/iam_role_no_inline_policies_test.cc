// Roles with inline policies, service-linked roles included (iam-no-inline-policy-check).
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_role_no_inline_policies";
constexpr const char* kTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})";

TEST(RoleInlinePolicies, EveryRoleWithAnInlinePolicyFails) {
  PolicyFixture fx;
  fx.add_role("app", kTrust).inline_policies.push_back({"s3-read", fx.document(kReadBucket)});
  fx.add_role("AWSServiceRoleForX", kTrust, "/aws-service-role/x.amazonaws.com/")
      .inline_policies.push_back({"x", fx.document(kReadBucket)});
  fx.add_role("clean", kTrust);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "1 inline policy: s3-read");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].message, "1 inline policy: x (a service-linked role: AWS manages its policies)");
  EXPECT_EQ(f[2].status, Status::kPass);
}

TEST(RoleInlinePolicies, NoRolePassesMissingDumpIsNotEvaluated) {
  PolicyFixture fx;
  fx.add_user("alice");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  PolicyFixture empty;
  f = empty.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
