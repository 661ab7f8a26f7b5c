// Effective permissions through the engine: allowed / conditional / denied, admin, explanations.
#include <gtest/gtest.h>

#include "access/access.h"
#include "catalog/catalog.h"
#include "policy/parser.h"

#include "test_catalog.h"

namespace iamwarden::access {
namespace {

using testing::test_catalog;

BoundedPolicy bounded(std::string text, policy::PolicyKind kind = policy::PolicyKind::kIdentity,
                      KnownKeys known = KnownKeys::kPrincipal) {
  Result<policy::Policy> p = policy::parse_policy_text(std::move(text), "test.json", kind);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().format());
  return bound_and_compile(*p, "test", known);
}

eval::Caller alice() { return *eval::parse_caller("arn:aws:iam::111111111111:user/alice"); }

eval::Context alice_context() {
  eval::Context c;
  (void)c.set("aws:username", "alice");
  (void)c.set("aws:PrincipalArn", "arn:aws:iam::111111111111:user/alice");
  return c;
}

struct Fixture {
  std::vector<BoundedPolicy> identity;
  std::optional<BoundedPolicy> boundary;
  std::vector<BoundedPolicy> scps;  // one per level
  AccessEvaluator evaluator() {
    Layers layers;
    for (const BoundedPolicy& p : identity) layers.identity.push_back(&p);
    if (boundary) layers.boundary = &*boundary;
    for (const BoundedPolicy& p : scps) layers.scp_levels.push_back({&p});
    layers.known = KnownKeys::kPrincipal;
    return AccessEvaluator(layers, alice(), alice_context(), &test_catalog());
  }
};

constexpr const char* kAdmin = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";

TEST(Access, AdministratorAccessIsAdmin) {
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.admin(test_catalog()), Grant::kAllowed);
  EXPECT_EQ(e.check("iam", "CreateUser"), Grant::kAllowed);
}

TEST(Access, ResourceLimitedGrantIsConditionalWithItsResources) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":"arn:aws:s3:::reports/*"}})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.check("s3", "PutObject"), Grant::kDenied);
  EXPECT_FALSE(e.uniform_service("s3"));  // s3:GetObject differs from the other s3 actions
  GrantReason why = e.explain("s3", "GetObject");
  EXPECT_EQ(why.resources, std::vector<std::string>{"arn:aws:s3:::reports/*"});
  EXPECT_EQ(e.admin(test_catalog()), Grant::kDenied);
}

TEST(Access, UnknownConditionMakesGrantConditionalAndNamesTheKey) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
      "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.admin(test_catalog()), Grant::kConditional);
  EXPECT_EQ(e.explain("ec2", "RunInstances").condition_keys, std::vector<std::string>{"aws:MultiFactorAuthPresent"});
}

TEST(Access, PrincipalKeysAreDecidedNotGuessed) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":"iam:ChangePassword","Resource":"*","Condition":{"StringEquals":{"aws:username":"alice"}}},
      {"Effect":"Allow","Action":"iam:GetUser","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}}]})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("iam", "ChangePassword"), Grant::kAllowed);
  EXPECT_EQ(e.check("iam", "GetUser"), Grant::kDenied);
}

TEST(Access, DenyWinsAndConditionalDenyMakesItConditional) {
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Deny","Action":"iam:*","Resource":"*"},
      {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}},
      {"Effect":"Deny","Action":"dynamodb:DeleteTable","Resource":"arn:aws:dynamodb:*:*:table/prod"}]})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("iam", "CreateUser"), Grant::kDenied);
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.explain("s3", "GetObject").condition_keys, std::vector<std::string>{"aws:RequestedRegion"});
  EXPECT_EQ(e.check("dynamodb", "DeleteTable"), Grant::kConditional);
  EXPECT_EQ(e.explain("dynamodb", "DeleteTable").except, std::vector<std::string>{"arn:aws:dynamodb:*:*:table/prod"});
  EXPECT_EQ(e.check("dynamodb", "GetItem"), Grant::kAllowed);
  EXPECT_EQ(e.admin(test_catalog()), Grant::kDenied);
}

TEST(Access, NotActionAllowGrantsEverythingElse) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("ec2", "RunInstances"), Grant::kAllowed);
  EXPECT_EQ(e.check("iam", "PassRole"), Grant::kDenied);
  EXPECT_EQ(e.service(test_catalog(), "iam"), Grant::kDenied);
  EXPECT_EQ(e.service(test_catalog(), "s3"), Grant::kAllowed);
  EXPECT_TRUE(e.uniform_service("iam"));  // "iam:*" treats every iam action alike
  EXPECT_TRUE(e.uniform_service("s3"));
}

TEST(Access, NotResourceAllowIsOnlyConditional) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}})"));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.explain("s3", "GetObject").resources, std::vector<std::string>{"NotResource arn:aws:s3:::secret/*"});
}

TEST(Access, BoundaryAndScpsLimitTheGrant) {
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  f.boundary = bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"}})",
                       policy::PolicyKind::kBoundary);
  f.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
                           policy::PolicyKind::kScp));
  f.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]})", policy::PolicyKind::kScp));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("s3", "PutObject"), Grant::kAllowed);
  EXPECT_EQ(e.check("iam", "CreateUser"), Grant::kDenied);         // outside the boundary
  EXPECT_EQ(e.check("ec2", "TerminateInstances"), Grant::kDenied);  // SCP deny
  EXPECT_EQ(e.check("ec2", "RunInstances"), Grant::kAllowed);
}

TEST(Access, ScpLevelWithoutAllowDeniesEverything) {
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  f.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})",
                           policy::PolicyKind::kScp));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kAllowed);
  EXPECT_EQ(e.check("ec2", "RunInstances"), Grant::kDenied);
}

TEST(Access, AllMatchesCheckForEveryAction) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["s3:Get*","ec2:*"],"Resource":"*"},
      {"Effect":"Deny","Action":"ec2:Terminate*","Resource":"*"}]})"));
  AccessEvaluator e = f.evaluator();
  const catalog::Catalog& cat = test_catalog();
  std::vector<Grant> all = e.all(cat);
  ASSERT_EQ(all.size(), cat.actions().size());
  for (const char* name : {"s3:GetObject", "s3:PutObject", "ec2:RunInstances", "ec2:TerminateInstances", "iam:GetUser"}) {
    const catalog::Action* a = cat.find_action(name);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(all[cat.index_of(*a)], e.check(cat.service_of(*a).prefix, a->name)) << name;
  }
  EXPECT_EQ(all[cat.index_of(*cat.find_action("ec2:TerminateInstances"))], Grant::kDenied);
  EXPECT_EQ(all[cat.index_of(*cat.find_action("s3:GetObject"))], Grant::kAllowed);
}

TEST(Access, PolicyAloneTreatsPrincipalKeysAsUnknown) {
  Fixture f;
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
      "Condition":{"StringEquals":{"aws:username":"bob"}}}})", policy::PolicyKind::kIdentity, KnownKeys::kNone));
  Layers layers;
  layers.identity.push_back(&f.identity[0]);
  AccessEvaluator e(layers, anonymous_user_of("111111111111"), {});
  EXPECT_EQ(e.admin(test_catalog()), Grant::kConditional);
}

}  // namespace
}  // namespace iamwarden::access

namespace iamwarden::access {
namespace {

TEST(AccessAdmin, AdministratorUnderGuardrailScpsIsStillAdmin) {
  // AdministratorAccess under an SCP that denies leaving the organization to everyone and limits
  // regions: the principal can do all that anyone in the account can, so it is an administrator.
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  f.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},
      {"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]})",
                           policy::PolicyKind::kScp));
  AccessEvaluator e = f.evaluator();
  EXPECT_EQ(e.check("organizations", "LeaveOrganization"), Grant::kDenied);
  EXPECT_EQ(e.admin(test_catalog()), Grant::kAllowed);
}

TEST(AccessAdmin, TheCeilingIsThatOfAnOrdinaryPrincipal) {
  // An SCP that stops everyone but one break-glass role from touching CloudTrail does not make
  // alice less of an administrator; an SCP that singles alice out does.
  Fixture guarded;
  guarded.identity.push_back(bounded(kAdmin));
  guarded.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"cloudtrail:*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/BreakGlass"}}}]})",
                                 policy::PolicyKind::kScp));
  EXPECT_EQ(guarded.evaluator().admin(test_catalog()), Grant::kAllowed);

  Fixture quarantined;
  quarantined.identity.push_back(bounded(kAdmin));
  quarantined.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/alice"}}}]})",
                                     policy::PolicyKind::kScp));
  EXPECT_EQ(quarantined.evaluator().admin(test_catalog()), Grant::kDenied);
}

TEST(AccessAdmin, PrincipalDenyBelowTheCeilingIsNotAdmin) {
  Fixture f;
  f.identity.push_back(bounded(kAdmin));
  f.identity.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}})"));
  f.scps.push_back(bounded(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
                           policy::PolicyKind::kScp));
  EXPECT_EQ(f.evaluator().admin(test_catalog()), Grant::kDenied);
}

}  // namespace
}  // namespace iamwarden::access
