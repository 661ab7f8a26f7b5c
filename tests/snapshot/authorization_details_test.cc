// The authorization-details loader: variants (pages, encoded documents) and located errors.
#include <gtest/gtest.h>

#include "snapshot/authorization_details.h"
#include "snapshot/policy_document.h"

namespace iamwarden::snapshot {
namespace {

Result<AuthorizationDetails> parse(std::string_view text) {
  AuthorizationDetails out;
  Result<void> r = parse_authorization_details(text, "gaad.json", out);
  if (!r) return r.error();
  return out;
}

TEST(AuthorizationDetails, ArrayOfPagesIsMerged) {
  Result<AuthorizationDetails> d = parse(R"([
    {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::111122223333:user/a"}], "IsTruncated": true, "Marker": "m"},
    {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r", "RoleLastUsed": {}}]}
  ])");
  ASSERT_TRUE(d.ok()) << d.error().format();
  EXPECT_EQ(d->users.size(), 1u);
  ASSERT_EQ(d->roles.size(), 1u);
  EXPECT_TRUE(d->roles[0].last_used_known);
  EXPECT_FALSE(d->roles[0].last_used.present());
}

TEST(AuthorizationDetails, DocumentsKeepTheirLocation) {
  Result<AuthorizationDetails> d = parse("{\"RoleDetailList\": [{\"Arn\": \"arn:aws:iam::1:role/r\",\n"
                                         "  \"AssumeRolePolicyDocument\": {\"Statement\": []}}]}");
  ASSERT_TRUE(d.ok()) << d.error().format();
  const PolicyDocument& doc = *d->roles[0].trust_policy;
  EXPECT_EQ(doc.text, "{\"Statement\": []}");
  EXPECT_EQ(doc.origin.line, 2u);
  EXPECT_EQ(doc.origin.column, 31u);
  EXPECT_EQ(doc.origin.pointer, "/RoleDetailList/0/AssumeRolePolicyDocument");
}

TEST(AuthorizationDetails, UrlEncodedDocumentsAreDecoded) {
  EXPECT_EQ(decode_policy_string("%7B%22a%22%3A1%7D"), "{\"a\":1}");
  EXPECT_EQ(decode_policy_string("{\"a\":\"%41\"}"), "{\"a\":\"%41\"}");  // already JSON: untouched
  EXPECT_EQ(percent_decode("a+b%2"), std::nullopt);
  EXPECT_EQ(*percent_decode("a+b"), "a+b");
}

TEST(AuthorizationDetails, WrongShapeNamesThePointer) {
  Result<AuthorizationDetails> d = parse(R"({"UserDetailList": [{"UserName": 5, "Arn": "x"}]})");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().loc.json_pointer, "/UserDetailList/0/UserName");
  EXPECT_EQ(d.error().loc.file, "gaad.json");
  EXPECT_EQ(d.error().loc.line, 1u);
  d = parse(R"({"RoleDetailList": {}})");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().loc.json_pointer, "/RoleDetailList");
  d = parse(R"({"Users": []})");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("UserDetailList"), std::string::npos);
  d = parse("42");
  ASSERT_FALSE(d.ok());
}

TEST(AuthorizationDetails, TruncatedFileIsALocatedError) {
  std::string text = R"({"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::1:user/a", "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [)";
  Result<AuthorizationDetails> d = parse(text);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().loc.file, "gaad.json");
  EXPECT_GT(d.error().loc.line, 0u);
  d = parse(R"({"UserDetailList": [] } trailing)");
  ASSERT_FALSE(d.ok());
}

TEST(AuthorizationDetails, PolicyDocumentErrorsPointIntoTheFile) {
  Result<AuthorizationDetails> d = parse("{\"UserDetailList\": [{\"Arn\": \"arn:aws:iam::1:user/a\",\n"
                                         " \"UserPolicyList\": [{\"PolicyName\": \"p\",\n"
                                         "   \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Perhaps\", \"Action\": \"*\", \"Resource\": \"*\"}]}}]}]}");
  ASSERT_TRUE(d.ok()) << d.error().format();
  policy::ParsedPolicy parsed = parse_document(d->users[0].inline_policies[0].document, policy::PolicyKind::kIdentity);
  ASSERT_FALSE(parsed.ok());
  const Error& e = parsed.diagnostics[0].error;
  EXPECT_EQ(e.loc.file, "gaad.json");
  EXPECT_EQ(e.loc.line, 3u);
  EXPECT_EQ(e.loc.json_pointer.rfind("/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/0", 0), 0u)
      << e.loc.json_pointer;
}

}  // namespace
}  // namespace iamwarden::snapshot
