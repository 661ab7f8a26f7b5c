// The method catalog: every file of data/escalation reads, ids are unique, and bad files are named.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "escalation/method.h"

namespace iamwarden::escalation {
namespace {

TEST(MethodCatalog, EveryEmbeddedMethodReads) {
  Result<MethodCatalog> c = MethodCatalog::load();
  ASSERT_TRUE(c.ok()) << c.error().format();
  // One file per method, each embedded.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(IAMWARDEN_SOURCE_DIR) + "/data/escalation"))
    files += e.path().extension() == ".json" ? 1 : 0;
  EXPECT_EQ(c->all().size(), files);
  EXPECT_GE(c->all().size(), 80u);
  // The methods the issue and the labs name.
  for (const char* id : {"iam-001", "iam-005", "iam-007", "iam-012", "iam-013", "sts-001", "lambda-001", "ec2-001",
                         "cloudformation-001", "glue-001", "datapipeline-001", "ssm-001", "ecs-006",
                         "iamwarden-iam-set-default-policy-version", "iamwarden-iam-delete-user-permissions-boundary"})
    EXPECT_NE(c->find(id), nullptr) << id;
  // Aliases find their method: Rhino's names.
  ASSERT_NE(c->find("CreateNewPolicyVersion"), nullptr);
  EXPECT_EQ(c->find("CreateNewPolicyVersion")->id, "iam-001");
}

TEST(MethodCatalog, MethodsStateWhoCanUseThem) {
  Result<MethodCatalog> c = MethodCatalog::load();
  ASSERT_TRUE(c.ok());
  const Method* put_user = c->find("iam-007");
  ASSERT_NE(put_user, nullptr);
  EXPECT_TRUE(put_user->from_user);
  EXPECT_FALSE(put_user->from_role);
  EXPECT_EQ(put_user->target, TargetKind::kSelf);
  EXPECT_EQ(put_user->permissions.at(0).resource, ResourceRole::kSelf);
  const Method* put_role = c->find("iam-005");
  ASSERT_NE(put_role, nullptr);
  EXPECT_FALSE(put_role->from_user);
  EXPECT_TRUE(put_role->from_role);
  const Method* lambda = c->find("lambda-001");
  ASSERT_NE(lambda, nullptr);
  EXPECT_EQ(lambda->category, Category::kNewPassRole);
  EXPECT_TRUE(lambda->has(PrerequisiteKind::kTrustsService));
  bool passed_to = false;
  for (const Permission& p : lambda->permissions)
    for (const auto& [k, v] : p.context) passed_to = passed_to || (k == "iam:PassedToService" && v == "lambda.amazonaws.com");
  EXPECT_TRUE(passed_to);
  const Method* keys = c->find("iam-002");
  ASSERT_NE(keys, nullptr);
  EXPECT_TRUE(keys->has(PrerequisiteKind::kAccessKeysBelow));
}

TEST(MethodCatalog, BadFilesNameTheFileAndPointer) {
  Result<Method> m = MethodCatalog::parse(R"({"format":1,"id":"x-1","name":"n","category":"self-escalation","sources":["user"],
      "target":"self","gains":"admin","permissions":[{"action":"iam:PutUserPolicy","resource":"elsewhere"}]})",
                                          "data/escalation/x-1.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().loc.file, "data/escalation/x-1.json");
  EXPECT_EQ(m.error().loc.json_pointer, "/permissions/0/resource");
  m = MethodCatalog::parse(R"({"format":1,"id":"x-1","name":"n","category":"sideways","sources":["user"],
      "target":"self","gains":"admin","permissions":[{"action":"iam:PutUserPolicy","resource":"self"}]})", "f.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().loc.json_pointer, "/category");
  m = MethodCatalog::parse(R"({"format":1,"id":"x-1","name":"n","category":"self-escalation","sources":["user"],
      "target":"self","gains":"admin","permissions":[{"action":"iam:Put*","resource":"self"}]})", "f.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().loc.json_pointer, "/permissions/0/action");
  m = MethodCatalog::parse(R"({"format":1,"id":"x-1","name":"n","category":"self-escalation","sources":["user"],
      "target":"self","gains":"admin","permissions":[{"action":"iam:PutUserPolicy","resource":"self"}],"extra":1})", "f.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().loc.json_pointer, "/extra");
}

TEST(MethodCatalog, RepeatedIdsAreRefused) {
  auto one = [](std::string id, std::string alias) {
    Result<Method> m = MethodCatalog::parse(
        R"({"format":1,"id":")" + id + R"(","aliases":[")" + alias + R"("],"name":"n","category":"self-escalation",
        "sources":["user"],"target":"self","gains":"admin","permissions":[{"action":"iam:PutUserPolicy","resource":"self"}]})",
        id + ".json");
    EXPECT_TRUE(m.ok());
    return m.take();
  };
  std::vector<Method> methods{one("a-1", "Same"), one("b-1", "same")};
  Result<MethodCatalog> c = MethodCatalog::from_methods(std::move(methods));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("same"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::escalation
