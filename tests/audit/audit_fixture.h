// Test fixture for audit checks: an Account built in code, a config, a fixed "now", and a way to
// run one check by id and look at its findings.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "audit/check.h"
#include "snapshot/account.h"
#include "snapshot/timestamp.h"

namespace iamwarden::audit::testing {

/// Seconds since the epoch of an ISO 8601 date ("2026-11-20T00:00:00Z").
inline int64_t at(std::string_view iso) { return *snapshot::parse_timestamp(iso); }

/// A timestamp as the credential report writes it, `days` before `now`.
inline snapshot::Timestamp days_before(int64_t now, int64_t days) {
  return snapshot::make_timestamp(snapshot::format_timestamp(now - days * 86400));
}

struct AuditFixture {
  snapshot::Account account;
  AuditConfig config;
  int64_t now = at("2026-11-20T00:00:00Z");
  const catalog::Catalog* catalog = nullptr;
  const PolicyAnalysis* policies = nullptr;
  const escalation::Graph* escalation = nullptr;

  AuditFixture() { account.account_id = "111122223333"; }

  /// Runs the check with this id over the account (indexes are rebuilt first).
  std::vector<Finding> run(std::string_view id) {
    account.build_indexes();
    const Check* check = find_check(id);
    EXPECT_NE(check, nullptr) << "no check " << id;
    std::vector<Finding> out;
    if (!check) return out;
    CheckContext context{account, config, now, catalog, policies, escalation};
    FindingSink sink(*check->meta, out);
    check->run(context, sink);
    return out;
  }

  /// Adds a credential-report row (creating the report when absent); fields default to "no credentials".
  snapshot::CredentialReportRow& add_row(std::string user) {
    if (!account.credential_report) account.credential_report.emplace();
    snapshot::CredentialReportRow& row = account.credential_report->rows.emplace_back();
    row.user = user;
    row.arn = user == "<root_account>" ? "arn:aws:iam::111122223333:root"
                                       : "arn:aws:iam::111122223333:user/" + user;
    row.password_enabled = false;
    row.user_creation_time = days_before(now, 400);
    for (auto* t : {&row.password_last_used, &row.password_last_changed, &row.password_next_rotation})
      *t = snapshot::make_timestamp("N/A");
    for (snapshot::CredentialKey& k : row.access_keys) {
      k.last_rotated = snapshot::make_timestamp("N/A");
      k.last_used_date = snapshot::make_timestamp("N/A");
    }
    return row;
  }

  /// Adds a user to the authorization details.
  snapshot::User& add_user(std::string name) {
    account.iam_present = true;
    snapshot::User& u = account.iam.users.emplace_back();
    u.name = name;
    u.arn = "arn:aws:iam::111122223333:user/" + name;
    u.id = "AIDA" + name;
    u.path = "/";
    return u;
  }

  /// Adds a role with a trust policy given as JSON text (kept alive by the account's text store).
  snapshot::Role& add_role(std::string name, std::string trust_json, std::string path = "/") {
    account.iam_present = true;
    snapshot::Role& r = account.iam.roles.emplace_back();
    r.name = name;
    r.path = path;
    r.arn = "arn:aws:iam::111122223333:role" + path + name;
    r.id = "AROA" + name;
    snapshot::PolicyDocument doc;
    doc.text = account.iam.text->add(std::move(trust_json));
    doc.origin.file = "authorization-details.json";
    r.trust_policy = doc;
    return r;
  }
};

/// The findings with a given status.
inline std::vector<const Finding*> with_status(const std::vector<Finding>& findings, Status status) {
  std::vector<const Finding*> out;
  for (const Finding& f : findings)
    if (f.status == status) out.push_back(&f);
  return out;
}

}  // namespace iamwarden::audit::testing
