// Privilege-escalation paths: every action of a path granted on every resource.
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_no_privilege_escalation";

TEST(PrivilegeEscalation, SingleActionAndCombinedPaths) {
  PolicyFixture fx;
  fx.add_managed("Versions", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]})");
  fx.add_managed("PassAndRun", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"}]})");
  fx.add_managed("RunOnly", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]})");
  fx.add_managed("SelfKeys", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::*:user/${aws:username}"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:policy/PassAndRun");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].evidence, std::vector<std::string>{"ec2-001 Launches an EC2 instance with a passed instance profile (on every resource, unconditionally)"});
  EXPECT_EQ(f[1].status, Status::kPass);  // RunOnly
  EXPECT_EQ(f[2].status, Status::kPass);  // SelfKeys: own user only
  EXPECT_EQ(f[3].status, Status::kFail);  // Versions
  EXPECT_EQ(f[3].message, "1 privilege-escalation path(s): iam-001 Creates a new default version of a customer-managed policy attached to the source");
}

// Methods that need an existing resource or a trust policy admitting the holder are the graph's
// (`iamwarden paths`) to decide, not a policy's.
TEST(PrivilegeEscalation, MethodsThatNeedTheAccountAreLeftToPaths) {
  PolicyFixture fx;
  fx.add_managed("CodeOnly", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:UpdateFunctionCode","Resource":"*"}]})");
  fx.add_managed("WriteAndAssume", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PutRolePolicy","sts:AssumeRole"],"Resource":"*"}]})");
  fx.add_managed("RewriteTrust", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:UpdateAssumeRolePolicy","Resource":"*"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kPass);  // CodeOnly: needs a function running as a role
  EXPECT_EQ(f[1].status, Status::kFail);  // RewriteTrust: iam-012 reaches any role, no trust needed
  EXPECT_NE(f[1].message.find("iam-012"), std::string::npos) << f[1].message;
  // WriteAndAssume: iam-017 (write a role, then assume it) needs the trust and is left to paths, but
  // a role holding it can write its own policy (iam-005).
  EXPECT_EQ(f[2].status, Status::kFail);
  EXPECT_EQ(f[2].message, "1 privilege-escalation path(s): iam-005 Writes an inline policy into the source role");
}

TEST(PrivilegeEscalation, NotEvaluatedWithoutCatalog) {
  PolicyFixture fx;
  fx.add_managed("Versions", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]})");
  EXPECT_EQ(fx.run(kId)[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
