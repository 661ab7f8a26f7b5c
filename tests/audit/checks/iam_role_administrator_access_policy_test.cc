// iam_role_administrator_access_policy: AWS-managed AdministratorAccess on roles people can assume.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_administrator_access_policy";
constexpr const char* kPeople =
    R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}})";
constexpr const char* kLambda =
    R"({"Statement":{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}})";

TEST(IamRoleAdministratorAccessPolicy, AdministratorAccessOnAssumableRoleFails) {
  AuditFixture fx;
  fx.add_role("admin", kPeople).attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  fx.add_role("reader", kPeople).attached.push_back({"ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/admin");
  EXPECT_NE(f[0].message.find("arn:aws:iam::aws:policy/AdministratorAccess"), std::string::npos) << f[0].message;
  ASSERT_EQ(f[0].evidence.size(), 1u);
  EXPECT_EQ(f[0].evidence[0], "trust statement #0: AWS: arn:aws:iam::111122223333:root");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:role/reader");
}

TEST(IamRoleAdministratorAccessPolicy, MatchesByArnInAnyPartitionNotByName) {
  AuditFixture fx;
  fx.account.partition = "aws-us-gov";
  fx.add_role("gov", kPeople).attached.push_back({"AdministratorAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"});
  fx.add_role("lookalike", kPeople).attached.push_back({"AdministratorAccess", "arn:aws:iam::111122223333:policy/AdministratorAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), std::string::npos);
  EXPECT_EQ(f[1].status, Status::kPass);
}

TEST(IamRoleAdministratorAccessPolicy, ServiceAndServiceLinkedRolesAreNotReported) {
  AuditFixture fx;
  fx.add_role("lambda", kLambda).attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  fx.add_role("AWSServiceRoleForX", kPeople, "/aws-service-role/x.amazonaws.com/")
      .attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
}

TEST(IamRoleAdministratorAccessPolicy, UnreadableTrustCountsAsAssumable) {
  AuditFixture fx;
  fx.add_role("odd", "{").attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("could not be read"), std::string::npos) << f[0].message;
}

TEST(IamRoleAdministratorAccessPolicy, MissingAuthorizationDetailsIsNotEvaluated) {
  AuditFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].message, "authorization-details.json is not in the snapshot: the roles and their policies are unknown");
}

}  // namespace
}  // namespace iamwarden::audit::testing
