// CIS 2.14 / 1.16 as audited: attached managed policies, AWS-managed included, read literally.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_attached_policy_no_statements_with_admin_access";

TEST(AttachedPolicyLiteralAdmin, AttachedAwsManagedAdministratorAccessFails) {
  PolicyFixture fx;
  snapshot::ManagedPolicy& admin = fx.add_managed("AdministratorAccess", kAdminPolicy);
  admin.arn = "arn:aws:iam::aws:policy/AdministratorAccess";
  admin.attachment_count = 0;  // attachment known from the role below
  fx.add_role("ops", R"({"Version":"2012-10-17","Statement":[]})")
      .attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  snapshot::ManagedPolicy& unused = fx.add_managed("PowerUserAccess", kAdminPolicy);
  unused.arn = "arn:aws:iam::aws:policy/PowerUserAccess";
  unused.attachment_count = 0;  // attached to nothing: out of scope
  fx.add_managed("Reports", kReadBucket);
  fx.add_managed("UnattachedAdmin", kAdminPolicy, /*attached=*/false);  // out of scope (--only-attached)
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:policy/Reports");
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::aws:policy/AdministratorAccess");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].message, "this AWS-managed policy is attached and allows \"*\" on \"*\" in statement #0");
}

TEST(AttachedPolicyLiteralAdmin, NothingAttachedPasses) {
  PolicyFixture fx;
  fx.add_managed("UnattachedAdmin", kAdminPolicy, false);
  fx.add_user_inline("alice", "admin", kAdminPolicy);  // inline: not in CIS's audit
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "no attached managed policies in authorization-details.json");
}

TEST(AttachedPolicyLiteralAdmin, NotEvaluatedWithoutAuthorizationDetails) {
  PolicyFixture fx;
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
