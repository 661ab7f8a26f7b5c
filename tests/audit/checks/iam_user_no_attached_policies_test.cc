// iam_user_no_attached_policies: managed policies attached to a user fail, listed by name.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_no_attached_policies";

TEST(IamUserNoAttachedPolicies, AttachedPoliciesFail) {
  AuditFixture fx;
  snapshot::User& alice = fx.add_user("alice");
  alice.attached = {{"ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                    {"deploy", "arn:aws:iam::111122223333:policy/deploy"}};
  alice.origin.file = "authorization-details.json";
  fx.add_user("bob").groups = {"devs"};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[0].resource_name, "alice");
  EXPECT_EQ(f[0].origin.file, "authorization-details.json");
  EXPECT_EQ(f[0].message, "2 managed policies attached directly: ReadOnlyAccess, deploy");
  EXPECT_EQ(f[0].evidence, (std::vector<std::string>{"arn:aws:iam::aws:policy/ReadOnlyAccess",
                                                     "arn:aws:iam::111122223333:policy/deploy"}));
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "no managed policy attached directly");
}

TEST(IamUserNoAttachedPolicies, NoUsersOrNoDump) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "authorization-details.json was not collected");

  fx.account.iam_present = true;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.message, "authorization-details.json lists no IAM user");
}

}  // namespace
}  // namespace iamwarden::audit::testing
