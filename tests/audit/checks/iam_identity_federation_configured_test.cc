// iam_identity_federation_configured: a SAML or OIDC provider exists.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_identity_federation_configured";

Finding only(AuditFixture& fx) {
  std::vector<Finding> f = fx.run(kId);
  EXPECT_EQ(f.size(), 1u);
  return f.empty() ? Finding{} : f[0];
}

TEST(IamIdentityFederationConfigured, AnyProviderPasses) {
  AuditFixture fx;
  fx.account.saml_providers.emplace();
  fx.account.oidc_providers.emplace().push_back({"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", {}, {}});
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "111122223333");
  EXPECT_EQ(f.evidence,
            std::vector<std::string>{"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"});

  AuditFixture saml_only;  // the OIDC list was not collected, but a SAML provider settles it
  saml_only.account.saml_providers.emplace().push_back({"arn:aws:iam::111122223333:saml-provider/AWSSSO_x", {}, {}});
  EXPECT_EQ(only(saml_only).status, Status::kPass);
}

TEST(IamIdentityFederationConfigured, BothListsEmptyFails) {
  AuditFixture fx;
  fx.account.saml_providers.emplace();
  fx.account.oidc_providers.emplace();
  Finding f = only(fx);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_NE(f.message.find("no SAML provider"), std::string::npos);
}

TEST(IamIdentityFederationConfigured, UncollectedListsAreNotEvaluated) {
  AuditFixture none;
  Finding f = only(none);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_NE(f.message.find("saml-providers.json"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("open-id-connect-providers.json"), std::string::npos) << f.message;

  AuditFixture half;
  half.account.saml_providers.emplace();
  f = only(half);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "open-id-connect-providers.json is not in the snapshot, and the other list has no provider");
}

}  // namespace
}  // namespace iamwarden::audit::testing
