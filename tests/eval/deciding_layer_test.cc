// Every implicit deny names the layer that decided it, and the trace lists the missing context values.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "eval_fixture.h"

namespace iamwarden::eval::testing {
namespace {

struct Decided {
  std::unique_ptr<simulate::SimulationCase> c;  ///< the outcome points into its policies
  Outcome outcome;
  std::string reason;
  std::vector<std::string> missing;
  std::vector<std::string> light_missing;  ///< from a statement-free trace
};

Decided decide_full(const std::string& principal, const std::string& action, const std::string& resource,
                    const std::string& policies, const std::string& context = "{}") {
  std::string json = R"({"request":{"principal":")" + principal + R"(","action":")" + action + R"(","resource":")" +
                     resource + R"(","context":)" + context + R"(},"policies":{)" + policies + "}}";
  Result<JsonDocument> parsed = parse_json(json, "test.json");
  EXPECT_TRUE(parsed.ok());
  auto c = std::make_unique<simulate::SimulationCase>();
  std::vector<Error> errors;
  EXPECT_TRUE(simulate::load_case(*parsed, *c, errors)) << (errors.empty() ? "" : errors.front().format());
  Decided d;
  d.outcome = evaluate(c->request, c->set);
  d.reason = d.outcome.describe();
  Trace full;
  EXPECT_EQ(evaluate(c->request, c->set, &full).decision, d.outcome.decision);
  d.missing = full.missing_keys;
  Trace light;
  light.record_statements = false;
  EXPECT_EQ(evaluate(c->request, c->set, &light).decision, d.outcome.decision);
  EXPECT_TRUE(light.statements.empty());
  d.light_missing = light.missing_keys;
  d.c = std::move(c);
  return d;
}

const std::string kAllowAll = doc(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
const std::string kBucketForRole = doc(
    R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Dev"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"})");
const std::string kBoundaryEc2Only = doc(R"({"Effect":"Allow","Action":"ec2:*","Resource":"*"})");

TEST(DecidingLayerTest, BoundaryBlocksAResourcePolicyGrantToTheRole) {
  // The issue's case: a same-account bucket policy names the role; its boundary does not allow S3.
  Decided d = decide_full(kSession, "s3:GetObject", "arn:aws:s3:::b/k",
                          R"("resource":)" + kBucketForRole + R"(,"permissionBoundary":)" + kBoundaryEc2Only);
  EXPECT_EQ(d.outcome.decision, Decision::kImplicitDeny);
  EXPECT_EQ(d.reason, "implicit deny: the permissions boundary does not allow the action");
  EXPECT_EQ(d.outcome.layer, "boundary");
}

TEST(DecidingLayerTest, SessionPolicyBlocksAResourcePolicyGrantToTheRole) {
  Decided d = decide_full(kSession, "s3:GetObject", "arn:aws:s3:::b/k",
                          R"("resource":)" + kBucketForRole + R"(,"session":)" + kBoundaryEc2Only);
  EXPECT_EQ(d.reason, "implicit deny: the session policy does not allow the action");
  EXPECT_EQ(d.outcome.layer, "session");
}

TEST(DecidingLayerTest, AccountGrantNeedsAnIdentityAllow) {
  std::string bucket = doc(
      R"({"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"})");
  Decided d = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k", R"("resource":)" + bucket);
  EXPECT_EQ(d.reason,
            "implicit deny: the resource policy grants the action only to the caller's account, and no "
            "identity-based policy of the caller allows it");
  EXPECT_EQ(d.outcome.layer, "identity");
}

TEST(DecidingLayerTest, NothingAllowsNamesBothLayers) {
  Decided d = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k", R"("identity":[)" + kBoundaryEc2Only + "]");
  EXPECT_EQ(d.reason, "implicit deny: no identity-based or resource-based policy allows the action");
  EXPECT_EQ(d.outcome.layer, "identity");
}

TEST(DecidingLayerTest, ScpLevelAndBoundaryAndCrossAccount) {
  Decided scp = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k",
                            R"("identity":[)" + kAllowAll + R"(],"scp":[[)" + kAllowAll + "],[" + kBoundaryEc2Only + "]]");
  EXPECT_EQ(scp.reason, "implicit deny: no SCP at level 2 allows the action");
  EXPECT_EQ(scp.outcome.layer, "scp");
  EXPECT_EQ(scp.outcome.level, 1);

  Decided boundary = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k",
                                 R"("identity":[)" + kAllowAll + R"(],"permissionBoundary":)" + kBoundaryEc2Only);
  EXPECT_EQ(boundary.reason, "implicit deny: the permissions boundary does not allow the action");

  Decided no_policy = decide_full(kUser, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:222222222222:q",
                                  R"("identity":[)" + kAllowAll + "]");
  EXPECT_EQ(no_policy.reason, "implicit deny: cross-account request and no resource-based policy allows the caller");
  EXPECT_EQ(no_policy.outcome.layer, "resource");
}

TEST(DecidingLayerTest, TrustAndKeyPoliciesAreNamed) {
  std::string trust = doc(R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/bob"},"Action":"sts:AssumeRole"})");
  Decided role = decide_full(kUser, "sts:AssumeRole", "arn:aws:iam::111111111111:role/Target",
                             R"("identity":[)" + kAllowAll + R"(],"resource":)" + trust);
  EXPECT_EQ(role.reason, "implicit deny: the role trust policy does not admit the caller");
  EXPECT_EQ(role.outcome.layer, "resource");

  Decided key = decide_full(kUser, "kms:Decrypt", "arn:aws:kms:eu-west-1:111111111111:key/k1",
                            R"("identity":[)" + kAllowAll + "]");
  EXPECT_EQ(key.reason, "implicit deny: no KMS key policy was given, and only the key policy can admit the caller");

  Decided anonymous = decide_full("anonymous", "s3:GetObject", "arn:aws:s3:::b/k", R"("resource":)" + kBucketForRole);
  EXPECT_EQ(anonymous.reason, "implicit deny: only a resource-based policy can allow this caller, and none allows it");
}

TEST(DecidingLayerTest, MissingContextValuesOfApplicableStatementsOnly) {
  // The SCP region guardrail without aws:RequestedRegion: the deny fires and the key is reported.
  std::string guardrail = doc(
      R"({"Effect":"Allow","Action":"*","Resource":"*"},)"
      R"({"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}},)"
      R"({"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":"nobody"},"Bool":{"aws:SecureTransport":"false"}}},)"
      R"({"Effect":"Deny","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}})");
  const std::string policies = R"("identity":[)" + kAllowAll + R"(],"scp":[[)" + guardrail + "]]";
  Decided d = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k", policies, R"({"aws:username":"alice"})");
  EXPECT_EQ(d.outcome.decision, Decision::kExplicitDeny);
  // aws:SecureTransport counts although the clause before it fails; the ec2-only statement does not.
  EXPECT_EQ(d.missing, (std::vector<std::string>{"aws:RequestedRegion", "aws:SecureTransport"}));
  EXPECT_EQ(d.light_missing, d.missing);

  Decided given = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k", policies,
                              R"({"aws:username":"alice","aws:requestedregion":"eu-west-1","aws:SecureTransport":"true"})");
  EXPECT_EQ(given.outcome.decision, Decision::kAllowed);
  EXPECT_TRUE(given.missing.empty());
}

TEST(DecidingLayerTest, MissingKeysAreListedOnceIgnoringCase) {
  std::string a = doc(R"({"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}})");
  std::string b = doc(R"({"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:multifactorauthpresent":"true"}}})");
  Decided d = decide_full(kUser, "s3:GetObject", "arn:aws:s3:::b/k", R"("identity":[)" + a + "," + b + "]");
  EXPECT_EQ(d.missing, (std::vector<std::string>{"aws:MultiFactorAuthPresent"}));
}

}  // namespace
}  // namespace iamwarden::eval::testing
