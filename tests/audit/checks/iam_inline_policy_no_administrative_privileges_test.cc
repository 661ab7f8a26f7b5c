// Inline policies granting full administrator access; service-linked roles are AWS's business.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_inline_policy_no_administrative_privileges";

TEST(InlineAdmin, InlineAdminOnUserFails) {
  PolicyFixture fx;
  fx.add_user_inline("oscar", "emergency-admin", kAdminPolicy);
  fx.add_user_inline("alice", "reports", kReadBucket);
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice#reports");
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:user/oscar#emergency-admin");
  EXPECT_EQ(f[1].resource_name, "user oscar / emergency-admin");
  EXPECT_EQ(f[1].status, Status::kFail);
}

TEST(InlineAdmin, ServiceLinkedRolesAreNotReported) {
  PolicyFixture fx;
  snapshot::Role& r = fx.add_role("AWSServiceRoleForSupport",
                                  R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"support.amazonaws.com"},"Action":"sts:AssumeRole"}]})",
                                  "/aws-service-role/support.amazonaws.com/");
  r.inline_policies.push_back({"policy", fx.document(kAdminPolicy)});
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);  // nothing in scope: one account-level PASS
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "no inline policies in authorization-details.json");
}

TEST(InlineAdmin, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
