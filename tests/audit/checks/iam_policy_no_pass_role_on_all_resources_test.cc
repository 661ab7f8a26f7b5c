// iam:PassRole on every role.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_no_pass_role_on_all_resources";

TEST(PassRoleAll, StarFailsScopedPasses) {
  PolicyFixture fx;
  fx.add_managed("PassAny", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Pass*","Resource":"*"}]})");
  fx.add_managed("PassOne", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole",
      "Resource":"arn:aws:iam::111122223333:role/task","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]})");
  fx.add_managed("PassAnyToEcs", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",
      "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "allows iam:PassRole on every resource, unconditionally");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_NE(f[1].message.find("iam:PassedToService"), std::string::npos);
  EXPECT_EQ(f[2].status, Status::kPass);
}

TEST(PassRoleAll, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  EXPECT_EQ(fx.run_analysed(kId)[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
