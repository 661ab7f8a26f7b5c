// organizations_scps_attached: an SCP besides FullAWSAccess on the root → OU → account path.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "organizations_scps_attached";

void organization(AuditFixture& fx, std::vector<std::string> root_scps, std::vector<std::string> ou_scps) {
  snapshot::Organization& org = fx.account.organization;
  org.present = true;
  org.id = "o-abc123";
  org.feature_set = "ALL";
  org.management_account_id = "999988887777";
  org.path = {{"r-ab12", "ROOT", true, false, std::move(root_scps), {}},
              {"ou-ab12-x", "ORGANIZATIONAL_UNIT", true, false, std::move(ou_scps), {}},
              {"111122223333", "ACCOUNT", true, false, {"p-FullAWSAccess"}, {}}};
  org.policies["p-FullAWSAccess"].name = "FullAWSAccess";
  org.policies["p-guard"].name = "Guardrails";
}

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(OrganizationsScpsAttached, RestrictingScpOnThePathPasses) {
  AuditFixture fx;
  organization(fx, {"p-FullAWSAccess"}, {"p-FullAWSAccess", "p-guard"});
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "111122223333");
  EXPECT_EQ(f.evidence, std::vector<std::string>{"ORGANIZATIONAL_UNIT ou-ab12-x: Guardrails (p-guard)"});
}

TEST(OrganizationsScpsAttached, OnlyFullAccessFails) {
  AuditFixture fx;
  organization(fx, {"p-FullAWSAccess"}, {"p-FullAWSAccess"});
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "only FullAWSAccess applies at the 3 level(s) from the root to the account");
  EXPECT_EQ(f.evidence.size(), 3u);
}

TEST(OrganizationsScpsAttached, NoOrganizationOrNoAllFeaturesFails) {
  AuditFixture standalone;
  standalone.account.files.push_back({"organizations/organization.json", snapshot::FileStatus::kNotFound,
                                      "AWSOrganizationsNotInUseException"});
  EXPECT_EQ(only(standalone).status, Status::kFail);

  AuditFixture billing;
  organization(billing, {"p-guard"}, {});
  billing.account.organization.feature_set = "CONSOLIDATED_BILLING";
  Finding f = only(billing);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_NE(f.message.find("CONSOLIDATED_BILLING"), std::string::npos);
}

TEST(OrganizationsScpsAttached, ManagementAccountPassesWithANote) {
  AuditFixture fx;
  organization(fx, {"p-FullAWSAccess"}, {"p-FullAWSAccess"});
  fx.account.organization.management_account_id = "111122223333";
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_NE(f.message.find("SCPs never apply to it"), std::string::npos) << f.message;
}

TEST(OrganizationsScpsAttached, MissingDataIsNotEvaluated) {
  AuditFixture none;
  Finding f = only(none);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("organizations/organization.json"), std::string::npos);

  AuditFixture no_path;
  organization(no_path, {}, {});
  no_path.account.organization.path.clear();
  f = only(no_path);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("organizations/parents/111122223333.json"), std::string::npos) << f.message;

  AuditFixture level;
  organization(level, {"p-FullAWSAccess"}, {});
  level.account.organization.path[1].scps_known = false;
  f = only(level);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("organizations/scp-targets/ou-ab12-x.json"), std::string::npos) << f.message;
}

}  // namespace
}  // namespace iamwarden::audit::testing
