// Key-ID prefixes, shape checks and the offline account decoding, with the published test vectors.
#include "secrets/key_id.h"

#include <gtest/gtest.h>

namespace iamwarden::secrets {
namespace {

// Test vectors from the design notes (published samples); not live credentials.
TEST(KeyId, DecodesNewFormatAccounts) {
  EXPECT_EQ(decode_account("ASIAY34FZKBOKMUTVV7A"), 609629065308u);  // iamwarden:allow
  EXPECT_EQ(decode_account("ASIAQNZGKIQY56JQ7WML"), 29608264753u);   // iamwarden:allow
  EXPECT_EQ(decode_account("AKIAQWADE5R42RDZ4JEM"), 47251254393u);   // iamwarden:allow
  EXPECT_EQ(decode_account("AKIA6RVFFB77RE7OLMKI"), 999999999999u);  // iamwarden:allow
  EXPECT_EQ(format_account(29608264753u), "029608264753");
}

TEST(KeyId, OldFormatHasNoAccount) {
  EXPECT_FALSE(decode_account("AKIAIOSFODNN7EXAMPLE").has_value());
  EXPECT_FALSE(decode_account("AKIAJOSFODNN7ABCDEFG").has_value());
}

TEST(KeyId, RejectsBadShapes) {
  EXPECT_EQ(inspect_key_id("AKIAGIREOGIAWSKEY123").shape, KeyShape::kInvalid);  // 1 is not base32
  EXPECT_EQ(inspect_key_id("AKIAFBJ48BV9CGRBRKGM").shape, KeyShape::kInvalid);
  EXPECT_EQ(inspect_key_id("AKIAQWADE5R42RDZ4JE").shape, KeyShape::kInvalid);  // 19 characters
  EXPECT_EQ(inspect_key_id("AXYZQWADE5R42RDZ4JEM").shape, KeyShape::kInvalid); // unknown prefix
}

TEST(KeyId, ClassifiesPlaceholdersAndExamples) {
  EXPECT_EQ(inspect_key_id("AKIAXXXXXXXXXXXXXXXX").shape, KeyShape::kPlaceholder);
  EXPECT_EQ(inspect_key_id("AKIATESTTESTTESTTEST").shape, KeyShape::kPlaceholder);
  EXPECT_EQ(inspect_key_id("AKIAYOURACCESSKEYHER").shape, KeyShape::kPlaceholder);
  EXPECT_EQ(inspect_key_id("AKIAABCDEFGHIJKLMNOP").shape, KeyShape::kPlaceholder);
  EXPECT_EQ(inspect_key_id("AKIAREPLACEWITHYOURK").shape, KeyShape::kPlaceholder);
  EXPECT_EQ(inspect_key_id("AKIAIOSFODNN7EXAMPLE").shape, KeyShape::kExample);
  EXPECT_EQ(inspect_key_id("AKIAI44QH8DHBEXAMPLE").shape, KeyShape::kExample);
  KeyIdInfo real = inspect_key_id("AKIAQWADE5R42RDZ4JEM");  // iamwarden:allow
  EXPECT_EQ(real.shape, KeyShape::kReal);
  EXPECT_EQ(real.kind, KeyKind::kLongTermKey);
  EXPECT_EQ(real.account, 47251254393u);
}

TEST(KeyId, PlaceholderWordInsideRandomBodyIsReal) {
  // "FAKE" inside an otherwise random body is chance, not a template.
  EXPECT_EQ(inspect_key_id("AKIAQWFAKEZR42RDZ4JE").shape, KeyShape::kReal);  // iamwarden:allow
}

TEST(KeyId, NamesEveryPrefix) {
  EXPECT_EQ(key_kind_of("ASIA"), KeyKind::kTemporaryKey);
  EXPECT_EQ(key_kind_of("AROA"), KeyKind::kRoleId);
  EXPECT_EQ(key_kind_of("A3TX"), KeyKind::kLegacyA3T);
  EXPECT_FALSE(key_kind_of("AXXA").has_value());
  EXPECT_TRUE(is_credential(KeyKind::kBearerToken));
  EXPECT_FALSE(is_credential(KeyKind::kUserId));
  EXPECT_EQ(key_kind_name(KeyKind::kLongTermKey), "long-term access key");
}

TEST(KeyId, EncodeIsTheInverseOfDecode) {
  for (uint64_t account : {0ull, 1ull, 47251254393ull, 999999999999ull}) {
    std::string id = encode_key_id("AKIA", account, 0x123456789ull);
    EXPECT_EQ(id.size(), kKeyIdLength);
    EXPECT_EQ(decode_account(id), account) << id;
  }
}

}  // namespace
}  // namespace iamwarden::secrets
