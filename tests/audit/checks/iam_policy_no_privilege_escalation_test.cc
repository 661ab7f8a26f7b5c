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
  EXPECT_EQ(f[0].evidence, std::vector<std::string>{"pass a role to a new EC2 instance (on every resource, unconditionally)"});
  EXPECT_EQ(f[1].status, Status::kPass);  // RunOnly
  EXPECT_EQ(f[2].status, Status::kPass);  // SelfKeys: own user only
  EXPECT_EQ(f[3].status, Status::kFail);  // Versions
  EXPECT_EQ(f[3].message, "1 privilege-escalation path(s): create a new version of a managed policy");
}

TEST(PrivilegeEscalation, NotEvaluatedWithoutCatalog) {
  PolicyFixture fx;
  fx.add_managed("Versions", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]})");
  EXPECT_EQ(fx.run(kId)[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
