// iam_role_service_trust_confused_deputy_protected: service roles need source conditions; EC2 is exempt.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_role_service_trust_confused_deputy_protected";

std::string service_trust(std::string_view services, std::string_view condition = "") {
  std::string out = std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":)") +
                    std::string(services) + R"(},"Action":"sts:AssumeRole")";
  if (!condition.empty()) out += ",\"Condition\":" + std::string(condition);
  return out + "}]}";
}

Status status_of(const std::string& trust) {
  AuditFixture fx;
  fx.add_role("svc", trust);
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  if (!f.empty()) {
    EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:role/svc");
  }
  return f.empty() ? Status::kMuted : f[0].status;
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, UnconditionedServiceFails) {
  AuditFixture fx;
  fx.add_role("svc", service_trust(R"("lambda.amazonaws.com")"));
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_NE(f[0].message.find("lambda.amazonaws.com"), std::string::npos) << f[0].message;
  ASSERT_EQ(f[0].evidence.size(), 1u);
  EXPECT_NE(f[0].evidence[0].find("statement #0"), std::string::npos) << f[0].evidence[0];
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, SourceConditionsProtect) {
  EXPECT_EQ(status_of(service_trust(R"("lambda.amazonaws.com")", R"({"StringEquals":{"aws:SourceAccount":"111122223333"}})")),
            Status::kPass);
  EXPECT_EQ(status_of(service_trust(R"("states.amazonaws.com")",
                                    R"({"ArnLike":{"aws:SourceArn":"arn:aws:states:*:111122223333:stateMachine:*"}})")),
            Status::kPass);
  EXPECT_EQ(status_of(service_trust(R"("s3.amazonaws.com")", R"({"ArnEquals":{"aws:SourceArn":"arn:aws:s3:::my-bucket"}})")),
            Status::kPass);
  EXPECT_EQ(status_of(service_trust(R"("lambda.amazonaws.com")", R"({"StringEquals":{"aws:SourceOrgID":"o-abc123"}})")),
            Status::kPass);
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, ConditionsThatAdmitAnyAccountFail) {
  EXPECT_EQ(status_of(service_trust(R"("lambda.amazonaws.com")",
                                    R"({"ArnLike":{"aws:SourceArn":"arn:aws:lambda:*:*:function:*"}})")),
            Status::kFail);
  EXPECT_EQ(status_of(service_trust(R"("s3.amazonaws.com")", R"({"ArnLike":{"aws:SourceArn":"arn:aws:s3:::*"}})")),
            Status::kFail);
  AuditFixture fx;
  fx.add_role("svc", service_trust(R"("lambda.amazonaws.com")", R"({"StringEquals":{"sts:ExternalId":"x"}})"));
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kFail);
  ASSERT_EQ(f[0].evidence.size(), 2u);
  EXPECT_NE(f[0].evidence[1].find("assumed to hold"), std::string::npos) << f[0].evidence[1];
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, Ec2IsExempt) {
  AuditFixture fx;
  fx.add_role("ec2", service_trust(R"("ec2.amazonaws.com")"));
  fx.add_role("both", service_trust(R"(["ec2.amazonaws.com","glue.amazonaws.com"])"));
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_NE(f[0].message.find("ec2.amazonaws.com exempt"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_NE(f[1].message.find("glue.amazonaws.com"), std::string::npos);
  EXPECT_EQ(f[1].message.find("ec2"), std::string::npos) << f[1].message;
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, OnlyServiceRolesAreInScope) {
  AuditFixture fx;
  fx.add_role("people", R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}})");
  fx.add_role("mixed", R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root","Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}})");
  fx.add_role("AWSServiceRoleForLambda", service_trust(R"("lambda.amazonaws.com")"), "/aws-service-role/lambda.amazonaws.com/");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_NE(f[0].message.find("no service roles"), std::string::npos) << f[0].message;
}

TEST(IamRoleServiceTrustConfusedDeputyProtected, MissingInputIsNotEvaluated) {
  AuditFixture none;
  std::vector<Finding> f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("authorization-details.json"), std::string::npos);
  EXPECT_EQ(status_of(R"({"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}})"), Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
