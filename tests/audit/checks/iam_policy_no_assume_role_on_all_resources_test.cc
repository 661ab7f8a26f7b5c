// sts:AssumeRole on every role.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_no_assume_role_on_all_resources";

TEST(AssumeRoleAll, StarFailsNamedRolePassesDenyCancels) {
  PolicyFixture fx;
  fx.add_managed("AssumeAny", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]})");
  fx.add_managed("AssumeDeploy", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/deploy"}]})");
  fx.add_managed("Cancelled", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"},
      {"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[2].status, Status::kPass);
}

TEST(AssumeRoleAll, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  EXPECT_EQ(fx.run_analysed(kId)[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
