// The 21-character unique IDs of IAM entities: kinds, shapes and the account decoded like a key ID's.
#include <gtest/gtest.h>

#include "secrets/key_id.h"

namespace iamwarden::secrets {
namespace {

// Real IDs from the public GAAD samples (identifiers, not secrets). The IAMSpy fixture's user
// PermissionBoundaryBlock has ARN arn:aws:iam::391638756970:user/... and this UserId:
TEST(UniqueId, DecodesTheAccountOfAUserIdWhoseArnIsKnown) {
  EXPECT_EQ(decode_account("AIDAVWL35FZVHZV533DSN"), 391638756970u);  // iamwarden:allow
  KeyIdInfo info = inspect_key_id("AIDAVWL35FZVHZV533DSN");            // iamwarden:allow
  EXPECT_EQ(info.kind, KeyKind::kUserId);
  EXPECT_EQ(info.shape, KeyShape::kReal);
  EXPECT_EQ(info.account, 391638756970u);
}

TEST(UniqueId, EntitiesOfOneAccountDecodeToIt) {
  // The same fixture's customer-managed policy; a user and a group of one cloudmapper GAAD.
  EXPECT_EQ(decode_account("ANPAVWL35FZVMLTEEJSKU"), 391638756970u);  // iamwarden:allow
  EXPECT_EQ(decode_account("AIDAS2OTVRSQISETXJGWF"), 194254310560u);  // iamwarden:allow
  EXPECT_EQ(decode_account("AGPAS2OTVRSQPU55LUWSO"), 194254310560u);  // iamwarden:allow
  EXPECT_EQ(inspect_key_id("AGPAS2OTVRSQPU55LUWSO").kind, KeyKind::kGroupId);  // iamwarden:allow
}

TEST(UniqueId, OldFormatIdsHaveNoAccount) {
  // AWS-managed policies and older roles: I/J after the prefix means the generation bit is 0.
  EXPECT_FALSE(decode_account("ANPAI3R4QMOG6Q5A4VWVG").has_value());
  EXPECT_FALSE(decode_account("AROAIBATWWYQXZTTALNCE").has_value());
  KeyIdInfo info = inspect_key_id("AROAIBATWWYQXZTTALNCE");
  EXPECT_EQ(info.kind, KeyKind::kRoleId);
  EXPECT_EQ(info.shape, KeyShape::kReal);
  EXPECT_FALSE(info.account.has_value());
}

TEST(UniqueId, CredentialsAreNeverTwentyOneCharacters) {
  EXPECT_EQ(inspect_key_id("AKIAQWADE5R42RDZ4JEMA").shape, KeyShape::kInvalid);
  EXPECT_FALSE(decode_account("AKIAQWADE5R42RDZ4JEMA").has_value());
  EXPECT_EQ(inspect_key_id("AIDAVWL35FZVHZV533DSNA").shape, KeyShape::kInvalid);  // 22 characters
}

TEST(UniqueId, ExamplesAndPlaceholders) {
  EXPECT_EQ(inspect_key_id("AIDACKCEVSQ6C2EXAMPLE").shape, KeyShape::kExample);
  EXPECT_EQ(inspect_key_id("AROAAAAAAAAAAAAAAAAAA").shape, KeyShape::kPlaceholder);
}

}  // namespace
}  // namespace iamwarden::secrets
