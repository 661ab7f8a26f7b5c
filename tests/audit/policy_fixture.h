// Test fixture for the engine-based policy checks: customer-managed and inline policies given as
// JSON, analysed with the embedded action catalog.
#pragma once

#include <algorithm>

#include "audit/lib_policies.h"
#include "audit_fixture.h"
#include "catalog/catalog.h"

namespace iamwarden::audit::testing {

inline const catalog::Catalog& embedded_catalog() {
  static const catalog::Catalog c = [] {
    Result<catalog::Catalog> r = catalog::load_catalog();
    EXPECT_TRUE(r.ok());
    return r.take();
  }();
  return c;
}

struct PolicyFixture : AuditFixture {
  std::optional<PolicyAnalysis> analysis;

  snapshot::PolicyDocument document(std::string json) {
    snapshot::PolicyDocument doc;
    doc.text = account.iam.text->add(std::move(json));
    doc.origin.file = "authorization-details.json";
    return doc;
  }

  /// A customer-managed policy with one (default) version.
  snapshot::ManagedPolicy& add_managed(std::string name, std::string json, bool attached = true) {
    account.iam_present = true;
    snapshot::ManagedPolicy& p = account.iam.policies.emplace_back();
    p.name = name;
    p.arn = "arn:aws:iam::111122223333:policy/" + name;
    p.id = "ANPA" + name;
    p.attachment_count = attached ? 1 : 0;
    p.default_version_id = "v1";
    snapshot::PolicyVersion& v = p.versions.emplace_back();
    v.version_id = "v1";
    v.is_default = true;
    v.document = document(std::move(json));
    return p;
  }

  /// An inline policy on a (new) user.
  void add_user_inline(std::string user, std::string name, std::string json) {
    snapshot::User& u = add_user(std::move(user));
    u.inline_policies.push_back({std::move(name), document(std::move(json))});
  }

  /// Runs a check after analysing the policies (with the catalog); findings sorted by resource, as
  /// the audit runner sorts them.
  std::vector<Finding> run_analysed(std::string_view id) {
    account.build_indexes();
    catalog = &embedded_catalog();
    analysis.emplace(account, *catalog, 1, config.sensitive_services);
    policies = &*analysis;
    std::vector<Finding> out = run(id);
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.resource < b.resource; });
    return out;
  }
};

constexpr const char* kAdminPolicy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
constexpr const char* kReadBucket =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]})";

}  // namespace iamwarden::audit::testing
