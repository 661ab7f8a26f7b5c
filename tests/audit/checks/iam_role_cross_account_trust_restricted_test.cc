// iam_role_cross_account_trust_restricted: other-account principals must need sts:ExternalId or MFA.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_cross_account_trust_restricted";

std::string trust(std::string_view principal, std::string_view condition = "") {
  std::string out = std::string(R"({"Version":"2012-10-17","Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":)") +
                    std::string(principal) + R"(,"Action":"sts:AssumeRole")";
  if (!condition.empty()) out += ",\"Condition\":" + std::string(condition);
  return out + "}]}";
}

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(IamRoleCrossAccountTrustRestricted, OtherAccountWithoutExternalIdFails) {
  AuditFixture fx;
  fx.add_role("vendor", trust(R"({"AWS":"arn:aws:iam::444455556666:root"})"));
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:role/vendor");
  EXPECT_NE(f.message.find("444455556666"), std::string::npos) << f.message;
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_NE(f.evidence[0].find("statement Vendor"), std::string::npos) << f.evidence[0];
}

TEST(IamRoleCrossAccountTrustRestricted, ExternalIdOrMfaPasses) {
  AuditFixture a;
  a.add_role("vendor", trust(R"({"AWS":"444455556666"})", R"({"StringEquals":{"sts:ExternalId":"Unique-123"}})"));
  Finding f = only(a);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_NE(f.message.find("444455556666"), std::string::npos) << f.message;

  AuditFixture b;
  b.add_role("people", trust(R"({"AWS":"arn:aws:iam::444455556666:role/admins"})",
                             R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})"));
  EXPECT_EQ(only(b).status, Status::kPass);
}

TEST(IamRoleCrossAccountTrustRestricted, IfExistsMfaAndOtherConditionsDoNotCount) {
  AuditFixture a;
  a.add_role("r", trust(R"({"AWS":"arn:aws:iam::444455556666:root"})",
                        R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}})"));
  EXPECT_EQ(only(a).status, Status::kFail);

  AuditFixture b;
  b.add_role("r", trust(R"({"AWS":"arn:aws:iam::444455556666:root"})",
                        R"({"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}})"));
  EXPECT_EQ(only(b).status, Status::kFail);
}

TEST(IamRoleCrossAccountTrustRestricted, NamesOnlyTheUnrestrictedAccounts) {
  AuditFixture fx;
  fx.add_role("mixed",
              R"({"Version":"2012-10-17","Statement":[)"
              R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole",)"
              R"("Condition":{"StringEquals":{"sts:ExternalId":"x"}}},)"
              R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:user/ops"},"Action":"sts:AssumeRole"}]})");
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_NE(f.message.find("777788889999"), std::string::npos) << f.message;
  EXPECT_EQ(f.message.find("444455556666"), std::string::npos) << f.message;
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_NE(f.evidence[0].find("arn:aws:iam::777788889999:user/ops"), std::string::npos);
}

TEST(IamRoleCrossAccountTrustRestricted, SameAccountStarServiceAndFederatedAreIgnored) {
  AuditFixture fx;
  fx.add_role("own", trust(R"({"AWS":"arn:aws:iam::111122223333:root"})"));
  fx.add_role("star", trust(R"("*")"));
  fx.add_role("svc", trust(R"({"Service":"lambda.amazonaws.com"})"));
  fx.add_role("saml", R"({"Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRoleWithSAML"}})");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 4u);
  for (const Finding& x : f) {
    EXPECT_EQ(x.status, Status::kPass) << x.resource;
    EXPECT_NE(x.message.find("names no principal of another account"), std::string::npos) << x.message;
  }
}

TEST(IamRoleCrossAccountTrustRestricted, ServiceLinkedRolesAreNotReported) {
  AuditFixture fx;
  fx.add_role("AWSServiceRoleForX", trust(R"({"AWS":"arn:aws:iam::444455556666:root"})"), "/aws-service-role/x.amazonaws.com/");
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "111122223333");
}

TEST(IamRoleCrossAccountTrustRestricted, MissingInputIsNotEvaluated) {
  AuditFixture none;
  Finding f = only(none);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("authorization-details.json"), std::string::npos);

  AuditFixture no_id;
  no_id.add_role("r", trust(R"({"AWS":"arn:aws:iam::444455556666:root"})"));
  no_id.account.account_id.clear();
  f = only(no_id);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("account id is unknown"), std::string::npos);

  AuditFixture bad;
  bad.add_role("bad", "not json");
  f = only(bad);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:role/bad");
}

}  // namespace
}  // namespace iamwarden::audit::testing
