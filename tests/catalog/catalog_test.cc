// The embedded action catalog: loading, lookups, pattern expansion, condition keys and suggestions.
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <string>

#include <algorithm>

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

TEST(Catalog, LoadsAllServicesAndActions) {
  EXPECT_GT(catalog().services().size(), 400u);
  EXPECT_GT(catalog().actions().size(), 20000u);
  EXPECT_GT(catalog().global_keys().size(), 50u);
}

TEST(Catalog, FindsActionsIgnoringCase) {
  const Action* a = catalog().find_action("S3:getobject");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(catalog().full_name(*a), "s3:GetObject");
  EXPECT_EQ(a->level, AccessLevel::kRead);
  EXPECT_EQ(catalog().find_action("s3:GetObjekt"), nullptr);
  EXPECT_EQ(catalog().find_action("nosuchservice:GetObject"), nullptr);
  const Action* attach = catalog().find_action("iam:AttachRolePolicy");
  ASSERT_NE(attach, nullptr);
  EXPECT_EQ(attach->level, AccessLevel::kPermissionsManagement);
}

TEST(Catalog, ActionResourceTypesCarryArnTemplates) {
  const Action* a = catalog().find_action("s3:GetObject");
  ASSERT_NE(a, nullptr);
  const Service& s3 = catalog().service_of(*a);
  bool object = false;
  for (const ResourceRef& r : a->resources)
    object = object || s3.resources[r.index].arn_template == "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
  EXPECT_TRUE(object);
}

TEST(Catalog, ExpandsPatterns) {
  std::vector<uint32_t> all;
  catalog().expand("*", all);
  EXPECT_EQ(all.size(), catalog().actions().size());

  std::vector<uint32_t> gets;
  catalog().expand("s3:Get*", gets);
  EXPECT_GT(gets.size(), 30u);
  for (uint32_t i : gets) EXPECT_EQ(catalog().actions()[i].name.rfind("Get", 0), 0u);

  std::vector<uint32_t> one;
  catalog().expand("s3:get?bject", one);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(catalog().full_name(catalog().actions()[one[0]]), "s3:GetObject");

  std::vector<uint32_t> none;
  catalog().expand("s3:Nothing*", none);
  catalog().expand("not-an-action", none);
  EXPECT_TRUE(none.empty());
}

TEST(Catalog, ExpandsNotActionAsComplement) {
  std::vector<std::string_view> iam = {"iam:*"};
  std::vector<uint32_t> rest = catalog().expand_not(iam);
  std::vector<uint32_t> in_iam = catalog().expand_all(iam);
  EXPECT_EQ(rest.size() + in_iam.size(), catalog().actions().size());
  const Action* pass = catalog().find_action("iam:PassRole");
  ASSERT_NE(pass, nullptr);
  EXPECT_FALSE(std::binary_search(rest.begin(), rest.end(), catalog().index_of(*pass)));
}

TEST(Catalog, FindsConditionKeysWithPlaceholders) {
  const ConditionKey* tag = catalog().find_global_key("aws:PrincipalTag/team");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->type.type, KeyType::kString);
  const ConditionKey* ip = catalog().find_key("AWS:SOURCEIP");
  ASSERT_NE(ip, nullptr);
  EXPECT_EQ(ip->type.type, KeyType::kIpAddress);
  const ConditionKey* tag_keys = catalog().find_key("aws:TagKeys");
  ASSERT_NE(tag_keys, nullptr);
  EXPECT_TRUE(tag_keys->type.multivalued);
  EXPECT_NE(catalog().find_service_key("s3:ExistingObjectTag/owner"), nullptr);
  EXPECT_NE(catalog().find_service_key("accounts.google.com:aud"), nullptr);
  EXPECT_EQ(catalog().find_key("aws:NoSuchKey"), nullptr);
  EXPECT_EQ(catalog().find_key("s3:NoSuchKey"), nullptr);
  const Action* get = catalog().find_action("s3:GetObject");
  EXPECT_TRUE(catalog().action_supports_key(*get, "s3:ExistingObjectTag/owner"));
  EXPECT_FALSE(catalog().action_supports_key(*get, "s3:prefix"));
}

TEST(Catalog, KeyTemplatesMatchNonEmptyText) {
  EXPECT_TRUE(key_name_matches("aws:RequestTag/${TagKey}", "aws:requesttag/Team"));
  EXPECT_FALSE(key_name_matches("aws:RequestTag/${TagKey}", "aws:RequestTag/"));
  EXPECT_TRUE(key_name_matches("a.${Domain}.b:c", "a.x.y.b:c"));
}

TEST(Catalog, SuggestsCloseNames) {
  EXPECT_EQ(catalog().suggest_action("s3:GetObjekt"), "s3:GetObject");
  EXPECT_EQ(catalog().suggest_service("s4"), "s3");
  EXPECT_EQ(catalog().suggest_action("s3:CompletelyDifferentThing"), "");
}

TEST(Catalog, ParsesAccessLevelsAndKeyTypes) {
  EXPECT_EQ(parse_access_level("permissions-management"), AccessLevel::kPermissionsManagement);
  EXPECT_EQ(parse_access_level("TAGGING"), AccessLevel::kTagging);
  EXPECT_FALSE(parse_access_level("Delete").has_value());
  std::optional<KeyTypeInfo> t = parse_key_type("ArrayOfARN");
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->multivalued);
  EXPECT_EQ(t->type, KeyType::kArn);
  EXPECT_EQ(key_type_name(*t), "ArrayOfARN");
}

TEST(Catalog, RejectsMalformedData) {
  EXPECT_FALSE(Catalog::from_json("{").ok());
  EXPECT_FALSE(Catalog::from_json(R"({"format":2})").ok());
  EXPECT_FALSE(Catalog::from_json(R"({"format":1,"global_keys":[],"services":[{"prefix":"x"}]})").ok());
  Result<Catalog> tiny = Catalog::from_json(
      R"({"format":1,"global_keys":[["aws:SourceIp","IPAddress"]],"services":[{"prefix":"x","name":"X",)"
      R"("keys":[["x:k","String"]],"resources":[["thing","arn:${Partition}:x:::thing/${Name}",[0]]],)"
      R"("actions":[["Do","W",[1],[0]],["Alpha","R",[],[]]]}]})");
  ASSERT_TRUE(tiny.ok()) << tiny.error().format();
  EXPECT_EQ(tiny->actions().front().name, "Alpha");  // sorted within the service
  EXPECT_NE(tiny->find_action("x:do"), nullptr);
  EXPECT_FALSE(Catalog::from_json(
                   R"({"format":1,"global_keys":[],"services":[{"prefix":"x","name":"X","keys":[],"resources":[],)"
                   R"("actions":[["Do","W",[7],[]]]}]})")
                   .ok());
}

TEST(Catalog, MalformedDataNamesFileAndPointer) {
  Result<Catalog> bad = Catalog::from_json(
      R"({"format":1,"global_keys":[],"services":[{"prefix":"x","name":"X","keys":[],"resources":[],)"
      R"("actions":[["Ok","R",[],[]],["Do","W",[7],[]]]}]})",
      "data/catalog.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().loc.file, "data/catalog.json");
  EXPECT_EQ(bad.error().loc.json_pointer, "/services/0/actions/1/2");
  Result<Catalog> entry = Catalog::from_json(R"({"format":1,"global_keys":[],"services":[{"prefix":"x"}]})");
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.error().loc.file, "catalog.json");
  EXPECT_EQ(entry.error().loc.json_pointer, "/services/0");
}

// 2^32 + 1 must not wrap to 1, a valid resource index (resource 0, required).
TEST(Catalog, RejectsIndexesBeyond32Bits) {
  const std::string head =
      R"({"format":1,"global_keys":[],"services":[{"prefix":"x","name":"X","keys":[["x:k","String"]],)"
      R"("resources":[["thing","arn:${Partition}:x:::thing/${Name}",[0]]],"actions":[["Do","W",)";
  EXPECT_TRUE(Catalog::from_json(head + "[1],[0]]]}]}").ok());
  Result<Catalog> wrapped = Catalog::from_json(head + "[4294967297],[0]]]}]}");
  ASSERT_FALSE(wrapped.ok());
  EXPECT_EQ(wrapped.error().loc.json_pointer, "/services/0/actions/0");
  EXPECT_FALSE(Catalog::from_json(head + "[1],[4294967296]]]}]}").ok());
}

TEST(Catalog, ReadsADataDirectory) {
  Result<Catalog> from_dir = load_catalog(std::string(IAMWARDEN_SOURCE_DIR) + "/data");
  ASSERT_TRUE(from_dir.ok());
  EXPECT_EQ(from_dir->actions().size(), catalog().actions().size());
  EXPECT_FALSE(load_catalog("/nonexistent-dir").ok());
}

}  // namespace
}  // namespace iamwarden::catalog
