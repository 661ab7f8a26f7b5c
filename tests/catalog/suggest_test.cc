// Catalog suggestions for condition keys and action patterns that match nothing.
#include <gtest/gtest.h>

#include "catalog/catalog.h"

namespace iamwarden::catalog {
namespace {

const Catalog& catalog() {
  static const Catalog instance = [] {
    Result<Catalog> loaded = load_catalog();
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().format());
    return loaded.take();
  }();
  return instance;
}

TEST(CatalogSuggest, ConditionKeys) {
  EXPECT_EQ(catalog().suggest_key("aws:MultiFactorAuthPresnt"), "aws:MultiFactorAuthPresent");
  EXPECT_EQ(catalog().suggest_key("aws:sourceipp"), "aws:SourceIp");
  EXPECT_EQ(catalog().suggest_key("s3:prefx"), "s3:prefix");
  // A key with a placeholder keeps the user's part after the slash.
  EXPECT_EQ(catalog().suggest_key("aws:PrincipalTg/team"), "aws:PrincipalTag/team");
  EXPECT_EQ(catalog().suggest_key("aws:SomethingElseEntirely"), "");
}

TEST(CatalogSuggest, PatternsThatMatchNothing) {
  EXPECT_EQ(catalog().suggest_pattern("s3:GetObjekt*"), "s3:GetObject*");
  EXPECT_EQ(catalog().suggest_pattern("s3:GetObjekt"), "s3:GetObject");
  EXPECT_EQ(catalog().suggest_pattern("s4:GetObject*"), "s3:GetObject*");
  EXPECT_EQ(catalog().suggest_pattern("ec2:TerminateInstance"), "ec2:TerminateInstances");
  EXPECT_EQ(catalog().suggest_pattern("s3:Zzzzzzzzzzzz*"), "");
  EXPECT_EQ(catalog().suggest_pattern("nocolon"), "");
}

}  // namespace
}  // namespace iamwarden::catalog
