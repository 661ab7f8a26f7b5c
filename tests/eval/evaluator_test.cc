// Tests for the whole decision (spec §5, §7.2, §7.3, §7.5).
#include "eval/evaluator.h"

#include <gtest/gtest.h>

#include "eval_fixture.h"

namespace iamwarden::eval {
namespace {

using testing::decide;
using testing::doc;
using testing::kSession;
using testing::kUser;

constexpr Decision A = Decision::kAllowed;
constexpr Decision ED = Decision::kExplicitDeny;
constexpr Decision ID = Decision::kImplicitDeny;

std::string identity(const std::string& statements) { return R"("identity":[)" + doc(statements) + "]"; }
std::string resource(const std::string& statements) { return R"("resource":)" + doc(statements); }
std::string boundary(const std::string& statements) { return R"("permissionBoundary":)" + doc(statements); }
std::string session(const std::string& statements) { return R"("session":)" + doc(statements); }
const std::string kAllowS3 = R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})";
const std::string kAllowEc2 = R"({"Effect":"Allow","Action":"ec2:*","Resource":"*"})";
const std::string kObject = "arn:aws:s3:::bkt/key";
const std::string kSameAccount = R"(,"resourceAccount":"111111111111")";
const std::string kOtherAccount = R"(,"resourceAccount":"222222222222")";

std::string bucket_allows(const std::string& principal) {
  return R"({"Effect":"Allow","Principal":)" + principal + R"(,"Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"})";
}

TEST(EvaluatorTest, ActionMatching) {  // M1-M3
  EXPECT_EQ(decide(kUser, "iam:ListAccessKeys", "*", identity(R"({"Effect":"Allow","Action":"IAM:listaccesskeys","Resource":"*"})")), A);
  EXPECT_EQ(decide(kUser, "iam:ListUsers", "*", identity(R"({"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"*"})")), ID);
  std::string not_iam = identity(R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"})");
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, not_iam), A);
  EXPECT_EQ(decide(kUser, "iam:GetUser", "*", not_iam), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(R"({"Effect":"Allow","Action":"s3:GetObject ","Resource":"*"})")), ID);
}

TEST(EvaluatorTest, WildcardOnlyActionsAndNotResource) {  // M4-M6
  std::string not_delete = identity(R"({"Effect":"Allow","NotAction":"s3:DeleteBucket","Resource":"arn:aws:s3:::*"})");
  EXPECT_EQ(decide(kUser, "s3:ListAllMyBuckets", "*", not_delete), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/k", not_delete), A);
  EXPECT_EQ(decide(kUser, "s3:ListAllMyBuckets", "*", identity(R"({"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::*"})")), ID);
  EXPECT_EQ(decide(kUser, "s3:ListAllMyBuckets", "*", identity(R"({"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b"})")), A);
  EXPECT_EQ(decide(kUser, "s3:ListAllMyBuckets", "*", identity(R"({"Effect":"Allow","Action":"s3:*","NotResource":"*"})")), ID);
}

TEST(EvaluatorTest, ResourceVariables) {  // M11-M13
  std::string deny = identity(kAllowS3 + R"(,{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::b/${aws:PrincipalTag/team}/*"})");
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/x/1", deny), ED);
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/x/1", deny, R"({"aws:PrincipalTag/team":"x"})"), A);
  std::string legacy = R"("identity":[{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}])";
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/alice/1", legacy, R"({"aws:username":"alice"})"), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/${aws:username}/1", legacy, R"({"aws:username":"alice"})"), A);
  std::string modern = identity(R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"})");
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::b/alice/1", modern, R"({"aws:username":"alice"})"), A);
  EXPECT_EQ(decide(kSession, "s3:GetObject", "arn:aws:s3:::b/alice/1", modern), ID);
}

TEST(EvaluatorTest, ShortArnsMatchInIdentityPoliciesOnly) {  // M10
  std::string queue = "arn:aws:sqs:us-east-1:111111111111:q";
  EXPECT_EQ(decide(kUser, "sqs:SendMessage", queue, identity(R"({"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs"})")), A);
  std::string queue_policy = R"("resource":)" + doc(R"({"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"arn:aws:sqs"})");
  EXPECT_EQ(decide(kUser, "sqs:SendMessage", queue, queue_policy), ID);
}

TEST(EvaluatorTest, SameAccountResourcePolicyGrants) {  // P2, P3, E1-E6
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, resource(bucket_allows(R"({"AWS":"111111111111"})")), "{}", kSameAccount), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject,
                   resource(bucket_allows(R"({"AWS":"111111111111"})")) + "," +
                       identity(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})"), "{}", kSameAccount), A);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, resource(bucket_allows(R"("*")")), "{}", kSameAccount), A);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject,
                   identity(kAllowS3) + "," + resource(R"({"Effect":"Deny","Principal":{"AWS":")" + std::string(kUser) +
                                                       R"("},"Action":"s3:*","Resource":"*"})"), "{}", kSameAccount), ED);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, resource(bucket_allows(R"({"AWS":")" + std::string(kUser) + "\"}")), "{}", kSameAccount), A);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject,
                   boundary(kAllowEc2) + "," + resource(bucket_allows(R"({"AWS":")" + std::string(kUser) + "\"}")), "{}", kSameAccount), A);
  std::string role_grant = resource(bucket_allows(R"({"AWS":"arn:aws:iam::111111111111:role/team/Dev"})"));
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, boundary(kAllowEc2) + "," + role_grant, "{}", kSameAccount), ID);
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, role_grant, "{}", kSameAccount), A);
  std::string session_grant = resource(bucket_allows(R"({"AWS":")" + std::string(kSession) + "\"}"));
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, boundary(kAllowEc2) + "," + session_grant, "{}", kSameAccount), A);
  std::string star_with_arn = resource(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
      "Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/team/Dev"}}})");
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, boundary(kAllowEc2) + "," + star_with_arn,
                   R"({"aws:PrincipalArn":"arn:aws:iam::111111111111:role/team/Dev"})", kSameAccount), A);
}

TEST(EvaluatorTest, SessionPolicies) {  // E7-E9
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, identity(kAllowS3) + "," + session(kAllowEc2)), ID);
  std::string role_grant = resource(bucket_allows(R"({"AWS":"arn:aws:iam::111111111111:role/Dev"})"));
  std::string session_grant = resource(bucket_allows(R"({"AWS":")" + std::string(kSession) + "\"}"));
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, session(kAllowEc2) + "," + role_grant, "{}", kSameAccount), ID);
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, session(kAllowEc2) + "," + session_grant, "{}", kSameAccount), A);
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject,
                   session(R"({"Effect":"Deny","Action":"s3:*","Resource":"*"})") + "," + session_grant, "{}", kSameAccount), ED);
}

TEST(EvaluatorTest, FederatedUserSessions) {  // E10, E11
  const std::string fed = "arn:aws:sts::111111111111:federated-user/Bob";
  const std::string via_user = R"(,"federatingUser":"arn:aws:iam::111111111111:user/bob")";
  EXPECT_EQ(decide(fed, "s3:GetObject", kObject, identity(kAllowS3), "{}", kSameAccount + via_user), ID);
  EXPECT_EQ(decide(fed, "s3:GetObject", kObject, identity(kAllowS3) + "," + resource(bucket_allows("{\"AWS\":\"" + fed + "\"}")),
                   "{}", kSameAccount + via_user), A);
  EXPECT_EQ(decide(fed, "s3:GetObject", kObject,
                   session(kAllowEc2) + "," + resource(bucket_allows(R"({"AWS":"arn:aws:iam::111111111111:user/bob"})")),
                   "{}", kSameAccount + via_user), ID);
}

TEST(EvaluatorTest, CrossAccount) {  // E12-E15, E32
  std::string grant = resource(bucket_allows(R"({"AWS":")" + std::string(kUser) + "\"}"));
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, grant, "{}", kOtherAccount), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + "," + resource(bucket_allows(R"({"AWS":"111111111111"})")),
                   "{}", kOtherAccount), A);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3), "{}", kOtherAccount), ID);
  std::string session_grant = resource(bucket_allows(R"({"AWS":")" + std::string(kSession) + "\"}"));
  EXPECT_EQ(decide(kSession, "s3:GetObject", kObject, identity(kAllowS3) + "," + boundary(kAllowEc2) + "," + session_grant,
                   "{}", kOtherAccount), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", "arn:aws:s3:::a-log-bucket/k",
                   identity(kAllowS3 + R"(,{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"})") + "," +
                       resource(R"({"Effect":"Allow","Principal":{"AWS":")" + std::string(kUser) + R"("},"Action":"s3:*","Resource":"*"})"),
                   "{}", kOtherAccount), ED);
  EXPECT_EQ(decide("arn:aws:iam::111111111111:root", "s3:GetObject", kObject, resource(bucket_allows(R"({"AWS":"111111111111"})")),
                   "{}", kOtherAccount), A);
}

TEST(EvaluatorTest, Scps) {  // E16-E19
  std::string full = doc(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  std::string ec2_only = doc(kAllowEc2);
  std::string scps = R"("scp":[[)" + full + "],[" + ec2_only + "],[" + full + "]]";
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + "," + scps), ID);
  EXPECT_EQ(decide(kUser, "ec2:RunInstances", "*", identity(kAllowEc2) + "," + scps), A);
  std::string deny_s3 = R"("scp":[[)" + doc(R"({"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","Resource":"*"})") + "]]";
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + "," + deny_s3), ED);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + "," + deny_s3, "{}",
                   R"(},"options":{"callerInManagementAccount":true},"x":{)"), A);
  EXPECT_EQ(decide("arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForSupport/s", "s3:GetObject", kObject,
                   identity(kAllowS3) + "," + R"("scp":[[)" + doc(R"({"Effect":"Deny","Action":"*","Resource":"*"})") + "]]"), A);
  EXPECT_EQ(decide("arn:aws:iam::111111111111:root", "s3:GetObject", kObject, deny_s3), ED);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + R"(,"scp":[[]])"), ID);
}

TEST(EvaluatorTest, Rcps) {  // E21-E24
  std::string rcp = R"("rcp":[[)" + doc(R"({"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
      "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-1"}}})") + "]]";
  std::string external = "arn:aws:iam::333333333333:user/eve";
  std::string grant = resource(bucket_allows(R"("*")"));
  EXPECT_EQ(decide(external, "s3:GetObject", kObject, identity(kAllowS3) + "," + grant + "," + rcp, "{}", kSameAccount), ED);
  EXPECT_EQ(decide(external, "s3:GetObject", kObject, identity(kAllowS3) + "," + grant + "," + rcp, "{}",
                   kSameAccount + R"(},"options":{"resourceInManagementAccount":true},"x":{)"), A);
  EXPECT_EQ(decide("anonymous", "s3:GetObject", kObject, grant + "," + rcp, "{}", kSameAccount), ED);
  EXPECT_EQ(decide("anonymous", "s3:GetObject", kObject,
                   grant + R"(,"scp":[[)" + doc(R"({"Effect":"Deny","Action":"*","Resource":"*"})") + "]]", "{}", kSameAccount), A);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, identity(kAllowS3) + R"(,"rcp":[[]])"), A);
  std::string ec2_rcp = R"("rcp":[[)" + doc(R"({"Effect":"Deny","Principal":"*","Action":"ec2:*","Resource":"*"})") + "]]";
  EXPECT_EQ(decide(kUser, "ec2:RunInstances", "*", identity(kAllowEc2) + "," + ec2_rcp), A);
}

TEST(EvaluatorTest, AnonymousAndServicePrincipals) {  // P4, P11
  for (const char* p : {R"("*")", R"({"AWS":"*"})"})
    EXPECT_EQ(decide("anonymous", "s3:GetObject", kObject, resource(bucket_allows(p))), A) << p;
  EXPECT_EQ(decide("anonymous", "s3:GetObject", kObject, resource(bucket_allows(R"({"AWS":"111111111111"})"))), ID);
  EXPECT_EQ(decide("anonymous", "s3:GetObject", kObject, resource(bucket_allows(R"({"Service":"s3.amazonaws.com"})"))), ID);
  std::string topic = resource(R"({"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sns:Publish","Resource":"*"})");
  std::string arn = "arn:aws:sns:us-east-1:111111111111:t";
  EXPECT_EQ(decide("s3.amazonaws.com", "sns:Publish", arn, topic), A);
  EXPECT_EQ(decide("s3.ap-east-1.amazonaws.com", "sns:Publish", arn, topic), ID);
}

TEST(EvaluatorTest, NotPrincipalStrictChain) {  // P8, P9
  const std::string bob = "arn:aws:iam::222222222222:user/Bob";
  std::string deny_only_user = R"({"Effect":"Deny","NotPrincipal":{"AWS":")" + bob + R"("},"Action":"s3:*","Resource":"*"})";
  std::string deny_chain = R"({"Effect":"Deny","NotPrincipal":{"AWS":[")" + bob + R"(","arn:aws:iam::222222222222:root"]},"Action":"s3:*","Resource":"*"})";
  std::string allow = R"({"Effect":"Allow","Principal":{"AWS":")" + bob + R"("},"Action":"s3:*","Resource":"*"})";
  EXPECT_EQ(decide(bob, "s3:GetObject", kObject, identity(kAllowS3) + "," + resource(allow + "," + deny_only_user), "{}", kSameAccount), ED);
  EXPECT_EQ(decide(bob, "s3:GetObject", kObject, identity(kAllowS3) + "," + resource(allow + "," + deny_chain), "{}", kSameAccount), A);
  EXPECT_EQ(decide(bob, "s3:GetObject", kObject, identity(kAllowS3) + "," + boundary(kAllowS3) + "," + resource(allow + "," + deny_chain),
                   "{}", kSameAccount), ED);
}

TEST(EvaluatorTest, RoleTrustAndKeyPoliciesNeedExplicitTrust) {  // E25-E29
  const std::string role = "arn:aws:iam::111111111111:role/Target";
  std::string assume = identity(R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})");
  std::string trust_account = resource(R"({"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"})");
  EXPECT_EQ(decide(kUser, "sts:AssumeRole", role, trust_account), ID);
  EXPECT_EQ(decide(kUser, "sts:AssumeRole", role, trust_account + "," + assume), A);
  EXPECT_EQ(decide(kUser, "sts:AssumeRole", role, assume), ID);
  std::string trust_user = resource(R"({"Effect":"Allow","Principal":{"AWS":")" + std::string(kUser) + R"("},"Action":"sts:AssumeRole"})");
  EXPECT_EQ(decide(kUser, "sts:AssumeRole", role, trust_user), A);
  EXPECT_EQ(decide(kUser, "sts:AssumeRole", role, trust_user + "," + boundary(kAllowEc2)), ID);
  std::string self = "arn:aws:iam::111111111111:role/team/Dev";
  EXPECT_EQ(decide(kSession, "sts:AssumeRole", self,
                   resource(R"({"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"})") + "," + assume), ID);
  const std::string key = "arn:aws:kms:us-east-1:111111111111:key/k1";
  std::string decrypt = identity(R"({"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"})");
  EXPECT_EQ(decide(kUser, "kms:Decrypt", key, decrypt + "," +
                   resource(R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/other"},"Action":"kms:*","Resource":"*"})")), ID);
  EXPECT_EQ(decide(kUser, "kms:Decrypt", key, decrypt + "," +
                   resource(R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"})")), A);
  EXPECT_EQ(decide(kSession, "kms:Decrypt", key,
                   resource(R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/team/Dev"},"Action":"kms:*","Resource":"*"})")), A);
}

TEST(EvaluatorTest, SpecialCases) {  // E30, E31, E33, E35
  EXPECT_EQ(decide(kUser, "sts:GetCallerIdentity", "*", identity(R"({"Effect":"Deny","Action":"sts:*","Resource":"*"})")), A);
  EXPECT_EQ(decide("arn:aws:iam::111111111111:root", "s3:GetObject", kObject, "", "{}", kSameAccount), A);
  EXPECT_EQ(decide("arn:aws:iam::111111111111:root", "s3:GetObject", kObject,
                   resource(R"({"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"})"), "{}", kSameAccount), ED);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject, resource(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})"), "{}", kSameAccount), ID);
  EXPECT_EQ(decide(kUser, "s3:GetObject", kObject,
                   identity(kAllowS3) + R"(,"session":[])" + ",\"resource\":" +
                       doc(R"({"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}})"),
                   R"({"aws:SecureTransport":"true"})", kSameAccount), A);
}

TEST(EvaluatorTest, ExplainsTheDecidingStatement) {
  Result<JsonDocument> parsed = parse_json(R"({"request":{"principal":"arn:aws:iam::111111111111:user/alice","action":"s3:GetObject",
      "resource":"arn:aws:s3:::b/k"},"policies":{"identity":[{"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"*"},
      {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}]}})", "t.json");
  ASSERT_TRUE(parsed.ok());
  simulate::SimulationCase c;
  std::vector<Error> errors;
  ASSERT_TRUE(simulate::load_case(*parsed, c, errors));
  Trace trace;
  Outcome outcome = evaluate(c.request, c.set, &trace);
  EXPECT_EQ(outcome.decision, ED);
  EXPECT_EQ(outcome.describe(), "explicit deny in identity policy /policies/identity/0, statement NoSecrets");
  ASSERT_EQ(trace.statements.size(), 2u);
  EXPECT_TRUE(trace.statements[0].applied);
  EXPECT_EQ(trace.statements[1].statement, "NoSecrets");
}

}  // namespace
}  // namespace iamwarden::eval
