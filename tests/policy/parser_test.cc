// Tests for the policy parser: grammar, shapes, per-kind rules, and that every error is reported.
#include "policy/parser.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace iamwarden::policy {
namespace {

ParsedPolicy parse(std::string text, PolicyKind kind = PolicyKind::kIdentity) {
  Result<JsonDocument> doc = parse_json(std::move(text), "p.json");
  EXPECT_TRUE(doc.ok());
  static std::vector<JsonDocument> keep;  // diagnostics refer to the document text
  keep.push_back(doc.take());
  return parse_policy(keep.back(), keep.back().root, "", kind);
}

std::vector<std::string> error_codes(const ParsedPolicy& p) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : p.diagnostics)
    if (d.level == DiagnosticLevel::kError) codes.push_back(d.code);
  return codes;
}

bool has_code(const ParsedPolicy& p, std::string_view code) {
  std::vector<std::string> codes = error_codes(p);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(ParserTest, SingleStatementObjectEqualsArray) {
  ParsedPolicy p = parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}})");
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p.policy.statement_array);
  ASSERT_EQ(p.policy.statements.size(), 1u);
  EXPECT_EQ(p.policy.statements[0].actions[0].value, "s3:GetObject");
  EXPECT_EQ(p.policy.version, Version::k2012_10_17);
}

TEST(ParserTest, AbsentVersionMeans2008) {
  ParsedPolicy p = parse(R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p.policy.has_version);
  EXPECT_EQ(p.policy.version, Version::k2008_10_17);
}

TEST(ParserTest, ReportsEveryErrorWithLocation) {
  ParsedPolicy p = parse("{\"Version\":\"2012-10-18\",\n\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*:Get*\",\n"
                         "\"Resource\":\"my-bucket\",\"Foo\":1}]}");
  EXPECT_EQ(error_codes(p), (std::vector<std::string>{"invalid_version", "invalid_effect", "wildcard_in_service",
                                                     "invalid_resource", "unknown_element"}));
  const Diagnostic& effect = p.diagnostics[1];
  EXPECT_EQ(effect.error.loc.line, 2u);
  EXPECT_EQ(effect.error.loc.json_pointer, "/Statement/0/Effect");
  EXPECT_EQ(p.diagnostics[4].error.loc.json_pointer, "/Statement/0/Foo");
}

TEST(ParserTest, DuplicateMembersAreRejected) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}})"),
                       "duplicate_member"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*",
      "Condition":{"StringEquals":{"aws:username":"a","AWS:UserName":"b"}}}})"), "duplicate_condition_key"));
}

TEST(ParserTest, ActionAndNotActionTogether) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}})"),
                       "action_and_notaction"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}})"),
                       "resource_and_notresource"));
}

TEST(ParserTest, ActionSyntax) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"s3:Get:Object","Resource":"*"}})"), "invalid_action"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"s*:Get","Resource":"*"}})"), "wildcard_in_service"));
  // Accepted by AWS but dead: evaluates, never matches (the linter warns).
  EXPECT_TRUE(parse(R"({"Statement":{"Effect":"Allow","Action":["s3:","s3:GetObject "],"Resource":"*"}})").ok());
}

TEST(ParserTest, IdentityKindsForbidPrincipalAndNeedResource) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}})"),
                       "principal_not_allowed"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*"}})"), "missing_resource"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*"}})", PolicyKind::kSession), "missing_resource"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Resource":"*"}})"), "missing_action"));
}

TEST(ParserTest, TrustPolicyRules) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"111111111111"},
      "Action":"sts:AssumeRole","Resource":"*"}})", PolicyKind::kTrust), "resource_not_allowed"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}})", PolicyKind::kTrust),
                       "missing_principal"));
  EXPECT_TRUE(parse(R"({"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
      "Action":"sts:AssumeRole"}})", PolicyKind::kTrust).ok());
}

TEST(ParserTest, RcpRules) {
  ParsedPolicy allow = parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111111111111"},
      "Action":"s3:*","Resource":"*"}})", PolicyKind::kRcp);
  EXPECT_TRUE(has_code(allow, "rcp_allow"));
  EXPECT_TRUE(has_code(allow, "rcp_principal"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}})",
                             PolicyKind::kRcp), "rcp_version"));
  EXPECT_TRUE(parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*",
      "Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-1"}}}})", PolicyKind::kRcp).ok());
}

TEST(ParserTest, ScpForbidsPrincipal) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}})",
                             PolicyKind::kScp), "principal_not_allowed"));
}

TEST(ParserTest, PrincipalShapes) {
  ParsedPolicy p = parse(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":["111111111111","arn:aws:iam::222222222222:root"],
      "Service":"s3.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}})", PolicyKind::kResource);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.policy.statements[0].principals.size(), 3u);
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Principal":"111111111111","Action":"*"}})",
                             PolicyKind::kResource), "invalid_principal"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Principal":{"Service":"*"},"Action":"*"}})",
                             PolicyKind::kResource), "invalid_principal"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:user/a*"},"Action":"*"}})",
                             PolicyKind::kResource), "invalid_principal"));
}

TEST(ParserTest, ConditionValuesAreTextAndTyped) {
  ParsedPolicy p = parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{
      "NumericLessThanEquals":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true},
      "ForAnyValue:StringLike":{"aws:TagKeys":["a*","b"]}}}})");
  ASSERT_TRUE(p.ok());
  const auto& c = p.policy.statements[0].conditions;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].values[0].value, "10");
  EXPECT_EQ(c[1].values[0].value, "true");
  EXPECT_EQ(c[2].op.qualifier, SetQualifier::kForAnyValue);
  EXPECT_EQ(c[2].values.size(), 2u);
}

TEST(ParserTest, BadConditionValuesAndOperators) {
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}})"),
                       "unknown_operator"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}})"),
                       "unknown_operator"));
  for (const char* bad : {R"("DateLessThan":{"aws:CurrentTime":"tomorrow"})", R"("IpAddress":{"aws:SourceIp":"1.2.3.4/40"})",
                          R"("NumericEquals":{"k":"ten"})", R"("ArnEquals":{"aws:SourceArn":"bucket"})",
                          R"("StringEquals":{"k":null})", R"("StringEquals":{"k":{"a":1}})"}) {
    std::string text = std::string(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{)") + bad + "}}}";
    ParsedPolicy p = parse(text);
    EXPECT_FALSE(p.ok()) << bad;
  }
}

TEST(ParserTest, OperatorCaseIsAcceptedWithAWarning) {
  ParsedPolicy p = parse(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringequals":{"k":"v"}}}})");
  EXPECT_TRUE(p.ok());
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "operator_case");
}

TEST(ParserTest, WrongShapes) {
  EXPECT_TRUE(has_code(parse(R"([])"), "wrong_shape"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":"x"})"), "wrong_shape"));
  EXPECT_TRUE(has_code(parse(R"({"Statement":[{"Effect":"Allow","Action":5,"Resource":"*"}]})"), "wrong_shape"));
  EXPECT_TRUE(has_code(parse(R"({"Version":"2012-10-17"})"), "missing_statement"));
}

TEST(ConditionOperatorTest, ParsesQualifiersAndIfExists) {
  auto op = parse_condition_operator("ForAllValues:StringNotLikeIfExists");
  ASSERT_TRUE(op);
  EXPECT_EQ(op->qualifier, SetQualifier::kForAllValues);
  EXPECT_EQ(op->base, BaseOp::kStringNotLike);
  EXPECT_TRUE(op->if_exists);
  EXPECT_TRUE(is_negated(op->base));
  EXPECT_EQ(positive_twin(op->base), BaseOp::kStringLike);
  EXPECT_FALSE(parse_condition_operator("IfExists"));
  EXPECT_FALSE(parse_condition_operator("ForSomeValues:StringEquals"));
}

}  // namespace
}  // namespace iamwarden::policy
