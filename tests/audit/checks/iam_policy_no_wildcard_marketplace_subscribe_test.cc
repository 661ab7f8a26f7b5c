// aws-marketplace:Subscribe on every resource.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_no_wildcard_marketplace_subscribe";

TEST(MarketplaceSubscribe, WildcardFailsOthersPass) {
  PolicyFixture fx;
  fx.add_user_inline("buyer", "buy", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"aws-marketplace:*","Resource":"*"}]})");
  fx.add_user_inline("viewer", "view", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"aws-marketplace:View*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(MarketplaceSubscribe, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  EXPECT_EQ(fx.run_analysed(kId)[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
