// Groups with inline policies (the group part of iam-no-inline-policy-check).
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_group_no_inline_policies";

TEST(GroupInlinePolicies, GroupWithInlinePolicyFails) {
  PolicyFixture fx;
  fx.account.iam_present = true;
  snapshot::Group& g = fx.account.iam.groups.emplace_back();
  g.name = "devs";
  g.arn = "arn:aws:iam::111122223333:group/devs";
  g.inline_policies.push_back({"s3-read", fx.document(kReadBucket)});
  snapshot::Group& ok = fx.account.iam.groups.emplace_back();
  ok.name = "ops";
  ok.arn = "arn:aws:iam::111122223333:group/ops";
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "1 inline policy: s3-read");
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(GroupInlinePolicies, NoGroupPassesMissingDumpIsNotEvaluated) {
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
