// Escalation paths on small accounts: each method's positive case and the near misses that block
// it (Deny, boundary, resource scope, PassedToService, trust, principal type), and multi-hop paths.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <set>

#include "base/files.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "escalation/diff.h"
#include "escalation/graph.h"
#include "escalation/layout.h"
#include "escalation/report.h"
#include "escalation/report_html.h"
#include "snapshot/snapshot.h"

namespace iamwarden::escalation {
namespace {

constexpr const char* kAccount = "111122223333";

std::string policy(std::string statements) {
  return fmt::format(R"({{"Version":"2012-10-17","Statement":[{}]}})", statements);
}
std::string allow(std::string action, std::string resource = "*", std::string extra = "") {
  return fmt::format(R"({{"Effect":"Allow","Action":{},"Resource":{}{}}})", action.front() == '[' ? action : "\"" + action + "\"",
                     resource.front() == '[' ? resource : "\"" + resource + "\"", extra);
}
std::string deny(std::string action, std::string resource = "*") {
  return fmt::format(R"({{"Effect":"Deny","Action":"{}","Resource":"{}"}})", action, resource);
}
std::string arn(std::string kind, std::string name) { return fmt::format("arn:aws:iam::{}:{}/{}", kAccount, kind, name); }
std::string trust_service(std::string service) {
  return policy(fmt::format(R"({{"Effect":"Allow","Principal":{{"Service":"{}"}},"Action":"sts:AssumeRole"}})", service));
}
std::string trust_arn(std::string who) {
  return policy(fmt::format(R"({{"Effect":"Allow","Principal":{{"AWS":"{}"}},"Action":"sts:AssumeRole"}})", who));
}
std::string inline_list(const std::vector<std::string>& docs) {
  std::string out;
  for (size_t i = 0; i < docs.size(); ++i)
    out += fmt::format(R"({}{{"PolicyName":"p{}","PolicyDocument":{}}})", i ? "," : "", i, docs[i]);
  return out;
}

// A GAAD with users, groups and roles, loaded as `iamwarden paths --gaad` would.
struct AccountBuilder {
  std::vector<std::string> users, groups, roles, policies;
  std::vector<std::pair<std::string, std::string>> attachments;  // user, group or role name -> customer policy name

  AccountBuilder& user(std::string name, std::vector<std::string> docs, std::vector<std::string> in_groups = {},
                       std::string boundary = "") {
    std::string g;
    for (const std::string& x : in_groups) g += (g.empty() ? "\"" : ",\"") + x + "\"";
    users.push_back(fmt::format(
        R"({{"UserName":"{0}","UserId":"AIDA{0}","Arn":"{1}","Path":"/","CreateDate":"2024-01-01T00:00:00Z","GroupList":[{2}],"UserPolicyList":[{3}],"AttachedManagedPolicies":[]{4}}})",
        name, arn("user", name), g, inline_list(docs),
        boundary.empty() ? "" : fmt::format(R"(,"PermissionsBoundary":{{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"{}"}})", boundary)));
    return *this;
  }
  AccountBuilder& group(std::string name, std::vector<std::string> docs, bool administrator_access = false) {
    groups.push_back(fmt::format(
        R"({{"GroupName":"{0}","GroupId":"AGPA{0}","Arn":"{1}","Path":"/","CreateDate":"2024-01-01T00:00:00Z","GroupPolicyList":[{2}],"AttachedManagedPolicies":[{3}]}})",
        name, arn("group", name), inline_list(docs),
        administrator_access ? R"({"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"})" : ""));
    return *this;
  }
  AccountBuilder& role(std::string name, std::string trust, std::vector<std::string> docs, bool administrator_access = false,
                       bool instance_profile = false, std::string boundary = "") {
    roles.push_back(fmt::format(
        R"({{"RoleName":"{0}","RoleId":"AROA{0}","Arn":"{1}","Path":"/","CreateDate":"2024-01-01T00:00:00Z","AssumeRolePolicyDocument":{2},"RolePolicyList":[{3}],"AttachedManagedPolicies":[{4}],"InstanceProfileList":[{5}],"Tags":[]{6}}})",
        name, arn("role", name), trust, inline_list(docs),
        administrator_access ? R"({"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"})" : "",
        instance_profile ? fmt::format(R"({{"InstanceProfileName":"{0}","InstanceProfileId":"AIPA{0}","Arn":"arn:aws:iam::{1}:instance-profile/{0}","Path":"/","CreateDate":"2024-01-01T00:00:00Z","Roles":[]}})",
                                       name, kAccount)
                         : "",
        boundary.empty() ? "" : fmt::format(R"(,"PermissionsBoundary":{{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"{}"}})", boundary)));
    return *this;
  }
  /// A customer-managed policy with `versions` versions (the first the default), attached to the named users, groups or roles.
  AccountBuilder& managed(std::string name, std::string doc, int versions, std::vector<std::string> attached_to) {
    std::string list;
    for (int v = 1; v <= versions; ++v)
      list += fmt::format(R"({}{{"Document":{},"VersionId":"v{}","IsDefaultVersion":{},"CreateDate":"2024-01-01T00:00:00Z"}})", v > 1 ? "," : "",
                          doc, v, v == 1 ? "true" : "false");
    policies.push_back(fmt::format(
        R"({{"PolicyName":"{0}","PolicyId":"ANPA{0}","Arn":"{1}","Path":"/","DefaultVersionId":"v1","AttachmentCount":{2},"IsAttachable":true,"CreateDate":"2024-01-01T00:00:00Z","UpdateDate":"2024-01-01T00:00:00Z","PolicyVersionList":[{3}]}})",
        name, arn("policy", name), attached_to.size(), list));
    for (const std::string& who : attached_to) attachments.emplace_back(who, name);
    return *this;
  }

  std::string json() const {
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
      return out;
    };
    // Customer policies join the entity's AttachedManagedPolicies list.
    auto attach = [&](std::vector<std::string> entities, std::string_view name_key) {
      for (std::string& e : entities)
        for (const auto& [who, policy_name] : attachments) {
          if (e.find(fmt::format(R"("{}":"{}")", name_key, who)) == std::string::npos) continue;
          const std::string list = "\"AttachedManagedPolicies\":[";
          const size_t at = e.find(list) + list.size();
          const std::string ref = fmt::format(R"({{"PolicyName":"{}","PolicyArn":"{}"}})", policy_name, arn("policy", policy_name));
          e.insert(at, e[at] == ']' ? ref : ref + ",");
        }
      return entities;
    };
    return fmt::format(R"({{"UserDetailList":[{}],"GroupDetailList":[{}],"RoleDetailList":[{}],"Policies":[{}]}})",
                       join(attach(users, "UserName")), join(attach(groups, "GroupName")), join(attach(roles, "RoleName")),
                       join(policies));
  }
};

struct Paths {
  snapshot::Account account;
  Graph graph;

  const Node& node(std::string_view name) const {
    size_t i = graph.find(name);
    EXPECT_LT(i, graph.nodes.size()) << name;
    return graph.nodes.at(i);
  }
  // "iam-007" for a one-step path, "sts-001>sts-001" for two; "" when it cannot reach admin.
  std::string methods(std::string_view name) const {
    std::string out;
    for (const Step* s : graph.path(graph.find(name))) out += (out.empty() ? "" : ">") + (s->method ? s->method->id : "administrator");
    return out;
  }
  bool conditional(std::string_view name) const { return graph.conditional(graph.find(name)); }
};

Paths run(const AccountBuilder& b, const std::vector<std::pair<std::string, std::string>>& extra_files = {},
          std::string to = "", bool fix = false, bool all_paths = false) {
  static const catalog::Catalog catalog = *catalog::load_catalog();
  static const catalog::CallerRestrictions restrictions = *catalog::load_caller_restrictions();
  static const MethodCatalog methods = *MethodCatalog::load();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    fmt::format("iamwarden-paths-{}-{}", ::getpid(),
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir);
  const std::string file = (dir / (extra_files.empty() ? "gaad.json" : "authorization-details.json")).string();
  EXPECT_TRUE(write_file_atomic(file, b.json()).ok());
  for (const auto& [name, text] : extra_files) EXPECT_TRUE(write_file_atomic((dir / name).string(), text).ok());
  // With extra files: a snapshot directory (inventory.json, credential-report.csv); else --gaad.
  Result<snapshot::Account> account = extra_files.empty() ? snapshot::load_with_builtin_policies("", file, "")
                                                          : snapshot::load_with_builtin_policies(dir.string(), "", "");
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(account.ok()) << (account.ok() ? "" : account.error().format());
  Paths out{account.take(), {}};
  Options options;
  options.to = std::move(to);
  options.fix = fix;
  options.all_paths = all_paths;
  out.graph = find_paths(out.account, catalog, restrictions, methods, options);
  return out;
}

// ---- self-escalation ----

TEST(Paths, PutUserPolicyOnOneselfReachesAdmin) {
  Paths p = run(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))}));
  EXPECT_EQ(p.methods("alice"), "iam-007");
  EXPECT_FALSE(p.conditional("alice"));
}

TEST(Paths, PutUserPolicyOnSomeoneElseIsNoSelfEscalation) {
  Paths p = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "bob")))})
                    .user("bob", {}));
  EXPECT_EQ(p.methods("alice"), "");
}

TEST(Paths, ADenyInAnotherPolicyBlocks) {
  Paths p = run(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy")), policy(deny("iam:PutUserPolicy"))}));
  EXPECT_EQ(p.methods("alice"), "");
}

TEST(Paths, UserOnlyMethodsDoNotApplyToRoles) {
  Paths p = run(AccountBuilder()
                    .role("ci", trust_service("ec2.amazonaws.com"), {policy(allow("[\"iam:PutUserPolicy\",\"iam:AttachUserPolicy\",\"iam:AddUserToGroup\"]"))})
                    .group("admins", {}, true));
  EXPECT_EQ(p.methods("ci"), "");
}

TEST(Paths, PutRolePolicyOnItselfReachesAdminForARole) {
  Paths p = run(AccountBuilder().role("ci", trust_service("ec2.amazonaws.com"), {policy(allow("iam:PutRolePolicy", arn("role", "ci")))}));
  EXPECT_EQ(p.methods("ci"), "iam-005");
}

TEST(Paths, ABoundaryCapsSelfEscalationUnlessItCanBeRemoved) {
  const std::string boundary = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
  Paths capped = run(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))}, {}, boundary));
  EXPECT_EQ(capped.methods("alice"), "");
  // The boundary must allow the actions too: an S3-only boundary blocks PutUserPolicy itself, so
  // here the boundary allows IAM and S3 reads, and the principal may delete its own boundary.
  Paths removable = run(AccountBuilder().user(
      "alice",
      {policy(allow("[\"iam:PutUserPolicy\",\"iam:DeleteUserPermissionsBoundary\"]", arn("user", "alice")))}, {},
      "arn:aws:iam::aws:policy/IAMFullAccess"));
  EXPECT_NE(removable.methods("alice"), "");
}

TEST(Paths, JoiningAnAdministratorGroupReachesAdmin) {
  Paths p = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:AddUserToGroup", arn("group", "admins")))})
                    .group("admins", {}, true)
                    .group("readers", {policy(allow("s3:GetObject"))}));
  EXPECT_EQ(p.methods("alice"), "iam-013");
  ASSERT_EQ(p.graph.path(p.graph.find("alice")).size(), 1u);
  EXPECT_EQ(p.graph.path(p.graph.find("alice"))[0]->via, arn("group", "admins"));
  // Only into a group that does not make an administrator: no path.
  Paths q = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:AddUserToGroup", arn("group", "readers")))})
                    .group("admins", {}, true)
                    .group("readers", {policy(allow("s3:GetObject"))}));
  EXPECT_EQ(q.methods("alice"), "");
}

TEST(Paths, CreatePolicyVersionNeedsACustomerPolicyAttachedToTheSource) {
  // Only AWS-managed policies: nothing to version.
  Paths p = run(AccountBuilder().user("alice", {policy(allow("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/*"))}));
  EXPECT_EQ(p.methods("alice"), "");
}

// ---- principal access ----

TEST(Paths, AssumeRoleChainsThroughExactTrust) {
  // start (user) -> middle (trusts start's ARN: no identity allow needed) -> end (admin, trusts middle).
  Paths p = run(AccountBuilder()
                    .user("start", {})
                    .role("middle", trust_arn(arn("user", "start")), {})
                    .role("end", trust_arn(arn("role", "middle")), {}, true));
  EXPECT_EQ(p.node("end").depth, 0);
  EXPECT_EQ(p.methods("middle"), "sts-001");
  EXPECT_EQ(p.methods("start"), "sts-001>sts-001");
}

TEST(Paths, AccountRootTrustNeedsAnIdentityAllow) {
  Paths p = run(AccountBuilder()
                    .user("nobody", {})
                    .user("allowed", {policy(allow("sts:AssumeRole", arn("role", "admin")))})
                    .role("admin", trust_arn(fmt::format("arn:aws:iam::{}:root", kAccount)), {}, true));
  EXPECT_EQ(p.methods("nobody"), "");
  EXPECT_EQ(p.methods("allowed"), "sts-001");
}

TEST(Paths, CreateAccessKeyOnAnAdministratorIsConditionalWithoutACredentialReport) {
  Paths p = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:CreateAccessKey", arn("user", "root-like")))})
                    .user("root-like", {policy(allow("*"))}));
  EXPECT_EQ(p.methods("alice"), "iam-002");
  EXPECT_TRUE(p.conditional("alice"));
  // Scoped to oneself (${aws:username}): it reaches only oneself.
  Paths own = run(AccountBuilder()
                      .user("alice", {policy(allow("iam:CreateAccessKey", fmt::format("arn:aws:iam::{}:user/${{aws:username}}", kAccount)))})
                      .user("root-like", {policy(allow("*"))}));
  EXPECT_EQ(own.methods("alice"), "");
}

TEST(Paths, UpdateAssumeRolePolicyNeedsNoAssumeRoleAllow) {
  Paths p = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:UpdateAssumeRolePolicy", arn("role", "admin")))})
                    .role("admin", trust_service("ec2.amazonaws.com"), {}, true));
  EXPECT_EQ(p.methods("alice"), "iam-012");
}

// ---- passing a role to a service ----

TEST(Paths, PassRoleToANewLambdaFunction) {
  const std::string actions = R"(["lambda:CreateFunction","lambda:InvokeFunction"])";
  Paths p = run(AccountBuilder()
                    .user("dev", {policy(allow(actions) + "," + allow("iam:PassRole", arn("role", "admin")))})
                    .role("admin", trust_service("lambda.amazonaws.com"), {}, true));
  EXPECT_NE(p.methods("dev").find("lambda-"), std::string::npos) << p.methods("dev");
  // PassRole only to EC2: the Lambda method is blocked (and EC2 needs an instance profile).
  Paths ec2_only = run(AccountBuilder()
                           .user("dev", {policy(allow(actions) + "," +
                                                allow("iam:PassRole", arn("role", "admin"),
                                                      R"(,"Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}})"))})
                           .role("admin", trust_service("lambda.amazonaws.com"), {}, true));
  EXPECT_EQ(ec2_only.methods("dev"), "");
  // The role does not trust Lambda: nothing to pass.
  Paths untrusting = run(AccountBuilder()
                             .user("dev", {policy(allow(actions) + "," + allow("iam:PassRole", arn("role", "admin")))})
                             .role("admin", trust_service("glue.amazonaws.com"), {}, true));
  EXPECT_EQ(untrusting.methods("dev"), "");
}

TEST(Paths, TwoPoliciesThatOnlyEscalateTogether) {
  Paths p = run(AccountBuilder()
                    .user("dev", {policy(allow("ec2:RunInstances")), policy(allow("iam:PassRole"))})
                    .role("admin", trust_service("ec2.amazonaws.com"), {}, true, true));
  EXPECT_NE(p.methods("dev"), "");
}

// ---- the snapshot decides prerequisites ----

std::string credential_report(std::string user, bool password, int keys) {
  auto key = [&](int n) { return n < keys ? std::string("true,2024-01-01T00:00:00+00:00,N/A,N/A,N/A") : std::string("false,N/A,N/A,N/A,N/A"); };
  return fmt::format(
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,"
      "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
      "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
      "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
      "{},{},2024-01-01T00:00:00+00:00,{},N/A,N/A,N/A,false,{},{},false,N/A,false,N/A\n",
      user, arn("user", user), password ? "true" : "false", key(0), key(1));
}

TEST(Paths, TheCredentialReportDecidesAccessKeyAndPasswordMethods) {
  AccountBuilder b;
  b.user("alice", {policy(allow("[\"iam:CreateAccessKey\",\"iam:CreateLoginProfile\"]", arn("user", "boss")))})
      .user("boss", {policy(allow("*"))});
  // Two keys and a password already: neither method works.
  Paths full = run(b, {{"credential-report.csv", credential_report("boss", true, 2)}});
  EXPECT_EQ(full.methods("alice"), "");
  // One key: a second one can be made, definitely.
  Paths one = run(b, {{"credential-report.csv", credential_report("boss", true, 1)}});
  EXPECT_EQ(one.methods("alice"), "iam-002");
  EXPECT_FALSE(one.conditional("alice"));
  // Two keys but no password: a console password can be created.
  Paths no_password = run(b, {{"credential-report.csv", credential_report("boss", false, 2)}});
  EXPECT_EQ(no_password.methods("alice"), "iam-004");
}

TEST(Paths, TheInventoryDecidesExistingResourceMethods) {
  AccountBuilder b;
  b.user("dev", {policy(allow("lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:111122223333:function:deploy"))})
      .role("admin", trust_service("lambda.amazonaws.com"), {}, true)
      .role("other", trust_service("lambda.amazonaws.com"), {});
  const std::string runs_as_admin = R"({"resources":[{"type":"AWS::Lambda::Function","arn":"arn:aws:lambda:us-east-1:111122223333:function:deploy","region":"us-east-1","role":"arn:aws:iam::111122223333:role/admin"}]})";
  const std::string runs_as_other = R"({"resources":[{"type":"AWS::Lambda::Function","arn":"arn:aws:lambda:us-east-1:111122223333:function:deploy","region":"us-east-1","role":"arn:aws:iam::111122223333:role/other"}]})";
  Paths yes = run(b, {{"inventory.json", runs_as_admin}});
  EXPECT_NE(yes.methods("dev").find("lambda-00"), std::string::npos) << yes.methods("dev");
  std::vector<const Step*> steps = yes.graph.path(yes.graph.find("dev"));
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(yes.graph.nodes[steps[0]->to].arn, arn("role", "admin"));
  // The function runs as a role that is no administrator: no path.
  Paths no = run(b, {{"inventory.json", runs_as_other}});
  EXPECT_EQ(no.methods("dev"), "");
  // No inventory: the edge is conditional, with the reason.
  Paths unknown = run(b, {{"credential-report.csv", credential_report("dev", false, 0)}});
  EXPECT_TRUE(unknown.conditional("dev"));
}

TEST(Paths, RendersTextAndJson) {
  Paths p = run(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))}).user("bob", {}));
  std::string text = paths_text(p.graph, {});
  EXPECT_NE(text.find("1 of 2 principals can become administrator"), std::string::npos) << text;
  EXPECT_NE(text.find("alice → (iam-007) → admin"), std::string::npos) << text;
  EXPECT_NE(text.find(fmt::format("allowed: iam:PutUserPolicy on {}", arn("user", "alice"))), std::string::npos) << text;
  std::string json = paths_json(p.graph, {});
  EXPECT_NE(json.find(R"("method":"iam-007")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("adminReachable":1)"), std::string::npos) << json;
}

// ---- who can reach a user or role (--to, --who-can-reach) ----

TEST(Paths, WhoCanReachARoleThroughTrustAdministratorsAndEscalation) {
  // start -> middle -> end by exact trust; boss is an administrator; selfish can make itself one;
  // bystander can do nothing; end itself is no administrator.
  Paths p = run(AccountBuilder()
                    .user("start", {})
                    .user("selfish", {policy(allow("iam:PutUserPolicy", arn("user", "selfish")))})
                    .user("bystander", {})
                    .group("admins", {}, true)
                    .user("boss", {}, {"admins"})
                    .role("middle", trust_arn(arn("user", "start")), {})
                    .role("end", trust_arn(arn("role", "middle")), {}),
                {}, "end");
  EXPECT_EQ(p.graph.goal, p.graph.find("end"));
  EXPECT_FALSE(p.graph.to_admin());
  EXPECT_EQ(p.node("end").depth, 0);
  EXPECT_EQ(p.methods("middle"), "sts-001");
  EXPECT_EQ(p.methods("start"), "sts-001>sts-001");
  EXPECT_EQ(p.methods("boss"), "administrator");
  EXPECT_EQ(p.methods("selfish"), "iam-007>administrator");  // its path to administrator, then any role
  EXPECT_EQ(p.methods("bystander"), "");
  const std::vector<const Step*> selfish = p.graph.path(p.graph.find("selfish"));
  ASSERT_EQ(selfish.size(), 2u);
  EXPECT_EQ(selfish[0]->to, p.graph.admin);
  EXPECT_EQ(selfish[1]->to, p.graph.goal);

  std::string text = paths_text(p.graph, {});
  EXPECT_NE(text.find("4 of 6 principals can reach role/end (0 only under conditions; 1 administrator among them)"),
            std::string::npos) << text;
  EXPECT_NE(text.find("user/selfish → (iam-007) → admin → (administrator) → role/end"), std::string::npos) << text;
  std::string json = paths_json(p.graph, {});
  EXPECT_NE(json.find(fmt::format(R"("target":"{}")", arn("role", "end"))), std::string::npos) << json;
  EXPECT_NE(json.find(R"("reach":4)"), std::string::npos) << json;
  std::string dot = paths_dot(p.graph, {});
  EXPECT_NE(dot.find("digraph paths {"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"([label="role/end", shape=doubleoctagon, style=bold])"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"([label="sts-001"])"), std::string::npos) << dot;
}

TEST(Paths, AnUnknownGoalFallsBackToAdministratorWithANote) {
  Paths p = run(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))}), {}, "nobody");
  EXPECT_TRUE(p.graph.to_admin());
  EXPECT_EQ(p.methods("alice"), "iam-007");
  ASSERT_FALSE(p.graph.notes.empty());
  EXPECT_NE(p.graph.notes.back().find("no user or role \"nobody\""), std::string::npos);
}

// ---- --diff ----

TEST(Paths, DiffReportsOnlyWhatTheNewAccountAdds) {
  const std::string self_put = policy(allow("iam:PutUserPolicy", arn("user", "bob")));
  Paths before = run(AccountBuilder().user("alice", {}).user("bob", {self_put}).user("carol", {}).group("admins", {}, true));
  Paths after = run(AccountBuilder()
                        .user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))})  // new path
                        .user("bob", {self_put})                                                    // had one
                        .group("admins", {}, true)
                        .user("carol", {}, {"admins"})   // new administrator
                        .user("dave", {self_put}));      // new principal, but its grant names bob: no path
  const PathsDiff diff = diff_paths(before.graph, after.graph);
  ASSERT_EQ(diff.new_paths.size(), 1u);
  EXPECT_EQ(after.graph.nodes[diff.new_paths[0]].arn, arn("user", "alice"));
  ASSERT_EQ(diff.new_administrators.size(), 1u);
  EXPECT_EQ(after.graph.nodes[diff.new_administrators[0]].arn, arn("user", "carol"));
  EXPECT_TRUE(diff_paths(after.graph, after.graph).new_paths.empty());
  EXPECT_TRUE(diff_paths(after.graph, before.graph).new_paths.empty());  // removing paths adds none
}

// ---- every method of the catalog: a positive case and a Deny near miss, built from its definition ----

// An account where `src` holds every action of the method on every resource and the target meets
// every prerequisite the method states; with deny_first, an explicit Deny of its first action too.
std::pair<AccountBuilder, std::vector<std::pair<std::string, std::string>>> method_case(const Method& m, bool deny_first) {
  AccountBuilder b;
  std::vector<std::pair<std::string, std::string>> files;
  const bool removes_boundary = m.id.find("permissions-boundary") != std::string::npos;
  std::string allows;
  for (const Permission& p : m.permissions) allows += (allows.empty() ? "" : ",") + allow(p.action);
  // Boundary removal: the source may do anything but is capped by an IAM-only boundary.
  std::vector<std::string> docs{policy(removes_boundary ? allow("*") : allows)};
  if (deny_first) docs.push_back(policy(deny(m.permissions.front().action)));
  const std::string boundary = removes_boundary ? "arn:aws:iam::aws:policy/IAMFullAccess" : "";
  const bool on_attached = std::any_of(m.permissions.begin(), m.permissions.end(),
                                       [](const Permission& p) { return p.resource == ResourceRole::kAttachedPolicy; });
  if (m.from_user) b.user("src", docs, m.target == TargetKind::kOwnGroup ? std::vector<std::string>{"team"} : std::vector<std::string>{}, boundary);
  else b.role("src", trust_service("ec2.amazonaws.com"), docs, false, false, boundary);
  const std::string src_arn = arn(m.from_user ? "user" : "role", "src");
  const int versions = m.has(PrerequisiteKind::kPolicyVersionsAtLeast) ? 2 : 1;
  switch (m.target) {
    case TargetKind::kSelf:
      if (on_attached) b.managed("srcpol", policy(allow("s3:GetObject")), versions, {"src"});
      break;
    case TargetKind::kOwnGroup: b.group("team", {}); break;
    case TargetKind::kGroup: b.group("admins", {}, true); break;
    case TargetKind::kUser: {
      b.group("admins", {}, true).user("victim", {}, {"admins"});
      bool password = false;
      int keys = 0;
      for (const Prerequisite& pre : m.prerequisites) {
        if (pre.kind == PrerequisiteKind::kLoginProfile) password = pre.present;
        if (pre.kind == PrerequisiteKind::kAccessKeysAtLeast) keys = pre.count;
      }
      files.emplace_back("credential-report.csv", credential_report("victim", password, keys));
      break;
    }
    case TargetKind::kRole: {
      const std::string service = !m.services.empty() ? m.services.front() : "ec2.amazonaws.com";
      const std::string trust = m.has(PrerequisiteKind::kTrustAllowsSource) ? trust_arn(src_arn) : trust_service(service);
      b.role("victim", trust, {}, m.gains == Gains::kTarget, m.has(PrerequisiteKind::kInstanceProfile));
      if (on_attached) b.managed("victimpol", policy(allow("s3:GetObject")), versions, {"victim"});
      if (m.has(PrerequisiteKind::kExistingResource))
        files.emplace_back("inventory.json", fmt::format(R"({{"resources":[{{"type":"{}","arn":"arn:aws:ec2:us-east-1:{}:thing/victim","region":"us-east-1","role":"{}"}}]}})",
                                                         m.resource_type, kAccount, arn("role", "victim")));
      break;
    }
  }
  return {b, files};
}

// The methods of the source's first steps: its shortest path's and every other way's (--all-paths).
std::set<std::string> first_methods(const Paths& p) {
  std::set<std::string> out;
  const size_t src = p.graph.find("src");
  if (src >= p.graph.admin || p.graph.nodes[src].depth <= 0) return out;
  auto add = [&](const Step& s) {
    if (s.method) out.insert(s.method->id);
    for (const Method* w : s.with) out.insert(w->id);
  };
  add(p.graph.nodes[src].next);
  if (src < p.graph.alternatives.size())
    for (const Step& s : p.graph.alternatives[src]) add(s);
  return out;
}

TEST(PathsEveryMethod, EachMethodWorksAsDefinedAndADenyOfItsFirstActionBlocksIt) {
  static const MethodCatalog methods = *MethodCatalog::load();
  ASSERT_GE(methods.all().size(), 80u);
  for (const Method& m : methods.all()) {
    auto [yes_builder, yes_files] = method_case(m, false);
    const std::set<std::string> yes = first_methods(run(yes_builder, yes_files, "", false, true));
    EXPECT_TRUE(yes.count(m.id)) << m.id << " not found; first steps: " << fmt::format("{}", fmt::join(yes, " "));
    auto [no_builder, no_files] = method_case(m, true);
    const std::set<std::string> no = first_methods(run(no_builder, no_files, "", false, true));
    EXPECT_FALSE(no.count(m.id)) << m.id << " despite a Deny of " << m.permissions.front().action;
  }
}

// ---- --all-paths ----

TEST(PathsAll, EveryOtherFirstStepIsListedWithItsContinuation) {
  // alice may write her own policy (iam-007, the shortest) and assume role ci, which may do the same
  // to itself (sts-001, then iam-005).
  Paths p = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")) + "," +
                                           allow("sts:AssumeRole", arn("role", "ci")))})
                    .role("ci", trust_arn(arn("user", "alice")), {policy(allow("iam:PutRolePolicy", arn("role", "ci")))}),
                {}, "", false, true);
  EXPECT_EQ(p.methods("alice"), "iam-007");
  const size_t alice = p.graph.find("alice");
  ASSERT_EQ(p.graph.alternatives.at(alice).size(), 1u);
  std::string chain;
  for (const Step* s : p.graph.path_from(p.graph.alternatives[alice][0])) chain += (chain.empty() ? "" : ">") + s->method->id;
  EXPECT_EQ(chain, "sts-001>iam-005");
  const std::string text = paths_text(p.graph, {});
  EXPECT_NE(text.find("  other ways (1):\n  - user/alice → (sts-001) → role/ci → (iam-005) → admin\n"), std::string::npos) << text;
  // Without the option: none listed.
  Paths q = run(AccountBuilder()
                    .user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")) + "," +
                                           allow("sts:AssumeRole", arn("role", "ci")))})
                    .role("ci", trust_arn(arn("user", "alice")), {policy(allow("iam:PutRolePolicy", arn("role", "ci")))}));
  EXPECT_TRUE(q.graph.alternatives.empty());
}

// ---- HTML and the Graphviz layout ----

TEST(PathsHtml, GraphvizLaysOutTheDotGraph) {
  Result<std::string> svg = dot_to_svg("digraph g { a -> b [label=\"x\"]; }");
  ASSERT_TRUE(svg.ok()) << svg.error().format();
  EXPECT_EQ(svg->rfind("<svg", 0), 0u) << svg->substr(0, 80);
  EXPECT_NE(svg->find(">a</text>"), std::string::npos);
  EXPECT_FALSE(dot_to_svg("digraph {{{ not dot").ok());
}

TEST(PathsHtml, HostileNamesAreEscapedInTheTextAndTheDrawing) {
  // IAM would refuse such a name, but a snapshot is untrusted input.
  Paths p = run(AccountBuilder().user("<b>x", {policy(allow("iam:PutUserPolicy", arn("user", "<b>x")))}));
  ASSERT_EQ(p.methods("<b>x"), "iam-007");
  const Drawing drawing = draw_paths(p.graph, {});
  ASSERT_FALSE(drawing.svg.empty()) << drawing.note;
  const std::string html = paths_html(p.graph, {}, drawing, "snap");
  EXPECT_EQ(html.find("<b>x"), std::string::npos);
  EXPECT_NE(html.find("user/&lt;b&gt;x"), std::string::npos);
  EXPECT_EQ(drawing.svg.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

TEST(PathsHtml, TooManyPrincipalsAreNotDrawn) {
  Paths p = run(AccountBuilder()
                    .user("a", {policy(allow("iam:PutUserPolicy", arn("user", "a")))})
                    .user("b", {policy(allow("iam:PutUserPolicy", arn("user", "b")))}));
  const Drawing drawing = draw_paths(p.graph, {}, 1);
  EXPECT_TRUE(drawing.svg.empty());
  EXPECT_NE(drawing.note.find("2 principals are too many to draw"), std::string::npos) << drawing.note;
}

// ---- --fix ----

Paths run_fix(const AccountBuilder& b) { return run(b, {}, "", true); }

TEST(PathsFix, OneGroupEditCutsTheSameGrantForEveryMember) {
  const std::string put_self = policy(allow("iam:PutUserPolicy", "arn:aws:iam::111122223333:user/${aws:username}"));
  AccountBuilder b;
  b.group("ops", {put_self}).user("ann", {}, {"ops"}).user("ben", {}, {"ops"}).user("cat", {}, {"ops"});
  Paths p = run_fix(b);
  ASSERT_TRUE(p.graph.fix.computed);
  EXPECT_TRUE(p.graph.fix.complete);
  ASSERT_EQ(p.graph.fix.edits.size(), 1u);
  const FixEdit& e = p.graph.fix.edits[0];
  EXPECT_EQ(e.kind, FixWhere::kGroup);
  EXPECT_EQ(e.where, arn("group", "ops"));
  EXPECT_EQ(e.statement(), R"({"Effect":"Deny","Action":"iam:PutUserPolicy","Resource":"*"})");
  EXPECT_EQ(e.cuts.size(), 3u);
  // The edit made for real: the group's policies with the Deny added leave no path.
  AccountBuilder fixed;
  fixed.group("ops", {put_self, policy(e.statement())}).user("ann", {}, {"ops"}).user("ben", {}, {"ops"}).user("cat", {}, {"ops"});
  Paths after = run(fixed);
  for (const char* u : {"ann", "ben", "cat"}) EXPECT_EQ(after.methods(u), "") << u;
}

TEST(PathsFix, EveryWayOfOnePrincipalJoinsOneDenyStatement) {
  // Two independent self-escalations: cutting the first leaves the second, found by searching again.
  Paths p = run_fix(AccountBuilder().user(
      "alice", {policy(allow("[\"iam:PutUserPolicy\",\"iam:AttachUserPolicy\"]", arn("user", "alice")))}));
  ASSERT_TRUE(p.graph.fix.complete);
  ASSERT_EQ(p.graph.fix.edits.size(), 1u);
  EXPECT_EQ(p.graph.fix.edits[0].kind, FixWhere::kPrincipal);
  const std::string statement = p.graph.fix.edits[0].statement();
  EXPECT_NE(statement.find("iam:PutUserPolicy"), std::string::npos) << statement;
  EXPECT_NE(statement.find("iam:AttachUserPolicy"), std::string::npos) << statement;
  EXPECT_GE(p.graph.fix.searches, 2u);
  // Applied for real: no path.
  Paths after = run(AccountBuilder().user(
      "alice", {policy(allow("[\"iam:PutUserPolicy\",\"iam:AttachUserPolicy\"]", arn("user", "alice"))), policy(statement)}));
  EXPECT_EQ(after.methods("alice"), "");
}

TEST(PathsFix, ARoleTrustedByManyIsFixedInItsTrustPolicy) {
  const std::string trust = policy(fmt::format(R"({{"Effect":"Allow","Principal":{{"AWS":["{}","{}"]}},"Action":"sts:AssumeRole"}})",
                                               arn("user", "u1"), arn("user", "u2")));
  Paths p = run_fix(AccountBuilder().user("u1", {}).user("u2", {}).role("admin", trust, {}, true));
  EXPECT_EQ(p.methods("u1"), "sts-001");
  ASSERT_TRUE(p.graph.fix.complete);
  ASSERT_EQ(p.graph.fix.edits.size(), 1u);
  const FixEdit& e = p.graph.fix.edits[0];
  EXPECT_EQ(e.kind, FixWhere::kTrust);
  EXPECT_EQ(e.where, arn("role", "admin"));
  EXPECT_EQ(e.statement(), fmt::format(R"({{"Effect":"Deny","Principal":{{"AWS":["{}","{}"]}},"Action":"sts:AssumeRole"}})",
                                       arn("user", "u1"), arn("user", "u2")));
  // The trust policy with the Deny added: nobody reaches admin.
  const std::string fixed_trust =
      policy(fmt::format(R"({{"Effect":"Allow","Principal":{{"AWS":["{}","{}"]}},"Action":"sts:AssumeRole"}},{})", arn("user", "u1"),
                         arn("user", "u2"), e.statement()));
  Paths after = run(AccountBuilder().user("u1", {}).user("u2", {}).role("admin", fixed_trust, {}, true));
  EXPECT_EQ(after.methods("u1"), "");
  EXPECT_EQ(after.methods("u2"), "");
}

TEST(PathsFix, NoEditTakesAnAdministratorsRightsAway) {
  // The group holds an administrator too: denying in the group would strip it; the edit goes to the user.
  const std::string put_self = policy(allow("iam:PutUserPolicy", "arn:aws:iam::111122223333:user/${aws:username}"));
  Paths p = run_fix(AccountBuilder().group("ops", {put_self}).group("admins", {}, true).user("ann", {}, {"ops"}).user("root-like", {}, {"ops", "admins"}));
  ASSERT_TRUE(p.graph.fix.complete);
  ASSERT_EQ(p.graph.fix.edits.size(), 1u);
  EXPECT_EQ(p.graph.fix.edits[0].kind, FixWhere::kPrincipal);
  EXPECT_EQ(p.graph.fix.edits[0].where, arn("user", "ann"));
}

TEST(PathsFix, NothingToFixIsCompleteWithNoEdits) {
  Paths p = run_fix(AccountBuilder().user("alice", {policy(allow("s3:GetObject"))}));
  EXPECT_TRUE(p.graph.fix.complete);
  EXPECT_TRUE(p.graph.fix.edits.empty());
  // Paths themselves are those found without edits.
  Paths q = run_fix(AccountBuilder().user("alice", {policy(allow("iam:PutUserPolicy", arn("user", "alice")))}));
  EXPECT_EQ(q.methods("alice"), "iam-007");
}

}  // namespace
}  // namespace iamwarden::escalation
