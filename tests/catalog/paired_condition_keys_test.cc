// data/paired-condition-keys.json: the embedded copy loads, and malformed data is refused with its location.
#include "catalog/paired_condition_keys.h"

#include <gtest/gtest.h>

namespace iamwarden::catalog {
namespace {

TEST(PairedConditionKeys, EmbeddedDataLoads) {
  Result<std::vector<PairedConditionKey>> pairs = load_paired_condition_keys();
  ASSERT_TRUE(pairs.ok()) << pairs.error().message;
  ASSERT_FALSE(pairs->empty());
  bool source_arn = false;
  for (const PairedConditionKey& p : *pairs) {
    EXPECT_FALSE(p.recommended.empty()) << p.key;
    if (p.key == "aws:SourceArn") {
      source_arn = true;
      EXPECT_EQ(p.when, PairCondition::kArnWithoutAccount);
      EXPECT_EQ(p.recommended.front(), "aws:SourceAccount");
    }
  }
  EXPECT_TRUE(source_arn);
}

TEST(PairedConditionKeys, MalformedDataNamesThePointer) {
  Result<std::vector<PairedConditionKey>> unknown = paired_condition_keys_from_json(
      R"({"format":1,"pairs":[{"key":"a:b","recommended":["a:c"],"why":"w","colour":"red"}]})", "f.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().loc.json_pointer, "/pairs/0");
  EXPECT_NE(unknown.error().message.find("colour"), std::string::npos);

  Result<std::vector<PairedConditionKey>> bad_when = paired_condition_keys_from_json(
      R"({"format":1,"pairs":[{"key":"a:b","when":"sometimes","recommended":["a:c"],"why":"w"}]})", "f.json");
  ASSERT_FALSE(bad_when.ok());
  EXPECT_EQ(bad_when.error().loc.json_pointer, "/pairs/0/when");

  Result<std::vector<PairedConditionKey>> no_partner = paired_condition_keys_from_json(
      R"({"format":1,"pairs":[{"key":"a:b","recommended":[],"why":"w"}]})", "f.json");
  EXPECT_FALSE(no_partner.ok());
  EXPECT_FALSE(paired_condition_keys_from_json(R"({"format":2,"pairs":[]})", "f.json").ok());
}

}  // namespace
}  // namespace iamwarden::catalog
