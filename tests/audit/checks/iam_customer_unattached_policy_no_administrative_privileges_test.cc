// Unattached customer-managed policies that would grant full administrator access.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_customer_unattached_policy_no_administrative_privileges";

TEST(CustomerUnattachedAdmin, OnlyUnattachedPoliciesAreJudged) {
  PolicyFixture fx;
  fx.add_managed("OldAdmin", kAdminPolicy, false);
  fx.add_managed("OldReader", kReadBucket, false);
  fx.add_managed("AttachedAdmin", kAdminPolicy, true);
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:policy/OldAdmin");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:policy/OldReader");
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(CustomerUnattachedAdmin, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
