// Engine-based facts about every customer-managed and inline policy, computed once per audit.
#include "audit/lib_policies.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "audit/lib_roles.h"
#include "base/parallel.h"
#include "catalog/catalog.h"
#include "escalation/method.h"
#include "snapshot/policy_document.h"

namespace iamwarden::audit {
namespace {

using access::Grant;

// One document to analyse and how to name it.
struct Job {
  PolicyFacts::Kind kind;
  std::string arn, name, owner;
  bool attached = false;
  bool boundary = false;
  const snapshot::PolicyDocument* document = nullptr;
  snapshot::Origin origin;
};

std::vector<Job> jobs_of(const snapshot::Account& account) {
  // What the principals of the dump attach, and use as boundaries (AttachmentCount may be absent,
  // e.g. for AWS-managed policies taken from iamwarden's data).
  std::set<std::string_view> attached, boundaries;
  auto note = [&](const snapshot::PolicyHolder& h) {
    for (const snapshot::PolicyRef& ref : h.attached) attached.insert(ref.arn);
  };
  for (const snapshot::User& u : account.iam.users) {
    note(u);
    if (u.boundary) boundaries.insert(u.boundary->arn);
  }
  for (const snapshot::Group& g : account.iam.groups) note(g);
  for (const snapshot::Role& r : account.iam.roles) {
    note(r);
    if (r.boundary) boundaries.insert(r.boundary->arn);
  }
  std::vector<Job> jobs;
  for (const snapshot::ManagedPolicy& p : account.iam.policies) {
    const snapshot::PolicyVersion* v = p.default_version();
    if (!v) continue;
    const bool is_attached = p.attachment_count > 0 || attached.count(p.arn);
    // AWS's own policies are not the customer's to fix: only attached ones, for the literal
    // checks that count them (CIS).
    if (p.aws_managed() && !is_attached) continue;
    jobs.push_back({p.aws_managed() ? PolicyFacts::Kind::kAwsManaged : PolicyFacts::Kind::kCustomerManaged, p.arn,
                    p.name, "", is_attached, p.boundary_usage_count > 0 || boundaries.count(p.arn) > 0, &v->document,
                    v->document.origin});
  }
  auto inline_of = [&](const snapshot::PolicyHolder& holder, std::string_view what) {
    for (const snapshot::InlinePolicy& ip : holder.inline_policies)
      jobs.push_back({PolicyFacts::Kind::kInline, holder.arn + "#" + ip.name, ip.name,
                      fmt::format("{} {}", what, holder.name), true, false, &ip.document, ip.document.origin});
  };
  for (const snapshot::User& u : account.iam.users) inline_of(u, "user");
  for (const snapshot::Group& g : account.iam.groups) inline_of(g, "group");
  for (const snapshot::Role& r : account.iam.roles) {
    if (r.service_linked()) continue;  // AWS manages service-linked roles' policies
    inline_of(r, "role");
  }
  return jobs;
}

Grant all_of(access::AccessEvaluator& e, const std::vector<std::string>& actions) {
  Grant least = Grant::kAllowed;
  for (std::string_view a : actions) {
    size_t colon = a.find(':');
    least = std::min(least, e.check(a.substr(0, colon), a.substr(colon + 1), access::Scope::kEveryResource));
    if (least == Grant::kDenied) break;
  }
  return least;
}

bool any_is(const std::vector<policy::Located>& values, std::string_view value) {
  return std::any_of(values.begin(), values.end(), [&](const policy::Located& v) { return v.value == value; });
}

// A service wildcard: "s3:*" (and "*:*", "*" for every service).
bool service_wildcard(std::string_view action) {
  return action == "*" || (action.size() > 2 && action.ends_with(":*"));
}

// The statements read one by one, as AWS Config and CIS do: no engine, conditions ignored.
void read_literally(const policy::Policy& policy, PolicyFacts& out) {
  for (const policy::Statement& st : policy.statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    const std::string label = "statement " + statement_label(st);
    if (st.action_mode == policy::ElementMode::kNormal && any_is(st.actions, "*") &&
        st.resource_mode == policy::ElementMode::kNormal && any_is(st.resources, "*"))
      out.literal_admin.push_back(label);
    for (const policy::Located& a : st.actions) {
      const bool not_action = st.action_mode == policy::ElementMode::kNot;
      if (!service_wildcard(a.value) || (not_action && a.value == "*")) continue;
      out.literal_full_access.push_back(fmt::format("{}{} ({})", not_action ? "NotAction " : "", a.value, label));
    }
  }
}

void analyse(const Job& job, const snapshot::Account& account, const catalog::Catalog& catalog,
             const std::vector<std::string>& sensitive, PolicyFacts& out) {
  out.kind = job.kind;
  out.arn = job.arn;
  out.name = job.name;
  out.owner = job.owner;
  out.attached = job.attached;
  out.boundary = job.boundary;
  out.origin = job.origin;
  policy::ParsedPolicy parsed = snapshot::parse_document(*job.document, policy::PolicyKind::kIdentity);
  for (const policy::Diagnostic& d : parsed.diagnostics) {
    if (d.level != policy::DiagnosticLevel::kError) continue;
    out.parse_error = d.error.format();
    return;
  }
  read_literally(parsed.policy, out);
  if (job.kind == PolicyFacts::Kind::kAwsManaged) return;  // only read literally
  access::BoundedPolicy bounded = access::bound_and_compile(parsed.policy, job.name, access::KnownKeys::kNone);
  access::Layers layers;
  layers.identity.push_back(&bounded);
  access::AccessEvaluator e(layers, access::anonymous_user_of(account.account_id, account.partition), {});
  constexpr access::Scope kEvery = access::Scope::kEveryResource;
  std::vector<std::string> keys;
  auto note_keys = [&](Grant g, std::string_view service, std::string_view action) {
    if (g != Grant::kConditional) return;
    access::GrantReason why = e.explain(service, action);
    keys.insert(keys.end(), why.condition_keys.begin(), why.condition_keys.end());
  };
  out.admin = e.admin(catalog);
  note_keys(out.admin, "iam", "CreateUser");
  for (const std::string& s : sensitive) {
    Grant g = e.service(catalog, s, kEvery);
    if (g == Grant::kDenied) continue;
    out.full_services.emplace_back(s, g);
    const catalog::Service* svc = catalog.find_service(s);
    if (svc && svc->action_count) note_keys(g, svc->prefix, catalog.actions_of(*svc).front().name);
  }
  out.pass_role_any = e.check("iam", "PassRole", kEvery);
  note_keys(out.pass_role_any, "iam", "PassRole");
  out.assume_role_any = e.check("sts", "AssumeRole", kEvery);
  note_keys(out.assume_role_any, "sts", "AssumeRole");
  out.marketplace_subscribe = e.check("aws-marketplace", "Subscribe", kEvery);
  note_keys(out.marketplace_subscribe, "aws-marketplace", "Subscribe");
  for (const EscalationPath& path : escalation_paths()) {
    Grant g = all_of(e, path.actions);
    if (g != Grant::kDenied) out.escalations.emplace_back(path.name, g);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  out.condition_keys = std::move(keys);
}

}  // namespace

const std::vector<EscalationPath>& escalation_paths() {
  // The methods of data/escalation that a policy decides on its own (escalation::policy_level). A
  // method counts only when all its actions are granted on every resource (so self-service policies
  // scoped to the caller's own user, e.g. iam:CreateAccessKey on user/${aws:username}, are not flagged).
  static const std::vector<EscalationPath> paths = [] {
    std::vector<EscalationPath> out;
    static const Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load();
    if (!methods) return out;  // the embedded data is tested to load
    // Self-escalation first, then credentials and trust of others, then passed roles: the first
    // one found is the headline.
    std::vector<const escalation::Method*> ordered;
    for (const escalation::Method& m : methods->all())
      if (escalation::policy_level(m)) ordered.push_back(&m);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const escalation::Method* a, const escalation::Method* b) { return a->category < b->category; });
    for (const escalation::Method* mp : ordered) {
      const escalation::Method& m = *mp;
      EscalationPath path{m.id + " " + m.name, {}};
      for (const escalation::Permission& p : m.permissions)
        if (std::find(path.actions.begin(), path.actions.end(), p.action) == path.actions.end()) path.actions.push_back(p.action);
      out.push_back(std::move(path));
    }
    return out;
  }();
  return paths;
}

PolicyAnalysis::PolicyAnalysis(const snapshot::Account& account, const catalog::Catalog& catalog, unsigned threads,
                               const std::vector<std::string>& sensitive_services) {
  std::vector<Job> jobs = jobs_of(account);
  facts_.resize(jobs.size());
  parallel_for(jobs.size(), worker_count(threads, jobs.size()), [&](unsigned, size_t i) {
    analyse(jobs[i], account, catalog, sensitive_services, facts_[i]);
  });
}

std::vector<const PolicyFacts*> PolicyAnalysis::of_kind(PolicyFacts::Kind kind) const {
  std::vector<const PolicyFacts*> out;
  for (const PolicyFacts& f : facts_)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

void check_policies(const CheckContext& context, FindingSink& out, std::initializer_list<PolicyFacts::Kind> kinds,
                    std::optional<bool> attached, const std::function<PolicyVerdict(const PolicyFacts&)>& judge) {
  const bool managed = std::find(kinds.begin(), kinds.end(), PolicyFacts::Kind::kCustomerManaged) != kinds.end();
  const bool inline_ = std::find(kinds.begin(), kinds.end(), PolicyFacts::Kind::kInline) != kinds.end();
  std::string scope = managed && inline_ ? "customer-managed or inline policies"
                      : managed          ? "customer-managed policies"
                                         : "inline policies";
  if (attached) scope = (*attached ? "attached " : "unattached ") + scope;
  std::vector<PolicyFacts::Kind> wanted(kinds);
  check_policies(
      context, out,
      [&](const PolicyFacts& f) {
        return std::find(wanted.begin(), wanted.end(), f.kind) != wanted.end() && (!attached || f.attached == *attached);
      },
      scope, judge);
}

void check_policies(const CheckContext& context, FindingSink& out,
                    const std::function<bool(const PolicyFacts&)>& in_scope, std::string_view scope,
                    const std::function<PolicyVerdict(const PolicyFacts&)>& judge) {
  const std::string account_arn = fmt::format("arn:{}:iam::{}:root", context.account.partition, context.account.account_id);
  if (!context.account.iam_present) {
    out.not_evaluated(account_arn, "authorization-details.json was not collected: no policies to check");
    return;
  }
  if (!context.policies) {
    out.not_evaluated(account_arn, "the action catalog is not available, so policies cannot be evaluated");
    return;
  }
  const size_t before = out.count();
  for (const PolicyFacts& f : context.policies->policies()) {
    if (!in_scope(f)) continue;
    std::string resource = f.arn;
    Finding* finding = nullptr;
    if (!f.parse_error.empty()) {
      finding = &out.not_evaluated(resource, "the policy document does not parse: " + f.parse_error);
    } else {
      PolicyVerdict v = judge(f);
      finding = v.fail ? &out.fail(resource, std::move(v.message)) : &out.pass(resource, std::move(v.message));
      finding->evidence = std::move(v.evidence);
    }
    finding->resource_name = f.owner.empty() ? f.name : f.owner + " / " + f.name;
    finding->origin = f.origin;
  }
  // Nothing in scope with the input present: the requirement is met, not unknown.
  if (out.count() == before) {
    Finding& f = out.pass(account_arn, fmt::format("no {} in authorization-details.json", scope));
    f.resource_name = context.account.account_id;
    f.origin.file = "authorization-details.json";
  }
}

PolicyVerdict admin_verdict(const PolicyFacts& f) {
  if (f.admin == access::Grant::kDenied) return {false, "does not grant every action on every resource", {}};
  return {true, "grants every action " + describe_grant(f.admin, f) + ": full administrator access", {}};
}

PolicyVerdict action_verdict(access::Grant grant, const PolicyFacts& f, std::string_view action) {
  if (grant == access::Grant::kDenied) return {false, fmt::format("does not allow {} on every resource", action), {}};
  return {true, fmt::format("allows {} {}", action, describe_grant(grant, f)), {}};
}

std::string describe_grant(access::Grant grant, const PolicyFacts& facts) {
  if (grant == access::Grant::kAllowed) return "on every resource, unconditionally";
  if (facts.condition_keys.empty()) return "on every resource, under conditions";
  return fmt::format("on every resource when its conditions hold ({})", fmt::join(facts.condition_keys, ", "));
}

void check_customer_policies_literally(const CheckContext& context, FindingSink& out,
                                       const std::function<PolicyVerdict(const PolicyFacts&)>& judge) {
  const bool skip_boundaries = context.config.exclude_permission_boundary_policies;
  check_policies(
      context, out,
      [&](const PolicyFacts& f) {
        return f.kind == PolicyFacts::Kind::kCustomerManaged && !(skip_boundaries && f.boundary);
      },
      skip_boundaries ? "customer-managed policies other than permissions boundaries" : "customer-managed policies",
      judge);
}

}  // namespace iamwarden::audit
