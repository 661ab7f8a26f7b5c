// Computing and rendering `iamwarden snapshot summary` (see summary.h).
#include "snapshot/summary.h"

#include <fmt/format.h>

#include "base/json_writer.h"
#include "base/safe_text.h"
#include "snapshot/completeness.h"
#include "snapshot/policy_document.h"

namespace iamwarden::snapshot {
namespace {

void check(Summary& s, const PolicyDocument& doc, policy::PolicyKind kind, const std::string& owner) {
  ++s.documents;
  policy::ParsedPolicy parsed = parse_document(doc, kind);
  for (const policy::Diagnostic& d : parsed.diagnostics) {
    if (d.level != policy::DiagnosticLevel::kError) continue;
    s.invalid_documents.push_back(InvalidDocument{owner, d.error});
    break;
  }
}

std::string_view password_state(PasswordPolicyState state) {
  switch (state) {
    case PasswordPolicyState::kNotCollected: return "not collected";
    case PasswordPolicyState::kNone: return "none (NoSuchEntity: AWS defaults apply)";
    case PasswordPolicyState::kPresent: return "present";
  }
  return "unknown";
}

template <class C>
std::string optional_count(const std::optional<C>& v) {
  return v ? fmt::format("{}", v->size()) : std::string("not collected");
}

template <class C>
std::string optional_count_json(const std::optional<C>& v) {
  return v ? fmt::format("{}", v->size()) : std::string("null");
}

}  // namespace

Summary summarize(const Account& account) {
  Summary s;
  const AuthorizationDetails& iam = account.iam;
  s.users = iam.users.size();
  s.groups = iam.groups.size();
  s.roles = iam.roles.size();
  for (const User& u : iam.users) {
    s.inline_policies += u.inline_policies.size();
    for (const InlinePolicy& p : u.inline_policies) check(s, p.document, policy::PolicyKind::kIdentity, u.arn);
  }
  for (const Group& g : iam.groups) {
    s.inline_policies += g.inline_policies.size();
    for (const InlinePolicy& p : g.inline_policies) check(s, p.document, policy::PolicyKind::kIdentity, g.arn);
  }
  for (const Role& r : iam.roles) {
    s.inline_policies += r.inline_policies.size();
    s.instance_profiles += r.instance_profiles.size();
    for (const InlinePolicy& p : r.inline_policies) check(s, p.document, policy::PolicyKind::kIdentity, r.arn);
    if (r.trust_policy) check(s, *r.trust_policy, policy::PolicyKind::kTrust, r.arn);
  }
  for (const ManagedPolicy& p : iam.policies) {
    if (p.source == PolicySource::kBuiltinCatalog) ++s.aws_policies_builtin;
    else if (p.aws_managed()) ++s.aws_policies_in_dump;
    else ++s.customer_policies;
    s.policy_versions += p.versions.size();
    if (const PolicyVersion* v = p.default_version()) check(s, v->document, policy::PolicyKind::kIdentity, p.arn);
  }
  for (const auto& [id, p] : account.organization.policies) {
    if (!p.content_known) continue;
    // AWS's own RCPFullAWSAccess is an Allow, which customer RCPs may not contain: not an error.
    if (p.type == "RESOURCE_CONTROL_POLICY" && (id == "p-RCPFullAWSAccess" || p.name == "RCPFullAWSAccess")) continue;
    check(s, p.document, p.type == "RESOURCE_CONTROL_POLICY" ? policy::PolicyKind::kRcp : policy::PolicyKind::kScp, id);
  }
  return s;
}

std::string summary_text(const Account& account, const Summary& s, const std::string& source) {
  std::string out;
  auto line = [&]<class... A>(fmt::format_string<A...> format, A&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<A>(args)...);
  };
  // Everything quoted from the snapshot goes through safe_text: names and errors are input.
  std::vector<std::string> gaps;
  for (const SnapshotGap& gap : snapshot_gaps(account)) gaps.push_back(gap_line(gap));
  if (!gaps.empty()) line("{}\n\n", safe_text(gaps_headline(gaps)));
  line("snapshot {}\n", safe_text(source));
  line("account    {} ({})\n", account.account_id.empty() ? "unknown" : safe_text(account.account_id),
       safe_text(account.partition));
  if (account.manifest.present)
    line("collected  {} by {}\n", safe_text(account.manifest.collected_at), safe_text(account.manifest.tool));
  line("\nIAM\n");
  if (!account.iam_present) {
    line("  authorization details: not collected (users, groups, roles and policies not evaluated)\n");
  } else {
    line("  users {}, groups {}, roles {}, instance profiles {}\n", s.users, s.groups, s.roles, s.instance_profiles);
    line("  managed policies: {} customer, {} AWS in the dump, {} AWS from iamwarden's built-in copy ({} versions)\n",
         s.customer_policies, s.aws_policies_in_dump, s.aws_policies_builtin, s.policy_versions);
    line("  inline policies {}; policy documents parsed {}, invalid {}\n", s.inline_policies, s.documents,
         s.invalid_documents.size());
  }
  line("\naccount settings\n");
  line("  credential report: {}\n",
       account.credential_report ? fmt::format("{} rows{}", account.credential_report->rows.size(),
                                               account.credential_report->root() ? " (root row present)" : "")
                                 : std::string("not collected"));
  line("  password policy: {}\n", password_state(account.password_policy.state));
  line("  account summary: {}\n", account.account_summary ? fmt::format("{} keys", account.account_summary->size())
                                                          : std::string("not collected"));
  line("  virtual MFA devices: {}\n", optional_count(account.virtual_mfa_devices));
  line("  SAML providers: {}, OIDC providers: {}\n", optional_count(account.saml_providers),
       optional_count(account.oidc_providers));
  line("  server certificates: {}\n", optional_count(account.server_certificates));
  line("  organizations features: {}\n",
       account.organizations_features
           ? (account.organizations_features->empty() ? std::string("none enabled")
                                                      : safe_text(fmt::format("{}", fmt::join(*account.organizations_features, ", "))))
           : std::string("not collected"));
  line("  trails: {}\n", optional_count(account.trails));
  line("  access analyzers: {}{}\n", optional_count(account.analyzers),
       account.analyzers ? fmt::format(" in {} region(s)", account.analyzer_regions.size()) : std::string());
  line("  service last accessed (Access Advisor): {}\n",
       account.service_last_accessed ? fmt::format("{} entities", account.service_last_accessed->size())
                                     : std::string("not collected"));
  if (account.organization.present) {
    line("  organization {}: path {}, {} SCP/RCP policies\n", safe_text(account.organization.id),
         account.organization.path.empty() ? std::string("unknown")
                                           : fmt::format("{} level(s)", account.organization.path.size()),
         account.organization.policies.size());
  } else {
    line("  organization: not collected\n");
  }
  line("\nfiles\n");
  for (const FileRecord& f : account.files) {
    line("  {:<10} {}{}\n", file_status_name(f.status), safe_text(f.path), f.detail.empty() ? "" : "  (" + safe_text(f.detail) + ")");
  }
  if (!account.unresolved_policies.empty()) {
    line("\nunresolved policy ARNs (what depends on them is not evaluated)\n");
    for (const UnresolvedPolicy& u : account.unresolved_policies)
      line("  {}  referenced by {}\n", safe_text(u.arn), safe_text(fmt::format("{}", fmt::join(u.referenced_by, ", "))));
  }
  if (!s.invalid_documents.empty()) {
    line("\ninvalid policy documents\n");
    for (const InvalidDocument& d : s.invalid_documents) line("  {}: {}\n", safe_text(d.owner), d.error.format());
  }
  if (!account.warnings.empty()) {
    line("\nwarnings\n");
    for (const std::string& w : account.warnings) line("  {}\n", safe_text(w));
  }
  return out;
}

std::string summary_json(const Account& account, const Summary& s, const std::string& source) {
  std::string out = "{";
  if (std::vector<SnapshotGap> gaps = snapshot_gaps(account); !gaps.empty()) {
    out += "\"incompleteSnapshot\":[";
    for (size_t i = 0; i < gaps.size(); ++i) out += (i ? "," : "") + json_quote(gap_line(gaps[i]));
    out += "],";
  }
  fmt::format_to(std::back_inserter(out), "\"source\":{},\"account\":{},\"partition\":{}", json_quote(source),
                 account.account_id.empty() ? "null" : json_quote(account.account_id), json_quote(account.partition));
  if (account.manifest.present)
    fmt::format_to(std::back_inserter(out), ",\"collectedAt\":{}", json_quote(account.manifest.collected_at));
  fmt::format_to(std::back_inserter(out),
                 ",\"iam\":{},\"counts\":{{\"users\":{},\"groups\":{},\"roles\":{},\"instanceProfiles\":{},"
                 "\"customerPolicies\":{},\"awsPoliciesInDump\":{},\"awsPoliciesBuiltin\":{},\"policyVersions\":{},"
                 "\"inlinePolicies\":{},\"policyDocuments\":{},\"invalidPolicyDocuments\":{},"
                 "\"credentialReportRows\":{},\"virtualMfaDevices\":{},\"samlProviders\":{},\"oidcProviders\":{},"
                 "\"serverCertificates\":{},\"trails\":{},\"analyzers\":{},\"serviceLastAccessedEntities\":{}}}",
                 account.iam_present ? "true" : "false", s.users, s.groups, s.roles, s.instance_profiles,
                 s.customer_policies, s.aws_policies_in_dump, s.aws_policies_builtin, s.policy_versions,
                 s.inline_policies, s.documents, s.invalid_documents.size(),
                 account.credential_report ? fmt::format("{}", account.credential_report->rows.size()) : "null",
                 optional_count_json(account.virtual_mfa_devices), optional_count_json(account.saml_providers),
                 optional_count_json(account.oidc_providers), optional_count_json(account.server_certificates),
                 optional_count_json(account.trails), optional_count_json(account.analyzers),
                 optional_count_json(account.service_last_accessed));
  std::string_view pw = account.password_policy.state == PasswordPolicyState::kPresent ? "present"
                        : account.password_policy.state == PasswordPolicyState::kNone ? "none"
                                                                                       : "not_collected";
  fmt::format_to(std::back_inserter(out), ",\"passwordPolicy\":{}", json_quote(pw));
  out += ",\"files\":[";
  for (size_t i = 0; i < account.files.size(); ++i) {
    const FileRecord& f = account.files[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"path\":{},\"status\":{}", i ? "," : "", json_quote(f.path),
                   json_quote(file_status_name(f.status)));
    if (!f.detail.empty()) fmt::format_to(std::back_inserter(out), ",\"detail\":{}", json_quote(f.detail));
    out += "}";
  }
  out += "],\"unresolvedPolicies\":[";
  for (size_t i = 0; i < account.unresolved_policies.size(); ++i) {
    const UnresolvedPolicy& u = account.unresolved_policies[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"arn\":{},\"referencedBy\":[", i ? "," : "", json_quote(u.arn));
    for (size_t j = 0; j < u.referenced_by.size(); ++j) out += (j ? "," : "") + json_quote(u.referenced_by[j]);
    out += "]}";
  }
  out += "],\"invalidPolicyDocuments\":[";
  for (size_t i = 0; i < s.invalid_documents.size(); ++i) {
    const InvalidDocument& d = s.invalid_documents[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"owner\":{},\"error\":{}}}", i ? "," : "", json_quote(d.owner),
                   json_quote(d.error.format()));
  }
  out += "],\"warnings\":[";
  for (size_t i = 0; i < account.warnings.size(); ++i) out += (i ? "," : "") + json_quote(account.warnings[i]);
  out += "]}\n";
  return out;
}

}  // namespace iamwarden::snapshot
