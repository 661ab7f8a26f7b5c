// iam_role_trust_not_public: "*" trust without a condition on who the caller is fails; organization,
// account and ARN conditions restrict it; sts:ExternalId and MFA do not.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_trust_not_public";

std::string star_trust(std::string_view condition = "") {
  std::string out = R"({"Version":"2012-10-17","Statement":[{"Sid":"Any","Effect":"Allow","Principal":{"AWS":"*"},)"
                    R"("Action":"sts:AssumeRole")";
  if (!condition.empty()) out += std::string(",\"Condition\":") + std::string(condition);
  return out + "}]}";
}

Status status_of(const std::string& trust) {
  AuditFixture fx;
  fx.add_role("r", trust);
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Status::kMuted : f[0].status;
}

TEST(IamRoleTrustNotPublic, StarWithoutConditionFails) {
  AuditFixture fx;
  fx.add_role("open", star_trust());
  fx.add_role("same", R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}})");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/open");
  EXPECT_EQ(f[0].resource_name, "open");
  EXPECT_NE(f[0].message.find("statement Any"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("999999999999"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].origin.file, "authorization-details.json");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:role/same");
}

TEST(IamRoleTrustNotPublic, BarePrincipalStarFails) {
  EXPECT_EQ(status_of(R"({"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:*"}})"), Status::kFail);
}

TEST(IamRoleTrustNotPublic, ExternalIdAndMfaDoNotRestrictStar) {
  AuditFixture fx;
  fx.add_role("r", star_trust(R"({"StringEquals":{"sts:ExternalId":"secret"},"Bool":{"aws:MultiFactorAuthPresent":"true"}})"));
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  ASSERT_EQ(f[0].evidence.size(), 1u);
  EXPECT_NE(f[0].evidence[0].find("sts:ExternalId"), std::string::npos) << f[0].evidence[0];
}

TEST(IamRoleTrustNotPublic, OrganizationAccountAndArnConditionsRestrictStar) {
  EXPECT_EQ(status_of(star_trust(R"({"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}})")), Status::kPass);
  EXPECT_EQ(status_of(star_trust(R"({"StringEquals":{"aws:PrincipalAccount":"111122223333"}})")), Status::kPass);
  EXPECT_EQ(status_of(star_trust(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/ci-*"}})")),
            Status::kPass);
  EXPECT_EQ(status_of(star_trust(R"({"StringEquals":{"aws:SourceAccount":"111122223333"}})")), Status::kPass);
  EXPECT_EQ(status_of(star_trust(R"({"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-abc123/r-ab12/*"}})")),
            Status::kPass);
}

TEST(IamRoleTrustNotPublic, ConditionsThatStillAdmitEveryoneFail) {
  // A wildcard account in an ARN condition, a negated account condition, or an org pattern of any org.
  EXPECT_EQ(status_of(star_trust(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/deploy"}})")), Status::kFail);
  EXPECT_EQ(status_of(star_trust(R"({"StringNotEquals":{"aws:PrincipalAccount":"444455556666"}})")), Status::kFail);
  EXPECT_EQ(status_of(star_trust(R"({"StringLike":{"aws:PrincipalOrgID":"o-*"}})")), Status::kFail);
  EXPECT_EQ(status_of(star_trust(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:*"}})")),
            Status::kFail);
}

TEST(IamRoleTrustNotPublic, DenyOnlyCountsWhenTheCallerCannotAvoidIt) {
  const std::string deny_outside_org =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},)"
      R"({"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]})";
  EXPECT_EQ(status_of(deny_outside_org), Status::kPass);
  const std::string deny_without_mfa =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},)"
      R"({"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]})";
  EXPECT_EQ(status_of(deny_without_mfa), Status::kFail);
}

TEST(IamRoleTrustNotPublic, StarForOtherActionsOrNamedAccountsPasses) {
  EXPECT_EQ(status_of(R"({"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:TagSession"}})"), Status::kPass);
  EXPECT_EQ(status_of(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":["999999999999","444455556666"]},"Action":"sts:AssumeRole"}})"),
            Status::kPass);
  EXPECT_EQ(status_of(R"({"Statement":{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}})"),
            Status::kPass);
}

TEST(IamRoleTrustNotPublic, ServiceLinkedRolesAreNotReported) {
  AuditFixture fx;
  fx.add_role("AWSServiceRoleForSupport", star_trust(), "/aws-service-role/support.amazonaws.com/");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_NE(f[0].message.find("1 of them service-linked"), std::string::npos) << f[0].message;
}

TEST(IamRoleTrustNotPublic, MissingOrInvalidInputIsNotEvaluated) {
  AuditFixture none;
  std::vector<Finding> f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_NE(f[0].message.find("authorization-details.json"), std::string::npos);

  AuditFixture bad;
  bad.add_role("broken", R"({"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}})");
  bad.add_role("empty", "{}").trust_policy.reset();
  f = bad.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/broken");
  EXPECT_NE(f[0].message.find("not valid"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kNotEvaluated);
  EXPECT_NE(f[1].message.find("no AssumeRolePolicyDocument"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
