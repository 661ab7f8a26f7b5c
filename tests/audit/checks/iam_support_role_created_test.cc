// iam_support_role_created: AWSSupportAccess attached to at least one role.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_support_role_created";
constexpr const char* kTrust =
    R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}})";

TEST(IamSupportRoleCreated, RoleWithSupportAccessPasses) {
  AuditFixture fx;
  fx.add_role("support", kTrust).attached.push_back({"AWSSupportAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"});
  fx.add_role("other", kTrust);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_EQ(f[0].evidence, std::vector<std::string>{"arn:aws:iam::111122223333:role/support"});
}

TEST(IamSupportRoleCreated, NoRoleOrOnlyAUserFails) {
  AuditFixture fx;
  fx.add_role("other", kTrust);
  fx.add_user("alice").attached.push_back({"AWSSupportAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "no role has arn:aws:iam::aws:policy/AWSSupportAccess attached");
}

TEST(IamSupportRoleCreated, UsageTypeAnyAcceptsAUserOrAGroupWithMembers) {
  AuditFixture fx;
  fx.config.support_policy_usage_type = "ANY";
  snapshot::Group& g = fx.account.iam.groups.emplace_back();
  g.name = "support";
  g.arn = "arn:aws:iam::111122223333:group/support";
  g.attached.push_back({"AWSSupportAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"});
  fx.add_user("bob");  // not a member: the group does not count
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "no user, group with members or role has arn:aws:iam::aws:policy/AWSSupportAccess attached");
  fx.account.iam.users[0].groups.push_back("support");
  f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].evidence, std::vector<std::string>{"arn:aws:iam::111122223333:group/support"});
}

TEST(IamSupportRoleCreated, MissingAuthorizationDetailsIsNotEvaluated) {
  AuditFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("authorization-details.json"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
