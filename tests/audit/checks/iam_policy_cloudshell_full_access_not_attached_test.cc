// AWSCloudShellFullAccess attached to users, groups or roles.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_cloudshell_full_access_not_attached";

TEST(CloudShellFullAccess, AttachedFailsPerEntity) {
  AuditFixture fx;
  fx.add_user("dev").attached.push_back({"AWSCloudShellFullAccess", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"});
  fx.add_user("ops").attached.push_back({"ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/dev");
}

TEST(CloudShellFullAccess, NoneAttachedPasses) {
  AuditFixture fx;
  fx.add_user("ops");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
}

TEST(CloudShellFullAccess, NotEvaluatedWithoutAuthorizationDetails) {
  AuditFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
