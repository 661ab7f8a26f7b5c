// iam_role_federated_trust_restricted: web-identity and SAML trust must pin audience or subject
// (the same judgement as lint's trust_conditions).
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_federated_trust_restricted";

std::string trust(std::string_view federated, std::string_view action, std::string_view condition = "") {
  std::string out = std::string(R"({"Version":"2012-10-17","Statement":[{"Sid":"Idp","Effect":"Allow","Principal":{"Federated":")") +
                    std::string(federated) + R"("},"Action":")" + std::string(action) + "\"";
  if (!condition.empty()) out += ",\"Condition\":" + std::string(condition);
  return out + "}]}";
}

constexpr std::string_view kGithub = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
constexpr std::string_view kWeb = "sts:AssumeRoleWithWebIdentity";

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(IamRoleFederatedTrustRestricted, GithubWithOnlyAudienceFails) {
  AuditFixture fx;
  fx.add_role("deploy", trust(kGithub, kWeb, R"({"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}})"));
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:role/deploy");
  EXPECT_EQ(f.message, "statement Idp: any GitHub repository can assume this role: there is no condition on "
                       "token.actions.githubusercontent.com:sub");
}

TEST(IamRoleFederatedTrustRestricted, GithubAnyRepositoryFailsOneOwnerPasses) {
  AuditFixture a;
  a.add_role("deploy", trust(kGithub, kWeb, R"({"StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}})"));
  Finding f = only(a);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "statement Idp: \"repo:*\" lets a workflow of any GitHub repository assume the role");

  AuditFixture b;
  b.add_role("deploy", trust(kGithub, kWeb, R"({"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}})"));
  EXPECT_EQ(only(b).status, Status::kPass) << "a wildcard after the owner stays within one owner (lint warns)";

  AuditFixture c;
  c.add_role("deploy", trust(kGithub, kWeb,
                             R"({"StringNotEquals":{"token.actions.githubusercontent.com:sub":"repo:evil/x:ref:refs/heads/main"}})"));
  EXPECT_EQ(only(c).status, Status::kFail) << "a negated operator does not pin the subject";
}

TEST(IamRoleFederatedTrustRestricted, CognitoNeedsAudience) {
  AuditFixture a;
  a.add_role("app", trust("cognito-identity.amazonaws.com", kWeb,
                          R"({"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}})"));
  Finding f = only(a);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_NE(f.message.find("any Cognito identity pool"), std::string::npos) << f.message;

  AuditFixture b;
  b.add_role("app", trust("cognito-identity.amazonaws.com", kWeb,
                          R"({"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:12345678-1234-1234-1234-123456789012"}})"));
  EXPECT_EQ(only(b).status, Status::kPass);
}

TEST(IamRoleFederatedTrustRestricted, SamlNeedsAudience) {
  AuditFixture a;
  a.add_role("sso", trust("arn:aws:iam::111122223333:saml-provider/Okta", "sts:AssumeRoleWithSAML"));
  EXPECT_EQ(only(a).status, Status::kFail);

  AuditFixture b;
  b.add_role("sso", trust("arn:aws:iam::111122223333:saml-provider/Okta", "sts:AssumeRoleWithSAML",
                          R"({"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}})"));
  EXPECT_EQ(only(b).status, Status::kPass);
}

TEST(IamRoleFederatedTrustRestricted, OtherOidcNeedsAClaimAndRolesWithoutFederationAreOutOfScope) {
  AuditFixture a;
  a.add_role("google", trust("accounts.google.com", kWeb));
  EXPECT_EQ(only(a).status, Status::kFail);

  AuditFixture b;
  b.add_role("google", trust("accounts.google.com", kWeb, R"({"StringEquals":{"accounts.google.com:aud":"my-app.apps.googleusercontent.com"}})"));
  EXPECT_EQ(only(b).status, Status::kPass);

  AuditFixture c;
  c.add_role("plain", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
  Finding f = only(c);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_NE(f.message.find("roles trusted by a web-identity or SAML provider"), std::string::npos) << f.message;
}

TEST(IamRoleFederatedTrustRestricted, NotEvaluatedWithoutAuthorizationDetails) {
  AuditFixture fx;
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
