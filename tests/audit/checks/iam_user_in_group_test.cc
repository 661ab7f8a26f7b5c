// iam_user_in_group: a user in no group fails.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_in_group";

TEST(IamUserInGroup, UserWithoutGroupFails) {
  AuditFixture fx;
  fx.add_user("loner");
  fx.add_user("dev").groups = {"developers", "oncall"};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/loner");
  EXPECT_EQ(f[0].message, "member of no IAM group");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "member of developers, oncall");
}

TEST(IamUserInGroup, NotEvaluatedWithoutDump) {
  AuditFixture fx;
  fx.add_row("alice");  // the credential report does not list groups
  expect_not_evaluated(fx, kId, "authorization-details.json was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
