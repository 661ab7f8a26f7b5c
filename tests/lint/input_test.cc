// Input shapes (CLI wrappers, JSON strings, URL-encoding), kind notes and the three report formats.
#include <gtest/gtest.h>

#include <optional>

#include "base/json.h"
#include "base/json_writer.h"
#include "catalog/catalog.h"
#include "lint/input.h"
#include "lint/linter.h"
#include "lint/report.h"
#include "test_catalog.h"

namespace iamwarden::lint {
namespace {

using testing::test_catalog;

LintResult lint(std::string text, policy::PolicyKind kind = policy::PolicyKind::kIdentity) {
  return lint_text(std::move(text), "p.json", {kind, test_catalog(), false, {}, {}});
}

constexpr std::string_view kPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]})";

std::vector<std::string> codes(const LintResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.code);
  return out;
}

constexpr std::string_view kTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
    R"("Action":"sts:AssumeRole"}]})";

// The wrapper around the document (a get-role Description, Tags) is not what IAM checks for characters.
TEST(LintInput, UnsupportedCharacterLooksOnlyAtTheDocument) {
  LintResult r = lint(std::string(R"({"Role":{"RoleName":"r","Description":"launch )") + "\xF0\x9F\x9A\x80" +
                          R"( role","Tags":[{"Key":"team","Value":"\u4e2d"}],"AssumeRolePolicyDocument":)" +
                          std::string(kTrust) + "}}",
                      policy::PolicyKind::kTrust);
  EXPECT_EQ(codes(r), std::vector<std::string>{});
}

TEST(LintInput, UnsupportedCharacterCatchesEscapes) {
  const std::string escaped =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
      R"("Resource":"arn:aws:s3:::b/\u4e2d/*"}]})";
  LintResult r = lint(escaped);
  ASSERT_EQ(codes(r), std::vector<std::string>{"unsupported_character"});
  EXPECT_EQ(r.findings[0].loc.json_pointer, "/Statement/0/Resource");
  EXPECT_EQ(r.findings[0].loc.column, escaped.find("\\u4e2d") + 1);
  EXPECT_NE(r.findings[0].message.find("U+4E2D"), std::string::npos);
  // A surrogate pair is one character; Latin-1 escapes are accepted.
  LintResult pair = lint(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
                         R"("Resource":"arn:aws:s3:::b/\ud83d\ude80/\u00e9"}]})");
  ASSERT_EQ(codes(pair), std::vector<std::string>{"unsupported_character"});
  EXPECT_NE(pair.findings[0].message.find("U+1F680"), std::string::npos);
  LintResult latin = lint(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
                          R"("Resource":"arn:aws:s3:::b/caf\u00e9/*"}]})");
  EXPECT_EQ(codes(latin), std::vector<std::string>{});
}

TEST(LintInput, AcceptsABareDocument) {
  LintResult r = lint(std::string(kPolicy));
  EXPECT_EQ(codes(r), std::vector<std::string>{"invalid_action"});
  EXPECT_EQ(r.findings[0].loc.json_pointer, "/Statement/0/Action");
  EXPECT_NE(r.findings[0].message.find("did you mean \"s3:GetObject\""), std::string::npos);
}

TEST(LintInput, UnwrapsGetPolicyVersionOutput) {
  LintResult r = lint(R"({"PolicyVersion":{"Document":)" + std::string(kPolicy) + R"(,"VersionId":"v1"}})");
  EXPECT_EQ(codes(r), std::vector<std::string>{"invalid_action"});
  EXPECT_EQ(r.findings[0].loc.json_pointer, "/PolicyVersion/Document/Statement/0/Action");
}

TEST(LintInput, UnwrapsADocumentGivenAsAJsonString) {
  LintResult r = lint("{\"Policy\": " + json_quote(kPolicy) + "}");
  EXPECT_EQ(codes(r), std::vector<std::string>{"invalid_action"});
  EXPECT_FALSE(r.notes.empty());
}

TEST(LintInput, DecodesUrlEncodedDocuments) {
  const std::string encoded =
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
      "%22Action%22%3A%22s3%3AGetObjekt%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
  LintResult bare = lint(encoded);
  EXPECT_EQ(codes(bare), std::vector<std::string>{"invalid_action"});
  LintResult wrapped = lint(R"({"PolicyVersion":{"Document":")" + encoded + R"("}})");
  EXPECT_EQ(codes(wrapped), std::vector<std::string>{"invalid_action"});
  EXPECT_EQ(url_decode("%zz"), std::nullopt);
  EXPECT_EQ(url_decode("a+b%2F"), std::optional<std::string>("a b/"));
}

TEST(LintInput, NotesAPolicyThatLooksLikeAnotherKind) {
  const std::string trust =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
      R"("Action":"sts:AssumeRole"}]})";
  LintResult as_identity = lint(trust);
  ASSERT_EQ(as_identity.notes.size(), 1u);
  EXPECT_NE(as_identity.notes[0].find("trust"), std::string::npos);
  EXPECT_TRUE(lint(trust, policy::PolicyKind::kTrust).notes.empty());
}

TEST(LintReport, JsonHasTheFindingFields) {
  std::vector<LintResult> results{lint(std::string(kPolicy))};
  Result<JsonDocument> doc = parse_json(format_json(results), "out.json");
  ASSERT_TRUE(doc.ok());
  const JsonNode* findings = doc->root.find("findings");
  ASSERT_NE(findings, nullptr);
  ASSERT_EQ(findings->items.size(), 1u);
  const JsonNode& f = findings->items[0];
  for (std::string_view field : {"file", "code", "severity", "message", "line", "column", "pointer"})
    EXPECT_NE(f.find(field), nullptr) << field;
  EXPECT_EQ(f.find("severity")->text, "WARNING");
}

TEST(LintReport, SarifHasRulesAndLocatedResults) {
  std::vector<LintResult> results{lint(std::string(kPolicy))};
  Result<JsonDocument> doc = parse_json(format_sarif(results), "out.sarif");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->root.find("version")->text, "2.1.0");
  const JsonNode& run = doc->root.find("runs")->items.at(0);
  const JsonNode* rules = run.find("tool")->find("driver")->find("rules");
  ASSERT_GT(rules->items.size(), 80u);
  EXPECT_NE(rules->items[0].find("properties")->find("security-severity"), nullptr);
  const JsonNode& result = run.find("results")->items.at(0);
  EXPECT_EQ(result.find("ruleId")->text, "invalid_action");
  const JsonNode* region = result.find("locations")->items.at(0).find("physicalLocation")->find("region");
  EXPECT_EQ(region->find("startLine")->text, "1");
}

TEST(LintReport, TextIsCompilerStyleWithACaret) {
  std::vector<LintResult> results{lint("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", "
                                       "\"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}\n}\n")};
  std::string text = format_text(results, {false, true});
  EXPECT_EQ(text.rfind("p.json:3:46: warning: action \"s3:GetObjekt\" does not exist", 0), 0u) << text;
  EXPECT_NE(text.find("[invalid_action]\n"), std::string::npos);
  EXPECT_NE(text.find("\n  " + std::string(45, ' ') + "^\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace iamwarden::lint
