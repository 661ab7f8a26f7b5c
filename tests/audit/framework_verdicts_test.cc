// Every framework judged by its own definition (issue 18): minimal accounts audited with the
// embedded frameworks, and the exact requirement status each framework gives.
#include <map>

#include "audit/audit.h"
#include "audit/compliance.h"
#include "audit/parameters.h"
#include "policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

const std::vector<Framework>& embedded_frameworks() {
  static const std::vector<Framework> frameworks = [] {
    Result<std::vector<Framework>> r = load_frameworks();
    EXPECT_TRUE(r.ok());
    return r.take();
  }();
  return frameworks;
}

// A minimal account audited with every framework.
struct FrameworkFixture : PolicyFixture {
  AuditReport report;
  std::map<std::string, const RequirementResult*> by_id;  // "cis-7.0/2.9"

  void audit() {
    account.build_indexes();
    AuditOptions options;
    options.now = now;
    options.catalog = &embedded_catalog();
    options.frameworks = &embedded_frameworks();
    options.threads = 1;
    report = run_audit(account, config, options);
    for (const FrameworkResult& fw : report.frameworks)
      for (const RequirementResult& r : fw.requirements) by_id[fw.framework->id + "/" + r.requirement->id] = &r;
  }
  std::string status(const std::string& id) {
    auto it = by_id.find(id);
    EXPECT_NE(it, by_id.end()) << "no requirement " << id;
    return it == by_id.end() ? "?" : std::string(requirement_status_name(it->second->status));
  }
  std::string parameters(const std::string& id) {
    std::string out;
    for (const auto& [name, value] : by_id.at(id)->parameters) out += name + "=" + value + ";";
    return out;
  }
  std::vector<const Finding*> results_of(std::string_view check) {
    std::vector<const Finding*> out;
    for (const Finding& f : report.results)
      if (f.check->id == check) out.push_back(&f);
    return out;
  }

  void password_policy(int64_t length, int64_t reuse, bool symbols = true) {
    account.password_policy.state = snapshot::PasswordPolicyState::kPresent;
    account.password_policy.minimum_length = length;
    account.password_policy.reuse_prevention = reuse;
    account.password_policy.require_symbols = symbols;
    account.password_policy.require_numbers = account.password_policy.require_uppercase =
        account.password_policy.require_lowercase = account.password_policy.allow_users_to_change = true;
    account.password_policy.max_age_days = 90;
  }
  snapshot::Trail& trail(std::string name, bool good = true) {
    if (!account.trails) account.trails.emplace();
    snapshot::Trail& t = account.trails->emplace_back();
    t.name = name;
    t.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/" + name;
    t.home_region = "eu-west-1";
    t.seen_in_regions = {"eu-west-1"};
    t.multi_region = t.include_global_service_events = t.log_file_validation = good;
    t.kms_key_id = good ? "arn:aws:kms:eu-west-1:111122223333:key/1" : "";
    t.status_known = t.is_logging = true;
    return t;
  }
  snapshot::ManagedPolicy& aws_managed(std::string name, std::string json) {
    snapshot::ManagedPolicy& p = add_managed(name, std::move(json));
    p.arn = "arn:aws:iam::aws:policy/" + name;
    p.attachment_count = 0;  // as for policies taken from iamwarden's data: attachment read from principals
    return p;
  }
};

// 1. Per-framework parameters: one policy, each framework its own threshold.
TEST(FrameworkVerdicts, PasswordPolicyIsJudgedWithEachFrameworksParameters) {
  FrameworkFixture fx;
  fx.password_policy(/*length=*/10, /*reuse=*/10);
  fx.add_row("alice").password_enabled = true;  // a console user: nothing muted
  fx.audit();
  // Reuse 10: CIS and Config and IAM.16 ask for 24, IAM.10 for 4.
  EXPECT_EQ(fx.status("cis-7.0/2.9"), "FAIL");
  EXPECT_EQ(fx.status("cis-3.0/1.9"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.16"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/iam-password-policy"), "FAIL");
  // Length 10: IAM.7 asks for 8 (and IAM.10 for 7), CIS and IAM.15 for 14.
  EXPECT_EQ(fx.status("security-hub/IAM.7"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.10"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.15"), "FAIL");
  EXPECT_EQ(fx.status("cis-7.0/2.8"), "FAIL");
  // iamwarden's own result keeps the configuration's target (reuse 5).
  ASSERT_EQ(fx.results_of("iam_password_policy_reuse_prevention").size(), 1u);
  EXPECT_EQ(fx.results_of("iam_password_policy_reuse_prevention")[0]->status, Status::kPass);
  // The report says which parameters each requirement used.
  EXPECT_EQ(fx.parameters("cis-7.0/2.9"), "PasswordReusePrevention=24;");
  EXPECT_EQ(fx.parameters("security-hub/IAM.7"),
            "RequireUppercaseCharacters=true;RequireLowercaseCharacters=true;RequireSymbols=true;"
            "RequireNumbers=true;MinimumPasswordLength=8;");
}

TEST(FrameworkVerdicts, UnusedKeyIsJudgedWithEachFrameworksAge) {
  FrameworkFixture fx;
  snapshot::CredentialReportRow& row = fx.add_row("svc");
  row.access_keys[0].active = true;
  row.access_keys[0].last_rotated = days_before(fx.now, 80);
  row.access_keys[0].last_used_date = days_before(fx.now, 60);
  fx.audit();
  EXPECT_EQ(fx.status("security-hub/IAM.8"), "PASS");  // 90 days
  EXPECT_EQ(fx.status("aws-config/iam-user-unused-credentials-check"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.22"), "FAIL");  // 45 days
  EXPECT_EQ(fx.status("cis-7.0/2.11"), "FAIL");
  EXPECT_EQ(fx.status("cis-3.0/1.12"), "FAIL");
  // The checklist follows iamwarden's configuration (45 days by default).
  EXPECT_EQ(fx.status("iam-best-practices/access-key-rotation"), "FAIL");
  EXPECT_EQ(fx.parameters("security-hub/IAM.8"), "maxCredentialUsageAge=90;");
  EXPECT_EQ(fx.parameters("iam-best-practices/access-key-rotation"), "");
}

TEST(FrameworkVerdicts, CredentialsUnusedForExactlyTheLimitFailCis) {
  // "unused for 45 days or more"
  FrameworkFixture fx;
  snapshot::CredentialReportRow& row = fx.add_row("svc");
  row.access_keys[0].active = true;
  row.access_keys[0].last_rotated = days_before(fx.now, 80);
  row.access_keys[0].last_used_date = days_before(fx.now, 45);
  fx.audit();
  EXPECT_EQ(fx.status("cis-7.0/2.11"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.22"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.8"), "PASS");
}

TEST(FrameworkVerdicts, FrameworksReportAPasswordPolicyGapWithoutConsoleUsers) {
  FrameworkFixture fx;
  fx.password_policy(/*length=*/8, /*reuse=*/0);
  fx.add_row("<root_account>");  // the report lists no IAM user with a password
  fx.audit();
  // iamwarden mutes its own results (configurable); the frameworks' definitions do not exempt the account.
  ASSERT_EQ(fx.results_of("iam_password_policy_minimum_length").size(), 1u);
  EXPECT_EQ(fx.results_of("iam_password_policy_minimum_length")[0]->status, Status::kMuted);
  EXPECT_EQ(fx.status("cis-7.0/2.8"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/iam-password-policy"), "FAIL");
}

// 2. Requirement scope equals the definition.
TEST(FrameworkVerdicts, InlinePolicyOfARoleOrGroupFailsTheConfigRule) {
  FrameworkFixture fx;
  fx.add_user("alice");
  snapshot::Role& role = fx.add_role("app", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
  role.inline_policies.push_back({"inline", fx.document(kReadBucket)});
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-no-inline-policy-check"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/iam-user-no-policies-check"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.2"), "PASS");
}

TEST(FrameworkVerdicts, AdministratorAccessOnAGroupOrServiceRoleFailsTheBlacklistedRule) {
  FrameworkFixture fx;
  fx.aws_managed("AdministratorAccess", kAdminPolicy);
  snapshot::Role& role = fx.add_role("build", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
  role.attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-policy-blacklisted-check"), "FAIL");
  // The service role is outside iamwarden's role check, not outside the rule.
  ASSERT_EQ(fx.results_of("iam_role_administrator_access_policy").size(), 1u);
  EXPECT_EQ(fx.results_of("iam_role_administrator_access_policy")[0]->status, Status::kPass);

  FrameworkFixture group;
  group.aws_managed("AdministratorAccess", kAdminPolicy);
  snapshot::Group& g = group.account.iam.groups.emplace_back();
  g.name = "admins";
  g.arn = "arn:aws:iam::111122223333:group/admins";
  g.attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  group.audit();
  EXPECT_EQ(group.status("aws-config/iam-policy-blacklisted-check"), "FAIL");
}

TEST(FrameworkVerdicts, CisCountsAnAttachedAwsManagedAdministratorAccess) {
  FrameworkFixture fx;
  fx.aws_managed("AdministratorAccess", kAdminPolicy);
  fx.add_user("alice").attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  fx.audit();
  EXPECT_EQ(fx.status("cis-7.0/2.14"), "FAIL");
  EXPECT_EQ(fx.status("cis-3.0/1.16"), "FAIL");
  // The Config rule and IAM.1 only read customer-managed policies: there are none.
  EXPECT_EQ(fx.status("aws-config/iam-policy-no-statements-with-admin-access"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.1"), "PASS");
}

TEST(FrameworkVerdicts, ExcludedManagementEventsFailTheMultiRegionRule) {
  FrameworkFixture fx;
  snapshot::Trail& t = fx.trail("main");
  t.has_custom_event_selectors = t.selectors_known = true;
  t.event_selectors_json =
      R"([{"ReadWriteType":"All","IncludeManagementEvents":true,"ExcludeManagementEventSources":["kms.amazonaws.com"]}])";
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/multi-region-cloudtrail-enabled"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/CloudTrail.1"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/cloudtrail-security-trail-enabled"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/cloudtrail-enabled"), "PASS");
}

TEST(FrameworkVerdicts, WriteOnlyTrailPassesTheRuleWithoutParametersButNotCloudTrail1) {
  FrameworkFixture fx;
  snapshot::Trail& t = fx.trail("main");
  t.has_custom_event_selectors = t.selectors_known = true;
  t.event_selectors_json = R"([{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}])";
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/multi-region-cloudtrail-enabled"), "PASS");
  EXPECT_EQ(fx.status("security-hub/CloudTrail.1"), "FAIL");
  EXPECT_EQ(fx.status("cis-7.0/4.1"), "FAIL");
  EXPECT_EQ(fx.parameters("security-hub/CloudTrail.1"), "readWriteType=ALL;includeManagementEvents=true;");
}

TEST(FrameworkVerdicts, SecurityTrailNeedsGlobalServiceEvents) {
  FrameworkFixture fx;
  fx.trail("main").include_global_service_events = false;
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/cloudtrail-security-trail-enabled"), "FAIL");
  EXPECT_EQ(fx.status("aws-config/multi-region-cloudtrail-enabled"), "PASS");
}

// 3. "There is one trail such that ...": one compliant trail suffices.
TEST(FrameworkVerdicts, OneCompliantTrailMeetsTheSecurityTrailRule) {
  FrameworkFixture fx;
  fx.trail("main");
  fx.trail("legacy", /*good=*/false).multi_region = true;  // unencrypted, no validation
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/cloudtrail-security-trail-enabled"), "PASS");
  EXPECT_EQ(fx.status("aws-config/cloud-trail-encryption-enabled"), "FAIL");  // a per-trail rule
}

// 4. Nothing in scope with the input present passes.
TEST(FrameworkVerdicts, NoCustomerManagedPolicyPasses) {
  FrameworkFixture fx;
  fx.add_user("alice");
  fx.audit();
  EXPECT_EQ(fx.status("cis-7.0/2.14"), "PASS");
  EXPECT_EQ(fx.status("cis-3.0/1.16"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.1"), "PASS");
  EXPECT_EQ(fx.status("security-hub/IAM.21"), "PASS");
  EXPECT_EQ(fx.status("aws-config/iam-policy-no-statements-with-admin-access"), "PASS");
  std::vector<const Finding*> f = fx.results_of("iam_customer_policy_no_statements_with_admin_access");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->message, "no customer-managed policies in authorization-details.json");
  // Without the authorization details, unknown rather than passed.
  FrameworkFixture missing;
  missing.add_row("alice");
  missing.audit();
  EXPECT_EQ(missing.status("security-hub/IAM.1"), "NOT_EVALUATED");
  EXPECT_EQ(missing.status("cis-7.0/2.14"), "NOT_EVALUATED");
}

// 5. Literal definitions for the frameworks, the engine's judgement for iamwarden: both visible.
TEST(FrameworkVerdicts, AllowStarWithADenyIsLiterallyAdminButNotEffectively) {
  FrameworkFixture fx;
  fx.add_managed("AlmostAdmin", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"iam:*","Resource":"*"}]})");
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-policy-no-statements-with-admin-access"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.1"), "FAIL");
  EXPECT_EQ(fx.status("cis-7.0/2.14"), "FAIL");
  std::vector<const Finding*> own = fx.results_of("iam_customer_attached_policy_no_administrative_privileges");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0]->status, Status::kPass);
  std::vector<const Finding*> literal = fx.results_of("iam_customer_policy_no_statements_with_admin_access");
  ASSERT_EQ(literal.size(), 1u);
  EXPECT_EQ(literal[0]->status, Status::kFail);
}

TEST(FrameworkVerdicts, Iam27IsTheListedPolicyRuleWithCloudShellFullAccess) {
  FrameworkFixture fx;
  fx.add_user("dev").attached.push_back({"AWSCloudShellFullAccess", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"});
  fx.aws_managed("AdministratorAccess", kAdminPolicy);
  fx.add_role("ops", R"({"Version":"2012-10-17","Statement":[]})")
      .attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  fx.audit();
  EXPECT_EQ(fx.status("security-hub/IAM.27"), "FAIL");
  EXPECT_EQ(fx.status("cis-7.0/2.20"), "FAIL");
  const RequirementResult* r = fx.by_id.at("security-hub/IAM.27");
  EXPECT_EQ(r->failed, 1u);  // the user; AdministratorAccess on the role is not in IAM.27's list
}

TEST(FrameworkVerdicts, AnyServiceWildcardFailsTheFullAccessRule) {
  FrameworkFixture fx;
  fx.add_managed("Storage", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*",
      "Resource":"arn:aws:s3:::reports/*"}]})");
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-policy-no-statements-with-full-access"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.21"), "FAIL");
  // s3 is not a configured sensitive service: iamwarden's own check passes it.
  ASSERT_EQ(fx.results_of("iam_policy_no_full_access_to_sensitive_services").size(), 1u);
  EXPECT_EQ(fx.results_of("iam_policy_no_full_access_to_sensitive_services")[0]->status, Status::kPass);
}

TEST(FrameworkVerdicts, PermissionBoundariesAreExcludedWhereTheFrameworkSaysSo) {
  FrameworkFixture fx;
  fx.add_managed("Boundary", kAdminPolicy, /*attached=*/false).boundary_usage_count = 1;
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-policy-no-statements-with-admin-access"), "FAIL");  // excludes nothing
  EXPECT_EQ(fx.status("security-hub/IAM.1"), "PASS");  // excludePermissionBoundaryPolicy true
  EXPECT_EQ(fx.parameters("security-hub/IAM.1"), "excludePermissionBoundaryPolicy=true;");
}

// 6. A region listed in the manifest without analyzer data is not evaluated.
TEST(FrameworkVerdicts, ManifestRegionWithoutAnalyzerDataIsNotEvaluated) {
  FrameworkFixture fx;
  fx.account.manifest.present = true;
  fx.account.manifest.regions = {"eu-west-1", "us-east-1"};
  fx.account.analyzers.emplace();
  fx.account.analyzers->push_back({"eu-west-1", "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/a", "a",
                                   "ACCOUNT", "ACTIVE"});
  fx.account.analyzer_regions = {"eu-west-1"};
  fx.audit();
  EXPECT_EQ(fx.status("cis-3.0/1.20"), "NOT_EVALUATED");
  EXPECT_EQ(fx.status("cis-7.0/2.18"), "NOT_EVALUATED");
  EXPECT_EQ(fx.status("security-hub/IAM.28"), "NOT_EVALUATED");
  fx.account.manifest.regions = {"eu-west-1"};
  fx.by_id.clear();
  fx.audit();
  EXPECT_EQ(fx.status("cis-3.0/1.20"), "PASS");
}

// Where definitions disagree: a support user.
TEST(FrameworkVerdicts, SupportAccessOnAUserSatisfiesIam18ButNotCis) {
  FrameworkFixture fx;
  fx.add_user("support").attached.push_back({"AWSSupportAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"});
  fx.audit();
  EXPECT_EQ(fx.status("security-hub/IAM.18"), "PASS");
  EXPECT_EQ(fx.status("aws-config/iam-policy-in-use"), "PASS");
  EXPECT_EQ(fx.status("cis-7.0/2.15"), "FAIL");
  EXPECT_EQ(fx.status("cis-3.0/1.17"), "FAIL");
}

// Where definitions disagree: an inactive root key.
TEST(FrameworkVerdicts, InactiveRootKeyFailsConfigAndIam4ButNotCis) {
  FrameworkFixture fx;
  snapshot::CredentialReportRow& root = fx.add_row("<root_account>");
  root.access_keys[0].active = false;
  root.access_keys[0].last_rotated = days_before(fx.now, 300);
  fx.audit();
  EXPECT_EQ(fx.status("aws-config/iam-root-access-key-check"), "FAIL");
  EXPECT_EQ(fx.status("security-hub/IAM.4"), "FAIL");
  EXPECT_EQ(fx.status("cis-7.0/2.4"), "PASS");
  EXPECT_EQ(fx.status("cis-3.0/1.4"), "PASS");
  EXPECT_EQ(fx.status("iam-best-practices/root-access-keys"), "PASS");
}

// A check runs once per distinct parameter set: the same set as the configuration reuses its results.
TEST(FrameworkVerdicts, ParameterKeysTellParameterSetsApart) {
  AuditConfig config;
  std::vector<std::string_view> honoured = {"maxAccessKeyAge"};
  std::vector<std::pair<std::string, std::string>> same = {{"maxAccessKeyAge", "90"}};
  std::vector<std::pair<std::string, std::string>> other = {{"maxAccessKeyAge", "30"}};
  EXPECT_EQ(parameter_key(honoured, parameterized_config(config, same)), parameter_key(honoured, config));
  EXPECT_NE(parameter_key(honoured, parameterized_config(config, other)), parameter_key(honoured, config));
  EXPECT_EQ(parameterized_config(config, other).thresholds.access_key_rotation_days, 30);
}

}  // namespace
}  // namespace iamwarden::audit::testing
