// Snapshot cases: a role's trust policy as the resource policy of sts:AssumeRole* and friends, and
// aws:ResourceAccount among the derived keys.
#include "simulate/from_snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "simulate/decide.h"
#include "simulate/derived_keys.h"
#include "snapshot/snapshot.h"

namespace iamwarden::simulate {
namespace {

constexpr const char* kGaad = R"({
  "UserDetailList": [{"UserName": "alice", "UserId": "AIDAALICE", "Arn": "arn:aws:iam::111122223333:user/alice",
    "UserPolicyList": [{"PolicyName": "assume", "PolicyDocument": {"Version": "2012-10-17",
      "Statement": {"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession", "sqs:*"], "Resource": "*"}}}]}],
  "RoleDetailList": [
    {"RoleName": "open", "RoleId": "AROAOPEN", "Arn": "arn:aws:iam::111122223333:role/team/open",
     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "Account", "Effect": "Allow",
       "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}},
    {"RoleName": "vendor", "RoleId": "AROAVENDOR", "Arn": "arn:aws:iam::111122223333:role/vendor",
     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
       "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}}
  ]})";

const snapshot::Account& account() {
  static const snapshot::Account instance = [] {
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "iamwarden_from_snapshot_test.json";
    std::ofstream(file) << kGaad;
    Result<snapshot::Account> loaded = snapshot::load_gaad_snapshot(file.string());
    std::filesystem::remove(file);
    EXPECT_TRUE(loaded.ok()) << loaded.error().format();
    return loaded.ok() ? loaded.take() : snapshot::Account{};
  }();
  return instance;
}

struct Built {
  SimulationCase c;
  std::vector<std::string> derived;
  std::vector<Error> errors;
  bool ok = false;
};

Built build(SnapshotQuestion question) {
  Built b;
  b.ok = case_from_snapshot(account(), std::move(question), b.c, b.derived, b.errors);
  return b;
}

SnapshotQuestion ask(std::string action, std::string resource) {
  SnapshotQuestion q;
  q.principal = "alice";
  q.action = std::move(action);
  q.resource = std::move(resource);
  return q;
}

bool has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(FromSnapshotTest, AssumeRoleUsesTheRolesTrustPolicy) {
  Built b = build(ask("sts:AssumeRole", "arn:aws:iam::111122223333:role/team/open"));
  ASSERT_TRUE(b.ok) << b.errors.front().format();
  ASSERT_NE(b.c.set.resource, nullptr);
  EXPECT_EQ(b.c.set.resource->name, "trust policy of role open");
  ASSERT_EQ(b.c.notes.size(), 1u);
  EXPECT_EQ(b.c.notes.front(),
            "resource policy: trust policy of role open from the snapshot (arn:aws:iam::111122223333:role/team/open)");
  eval::Trace trace;
  Answer answer = decide(b.c, nullptr, &trace);
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kAllowed);
  EXPECT_EQ(trace.notes.front(), b.c.notes.front());
  bool trust_consulted = false;
  for (const eval::StatementTrace& s : trace.statements)
    trust_consulted = trust_consulted || (s.policy == "trust policy of role open" && s.applied);
  EXPECT_TRUE(trust_consulted);

  // TagSession is decided by the trust policy too.
  Built tag = build(ask("sts:TagSession", "arn:aws:iam::111122223333:role/team/open"));
  ASSERT_TRUE(tag.ok);
  EXPECT_NE(tag.c.set.resource, nullptr);
  EXPECT_EQ(decide(tag.c, nullptr, nullptr).outcome.decision, eval::Decision::kAllowed);
}

TEST(FromSnapshotTest, TrustPolicyThatDoesNotAdmitTheCallerDenies) {
  Built b = build(ask("sts:AssumeRole", "arn:aws:iam::111122223333:role/vendor"));
  ASSERT_TRUE(b.ok);
  Answer answer = decide(b.c, nullptr, nullptr);
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kImplicitDeny);
  EXPECT_EQ(answer.outcome.rule, eval::Rule::kExplicitTrustRequired);
  ASSERT_NE(answer.outcome.policy, nullptr);
  EXPECT_EQ(answer.outcome.policy->name, "trust policy of role vendor");
}

TEST(FromSnapshotTest, GivenResourcePolicyOverridesAndUnknownRolesAreSaid) {
  SnapshotQuestion q = ask("sts:AssumeRole", "arn:aws:iam::111122223333:role/vendor");
  q.resource_policy_given = true;
  Built given = build(std::move(q));
  ASSERT_TRUE(given.ok);
  EXPECT_EQ(given.c.set.resource, nullptr);  // the caller adds the --resource-policy file
  ASSERT_EQ(given.c.notes.size(), 1u);
  EXPECT_NE(given.c.notes.front().find("the --resource-policy file, instead of the trust policy of role vendor"),
            std::string::npos);

  // The right name without its path is another ARN: no trust policy, and the note names the real one.
  Built path = build(ask("sts:AssumeRole", "arn:aws:iam::111122223333:role/open"));
  ASSERT_TRUE(path.ok);
  EXPECT_EQ(path.c.set.resource, nullptr);
  ASSERT_EQ(path.c.notes.size(), 1u);
  EXPECT_NE(path.c.notes.front().find("is not a role of the snapshot (its role open is "
                                      "arn:aws:iam::111122223333:role/team/open)"),
            std::string::npos)
      << path.c.notes.front();

  Built other = build(ask("s3:GetObject", "arn:aws:iam::111122223333:role/team/open"));
  ASSERT_TRUE(other.ok);
  EXPECT_EQ(other.c.set.resource, nullptr);
  EXPECT_TRUE(other.c.notes.empty());
}

TEST(FromSnapshotTest, ResourceAccountIsDerivedFromTheArn) {
  Built b = build(ask("sqs:SendMessage", "arn:aws:sqs:us-east-1:444455556666:q"));
  ASSERT_TRUE(b.ok);
  EXPECT_TRUE(has(b.derived, "aws:ResourceAccount"));
  const eval::ContextEntry* key = b.c.request.context.find("aws:ResourceAccount");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->values.front(), "444455556666");
  EXPECT_EQ(b.c.request.resource_account, "444455556666");  // what the evaluator uses, the same

  Built bucket = build(ask("s3:GetObject", "arn:aws:s3:::b/k"));  // no account in the ARN
  ASSERT_TRUE(bucket.ok);
  EXPECT_FALSE(has(bucket.derived, "aws:ResourceAccount"));
  EXPECT_EQ(bucket.c.request.context.find("aws:ResourceAccount"), nullptr);

  SnapshotQuestion given = ask("s3:GetObject", "arn:aws:s3:::b/k");
  given.resource_account = "444455556666";
  Built explicit_account = build(std::move(given));
  ASSERT_TRUE(explicit_account.ok);
  EXPECT_EQ(explicit_account.c.request.context.find("aws:ResourceAccount")->values.front(), "444455556666");
}

TEST(DerivedKeysTest, GivenResourceAccountIsKeptAndAConflictWarned) {
  auto request = [](std::string_view resource, std::string value) {
    eval::Context ctx;
    if (!value.empty()) {
      EXPECT_TRUE(ctx.set("aws:resourceaccount", std::move(value)).ok());
    }
    Result<eval::Request> r = eval::make_request(*eval::parse_caller("arn:aws:iam::111122223333:user/a"),
                                                 "sqs:SendMessage", resource, "", std::move(ctx));
    EXPECT_TRUE(r.ok());
    return r.take();
  };
  std::vector<std::string> derived;
  std::vector<Error> warnings;
  eval::Request same = request("arn:aws:sqs:us-east-1:444455556666:q", "444455556666");
  add_resource_account_key(same, false, derived, warnings);
  EXPECT_TRUE(derived.empty());
  EXPECT_TRUE(warnings.empty());

  eval::Request other = request("arn:aws:sqs:us-east-1:444455556666:q", "999999999999");
  add_resource_account_key(other, false, derived, warnings);
  EXPECT_TRUE(derived.empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings.front().message.find("\"999999999999\", but the resource's account is 444455556666"),
            std::string::npos)
      << warnings.front().message;
  EXPECT_EQ(other.context.find("aws:ResourceAccount")->values.front(), "999999999999");  // the user's value stays

  eval::Request star = request("*", "");
  add_resource_account_key(star, false, derived, warnings);
  EXPECT_TRUE(derived.empty());  // "*": the account is only the caller's by default, not known
}

}  // namespace
}  // namespace iamwarden::simulate
