// iam_user_no_inline_policies: a user with inline policies fails, naming them.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_no_inline_policies";

TEST(IamUserNoInlinePolicies, InlinePoliciesFail) {
  AuditFixture fx;
  snapshot::User& alice = fx.add_user("alice");
  alice.inline_policies.push_back({"s3-scratch", {}});
  fx.add_user("bob").attached = {{"deploy", "arn:aws:iam::111122223333:policy/deploy"}};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[0].message, "1 inline policy: s3-scratch");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource_name, "bob");
  EXPECT_EQ(f[1].message, "no inline policy");
}

TEST(IamUserNoInlinePolicies, NotEvaluatedWithoutDump) {
  AuditFixture fx;
  fx.account.files.push_back({"authorization-details.json", snapshot::FileStatus::kFailed, "AccessDenied"});
  expect_not_evaluated(fx, kId, "authorization-details.json could not be collected: AccessDenied");
}

}  // namespace
}  // namespace iamwarden::audit::testing
