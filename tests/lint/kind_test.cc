// Kind detection without --type (issue 13): documents in the shapes they have in the wild are linted
// as what they are, the decision is said, a wrong guess never makes an ERROR, and guardrail kinds
// (SCP, RCP, permissions boundary) get no grant-oriented findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "lint/config.h"
#include "lint/linter.h"
#include "catalog/risk_categories.h"
#include "lint/report.h"
#include "lint/rule.h"
#include "test_catalog.h"

namespace iamwarden::lint {
namespace {

using policy::PolicyKind;
using testing::test_catalog;

LintResult decide(std::string text) { return lint_text(std::move(text), "p.json", {std::nullopt, test_catalog(), false, {}, {}}); }

std::vector<std::string> codes(const LintResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.code);
  return out;
}

bool has_error(const LintResult& r) {
  for (const Finding& f : r.findings)
    if (f.severity == Severity::kError) return true;
  return false;
}

struct Shape {
  const char* name;
  const char* text;
  PolicyKind kind;
  const char* why;  // a part of the reason
};

// Written as AWS documents and consoles show them (S3, KMS default key policy, SQS/SNS policies,
// trust policies for a service, a SAML provider and GitHub OIDC, RCPs from the AWS examples).
const Shape kShapes[] = {
    {"bucket",
     R"({"Version":"2012-10-17","Statement":[{"Sid":"AllowCloudFrontServicePrincipal","Effect":"Allow",)"
     R"("Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*",)"
     R"("Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}}}]})",
     PolicyKind::kResource, "name a Principal"},
    {"key",
     R"({"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",)"
     R"("Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]})",
     PolicyKind::kResource, "name a Principal"},
    {"queue",
     R"({"Version":"2012-10-17","Id":"Queue1_Policy_UUID","Statement":[{"Sid":"Queue1_SendMessage","Effect":"Allow",)"
     R"("Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:queue1",)"
     R"("Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:111122223333:topic1"}}}]})",
     PolicyKind::kResource, "name a Principal"},
    {"topic",
     R"({"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow",)"
     R"("Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:Subscribe","SNS:Publish"],)"
     R"("Resource":"arn:aws:sns:us-east-2:111122223333:topic1","Condition":{"StringEquals":{"AWS:SourceOwner":"111122223333"}}}]})",
     PolicyKind::kResource, "name a Principal"},
    {"trust service",
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},)"
     R"("Action":"sts:AssumeRole"}]})",
     PolicyKind::kTrust, "sts:AssumeRole"},
    {"trust saml",
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/ExampleOrg"},)"
     R"("Action":["sts:AssumeRoleWithSAML","sts:TagSession"],"Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]})",
     PolicyKind::kTrust, "sts:AssumeRole"},
    {"trust oidc",
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},)"
     R"("Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},)"
     R"("StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}}]})",
     PolicyKind::kTrust, "sts:AssumeRole"},
    {"rcp bare",
     R"({"Version":"2012-10-17","Statement":[{"Sid":"EnforceSecureTransport","Effect":"Deny","Principal":"*",)"
     R"("Action":["sts:*","s3:*","sqs:*","secretsmanager:*","kms:*"],"Resource":"*",)"
     R"("Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]})",
     PolicyKind::kResource, "name a Principal"},
    {"scp describe-policy",
     R"({"Policy":{"PolicySummary":{"Id":"p-FullAWSAccess","Name":"FullAWSAccess","Type":"SERVICE_CONTROL_POLICY","AwsManaged":true},)"
     R"("Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}})",
     PolicyKind::kScp, "SERVICE_CONTROL_POLICY"},
    {"rcp describe-policy",
     R"({"Policy":{"PolicySummary":{"Id":"p-abc","Name":"secure-transport","Type":"RESOURCE_CONTROL_POLICY","AwsManaged":false},)"
     R"("Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",)"
     R"(\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}]}"}})",
     PolicyKind::kRcp, "RESOURCE_CONTROL_POLICY"},
    {"scp cloudformation",
     R"({"Type":"AWS::Organizations::Policy","Properties":{"Name":"deny-leave","Type":"SERVICE_CONTROL_POLICY",)"
     R"("Content":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}}})",
     PolicyKind::kScp, "SERVICE_CONTROL_POLICY"},
    {"queue cloudformation",
     R"({"Type":"AWS::SQS::QueuePolicy","Properties":{"Queues":["q"],"PolicyDocument":{"Version":"2012-10-17","Statement":[)"
     R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/r"},"Action":"sqs:SendMessage","Resource":"*"}]}}})",
     PolicyKind::kResource, "AWS::SQS::QueuePolicy"},
    {"managed cloudformation",
     R"({"Type":"AWS::IAM::ManagedPolicy","Properties":{"PolicyDocument":{"Version":"2012-10-17","Statement":[)"
     R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}}})",
     PolicyKind::kIdentity, "AWS::IAM::ManagedPolicy"},
    {"get-role",
     R"({"Role":{"RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r","AssumeRolePolicyDocument":)"
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},)"
     R"("Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}}})",
     PolicyKind::kTrust, "AssumeRolePolicyDocument"},
    {"get-bucket-policy",
     R"({"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",)"
     R"(\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"})",
     PolicyKind::kResource, "name a Principal"},
    {"identity",
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]})",
     PolicyKind::kIdentity, "no statement names a Principal"},
};

TEST(LintKind, DecidedFromTheDocumentAndSaid) {
  for (const Shape& shape : kShapes) {
    SCOPED_TRACE(shape.name);
    LintResult r = decide(shape.text);
    EXPECT_EQ(r.kind, shape.kind) << policy::policy_kind_name(r.kind);
    EXPECT_FALSE(r.kind_given);
    EXPECT_NE(r.kind_why.find(shape.why), std::string::npos) << r.kind_why;
    EXPECT_FALSE(has_error(r)) << ::testing::PrintToString(codes(r));
    EXPECT_TRUE(r.input_error == std::nullopt);
  }
}

TEST(LintKind, TheFullAwsAccessScpRaisesNothing) {
  // With a blocking default of SECURITY_WARNING, a finding here would fail every organisation's CI.
  EXPECT_TRUE(codes(decide(kShapes[8].text)).empty()) << ::testing::PrintToString(codes(decide(kShapes[8].text)));
  const std::string allow_all = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
  for (PolicyKind guardrail : {PolicyKind::kScp, PolicyKind::kBoundary}) {
    LintResult r = lint_text(allow_all, "p.json", {guardrail, test_catalog(), false, {}, {}});
    EXPECT_TRUE(codes(r).empty()) << policy::policy_kind_name(guardrail) << ::testing::PrintToString(codes(r));
  }
  // "Allow everything but ..." is how a ceiling lists what it withholds.
  const std::string allow_but = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]})";
  for (PolicyKind guardrail : {PolicyKind::kScp, PolicyKind::kBoundary}) {
    LintResult r = lint_text(allow_but, "p.json", {guardrail, test_catalog(), false, {}, {}});
    EXPECT_TRUE(codes(r).empty()) << policy::policy_kind_name(guardrail) << ::testing::PrintToString(codes(r));
  }
  // The near miss: the same document as an identity policy grants everything.
  LintResult identity = lint_text(allow_all, "p.json", {PolicyKind::kIdentity, test_catalog(), false, {}, {}});
  std::vector<std::string> c = codes(identity);
  EXPECT_NE(std::find(c.begin(), c.end(), "full_admin_access"), c.end());
  EXPECT_NE(std::find(c.begin(), c.end(), "pass_role_with_star_in_action_and_resource"), c.end());
}

TEST(LintKind, MixedEvidenceIsLintedAsTheKindThatErrsLeast) {
  LintResult r = decide(R"({"Version":"2012-10-17","Statement":[)"
                        R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},)"
                        R"({"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]})");
  EXPECT_EQ(r.kind, PolicyKind::kResource);
  EXPECT_TRUE(r.kind_mixed);
  EXPECT_EQ(codes(r), std::vector<std::string>{"missing_principal_in_mixed_policy"});
  EXPECT_FALSE(has_error(r));
  // Given --type resource, the statement without Principal is the error AWS would raise.
  LintResult given = lint_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]})",
                               "p.json", {PolicyKind::kResource, test_catalog(), false, {}, {}});
  EXPECT_EQ(codes(given), std::vector<std::string>{"missing_principal"});
}

TEST(LintKind, AGivenTypeWinsAndAContradictionIsNoted) {
  LintResult r = lint_text(kShapes[4].text, "p.json", {PolicyKind::kIdentity, test_catalog(), false, {}, {}});
  EXPECT_TRUE(r.kind_given);
  EXPECT_EQ(r.kind, PolicyKind::kIdentity);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("this looks like a role trust policy"), std::string::npos) << r.notes[0];
}

TEST(LintKind, ReportsSayTheKind) {
  std::vector<LintResult> results{decide(kShapes[0].text)};
  results[0].file = "bucket.json";
  EXPECT_NE(format_json(results).find(R"({"file":"bucket.json","kind":"resource","kindGiven":false,"kindReason":"its statements name a Principal","findings":)"),
            std::string::npos)
      << format_json(results);
  EXPECT_NE(format_sarif(results).find(R"("properties":{"policyKind":"resource","policyKindGiven":false,)"), std::string::npos);
  LintResult mixed = decide(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",)"
                            R"("Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]})");
  mixed.file = "m.json";
  std::vector<LintResult> one{mixed};
  EXPECT_NE(format_text(one, {false, false}).find("m.json: note: linted as a resource policy: some statements name a Principal and some do not (give --type to choose)\n"),
            std::string::npos)
      << format_text(one, {false, false});
}

TEST(LintPrincipals, CanonicalUsersAndCloudFrontIdentitiesHaveFixedShapes) {
  auto principal_codes = [](std::string principal) {
    return codes(lint_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":)" + principal +
                               R"(,"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]})",
                           "p.json", {PolicyKind::kResource, test_catalog(), false, {}, {}}));
  };
  const std::vector<std::string> none;
  const std::vector<std::string> bad{"invalid_principal_format"};
  EXPECT_EQ(principal_codes(R"({"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})"), none);
  EXPECT_EQ(principal_codes(R"({"CanonicalUser":"79A59DF900B949E5"})"), bad);
  EXPECT_EQ(principal_codes(R"({"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE1ABCD"})"), none);
  EXPECT_EQ(principal_codes(R"({"AWS":"arn:aws:iam::cloudfront:user/CloudFront OAI E2EXAMPLE1ABCD"})"), bad);
}

TEST(LintRiskCategories, EveryCategoryOfTheDataIsALintCode) {
  Result<catalog::RiskCategories> loaded = catalog::load_risk_categories();
  ASSERT_TRUE(loaded.ok());
  for (const catalog::RiskCategory& c : loaded->all()) EXPECT_NE(find_lint_code(c.id), nullptr) << c.id;
}

TEST(LintConfig, IgnoresNeedAReasonAndExpire) {
  Result<LintConfig> c = parse_lint_config(R"(
profile = "default"
[thresholds]
role_unused_days = 30
[lint]
ignore = [
  {code = "pass_role_*", path = "policies/ci/*", reason = "CI passes its own roles", expires = 2027-01-31},
  {code = "*", path = "legacy/*.json", reason = "being replaced", expires = "2026-01-01"},
]
)",
                                           "iamwarden.toml");
  ASSERT_TRUE(c) << c.error().format();
  ASSERT_EQ(c->ignore.size(), 2u);
  EXPECT_EQ(c->ignore[0].terms.expires_text, "2027-01-31");

  auto result = [](std::string file, std::string code) {
    LintResult r;
    r.file = std::move(file);
    r.findings.push_back(Finding{});
    r.findings.back().code = std::move(code);
    return r;
  };
  std::vector<LintResult> results{result("policies/ci/deploy.json", "pass_role_with_star_in_resource"),
                                  result("policies/app.json", "pass_role_with_star_in_resource"),
                                  result("legacy/old.json", "full_admin_access")};
  const int64_t now = 1796601600;  // 2026-12-07
  IgnoreOutcome outcome = apply_ignores(*c, results, now);
  EXPECT_EQ(outcome.ignored, 1u);
  EXPECT_TRUE(results[0].findings.empty());
  EXPECT_EQ(results[1].findings.size(), 1u);  // another path
  EXPECT_EQ(results[2].findings.size(), 1u);  // expired
  ASSERT_EQ(outcome.expired.size(), 1u);
  EXPECT_EQ(outcome.expired[0], "the ignore of * for legacy/*.json expired on 2026-01-01; its findings are reported again");

  Result<LintConfig> no_reason = parse_lint_config("[lint]\nignore = [{code = \"x\"}]\n", "iamwarden.toml");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().format().find("iamwarden.toml:2:"), 0u) << no_reason.error().format();
  EXPECT_NE(no_reason.error().message.find("a lint ignore needs a \"reason\""), std::string::npos);
  Result<LintConfig> typo = parse_lint_config("[lint]\nignores = []\n", "iamwarden.toml");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("unknown key \"ignores\" in [lint]"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::lint
