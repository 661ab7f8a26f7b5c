// iam-policy-blacklisted-check: listed policy ARNs attached to users, groups or any role.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_listed_policies_not_attached";
constexpr const char* kAdminArn = "arn:aws:iam::aws:policy/AdministratorAccess";

TEST(ListedPolicies, GroupsAndServiceRolesCount) {
  PolicyFixture fx;
  fx.add_role("build", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]})")
      .attached.push_back({"AdministratorAccess", kAdminArn});
  snapshot::Group& g = fx.account.iam.groups.emplace_back();
  g.name = "admins";
  g.arn = "arn:aws:iam::111122223333:group/admins";
  g.attached.push_back({"AdministratorAccess", kAdminArn});
  fx.add_user("alice").groups.push_back("admins");  // through the group: the group fails, not alice
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:group/admins");
  EXPECT_EQ(f[0].message, "group admins has arn:aws:iam::aws:policy/AdministratorAccess attached");
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:role/build");
  EXPECT_EQ(f[1].status, Status::kFail);
}

TEST(ListedPolicies, ParameterListAndExactArns) {
  PolicyFixture fx;
  fx.add_user("bob").attached.push_back({"ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"});
  fx.add_user("carol").attached.push_back({"AdministratorAccess", "arn:aws:iam::111122223333:policy/AdministratorAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);  // a customer policy named AdministratorAccess is another ARN
  fx.config.blocked_policy_arns = {"arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/X"};
  f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource_name, "bob");
}

TEST(ListedPolicies, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
