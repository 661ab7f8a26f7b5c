// inventory.json: the resources that run as a role, and instance profiles resolved to their roles.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "snapshot/inventory.h"
#include "snapshot/snapshot.h"
#include "scratch_dir.h"

namespace iamwarden::snapshot {
namespace {

constexpr std::string_view kRoles = R"({"RoleDetailList": [
  {"RoleName": "web", "RoleId": "AROAEXAMPLEWEB000001", "Arn": "arn:aws:iam::111122223333:role/web", "Path": "/",
   "InstanceProfileList": [{"InstanceProfileName": "web-server", "InstanceProfileId": "AIPAEXAMPLEWEB000001",
     "Arn": "arn:aws:iam::111122223333:instance-profile/edge/web-server", "Path": "/edge/",
     "Roles": [{"RoleName": "web", "Arn": "arn:aws:iam::111122223333:role/web"}]}]},
  {"RoleName": "batch", "RoleId": "AROAEXAMPLEBATCH0001", "Arn": "arn:aws:iam::111122223333:role/batch", "Path": "/",
   "InstanceProfileList": [{"InstanceProfileName": "batch-worker", "InstanceProfileId": "AIPAEXAMPLEBATCH0001",
     "Arn": "arn:aws:iam::111122223333:instance-profile/batch-worker", "Path": "/", "Roles": []}]},
  {"RoleName": "lonely", "RoleId": "AROAEXAMPLELONELY001", "Arn": "arn:aws:iam::111122223333:role/lonely", "Path": "/"}]})";

constexpr std::string_view kInventory = R"({"resources": [
  {"type": "AWS::Lambda::Function", "arn": "arn:aws:lambda:eu-west-1:111122223333:function:f", "region": "eu-west-1",
   "role": "arn:aws:iam::111122223333:role/web", "tags": {"team": "payments", "env": "prod"}},
  {"type": "AWS::ECS::TaskDefinition", "arn": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:7",
   "region": "us-east-1", "role": "arn:aws:iam::111122223333:role/web",
   "executionRole": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole"},
  {"type": "AWS::EC2::Instance", "arn": "arn:aws:ec2:us-east-1:111122223333:instance/i-1234567890abcdef0",
   "region": "us-east-1", "instanceProfile": "arn:aws:iam::111122223333:instance-profile/edge/web-server"},
  {"type": "AWS::EC2::LaunchTemplate", "arn": "arn:aws:ec2:us-east-1:111122223333:launch-template/lt-0123",
   "instanceProfile": "batch-worker", "role": null}
]})";

Result<Account> load(const ScratchDir& dir) { return load_snapshot(dir.path.string()); }

TEST(Inventory, ReadsEveryField) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kRoles));
  dir.write("inventory.json", std::string(kInventory));
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_TRUE(a->inventory.has_value());
  const std::vector<InventoryResource>& r = a->inventory->resources;
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].type, "AWS::Lambda::Function");
  EXPECT_EQ(r[0].arn, "arn:aws:lambda:eu-west-1:111122223333:function:f");
  EXPECT_EQ(r[0].region, "eu-west-1");
  EXPECT_EQ(r[0].role, "arn:aws:iam::111122223333:role/web");
  using Tags = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(r[0].tags, (Tags{{"team", "payments"}, {"env", "prod"}}));  // in file order
  EXPECT_EQ(r[1].execution_role, "arn:aws:iam::111122223333:role/ecsTaskExecutionRole");
  EXPECT_EQ(r[2].instance_profile, "arn:aws:iam::111122223333:instance-profile/edge/web-server");
  EXPECT_TRUE(r[2].role.empty());  // runs as no role of its own: the profile's
  EXPECT_TRUE(r[3].role.empty());  // null is absent
  EXPECT_TRUE(r[3].region.empty());
  EXPECT_EQ(a->file_status("inventory.json"), FileStatus::kLoaded);
}

TEST(Inventory, UnknownTypesAreKeptAndUnknownMembersIgnored) {
  ScratchDir dir;
  dir.write("inventory.json", R"({"version": 2, "resources": [
    {"type": "AWS::Batch::JobDefinition", "arn": "arn:aws:batch:eu-west-1:111122223333:job-definition/j:1",
     "jobRoleArn": "arn:aws:iam::111122223333:role/j", "extra": {"nested": [1, 2]}}]})");
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_EQ(a->inventory->resources.size(), 1u);
  EXPECT_EQ(a->inventory->resources[0].type, "AWS::Batch::JobDefinition");
  EXPECT_TRUE(a->inventory->resources[0].role.empty());
}

TEST(Inventory, AnEmptyListIsAnInventoryOfNothing) {
  ScratchDir dir;
  dir.write("inventory.json", R"({"resources": []})");
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_TRUE(a->inventory.has_value());
  EXPECT_TRUE(a->inventory->resources.empty());
}

TEST(Inventory, AbsentFileIsNotCollected) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kRoles));
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_FALSE(a->inventory.has_value());
  EXPECT_EQ(a->file_status("inventory.json"), FileStatus::kMissing);
}

TEST(Inventory, AFailedCollectionIsRecorded) {
  ScratchDir dir;
  dir.write("manifest.json", R"({"accountId": "111122223333", "files": {"inventory.json":
    {"status": "failed", "command": "aws lambda list-functions; ...", "error": "AccessDenied: ..."}}})");
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_FALSE(a->inventory.has_value());
  EXPECT_EQ(a->file_status("inventory.json"), FileStatus::kFailed);
}

// The error of loading a snapshot whose inventory.json is text.
Error error_for(const std::string& text) {
  ScratchDir dir("-bad");
  dir.write("inventory.json", text);
  Result<Account> a = load_snapshot(dir.path.string());
  EXPECT_FALSE(a.ok());
  return a ? Error{} : a.error();
}

TEST(Inventory, AMissingArnOrTypeNamesTheFileAndPointer) {
  Error e = error_for(R"({"resources": [{"type": "AWS::Lambda::Function", "arn": "arn:aws:lambda:eu-west-1:1:function:f"},
    {"type": "AWS::Lambda::Function", "role": "arn:aws:iam::1:role/r"}]})");
  EXPECT_TRUE(e.loc.file.ends_with("inventory.json")) << e.format();
  EXPECT_EQ(e.loc.json_pointer, "/resources/1");
  EXPECT_NE(e.message.find("\"arn\""), std::string::npos) << e.format();
  EXPECT_EQ(e.loc.line, 2u);
  e = error_for(R"({"resources": [{"arn": "arn:aws:lambda:eu-west-1:1:function:f", "type": ""}]})");
  EXPECT_EQ(e.loc.json_pointer, "/resources/0");
  EXPECT_NE(e.message.find("\"type\""), std::string::npos) << e.format();
}

TEST(Inventory, WrongJsonKindsAreErrors) {
  struct Case {
    const char* text;
    const char* pointer;
  };
  for (const Case& c : std::initializer_list<Case>{
           {R"({"resources": [{"type": "T", "arn": "a", "role": 7}]})", "/resources/0/role"},
           {R"({"resources": [{"type": ["T"], "arn": "a"}]})", "/resources/0/type"},
           {R"({"resources": [{"type": "T", "arn": "a", "tags": [{"Key": "k", "Value": "v"}]}]})", "/resources/0/tags"},
           {R"({"resources": [{"type": "T", "arn": "a", "tags": {"k": 1}}]})", "/resources/0/tags/k"},
           {R"({"resources": ["arn:aws:lambda:eu-west-1:1:function:f"]})", "/resources/0"},
           {R"({"resources": {}})", "/resources"},
           {R"({"Resources": []})", ""},
           {R"([])", ""}}) {
    Error e = error_for(c.text);
    EXPECT_TRUE(e.loc.file.ends_with("inventory.json")) << c.text << ": " << e.format();
    EXPECT_EQ(e.loc.json_pointer, c.pointer) << c.text << ": " << e.format();
  }
}

TEST(Inventory, ALinkIsNotFollowed) {
  ScratchDir dir;
  dir.write("elsewhere.json", std::string(kInventory));
  std::filesystem::create_symlink(dir.path / "elsewhere.json", dir.path / "inventory.json");
  Result<Account> a = load(dir);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("symbolic link"), std::string::npos) << a.error().format();
}

TEST(Inventory, InstanceProfilesResolveToTheirRoles) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kRoles));
  Result<Account> a = load(dir);
  ASSERT_TRUE(a.ok()) << a.error().format();
  using Roles = std::vector<std::string>;
  const Roles web{"arn:aws:iam::111122223333:role/web"};
  EXPECT_EQ(roles_of_instance_profile(*a, "web-server"), web);
  EXPECT_EQ(roles_of_instance_profile(*a, "arn:aws:iam::111122223333:instance-profile/edge/web-server"), web);
  // An ARN must name the profile exactly (path included); a name ignores the path.
  EXPECT_TRUE(roles_of_instance_profile(*a, "arn:aws:iam::111122223333:instance-profile/web-server").empty());
  // The role that lists a profile belongs to it even when the profile's Roles list is empty.
  EXPECT_EQ(roles_of_instance_profile(*a, "batch-worker"), (Roles{"arn:aws:iam::111122223333:role/batch"}));
  EXPECT_TRUE(roles_of_instance_profile(*a, "unknown").empty());
  EXPECT_TRUE(roles_of_instance_profile(*a, "").empty());
}

}  // namespace
}  // namespace iamwarden::snapshot
