// Shared pieces of the role, trust-policy and account-level checks (see lib_roles.h).
#include "audit/lib_roles.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "eval/arn.h"
#include "eval/context.h"
#include "policy/parser.h"
#include "snapshot/policy_document.h"

namespace iamwarden::audit {
namespace {

std::string_view principal_type_name(policy::PrincipalType type) {
  switch (type) {
    case policy::PrincipalType::kAws: return "AWS";
    case policy::PrincipalType::kService: return "Service";
    case policy::PrincipalType::kFederated: return "Federated";
    case policy::PrincipalType::kCanonicalUser: return "CanonicalUser";
  }
  return "?";
}

// The identity policy of a probe's caller: everything is allowed, so only the trust policy decides.
const eval::CompiledPolicy& allow_all_identity() {
  static const eval::CompiledPolicy compiled = [] {
    Result<policy::Policy> parsed = policy::parse_policy_text(
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
        "<probe identity policy>", policy::PolicyKind::kIdentity);
    return eval::compile(*parsed, "probe identity policy (allows everything)");
  }();
  return compiled;
}

}  // namespace

std::string account_resource(const snapshot::Account& account) {
  return account.account_id.empty() ? "unknown-account" : account.account_id;
}

Finding& report(FindingSink& out, Status status, std::string resource, std::string message) {
  switch (status) {
    case Status::kFail: return out.fail(std::move(resource), std::move(message));
    case Status::kNotEvaluated: return out.not_evaluated(std::move(resource), std::move(message));
    case Status::kPass:
    case Status::kMuted: break;
  }
  return out.pass(std::move(resource), std::move(message));
}

Finding& account_finding(const CheckContext& context, FindingSink& out, Status status, std::string message,
                         std::string_view file) {
  Finding& f = report(out, status, account_resource(context.account), std::move(message));
  f.resource_name = f.resource;
  f.origin.file = std::string(file);
  return f;
}

std::string missing_input(const snapshot::Account& account, std::string_view path) {
  std::vector<std::string> failures;
  for (const snapshot::FileRecord& r : account.files) {
    bool match = path.back() == '/' ? r.path.rfind(path, 0) == 0 : r.path == path;
    if (!match || r.status == snapshot::FileStatus::kLoaded || r.status == snapshot::FileStatus::kMissing) continue;
    std::string what = r.status == snapshot::FileStatus::kFailed ? "could not be collected" : "was reported not found";
    failures.push_back(r.detail.empty() ? fmt::format("{} {}", r.path, what)
                                        : fmt::format("{} {} ({})", r.path, what, r.detail));
  }
  if (failures.empty()) return fmt::format("{} is not in the snapshot", path);
  return fmt::format("{}", fmt::join(failures, "; "));
}

bool require_authorization_details(const CheckContext& context, FindingSink& out) {
  if (context.account.iam_present) return true;
  account_finding(context, out, Status::kNotEvaluated,
                  missing_input(context.account, "authorization-details.json") +
                      ": the roles and their policies are unknown",
                  "authorization-details.json");
  return false;
}

bool scp_path_applies(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  const snapshot::Organization& org = account.organization;
  constexpr std::string_view kOrgFile = "organizations/organization.json";
  if (!org.present) {
    if (account.file_status(kOrgFile) == snapshot::FileStatus::kNotFound) {
      account_finding(context, out, Status::kFail,
                      "the account is not in an organization (describe-organization: "
                      "AWSOrganizationsNotInUseException), so no SCP can apply",
                      kOrgFile);
    } else {
      account_finding(context, out, Status::kNotEvaluated,
                      missing_input(account, kOrgFile) + ": the organization and its SCPs are unknown", kOrgFile);
    }
    return false;
  }
  if (!org.feature_set.empty() && org.feature_set != "ALL") {
    account_finding(context, out, Status::kFail,
                    fmt::format("organization {} has FeatureSet {}: SCPs need all features enabled", org.id,
                                org.feature_set),
                    kOrgFile);
    return false;
  }
  if (!account.account_id.empty() && org.management_account_id == account.account_id) {
    account_finding(context, out, Status::kPass,
                    fmt::format("{} is the management account of organization {}: SCPs never apply to it (keep "
                                "workloads in member accounts)",
                                account.account_id, org.id),
                    kOrgFile);
    return false;
  }
  if (org.path.empty()) {
    account_finding(context, out, Status::kNotEvaluated,
                    fmt::format("the account's place in organization {} is unknown: organizations/parents/{}.json and "
                                "the files of its parents up to the root are needed",
                                org.id, account_resource(account)),
                    "organizations/parents/");
    return false;
  }
  return true;
}

std::string org_policy_label(const snapshot::Organization& org, const std::string& id) {
  auto it = org.policies.find(id);
  if (it == org.policies.end() || it->second.name.empty()) return id;
  return fmt::format("{} ({})", it->second.name, id);
}

std::string aws_managed_policy_arn(const snapshot::Account& account, std::string_view name) {
  return fmt::format("arn:{}:iam::aws:policy/{}", partition_of(account), name);
}

bool has_aws_managed_policy(const snapshot::PolicyHolder& role, std::string_view name) {
  const std::string suffix = fmt::format(":iam::aws:policy/{}", name);
  return std::any_of(role.attached.begin(), role.attached.end(), [&](const snapshot::PolicyRef& ref) {
    return ref.arn.rfind("arn:", 0) == 0 && ref.arn.size() > suffix.size() &&
           ref.arn.compare(ref.arn.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           ref.arn.find(':', 4) == ref.arn.size() - suffix.size();
  });
}

Finding& role_finding(FindingSink& out, Status status, const snapshot::Role& role, std::string message) {
  Finding& f = report(out, status, role.arn, std::move(message));
  f.resource_name = role.name;
  f.origin = role.origin;
  return f;
}

std::string partition_of(const snapshot::Account& account) {
  return account.partition.empty() ? "aws" : account.partition;
}

void for_each_role(const CheckContext& context, FindingSink& out, std::string_view scope,
                   const std::function<bool(const snapshot::Role&)>& judge) {
  if (!require_authorization_details(context, out)) return;
  size_t in_scope = 0, linked = 0;
  for (const snapshot::Role& role : context.account.iam.roles) {
    if (role.service_linked()) ++linked;
    else if (judge(role)) ++in_scope;
  }
  if (in_scope > 0) return;
  account_finding(context, out, Status::kPass,
                  fmt::format("no {} in authorization-details.json ({} roles, {} of them service-linked and skipped)",
                              scope, context.account.iam.roles.size(), linked),
                  "authorization-details.json");
}

TrustPolicy read_trust_policy(const snapshot::Role& role) {
  TrustPolicy out;
  if (!role.trust_policy) {
    out.error = "the role has no AssumeRolePolicyDocument in authorization-details.json";
    return out;
  }
  policy::ParsedPolicy parsed = snapshot::parse_document(*role.trust_policy, policy::PolicyKind::kTrust);
  if (!parsed.ok()) {
    for (const policy::Diagnostic& d : parsed.diagnostics) {
      if (d.level != policy::DiagnosticLevel::kError) continue;
      out.error = fmt::format("the trust policy is not valid ({}: {} at {})", role.trust_policy->origin.file,
                              d.error.message, d.error.loc.json_pointer);
      break;
    }
    if (out.error.empty()) out.error = "the trust policy is not valid";
    return out;
  }
  out.policy = std::move(parsed.policy);
  return out;
}

Finding& trust_finding(FindingSink& out, Status status, const snapshot::Role& role, std::string message) {
  Finding& f = role_finding(out, status, role, std::move(message));
  if (role.trust_policy) f.origin = role.trust_policy->origin;
  return f;
}

void for_each_trusting_role(const CheckContext& context, FindingSink& out, std::string_view scope,
                            const std::function<bool(const snapshot::Role&, const TrustPolicy&)>& judge) {
  for_each_role(context, out, scope, [&](const snapshot::Role& role) {
    TrustPolicy trust = read_trust_policy(role);
    if (trust.ok()) return judge(role, trust);
    trust_finding(out, Status::kNotEvaluated, role, trust.error);
    return true;
  });
}

void judge_every_trust(const CheckContext& context, FindingSink& out, TrustJudge judge) {
  for_each_trusting_role(context, out, "roles other than service-linked ones",
                         [&](const snapshot::Role& role, const TrustPolicy& trust) {
                           judge(context, out, role, trust);
                           return true;
                         });
}

bool service_only_trust(const policy::Policy& trust) {
  bool any_allow = false;
  for (const policy::Statement& st : trust.statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    any_allow = true;
    if (st.principal_mode != policy::ElementMode::kNormal || st.principal_wildcard || st.principals.empty())
      return false;
    for (const policy::PrincipalEntry& p : st.principals)
      if (p.type != policy::PrincipalType::kService) return false;
  }
  return any_allow;
}

std::vector<std::string> trusted_services(const policy::Policy& trust) {
  std::set<std::string> services;
  for (const policy::Statement& st : trust.statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (const policy::PrincipalEntry& p : st.principals)
      if (p.type == policy::PrincipalType::kService) services.insert(p.value.value);
  }
  return {services.begin(), services.end()};
}

std::string statement_label(const policy::Statement& st) {
  return st.has_sid && !st.sid.value.empty() ? st.sid.value : fmt::format("#{}", st.index);
}

std::string describe_principal(const policy::Statement& st) {
  std::string prefix = st.principal_mode == policy::ElementMode::kNot ? "NotPrincipal " : "";
  if (st.principal_mode == policy::ElementMode::kAbsent) return "no Principal";
  if (st.principal_wildcard) return prefix + "*";
  std::vector<std::string> groups;
  for (policy::PrincipalType type : {policy::PrincipalType::kAws, policy::PrincipalType::kService,
                                     policy::PrincipalType::kFederated, policy::PrincipalType::kCanonicalUser}) {
    std::vector<std::string_view> values;
    for (const policy::PrincipalEntry& p : st.principals)
      if (p.type == type) values.push_back(p.value.value);
    if (!values.empty()) groups.push_back(fmt::format("{}: {}", principal_type_name(type), fmt::join(values, ", ")));
  }
  return prefix + fmt::format("{}", fmt::join(groups, "; "));
}

TrustView trust_view(const policy::Policy& trust, ClauseTest restricting, std::string name) {
  TrustView view;
  policy::Policy copy = trust;
  copy.statements.clear();
  for (const policy::Statement& st : trust.statements) {
    policy::Statement kept = st;
    kept.conditions.clear();
    std::vector<std::string> dropped;
    for (const policy::ConditionClause& c : st.conditions) {
      if (restricting(c)) kept.conditions.push_back(c);
      else dropped.push_back(fmt::format("{} {}", c.op_name.value, c.key.value));
    }
    const bool deny = st.effect == policy::Effect::kDeny;
    if (!dropped.empty()) {
      view.disregarded.push_back(
          deny ? fmt::format("statement {}: Deny ignored, the caller can avoid its condition {}", statement_label(st),
                             fmt::join(dropped, ", "))
               : fmt::format("statement {}: Allow condition {} assumed to hold (the caller can meet it)",
                             statement_label(st), fmt::join(dropped, ", ")));
      if (deny) continue;
    }
    copy.statements.push_back(std::move(kept));
  }
  view.compiled = eval::compile(copy, std::move(name));
  return view;
}

std::string unrelated_account(std::string_view text, std::string_view own) {
  std::string candidate;
  for (char digit = '9'; digit >= '1'; --digit) {
    candidate.assign(12, digit);
    if (candidate != own && text.find(candidate) == std::string_view::npos) return candidate;
  }
  return "210987654321";
}

bool arn_values_anchored(const policy::ConditionClause& clause) {
  if (clause.values.empty()) return false;
  for (const policy::Located& v : clause.values) {
    eval::ArnParts arn = eval::split_arn(v.value);
    if (!arn.ok) return false;
    std::string_view account = arn.account();
    if (account.empty()) {
      std::string_view resource = arn.resource();
      if (resource.empty() || resource.find_first_of("*?$") == 0) return false;
    } else if (account.find_first_of("*?$") != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool clause_key_in(const policy::ConditionClause& clause, std::initializer_list<std::string_view> keys) {
  const std::string folded = eval::fold_case(clause.key.value);
  return std::find(keys.begin(), keys.end(), folded) != keys.end();
}

std::optional<eval::Outcome> probe_assume_role(const TrustView& view, const snapshot::Role& role,
                                               const eval::Caller& caller, eval::Context context) {
  Result<eval::Request> request = eval::make_request(caller, "sts:AssumeRole", role.arn, "", std::move(context));
  if (!request) return std::nullopt;
  eval::add_principal_keys(*request);
  eval::PolicySet policies;
  policies.identity.push_back(&allow_all_identity());
  policies.resource = &view.compiled;
  return eval::evaluate(*request, policies);
}

std::string deciding_statement(const eval::Outcome& outcome) {
  if (outcome.statement) return "statement " + outcome.statement->label();
  return outcome.describe();
}

const policy::Statement* source_statement(const policy::Policy& trust, const eval::Outcome& outcome) {
  if (!outcome.statement) return nullptr;
  for (const policy::Statement& st : trust.statements)
    if (st.index == outcome.statement->index) return &st;
  return nullptr;
}

}  // namespace iamwarden::audit
