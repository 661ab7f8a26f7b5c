// organizations_scp_deny_regions: a Deny on aws:RequestedRegion that leaves the enabled regions open.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "organizations_scp_deny_regions";

constexpr const char* kDenyRegions =
    R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyOtherRegions","Effect":"Deny","NotAction":["iam:*","sts:*"],)"
    R"("Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}}]})";

void organization(AuditFixture& fx, const std::string& content) {
  snapshot::Organization& org = fx.account.organization;
  org.present = true;
  org.id = "o-abc123";
  org.feature_set = "ALL";
  org.management_account_id = "999988887777";
  org.path = {{"r-ab12", "ROOT", true, false, {"p-FullAWSAccess", "p-regions"}, {}},
              {"111122223333", "ACCOUNT", true, false, {"p-FullAWSAccess"}, {}}};
  org.policies["p-FullAWSAccess"].name = "FullAWSAccess";
  snapshot::OrgPolicy& p = org.policies["p-regions"];
  p.id = "p-regions";
  p.name = "Regions";
  p.content_known = !content.empty();
  p.document.text = org.text->add(content);
  p.document.origin.file = "organizations/policies/p-regions.json";
}

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(OrganizationsScpDenyRegions, RegionDenyPasses) {
  AuditFixture fx;
  organization(fx, kDenyRegions);
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "111122223333");
  EXPECT_EQ(f.message,
            "ROOT r-ab12: SCP Regions (p-regions) statement DenyOtherRegions denies regions outside [eu-west-1, us-east-1] "
            "(StringNotEquals)");
  EXPECT_EQ(f.origin.file, "organizations/policies/p-regions.json");
}

TEST(OrganizationsScpDenyRegions, EnabledRegionsMustStayOpen) {
  AuditFixture ok;
  organization(ok, kDenyRegions);
  ok.config.enabled_regions = {"eu-west-1"};
  EXPECT_EQ(only(ok).status, Status::kPass);

  AuditFixture blocked;
  organization(blocked, kDenyRegions);
  blocked.config.enabled_regions = {"eu-west-1", "ap-south-1"};
  Finding f = only(blocked);
  EXPECT_EQ(f.status, Status::kFail);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_NE(f.evidence[0].find("would also deny enabled region(s) ap-south-1"), std::string::npos) << f.evidence[0];

  AuditFixture pattern;
  organization(pattern, R"({"Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotLike":{"aws:RequestedRegion":"eu-*"}}}})");
  pattern.config.enabled_regions = {"eu-central-1"};
  EXPECT_EQ(only(pattern).status, Status::kPass);
}

TEST(OrganizationsScpDenyRegions, NoRegionDenyFails) {
  AuditFixture fx;
  organization(fx, R"({"Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}})");
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "no SCP on the path (2 levels) denies requests by aws:RequestedRegion");

  AuditFixture allow;  // an Allow with StringEquals is not what this check looks for
  organization(allow, R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}})");
  EXPECT_EQ(only(allow).status, Status::kFail);
}

TEST(OrganizationsScpDenyRegions, MissingContentIsNotEvaluated) {
  AuditFixture fx;
  organization(fx, "");
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("organizations/policies/p-regions.json"), std::string::npos) << f.message;

  AuditFixture none;
  f = only(none);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("organizations/organization.json"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
