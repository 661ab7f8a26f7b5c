// Issue 19's cases: `access` must agree with eval::evaluate on the same policies. Each test states
// the answer and, where one request settles it, checks that request with the evaluator.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <optional>

#include "access/access.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "policy/parser.h"

#include "test_catalog.h"

namespace iamwarden::access {
namespace {

using testing::test_catalog;

constexpr const char* kAccount = "111111111111";
constexpr const char* kAdmin = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";

// One principal: alice (an IAM user, optionally tagged, optionally in an organization).
struct Principal {
  std::vector<std::pair<std::string, std::string>> tags;
  std::string org;
  std::vector<BoundedPolicy> identity;
  std::optional<BoundedPolicy> boundary;
  std::vector<BoundedPolicy> scps;  // one per level

  KnownKeys known() const { return org.empty() ? KnownKeys::kPrincipal : KnownKeys::kPrincipal | KnownKeys::kOrganization; }

  void add(std::string text, policy::PolicyKind kind = policy::PolicyKind::kIdentity) {
    Result<policy::Policy> p = policy::parse_policy_text(std::move(text), "test.json", kind);
    ASSERT_TRUE(p.ok()) << (p.ok() ? "" : p.error().format());
    BoundedPolicy b = bound_and_compile(*p, "test", known());
    if (kind == policy::PolicyKind::kBoundary) boundary = std::move(b);
    else if (kind == policy::PolicyKind::kScp) scps.push_back(std::move(b));
    else identity.push_back(std::move(b));
  }

  eval::Caller caller() const { return *eval::parse_caller(fmt::format("arn:aws:iam::{}:user/alice", kAccount)); }

  // The keys the principal decides, as principal_access derives them.
  eval::Context context() const {
    eval::Context c;
    (void)c.set("aws:username", "alice");
    (void)c.set("aws:PrincipalArn", fmt::format("arn:aws:iam::{}:user/alice", kAccount));
    (void)c.set("aws:PrincipalAccount", kAccount);
    (void)c.set("aws:ResourceAccount", kAccount);
    for (const auto& [k, v] : tags) (void)c.set("aws:PrincipalTag/" + k, v);
    if (!org.empty()) {
      (void)c.set("aws:PrincipalOrgID", org);
      (void)c.set("aws:ResourceOrgID", org);
    }
    return c;
  }

  Layers layers() const {
    Layers l;
    for (const BoundedPolicy& p : identity) l.identity.push_back(&p);
    if (boundary) l.boundary = &*boundary;
    for (const BoundedPolicy& p : scps) l.scp_levels.push_back({&p});
    l.known = known();
    return l;
  }

  AccessEvaluator evaluator() const { return AccessEvaluator(layers(), caller(), context(), &test_catalog()); }

  // The evaluator's decision on one request (the policies as written; same account).
  eval::Decision decide(std::string_view action, std::string_view resource,
                        std::vector<std::pair<std::string, std::string>> keys = {}) const {
    eval::PolicySet set;
    for (const BoundedPolicy& p : identity) set.identity.push_back(p.original.get());
    if (boundary) set.boundary = boundary->original.get();
    for (const BoundedPolicy& p : scps) set.scp_levels.push_back({p.original.get()});
    eval::Context ctx;
    for (const auto& [k, v] : tags) (void)ctx.set("aws:PrincipalTag/" + k, v);
    if (!org.empty()) (void)ctx.set("aws:PrincipalOrgID", org);
    for (auto& [k, v] : keys) (void)ctx.set(k, v);
    // The principal's side: another account's resource is judged as if its policy allowed.
    eval::ArnParts parts = eval::split_arn(resource);
    std::string resource_account = parts.ok && !parts.account().empty() ? std::string(parts.account()) : kAccount;
    ctx.set_default("aws:ResourceAccount", resource_account);
    Result<eval::Request> r = eval::make_request(caller(), action, resource, kAccount, std::move(ctx));
    EXPECT_TRUE(r.ok());
    r->needs_explicit_trust = false;
    eval::add_principal_keys(*r);
    if (!org.empty()) r->context.set_default("aws:ResourceOrgID", org);
    return eval::evaluate(*r, set).decision;
  }

  // The conditional grant's example, checked with the evaluator.
  void expect_example_allowed(std::string_view service, std::string_view action) const {
    AccessEvaluator e = evaluator();
    GrantReason why = e.explain(service, action);
    ASSERT_TRUE(why.example.has_value()) << service << ":" << action;
    EXPECT_EQ(decide(fmt::format("{}:{}", service, action), why.example->resource, why.example->context),
              eval::Decision::kAllowed)
        << why.example->resource;
  }
};

// ---- 1. a principal key compared with a request variable ----

TEST(ExactAccess, AbacAllowIsConditionalOnTheResourceTag) {
  Principal p;
  p.tags = {{"team", "red"}};
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
      "Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"}}}})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  GrantReason why = e.explain("s3", "GetObject");
  EXPECT_EQ(why.condition_keys, std::vector<std::string>{"aws:ResourceTag/team"});
  ASSERT_TRUE(why.example.has_value());
  EXPECT_EQ(why.example->context, (std::vector<std::pair<std::string, std::string>>{{"aws:ResourceTag/team", "red"}}));
  p.expect_example_allowed("s3", "GetObject");

  Principal untagged;  // no team tag: no resource tag can equal it
  untagged.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
      "Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"}}}})");
  EXPECT_EQ(untagged.evaluator().check("s3", "GetObject"), Grant::kDenied);
  EXPECT_EQ(untagged.decide("s3:GetObject", "arn:aws:s3:::b/k", {{"aws:ResourceTag/team", ""}}), eval::Decision::kImplicitDeny);
}

TEST(ExactAccess, AccountGuardDenyLeavesAnAdministratorAdmin) {
  Principal p;
  p.add(kAdmin);
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}"}}}})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.admin(test_catalog()), Grant::kAllowed);
  EXPECT_EQ(e.check("iam", "CreateUser"), Grant::kAllowed);
  EXPECT_EQ(p.decide("iam:CreateUser", "arn:aws:iam::111111111111:user/x"), eval::Decision::kAllowed);
  // Another account's role: the guard denies it, and access does not list it.
  Principal q;
  q.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/x"}})");
  q.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}"}}}})");
  EXPECT_EQ(q.evaluator().check("sts", "AssumeRole"), Grant::kDenied);
}

TEST(ExactAccess, AbacDenyIsNotIgnored) {
  Principal p;
  p.tags = {{"team", "red"}};
  p.add(kAdmin);
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"}}}})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.admin(test_catalog()), Grant::kConditional);
  EXPECT_EQ(p.decide("s3:GetObject", "arn:aws:s3:::b/k", {{"aws:ResourceTag/team", "blue"}}), eval::Decision::kExplicitDeny);
  p.expect_example_allowed("s3", "GetObject");
}

// ---- 2. layers intersected, denies subtracted ----

TEST(ExactAccess, AllowAndDenyOnTheSamePatternIsDenied) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"},
      {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}]})");
  EXPECT_EQ(p.evaluator().check("s3", "GetObject"), Grant::kDenied);
  EXPECT_EQ(p.decide("s3:GetObject", "arn:aws:s3:::a/x"), eval::Decision::kExplicitDeny);
}

TEST(ExactAccess, IdentityAndBoundaryOnDisjointResourcesIsDenied) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}})");
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}})",
        policy::PolicyKind::kBoundary);
  EXPECT_EQ(p.evaluator().check("s3", "GetObject"), Grant::kDenied);
  EXPECT_EQ(p.decide("s3:GetObject", "arn:aws:s3:::a/x"), eval::Decision::kImplicitDeny);
  EXPECT_EQ(p.decide("s3:GetObject", "arn:aws:s3:::b/x"), eval::Decision::kImplicitDeny);
}

TEST(ExactAccess, IdentityAndBoundaryOnDifferentRegionsIsDenied) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*",
      "Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}})");
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*",
      "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}})",
        policy::PolicyKind::kBoundary);
  EXPECT_EQ(p.evaluator().check("ec2", "RunInstances"), Grant::kDenied);
  EXPECT_EQ(p.evaluator().admin(test_catalog()), Grant::kDenied);
  EXPECT_EQ(p.decide("ec2:RunInstances", "*", {{"aws:RequestedRegion", "us-east-1"}}), eval::Decision::kImplicitDeny);
  EXPECT_EQ(p.decide("ec2:RunInstances", "*", {{"aws:RequestedRegion", "eu-west-1"}}), eval::Decision::kImplicitDeny);
}

// ---- 3. aws:userid and aws:PrincipalOrgID are the principal's ----

TEST(ExactAccess, PrincipalOrgIdIsDecidedByThePrincipal) {
  Principal p;
  p.org = "o-mine";
  p.add(kAdmin);
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-other"},"Bool":{"aws:MultiFactorAuthPresent":"false"}}}})");
  AccessEvaluator e = p.evaluator();
  // Without MFA every action is denied; with MFA allowed: conditional on MFA, not on the org.
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.explain("s3", "GetObject").condition_keys, std::vector<std::string>{"aws:MultiFactorAuthPresent"});
  Principal strict;
  strict.org = "o-mine";
  strict.add(kAdmin);
  strict.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-other"}}}})");
  EXPECT_EQ(strict.evaluator().check("s3", "GetObject"), Grant::kDenied);
  EXPECT_EQ(strict.evaluator().admin(test_catalog()), Grant::kDenied);
  EXPECT_EQ(strict.decide("s3:GetObject", "arn:aws:s3:::b/k"), eval::Decision::kExplicitDeny);
}

// ---- 4, 5. where it is allowed, and what is cut out ----

TEST(ExactAccess, OnlyPatternsAllowedAfterIntersectionAreListed) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":["arn:aws:s3:::a/*","arn:aws:s3:::c/*"]}})");
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":["arn:aws:s3:::b/*","arn:aws:s3:::a/reports/*"]}})", policy::PolicyKind::kBoundary);
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.explain("s3", "GetObject").resources, std::vector<std::string>{"arn:aws:s3:::a/reports/*"});
  p.expect_example_allowed("s3", "GetObject");
  EXPECT_EQ(p.decide("s3:GetObject", "arn:aws:s3:::b/x"), eval::Decision::kImplicitDeny);
}

TEST(ExactAccess, ResourceScopedDenyIsNamed) {
  Principal p;
  p.add(kAdmin);
  p.add(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::vault/*"},
      {"Effect":"Deny","Action":"s3:PutObject","NotResource":"arn:aws:s3:::uploads/*"}]})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  GrantReason get = e.explain("s3", "GetObject");
  EXPECT_EQ(get.except, std::vector<std::string>{"arn:aws:s3:::vault/*"});
  EXPECT_TRUE(get.resources.empty());  // anywhere else
  p.expect_example_allowed("s3", "GetObject");
  EXPECT_EQ(e.explain("s3", "PutObject").except, std::vector<std::string>{"not arn:aws:s3:::uploads/*"});
  p.expect_example_allowed("s3", "PutObject");
}

// ---- 6. resource types ----

TEST(ExactAccess, PatternsOfTheWrongTypeGrantNothing) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObject"],
      "Resource":"arn:aws:iam::*:role/app"}})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("s3", "ListAllMyBuckets"), Grant::kDenied);  // takes only "*"
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kDenied);         // an object is no role
  EXPECT_EQ(p.decide("s3:ListAllMyBuckets", "*"), eval::Decision::kImplicitDeny);

  Principal buckets;
  buckets.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}})");
  AccessEvaluator b = buckets.evaluator();
  EXPECT_EQ(b.check("s3", "ListAllMyBuckets"), Grant::kDenied);
  EXPECT_EQ(b.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(b.check("s3", "ListBucket"), Grant::kDenied);  // a bucket ARN has no '/'
  buckets.expect_example_allowed("s3", "GetObject");
}

// ---- 7. AWS-owned resources ----

TEST(ExactAccess, AwsManagedPoliciesCannotBeChanged) {
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["iam:CreatePolicyVersion","iam:GetPolicyVersion"],
      "Resource":"arn:aws:iam::aws:policy/*"}})");
  AccessEvaluator e = p.evaluator();
  EXPECT_EQ(e.check("iam", "CreatePolicyVersion"), Grant::kDenied);
  EXPECT_EQ(e.check("iam", "GetPolicyVersion"), Grant::kConditional);
  p.expect_example_allowed("iam", "GetPolicyVersion");

  Principal mixed;  // the account's own policies stay reachable, the AWS-owned ones are noted
  mixed.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:CreatePolicyVersion",
      "Resource":["arn:aws:iam::aws:policy/*","arn:aws:iam::111111111111:policy/app-*"]}})");
  AccessEvaluator m = mixed.evaluator();
  EXPECT_EQ(m.check("iam", "CreatePolicyVersion"), Grant::kConditional);
  GrantReason why = m.explain("iam", "CreatePolicyVersion");
  EXPECT_EQ(why.resources, std::vector<std::string>{"arn:aws:iam::111111111111:policy/app-*"});
  ASSERT_EQ(why.notes.size(), 1u);
  EXPECT_NE(why.notes[0].find("owned by AWS"), std::string::npos);
}

// ---- 8. resources with their own policies ----

TEST(ExactAccess, ActionsDecidedByTheResourcesPolicyAreKnown) {
  EXPECT_TRUE(resource_policy_decides(test_catalog(), "sts", "AssumeRole"));
  EXPECT_TRUE(resource_policy_decides(test_catalog(), "kms", "Decrypt"));
  EXPECT_FALSE(resource_policy_decides(test_catalog(), "s3", "ListAllMyBuckets"));
  EXPECT_FALSE(resource_policy_decides(test_catalog(), "iam", "CreateUser"));
  Principal p;
  p.add(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/deploy"}})");
  EXPECT_EQ(p.evaluator().check("sts", "AssumeRole"), Grant::kConditional);
  EXPECT_EQ(p.evaluator().explain("sts", "AssumeRole").resources, std::vector<std::string>{"arn:aws:iam::*:role/deploy"});
}

// ---- 9. actions only some kinds of caller can call ----

TEST(ExactAccess, RoleSessionsCannotGetSessionTokens) {
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions();
  ASSERT_TRUE(restrictions.ok());
  Principal p;
  p.add(kAdmin);
  AccessEvaluator user = p.evaluator();
  user.use_caller_restrictions(&*restrictions);
  EXPECT_EQ(user.check("sts", "GetSessionToken"), Grant::kAllowed);
  EXPECT_EQ(user.check("iam", "ChangePassword"), Grant::kAllowed);
  EXPECT_EQ(user.refusal("sts", "GetSessionToken"), "");

  eval::Caller session = *eval::parse_caller(fmt::format("arn:aws:sts::{}:assumed-role/deploy/ci", kAccount));
  AccessEvaluator role(p.layers(), session, p.context(), &test_catalog());
  role.use_caller_restrictions(&*restrictions);
  EXPECT_EQ(role.check("sts", "GetSessionToken"), Grant::kDenied);
  EXPECT_EQ(role.check("STS", "getfederationtoken"), Grant::kDenied);
  EXPECT_EQ(role.check("iam", "ChangePassword"), Grant::kDenied);
  EXPECT_EQ(role.check("sts", "GetCallerIdentity"), Grant::kAllowed);
  EXPECT_NE(role.refusal("sts", "GetSessionToken").find("cannot be called by a role session"), std::string::npos);
  // all() must not copy the refusal to the action's class-mates, nor the class's answer to it.
  std::vector<Grant> grants = role.all(test_catalog());
  auto grant_of = [&](std::string_view name) { return grants[test_catalog().index_of(*test_catalog().find_action(name))]; };
  EXPECT_EQ(grant_of("sts:GetSessionToken"), Grant::kDenied);
  EXPECT_EQ(grant_of("sts:AssumeRole"), Grant::kAllowed);
  EXPECT_EQ(grant_of("iam:ChangePassword"), Grant::kDenied);
  EXPECT_EQ(grant_of("iam:CreateUser"), Grant::kAllowed);
  // A role with "*" is still an administrator.
  EXPECT_EQ(role.admin(test_catalog()), Grant::kAllowed);
}

// ---- 10. only the keys the request decides ----

TEST(ExactAccess, ConditionKeysAreOnlyTheRequests) {
  const char* policy = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",
      "Condition":{"StringEquals":{"aws:PrincipalTag/env":"prod"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}})";
  Principal untagged;
  untagged.add(policy);
  EXPECT_EQ(untagged.evaluator().check("s3", "GetObject"), Grant::kDenied);
  Principal prod;
  prod.tags = {{"env", "prod"}};
  prod.add(policy);
  AccessEvaluator e = prod.evaluator();
  EXPECT_EQ(e.check("s3", "GetObject"), Grant::kConditional);
  EXPECT_EQ(e.explain("s3", "GetObject").condition_keys, std::vector<std::string>{"aws:MultiFactorAuthPresent"});
  prod.expect_example_allowed("s3", "GetObject");
}

}  // namespace
}  // namespace iamwarden::access
