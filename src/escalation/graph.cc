// Building the escalation graph (graph.h). The search runs backwards from the administrators:
// layer 0 are the administrators, layer k the principals with an edge into layer k-1 (or, for
// methods that end with whatever the source writes, straight to the sink). Edges are only tested
// against principals already reached, so work grows with the principals that can act at all, not
// with the square of the account.
#include "escalation/graph.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "access/principal_access.h"
#include "base/ascii.h"
#include "base/parallel.h"
#include "eval/arn.h"
#include "eval/context.h"
#include "policy/parser.h"
#include "snapshot/policy_document.h"

namespace iamwarden::escalation {
namespace {

using access::Grant;
using Keys = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kAllowAll = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

// The users and roles a policy set's Allow statements for an action may name (conditions aside):
// every one, or the union of sorted node lists (one per Resource item; shared between sources).
struct ItemUnion {
  bool all = false;
  std::vector<const std::vector<uint32_t>*> lists;

  bool contains(size_t node) const {
    if (all) return true;
    return std::any_of(lists.begin(), lists.end(),
                       [&](const std::vector<uint32_t>* l) { return std::binary_search(l->begin(), l->end(), node); });
  }
  size_t size_hint() const {
    size_t n = 0;
    for (const std::vector<uint32_t>* l : lists) n += l->size();
    return n;
  }
};

// What the identity policies and the permissions boundary both may name.
struct Named {
  ItemUnion identity, boundary;  // boundary.all when there is none

  bool all() const { return identity.all && boundary.all; }
  bool contains(size_t node) const { return identity.contains(node) && boundary.contains(node); }
  /// The side to walk (not `all`): the smaller.
  const ItemUnion& walk() const {
    if (identity.all) return boundary;
    if (boundary.all) return identity;
    return identity.size_hint() <= boundary.size_hint() ? identity : boundary;
  }
  size_t size_hint() const { return all() ? SIZE_MAX : walk().size_hint(); }
};

// A principal that can act: its layers, an evaluator, and the grant of every method action.
struct Source {
  access::PrincipalAccess pa;
  std::unique_ptr<access::AccessEvaluator> evaluator;
  std::vector<Grant> grants;  // by method-action index
  // Requests already decided (templates, "*" and the principal itself recur across methods and targets).
  std::unordered_map<std::string, std::pair<Grant, std::vector<std::string>>> decided;
  // Per method action: the users or roles its identity policies may name (nullopt: not computed).
  std::vector<std::optional<Named>> named;
  std::vector<std::unique_ptr<std::vector<uint32_t>>> own_lists;  // items with policy variables: this source's
  // Per method: a request that does not depend on the target was denied, so no target can work.
  std::vector<char> dead;
  // Edits of `paths --fix` under trial: (lower-case action, "*" or one resource) treated as denied.
  std::vector<std::pair<std::string, std::string>> bans;

  bool banned(std::string_view action, std::string_view resource) const {
    if (bans.empty()) return false;
    const std::string folded = eval::fold_case(action);
    return std::any_of(bans.begin(), bans.end(),
                       [&](const auto& b) { return b.first == folded && (b.second == "*" || b.second == resource); });
  }
};

// What the search needs about a target principal.
struct Target {
  const snapshot::User* user = nullptr;
  const snapshot::Role* role = nullptr;
  const access::BoundedPolicy* trust = nullptr;
  std::vector<std::string> trusted_arns;  // AWS principals the trust names exactly
  bool broad = false;                     // it also admits accounts, wildcards or anyone
};

std::string fill_template(std::string_view text, std::string_view partition, std::string_view account) {
  std::string out(text);
  auto replace = [&](std::string_view from, std::string_view to) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) out.replace(at, from.size(), to);
  };
  replace("${Partition}", partition);
  replace("${Region}", "us-east-1");
  replace("${Account}", account);
  replace("${Name}", "iamwarden-escalation");
  for (char& c : out)
    if (c == '*' || c == '?') c = 'x';  // one concrete resource the method would create
  return out;
}

bool is_assume_role(std::string_view action) {
  return action.size() >= 14 && ascii_iequals(action.substr(0, 14), "sts:AssumeRole");
}

bool removes_boundary(const Method& m) { return m.id.find("permissions-boundary") != std::string::npos; }

class Builder {
 public:
  Builder(const snapshot::Account& account, const catalog::Catalog& catalog, const catalog::CallerRestrictions& restrictions,
          const MethodCatalog& methods, const Options& options)
      : account_(account), catalog_(catalog), restrictions_(restrictions), methods_(methods), options_(options) {}

  Graph run() {
    index_actions();
    add_nodes();
    analyse_sources();
    index_trust();
    search();
    if (options_.all_paths && graph_.to_admin()) alternatives();
    if (options_.fix && graph_.to_admin()) fix();
    graph_.stats.requests = requests_;
    return std::move(graph_);
  }

 private:
  // ---- setup ----

  void index_actions() {
    for (const Method& m : methods_.all()) {
      std::vector<size_t> ids;
      for (const Permission& p : m.permissions) {
        auto it = std::find_if(actions_.begin(), actions_.end(), [&](const std::string& a) { return ascii_iequals(a, p.action); });
        if (it == actions_.end()) {
          it = actions_.insert(actions_.end(), p.action);
          action_index_.emplace(fold(p.action), actions_.size() - 1);
        }
        ids.push_back(static_cast<size_t>(it - actions_.begin()));
      }
      method_actions_.push_back(std::move(ids));
    }
  }

  void add_nodes() {
    for (const snapshot::User& u : account_.iam.users) {
      graph_.nodes.push_back({u.arn, NodeKind::kUser, Grant::kDenied, -1, {}, {}});
      targets_.push_back({&u, nullptr, nullptr, {}});
    }
    for (const snapshot::Role& r : account_.iam.roles) {
      graph_.nodes.push_back({r.arn, NodeKind::kRole, Grant::kDenied, -1, {}, {}});
      targets_.push_back({nullptr, &r, nullptr, {}});
    }
    graph_.admin = graph_.nodes.size();
    graph_.nodes.push_back({"admin", NodeKind::kAdmin, Grant::kAllowed, 0, {}, {}});
    sources_.resize(graph_.admin);
    if (!account_.credential_report)
      graph_.notes.push_back("no credential report: access-key and password prerequisites are unknown, such edges are conditional");
    auto inv = account_.manifest.files.find("inventory.json");
    inventory_complete_ = account_.inventory && (inv == account_.manifest.files.end() || inv->second.status != snapshot::FileStatus::kFailed);
    if (!account_.inventory)
      graph_.notes.push_back("no inventory.json: methods that use an existing resource (a Lambda function, an instance) are conditional");
    else if (!inventory_complete_)
      graph_.notes.push_back("inventory.json is incomplete (its collection failed in part): methods that use an existing resource "
                             "the inventory does not list are conditional");
  }

  // Administrators, and for everyone else the grant of each method action (in parallel).
  void analyse_sources() {
    std::mutex memo_mutex;
    std::unordered_map<std::string, Grant> memo;
    parallel_for(graph_.admin, worker_count(options_.threads, graph_.admin), [&](unsigned, size_t i) {
      Node& node = graph_.nodes[i];
      if (targets_[i].role && targets_[i].role->service_linked()) return;  // AWS's own: no one acts as it
      Result<access::PrincipalAccess> pa = access::principal_access(account_, node.arn, cache_);
      if (!pa) {
        node.problems.push_back(pa.error().message);
        return;
      }
      node.problems = pa->problems;
      auto evaluator = std::make_unique<access::AccessEvaluator>(pa->layers, pa->caller, pa->context, &catalog_);
      evaluator->use_caller_restrictions(&restrictions_);
      std::optional<Grant> known;
      if (!pa->shared_key.empty()) {
        std::lock_guard<std::mutex> lock(memo_mutex);
        if (auto it = memo.find(pa->shared_key); it != memo.end()) known = it->second;
      }
      node.admin = known ? *known : evaluator->admin(catalog_);
      if (!known && !pa->shared_key.empty()) {
        std::lock_guard<std::mutex> lock(memo_mutex);
        memo.emplace(pa->shared_key, node.admin);
      }
      if (node.admin == Grant::kAllowed) {
        node.depth = 0;
        return;
      }
      Source& s = sources_[i];
      s.grants.reserve(actions_.size());
      bool any = false;
      for (const std::string& a : actions_) {
        const size_t colon = a.find(':');
        Grant g = evaluator->bounds(std::string_view(a).substr(0, colon), std::string_view(a).substr(colon + 1));
        s.grants.push_back(g);
        any = any || g != Grant::kDenied;
      }
      s.pa = pa.take();
      s.evaluator = std::move(evaluator);
      s.named.resize(actions_.size());
      s.dead.assign(methods_.all().size(), 0);
      (void)any;
    });
    for (size_t i = 0; i < graph_.admin; ++i)
      if (sources_[i].evaluator) ++graph_.stats.candidates;
    graph_.stats.principals = graph_.admin;
    // Per method, the principals whose grants allow it at all (reached ones are skipped later).
    method_candidates_.resize(methods_.all().size());
    for (size_t mi = 0; mi < methods_.all().size(); ++mi)
      for (size_t i = 0; i < graph_.admin; ++i)
        if (sources_[i].evaluator && kind_fits(methods_.all()[mi], i) && possible(methods_.all()[mi], mi, sources_[i]))
          method_candidates_[mi].push_back(i);
  }

  static std::string fold(std::string_view text) { return eval::fold_case(text); }

  // Trust policies compiled once; the AWS principals each names exactly, for AssumeRole candidates.
  void index_trust() {
    for (size_t i = 0; i < graph_.admin; ++i) {
      by_arn_.emplace(graph_.nodes[i].arn, i);
      principals_by_arn_.emplace_back(graph_.nodes[i].arn, i);
    }
    std::sort(principals_by_arn_.begin(), principals_by_arn_.end());
    broad_.assign(graph_.admin, 0);
    for (size_t i = 0; i < targets_.size(); ++i) {
      Target& t = targets_[i];
      if (!t.role || !t.role->trust_policy) continue;
      std::string error;
      t.trust = cache_.get(*t.role->trust_policy, policy::PolicyKind::kTrust, t.role->name + " trust policy",
                           access::KnownKeys::kPrincipal, error);
      if (!t.trust) {
        graph_.nodes[i].problems.push_back("trust policy: " + error);
        continue;
      }
      policy::ParsedPolicy parsed = snapshot::parse_document(*t.role->trust_policy, policy::PolicyKind::kTrust);
      for (const policy::Statement& st : parsed.policy.statements) {
        if (st.effect != policy::Effect::kAllow) continue;
        if (st.principal_mode != policy::ElementMode::kNormal || st.principal_wildcard) {
          t.broad = true;  // NotPrincipal or "*": anyone the conditions let through
          continue;
        }
        for (const policy::PrincipalEntry& e : st.principals) {
          if (e.type != policy::PrincipalType::kAws) continue;
          const std::string& v = e.value.value;
          // Only exact user or role ARNs name principals one by one; an account, its root or a
          // wildcard admits whoever its identity policies allow.
          const bool exact = v.find_first_of("*?") == std::string::npos &&
                             (v.find(":user/") != std::string::npos || v.find(":role/") != std::string::npos);
          if (exact) t.trusted_arns.push_back(v);
          else t.broad = true;
        }
      }
      for (const std::string& a : t.trusted_arns)
        if (auto it = by_arn_.find(a); it != by_arn_.end()) named_in_trust_[it->second].push_back(i);
      if (t.broad) {
        broad_roles_.push_back(i);
        broad_[i] = 1;
      }
    }
  }

  // ---- one edge ----

  Source* source(size_t i) { return i < sources_.size() && sources_[i].evaluator ? &sources_[i] : nullptr; }

  bool kind_fits(const Method& m, size_t from) const {
    return graph_.nodes[from].kind == NodeKind::kUser ? m.from_user : m.from_role;
  }

  // The identity grants say the method cannot be used at all (an AssumeRole the trust grants by
  // exact ARN needs no identity allow, so it never rules a method out here).
  bool possible(const Method& m, size_t method_index, const Source& s) const {
    for (size_t k = 0; k < m.permissions.size(); ++k)
      if (s.grants[method_actions_[method_index][k]] == Grant::kDenied && !is_assume_role(m.permissions[k].action)) return false;
    return true;
  }

  // Customer-managed policies attached to a principal (and, for a user, to its groups).
  std::vector<const snapshot::ManagedPolicy*> attached_policies(size_t node, bool with_groups) const {
    std::vector<const snapshot::ManagedPolicy*> out;
    const snapshot::PolicyHolder* holder =
        targets_[node].user ? static_cast<const snapshot::PolicyHolder*>(targets_[node].user) : targets_[node].role;
    auto add = [&](const snapshot::PolicyHolder& h) {
      for (const snapshot::PolicyRef& ref : h.attached)
        if (const snapshot::ManagedPolicy* p = account_.find_policy(ref.arn); p && !p->aws_managed()) out.push_back(p);
    };
    if (holder) add(*holder);
    if (with_groups && targets_[node].user)
      for (const std::string& g : targets_[node].user->groups)
        if (const snapshot::Group* group = account_.find_group(g)) add(*group);
    return out;
  }

  struct Attempt {
    bool ok = false;
    Step step;
  };

  // Decides one request of a method; false when denied.
  bool request(Source& s, const Permission& p, const std::string& resource, const Target* role_target, Step& step) {
    // An AssumeRole the trust grants by exact ARN needs no identity allow: then the engine decides alone.
    const bool named = role_target && role_target->trust && is_assume_role(p.action) &&
                       std::find(role_target->trusted_arns.begin(), role_target->trusted_arns.end(), s.pa.arn) !=
                           role_target->trusted_arns.end();
    if (auto it = action_index_.find(fold(p.action)); it != action_index_.end() && !named)
      if (s.grants[it->second] == Grant::kDenied) return false;
    if (s.banned(p.action, resource)) return false;
    Keys keys;
    for (const auto& [k, v] : p.context) keys.emplace_back(k, fill_template(v, account_.partition, account_.account_id));
    const eval::CompiledPolicy* trust = nullptr;
    const eval::CompiledPolicy* trust_upper = nullptr;
    if (role_target && role_target->trust && is_assume_role(p.action)) {
      trust = role_target->trust->original.get();
      trust_upper = role_target->trust->upper.get();
    }
    std::string memo_key = fmt::format("{}\n{}\n{}", p.action, resource, static_cast<const void*>(trust));
    for (const auto& [k, v] : keys) memo_key += fmt::format("\n{}={}", k, v);
    auto known = s.decided.find(memo_key);
    if (known == s.decided.end()) {
      std::vector<std::string> found_needs;
      ++requests_;
      Grant decided = s.evaluator->check_request(p.action, resource, keys, trust, trust_upper, &found_needs);
      known = s.decided.emplace(std::move(memo_key), std::make_pair(decided, std::move(found_needs))).first;
    }
    const Grant g = known->second.first;
    std::vector<std::string> needs = known->second.second;
    if (g == Grant::kDenied) return false;
    step.requests.push_back(fmt::format("{} on {}", p.action, resource));
    if (g == Grant::kConditional) {
      step.conditional = true;
      if (needs.empty()) needs.push_back("request keys");
      if (trust && std::any_of(needs.begin(), needs.end(), [](const std::string& n) { return n.find("resource's own policy") != std::string::npos; })) {
        std::vector<std::string> trust_keys;
        for (const eval::CompiledStatement& st : trust->statements)
          for (const eval::CompiledCondition& c : st.conditions)
            if (std::find(trust_keys.begin(), trust_keys.end(), c.key) == trust_keys.end()) trust_keys.push_back(c.key);
        needs.assign(1, fmt::format("the trust policy's conditions on {}", fmt::join(trust_keys, ", ")));
      }
      step.reasons.push_back(fmt::format("{} needs {}", p.action, fmt::join(needs, ", ")));
    }
    return true;
  }

  // A trust policy admits a service principal (for passed roles).
  bool trusts_service(size_t role, std::string_view service) {
    const std::string key = fmt::format("{}\n{}", role, service);
    {
      std::lock_guard<std::mutex> lock(memo_mutex_);
      if (auto it = service_trust_.find(key); it != service_trust_.end()) return it->second;
    }
    bool ok = false;
    const Target& t = targets_[role];
    if (t.trust) {
      Result<eval::Caller> caller = eval::parse_caller(service);
      if (caller) {
        eval::Context ctx;
        Result<eval::Request> r = eval::make_request(caller.take(), "sts:AssumeRole", graph_.nodes[role].arn,
                                                     account_.account_id, std::move(ctx));
        if (r) {
          eval::PolicySet set;
          set.resource = t.trust->upper.get();  // conditions such as aws:SourceAccount are the service's to meet
          ok = eval::evaluate(*r, set).decision == eval::Decision::kAllowed;
        }
      }
    }
    std::lock_guard<std::mutex> lock(memo_mutex_);
    service_trust_.emplace(key, ok);
    return ok;
  }

  // The prerequisites a method states about its target, decided from the snapshot.
  bool prerequisites(const Method& m, size_t target, Step& step) {
    const Target& t = targets_[target];
    for (const Prerequisite& pre : m.prerequisites) {
      switch (pre.kind) {
        case PrerequisiteKind::kTrustAllowsSource: break;  // decided with the AssumeRole request
        case PrerequisiteKind::kTrustsService: {
          if (!t.role) return false;
          std::vector<std::string> services = pre.service.empty() ? m.services : std::vector<std::string>{pre.service};
          if (std::none_of(services.begin(), services.end(), [&](const std::string& s) { return trusts_service(target, s); }))
            return false;
          break;
        }
        case PrerequisiteKind::kInstanceProfile:
          if (!t.role || t.role->instance_profiles.empty()) return false;
          break;
        case PrerequisiteKind::kAccessKeysBelow:
        case PrerequisiteKind::kAccessKeysAtLeast:
        case PrerequisiteKind::kLoginProfile: {
          if (!t.user) return false;
          const snapshot::CredentialReportRow* row = account_.credential_report ? account_.credential_report->find(t.user->arn) : nullptr;
          if (!row) {
            step.conditional = true;
            step.reasons.push_back(pre.kind == PrerequisiteKind::kLoginProfile ? "whether the user has a password is unknown (no credential report row)"
                                                                              : "the user's number of access keys is unknown (no credential report row)");
            break;
          }
          if (pre.kind == PrerequisiteKind::kLoginProfile) {
            const bool has_password = row->password_enabled.value_or(false);
            if (has_password != pre.present) return false;
          } else {
            int keys = 0;
            for (const snapshot::CredentialKey& k : row->access_keys) keys += k.last_rotated.unix_seconds.has_value() ? 1 : 0;
            if (pre.kind == PrerequisiteKind::kAccessKeysBelow ? keys >= pre.count : keys < pre.count) return false;
          }
          break;
        }
        case PrerequisiteKind::kPolicyVersionsAtLeast: break;  // decided per attached policy
        case PrerequisiteKind::kExistingResource: break;       // decided per inventory resource
        case PrerequisiteKind::kOutsideSnapshot:
          step.conditional = true;
          step.reasons.push_back(pre.text);
          break;
      }
    }
    return true;
  }

  // Inventory resources of the method's type that run as the target role ("" entries: unknown, no inventory).
  std::vector<std::string> existing_resources(const Method& m, size_t target, Step& step) {
    std::vector<std::string> out;
    // The resource can only run as a role that trusts its service.
    if (!m.services.empty() && std::none_of(m.services.begin(), m.services.end(),
                                            [&](const std::string& s) { return trusts_service(target, s); }))
      return out;
    if (!account_.inventory) {
      step.conditional = true;
      step.reasons.push_back(fmt::format("needs an {} running as the role (no inventory.json)", m.resource_type));
      out.emplace_back();  // unknown: any resource of the type the source's policies may allow
      return out;
    }
    const snapshot::Role* role = targets_[target].role;
    for (const snapshot::InventoryResource& r : account_.inventory->resources) {
      if (r.type != m.resource_type) continue;
      bool runs_as = r.role == role->arn || r.execution_role == role->arn;
      if (!runs_as && !r.instance_profile.empty())
        for (const snapshot::InstanceProfile& ip : role->instance_profiles)
          runs_as = runs_as || r.instance_profile == ip.arn || r.instance_profile == ip.name;
      if (runs_as) out.push_back(r.arn);
    }
    if (out.empty() && !inventory_complete_) {
      step.conditional = true;
      step.reasons.push_back(fmt::format("needs an {} running as the role (the inventory is incomplete)", m.resource_type));
      out.emplace_back();  // unknown: any resource of the type the source's policies may allow
    }
    return out;
  }

  // Tries a method from `from` on `target` (a node, or the source itself for self methods).
  Attempt attempt(size_t from, size_t method_index, size_t target) {
    const Method& m = methods_.all()[method_index];
    Source& s = sources_[from];
    Attempt out;
    Step& step = out.step;
    step.method = &m;
    if (!prerequisites(m, target, step)) return out;
    const Target* role_target = targets_[target].role ? &targets_[target] : nullptr;
    const std::string& self_arn = graph_.nodes[from].arn;
    const std::string& target_arn = graph_.nodes[target].arn;
    std::vector<std::string> existing;
    if (m.has(PrerequisiteKind::kExistingResource)) {
      existing = existing_resources(m, target, step);
      if (existing.empty()) return out;
    }
    for (const Permission& p : m.permissions) {
      bool ok = false;
      const bool target_free = p.resource == ResourceRole::kSelf || p.resource == ResourceRole::kAny ||
                               p.resource == ResourceRole::kTemplate ||
                               (p.resource == ResourceRole::kExistingResource && !account_.inventory);
      switch (p.resource) {
        case ResourceRole::kSelf: ok = request(s, p, self_arn, nullptr, step); break;
        case ResourceRole::kTarget: ok = request(s, p, target_arn, role_target, step); break;
        case ResourceRole::kAny: ok = request(s, p, "*", nullptr, step); break;
        case ResourceRole::kTemplate:
          ok = request(s, p, fill_template(p.arn_template, account_.partition, account_.account_id), nullptr, step);
          break;
        case ResourceRole::kExistingResource:
          for (const std::string& arn : existing) {
            if (arn.empty()) {  // not in the snapshot: the grant on some resource decides
              auto it = action_index_.find(fold(p.action));
              ok = it != action_index_.end() && s.grants[it->second] != Grant::kDenied && !s.banned(p.action, "*");
              if (ok) step.requests.push_back(fmt::format("{} on an {} running as the role", p.action, m.resource_type));
            } else {
              ok = request(s, p, arn, nullptr, step);
            }
            if (ok) break;
          }
          break;
        case ResourceRole::kAttachedPolicy: {
          const int versions = [&] {
            for (const Prerequisite& pre : m.prerequisites)
              if (pre.kind == PrerequisiteKind::kPolicyVersionsAtLeast) return pre.count;
            return 0;
          }();
          for (const snapshot::ManagedPolicy* policy : attached_policies(target, m.target == TargetKind::kSelf)) {
            if (static_cast<int>(policy->versions.size()) < versions) continue;
            if ((ok = request(s, p, policy->arn, nullptr, step))) break;
          }
          break;
        }
      }
      if (!ok) {
        if (target_free) s.dead[method_index] = 1;
        return out;
      }
    }
    // The trust must admit the source even when no AssumeRole request is listed.
    if (m.has(PrerequisiteKind::kTrustAllowsSource) && role_target &&
        std::none_of(m.permissions.begin(), m.permissions.end(), [](const Permission& p) { return is_assume_role(p.action); })) {
      Permission assume{"sts:AssumeRole", ResourceRole::kTarget, "", {}, ""};
      if (!request(s, assume, target_arn, role_target, step)) return out;
    }
    out.ok = true;
    return out;
  }

  // Would this principal be an administrator with these identity policies (its boundary and SCPs kept)?
  Grant admin_with(size_t node, const std::vector<const access::BoundedPolicy*>& identity, bool keep_boundary) {
    Source& s = sources_[node];
    access::Layers layers = s.pa.layers;
    layers.identity = identity;
    if (!keep_boundary) layers.boundary = nullptr;
    access::AccessEvaluator e(layers, s.pa.caller, s.pa.context, &catalog_);
    return e.admin(catalog_);
  }

  const access::BoundedPolicy* allow_all() {
    if (!allow_all_) {
      Result<policy::Policy> p = policy::parse_policy_text(std::string(kAllowAll), "allow-all", policy::PolicyKind::kIdentity);
      allow_all_ = std::make_unique<access::BoundedPolicy>(access::bound_and_compile(*p, "allow-all", access::KnownKeys::kPrincipal));
    }
    return allow_all_.get();
  }

  // Self-escalation gains what the boundary lets through: admin only when an allow-all identity
  // policy under the same boundary and SCPs would be one.
  Grant capped_admin(size_t node) {
    const access::Layers& layers = sources_[node].pa.layers;
    if (!layers.boundary) return Grant::kAllowed;
    // Principals with the same boundary and SCPs share the answer unless a condition reads their keys.
    bool principal_dependent = layers.boundary->principal_dependent;
    std::string shared = fmt::format("{}", static_cast<const void*>(layers.boundary));
    for (const auto& level : layers.scp_levels)
      for (const access::BoundedPolicy* p : level) {
        principal_dependent = principal_dependent || p->principal_dependent;
        shared += fmt::format(",{}", static_cast<const void*>(p));
      }
    if (principal_dependent) shared = fmt::format("node {}", node);
    {
      std::lock_guard<std::mutex> lock(memo_mutex_);
      if (auto it = capped_.find(shared); it != capped_.end()) return it->second;
    }
    Grant g = admin_with(node, {allow_all()}, true);
    std::lock_guard<std::mutex> lock(memo_mutex_);
    capped_.emplace(std::move(shared), g);
    return g;
  }

  // A boundary-removal method the principal can use on itself, if any.
  std::optional<Attempt> boundary_removal(size_t node) {
    if (!sources_[node].pa.layers.boundary) return std::nullopt;
    for (size_t mi = 0; mi < methods_.all().size(); ++mi) {
      const Method& m = methods_.all()[mi];
      if (!removes_boundary(m) || !kind_fits(m, node) || !possible(m, mi, sources_[node])) continue;
      Attempt a = attempt(node, mi, node);
      if (a.ok) return a;
    }
    return std::nullopt;
  }

  void reach(size_t from, int depth, Step step) {
    Node& n = graph_.nodes[from];
    n.depth = depth;
    n.next = std::move(step);
    next_frontier_.push_back(from);
  }

  // Layer 1: methods that end at the administrator sink (sources in parallel; each writes only its own state).
  void to_admin() {
    const std::vector<Method>& all = methods_.all();
    allow_all();  // built once before the workers share it
    std::vector<std::optional<Step>> found(graph_.admin);
    parallel_for(graph_.admin, worker_count(options_.threads, graph_.admin), [&](unsigned, size_t from) {
      if (!source(from) || graph_.nodes[from].depth >= 0) return;
      std::optional<Step>& best = found[from];
      for (size_t mi = 0; mi < all.size() && !(best && !best->conditional); ++mi) {
        const Method& m = all[mi];
        // Joining a group ends at the sink too: the group is no principal one could act as.
        const bool ends_here = m.gains == Gains::kAdmin || m.target == TargetKind::kGroup;
        if (!ends_here || !kind_fits(m, from) || !possible(m, mi, sources_[from])) continue;
        std::optional<Step> step = admin_edge(from, mi);
        if (step && (!best || (best->conditional && !step->conditional))) best = std::move(step);
      }
    });
    for (size_t from = 0; from < graph_.admin; ++from)
      if (found[from]) reach(from, 1, std::move(*found[from]));
  }

  // The users and roles one Resource item matches, in node order. Items without policy variables
  // are looked up once for every source; items with a long literal prefix by prefix in the sorted
  // ARNs, others against every principal.
  std::vector<uint32_t> match_item(const eval::ResourcePattern& rp, const eval::Context& ctx) const {
    std::vector<uint32_t> out;
    auto take = [&](const std::pair<std::string, size_t>& target) {
      if (rp.match(target.first, eval::split_arn(target.first), ctx) != eval::MatchResult::kNoMatch)
        out.push_back(static_cast<uint32_t>(target.second));
    };
    const std::string& src = rp.source();
    const size_t literal = std::min(src.find_first_of("*?$"), src.size());
    if (literal >= 26) {  // past "arn:aws:iam::123456789012:"
      const std::string prefix = src.substr(0, literal);
      for (auto it = std::lower_bound(principals_by_arn_.begin(), principals_by_arn_.end(), std::make_pair(prefix, size_t{0}));
           it != principals_by_arn_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        take(*it);
    } else {
      for (const auto& t : principals_by_arn_) take(t);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Users or roles whose ARN some Allow statement of the source's identity policies (and of its
  // permissions boundary) for `action` may name, conditions aside: the only targets worth asking the
  // engine about.
  Named targets_named(size_t from, std::string_view action) {
    const std::string folded = fold(action);
    const size_t colon = folded.find(':');
    const std::string service = folded.substr(0, colon), name = folded.substr(colon + 1);
    const uint64_t hash = eval::key_hash(service);
    Source& source = sources_[from];
    auto named_by = [&](const std::vector<const access::BoundedPolicy*>& policies) {
      ItemUnion out;
      for (const access::BoundedPolicy* p : policies) {
        for (const eval::CompiledStatement& st : p->original->statements) {
          if (st.effect != policy::Effect::kAllow || !eval::statement_matches_action(st, hash, service, name)) continue;
          if (st.resource_mode != policy::ElementMode::kNormal) {  // NotResource or none: anything
            out.all = true;
            out.lists.clear();
            return out;
          }
          for (const eval::ResourcePattern& rp : st.resources) {
            if (rp.is_star()) {
              out.all = true;
              out.lists.clear();
              return out;
            }
            const std::vector<uint32_t>* list = nullptr;
            if (rp.source().find("${") != std::string::npos) {
              source.own_lists.push_back(std::make_unique<std::vector<uint32_t>>(match_item(rp, source.pa.context)));
              list = source.own_lists.back().get();
            } else {
              {
                std::lock_guard<std::mutex> lock(memo_mutex_);
                if (auto it = item_targets_.find(rp.source()); it != item_targets_.end()) list = it->second.get();
              }
              if (!list) {
                auto matched = std::make_unique<std::vector<uint32_t>>(match_item(rp, source.pa.context));
                std::lock_guard<std::mutex> lock(memo_mutex_);
                list = item_targets_.emplace(rp.source(), std::move(matched)).first->second.get();
              }
            }
            if (!list->empty() && std::find(out.lists.begin(), out.lists.end(), list) == out.lists.end()) out.lists.push_back(list);
          }
        }
      }
      return out;
    };
    Named out;
    out.identity = named_by(source.pa.layers.identity);
    if (source.pa.layers.boundary) out.boundary = named_by({source.pa.layers.boundary});
    else out.boundary.all = true;
    return out;
  }

  // Calls f(target) for each node `named` (not all()) holds, in node order, until f returns true.
  template <typename F>
  void for_each_named(const Named& named, F&& f) {
    const ItemUnion& walk = named.walk();
    const ItemUnion& other = &walk == &named.identity ? named.boundary : named.identity;
    if (walk.lists.size() == 1) {
      for (uint32_t t : *walk.lists.front())
        if (other.contains(t) && f(t)) return;
      return;
    }
    std::vector<uint32_t> touched;
    for (const std::vector<uint32_t>* l : walk.lists) touched.insert(touched.end(), l->begin(), l->end());
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (uint32_t t : touched)
      if (other.contains(t) && f(t)) return;
  }

  std::optional<Step> admin_edge(size_t from, size_t mi) {
    const Method& m = methods_.all()[mi];
    if (removes_boundary(m)) {
      if (!sources_[from].pa.layers.boundary) return std::nullopt;
      Attempt a = attempt(from, mi, from);
      if (!a.ok) return std::nullopt;
      // Without its boundary, the principal's own policies decide.
      Grant g = admin_with(from, sources_[from].pa.layers.identity, false);
      if (g == Grant::kDenied) return std::nullopt;
      if (g == Grant::kConditional) {
        a.step.conditional = true;
        a.step.reasons.push_back("without the boundary it is an administrator only under conditions");
      }
      a.step.to = graph_.admin;
      return a.step;
    }
    if (m.target == TargetKind::kOwnGroup || m.target == TargetKind::kGroup) return group_edge(from, mi);
    // The first target that works (a definite one would not be found faster).
    std::optional<Step> found;
    auto try_target = [&](size_t t) {
      if (sources_[from].dead[mi]) return true;
      Attempt a = attempt(from, mi, t);
      if (!a.ok) return false;
      // What is written is capped by the changed principal's boundary.
      const bool self = t == from;
      Grant cap = self ? capped_admin(from) : (targets_[t].role && targets_[t].role->boundary ? Grant::kConditional : Grant::kAllowed);
      if (cap == Grant::kDenied) {
        std::optional<Attempt> removal = boundary_removal(from);
        if (!removal) return false;
        a.step.with.push_back(removal->step.method);
        for (std::string& r : removal->step.requests) a.step.requests.push_back(std::move(r));
        a.step.conditional = a.step.conditional || removal->step.conditional;
      } else if (cap == Grant::kConditional) {
        a.step.conditional = true;
        a.step.reasons.push_back(self ? "the permissions boundary lets an administrator's policy through only under conditions"
                                      : "the target's permissions boundary caps what the written policy grants");
      }
      if (!self) a.step.via = graph_.nodes[t].arn;
      a.step.to = graph_.admin;
      found = std::move(a.step);
      return true;
    };
    if (m.target == TargetKind::kSelf) {
      try_target(from);
      return found;
    }
    // Another user or role: only targets every request on the target may name and, for AssumeRole,
    // whose trust may admit the source; the smallest candidate list is walked.
    const bool assumes = std::any_of(m.permissions.begin(), m.permissions.end(), [](const Permission& p) {
      return p.resource == ResourceRole::kTarget && is_assume_role(p.action);
    });
    const bool roles = m.target == TargetKind::kRole;
    std::vector<const Named*> needs;
    for (const Permission& p : m.permissions)
      if (p.resource == ResourceRole::kTarget && !is_assume_role(p.action)) needs.push_back(&named_targets(from, p.action));
    static const std::vector<size_t> kNone;
    auto in_trust = named_in_trust_.find(from);
    const std::vector<size_t>& trusting = in_trust == named_in_trust_.end() ? kNone : in_trust->second;
    auto eligible_then_try = [&](size_t t) {
      if (t == from || (graph_.nodes[t].kind == NodeKind::kRole) != roles) return false;
      if (targets_[t].role && targets_[t].role->service_linked()) return false;
      if (assumes && roles && !broad_[t] && std::find(trusting.begin(), trusting.end(), t) == trusting.end()) return false;
      if (!std::all_of(needs.begin(), needs.end(), [&](const Named* n) { return n->contains(t); })) return false;
      return try_target(t);
    };
    const Named* smallest = nullptr;
    for (const Named* n : needs)
      if (!n->all() && (!smallest || n->size_hint() < smallest->size_hint())) smallest = n;
    if (assumes && roles && (!smallest || trusting.size() + broad_roles_.size() < smallest->size_hint())) {
      for (size_t t : trusting)
        if (eligible_then_try(t)) return found;
      for (size_t t : broad_roles_)
        if (eligible_then_try(t)) return found;
    } else if (smallest) {
      for_each_named(*smallest, eligible_then_try);
    } else {
      const size_t begin = roles ? account_.iam.users.size() : 0, end = roles ? graph_.admin : account_.iam.users.size();
      for (size_t t = begin; t < end; ++t)
        if (eligible_then_try(t)) break;
    }
    return found;
  }

  // Group methods: change a group the user is in (own-group), or join a group (group) whose
  // policies, added to the user's, make an administrator.
  std::optional<Step> group_edge(size_t from, size_t mi) {
    const Method& m = methods_.all()[mi];
    const snapshot::User* user = targets_[from].user;
    if (!user) return std::nullopt;
    for (const snapshot::Group& g : account_.iam.groups) {
      const bool member = std::find(user->groups.begin(), user->groups.end(), g.name) != user->groups.end();
      if (m.target == TargetKind::kOwnGroup && !member) continue;
      if (m.target == TargetKind::kGroup && member) continue;
      // Joining: only groups whose own policies make an administrator are tried (a user's and a
      // group's policies that only together make one are not found: deciding every user with
      // every group would not scale). Decided once per group, before any request.
      std::vector<const access::BoundedPolicy*> group_policies;
      if (m.target == TargetKind::kGroup) {
        const size_t group_index = static_cast<size_t>(&g - account_.iam.groups.data());
        std::optional<Grant> known;
        {
          std::lock_guard<std::mutex> lock(memo_mutex_);
          if (auto it = group_admin_.find(group_index); it != group_admin_.end()) known = it->second;
        }
        if (known == Grant::kDenied) continue;
        group_policies = policies_of(g);
        if (!known) {
          known = admin_with(from, group_policies, false);
          std::lock_guard<std::mutex> lock(memo_mutex_);
          group_admin_.emplace(group_index, *known);
        }
        if (*known == Grant::kDenied) continue;
      }
      Step step;
      step.method = &m;
      Source& s = sources_[from];
      bool ok = true;
      for (const Permission& p : m.permissions) {
        if (p.resource == ResourceRole::kAttachedPolicy) {
          bool any = false;
          for (const snapshot::PolicyRef& ref : g.attached)
            if (const snapshot::ManagedPolicy* pol = account_.find_policy(ref.arn); pol && !pol->aws_managed())
              if ((any = request(s, p, pol->arn, nullptr, step))) break;
          ok = any;
        } else {
          const std::string resource = p.resource == ResourceRole::kSelf ? user->arn
                                       : p.resource == ResourceRole::kAny ? std::string("*")
                                                                          : g.arn;
          ok = request(s, p, resource, nullptr, step);
        }
        if (!ok) break;
      }
      if (!ok) continue;
      Grant gained = Grant::kAllowed;
      if (m.target == TargetKind::kGroup) {  // the user's policies plus the group's
        std::vector<const access::BoundedPolicy*> identity = s.pa.layers.identity;
        identity.insert(identity.end(), group_policies.begin(), group_policies.end());
        gained = admin_with(from, identity, true);
      } else {
        gained = capped_admin(from);
      }
      if (gained == Grant::kDenied) continue;
      if (gained == Grant::kConditional) {
        step.conditional = true;
        step.reasons.push_back("the resulting permissions make an administrator only under conditions");
      }
      step.via = g.arn;
      step.to = graph_.admin;
      return step;
    }
    return std::nullopt;
  }

  std::vector<const access::BoundedPolicy*> policies_of(const snapshot::Group& g) {
    std::vector<const access::BoundedPolicy*> out;
    for (const snapshot::InlinePolicy& ip : g.inline_policies) add_policy(out, ip.document, ip.name);
    for (const snapshot::PolicyRef& ref : g.attached)
      if (const snapshot::ManagedPolicy* pol = account_.find_policy(ref.arn))
        if (const snapshot::PolicyVersion* v = pol->default_version()) add_policy(out, v->document, pol->name);
    return out;
  }

  void add_policy(std::vector<const access::BoundedPolicy*>& identity, const snapshot::PolicyDocument& doc, const std::string& name) {
    std::string error;
    if (const access::BoundedPolicy* p = cache_.get(doc, policy::PolicyKind::kIdentity, name, access::KnownKeys::kPrincipal, error))
      identity.push_back(p);
  }

  // Layer k: edges into the principals reached at layer k-1. Per method and source, only the
  // frontier targets the source's policies may name (or whose trust names the source) are tried.
  void to_frontier(const std::vector<size_t>& frontier, int depth) {
    const std::vector<Method>& all = methods_.all();
    std::vector<char> in_frontier(graph_.admin, 0);
    std::vector<size_t> users, roles;
    for (size_t t : frontier)
      if (t < graph_.admin) {
        in_frontier[t] = 1;
        (graph_.nodes[t].kind == NodeKind::kUser ? users : roles).push_back(t);
      }
    for (size_t mi = 0; mi < all.size(); ++mi) {
      const Method& m = all[mi];
      if (m.gains != Gains::kTarget || (m.target != TargetKind::kUser && m.target != TargetKind::kRole)) continue;
      std::vector<size_t> kind_frontier = m.target == TargetKind::kUser ? users : roles;
      // Roles a method's service must be able to assume: decided once per layer, not per source.
      if (m.target == TargetKind::kRole && !m.services.empty() &&
          (m.has(PrerequisiteKind::kTrustsService) || m.has(PrerequisiteKind::kExistingResource)))
        std::erase_if(kind_frontier, [&](size_t t) {
          return std::none_of(m.services.begin(), m.services.end(), [&](const std::string& sv) { return trusts_service(t, sv); });
        });
      if (kind_frontier.empty()) continue;
      auto first = std::find_if(m.permissions.begin(), m.permissions.end(),
                                [](const Permission& p) { return p.resource == ResourceRole::kTarget; });
      const bool assumes = first != m.permissions.end() && is_assume_role(first->action);
      auto try_edge = [&](size_t from, size_t target) {
        if (from == target || graph_.nodes[from].depth >= 0 || sources_[from].dead[mi]) return;
        Attempt a = attempt(from, mi, target);
        if (!a.ok) return;
        a.step.to = target;
        reach(from, depth, std::move(a.step));
      };
      // Principals a trust names exactly: AssumeRole needs no identity allow for them.
      if (assumes)
        for (size_t target : kind_frontier)
          for (const std::string& arn : targets_[target].trusted_arns)
            if (auto it = by_arn_.find(arn); it != by_arn_.end() && source(it->second) && kind_fits(m, it->second))
              try_edge(it->second, target);
      for (size_t from : method_candidates_[mi]) {
        if (graph_.nodes[from].depth >= 0) continue;
        if (first == m.permissions.end()) {  // requests on existing resources only: every frontier role
          for (size_t target : kind_frontier) try_edge(from, target);
          continue;
        }
        if (sources_[from].dead[mi]) continue;
        if (assumes) {
          for (size_t target : broad_roles_)
            if (in_frontier[target]) try_edge(from, target);
          continue;
        }
        const Named& named = named_targets(from, first->action);
        if (named.all() || named.size_hint() > kind_frontier.size()) {
          for (size_t target : kind_frontier)
            if (named.contains(target)) try_edge(from, target);
        } else {
          const NodeKind kind = m.target == TargetKind::kUser ? NodeKind::kUser : NodeKind::kRole;
          for_each_named(named, [&](size_t target) {
            if (in_frontier[target] && graph_.nodes[target].kind == kind) try_edge(from, target);
            return graph_.nodes[from].depth >= 0;
          });
        }
      }
    }
  }

  const Named& named_targets(size_t from, const std::string& action) {
    const size_t index = action_index_.at(fold(action));
    std::optional<Named>& slot = sources_[from].named[index];
    if (!slot) slot = targets_named(from, action);
    return *slot;
  }

  // Who can reach one user or role: backwards from it through the same edges as towards
  // administrator, where an administrator reaches it in one step (it may do anything, this
  // principal's credentials or trust included). Whoever can become administrator but has no shorter
  // way reaches it through its path to administrator, then that step.
  void search_goal(size_t goal) {
    search_admin();
    std::vector<std::pair<int, Step>> to_admin(graph_.admin);
    for (size_t i = 0; i < graph_.admin; ++i) {
      Node& n = graph_.nodes[i];
      to_admin[i] = {n.depth, std::move(n.next)};
      n.depth = -1;
      n.next = {};
    }
    const Step as_administrator{nullptr, {}, goal, {}, {"an administrator: every action on every resource"}, false, {}};
    graph_.nodes[goal].depth = 0;
    next_frontier_.clear();
    for (size_t i = 0; i < graph_.admin; ++i)
      if (i != goal && to_admin[i].first == 0) reach(i, 1, as_administrator);
    to_frontier({goal}, 1);
    for (int depth = 2; depth <= options_.max_depth && !next_frontier_.empty(); ++depth) {
      std::vector<size_t> frontier = std::move(next_frontier_);
      next_frontier_.clear();
      to_frontier(frontier, depth);
    }
    // The rest of those who can become administrator: their first step leads to a principal that
    // reaches the goal (by its own path, or through the administrator sink, which takes the step above).
    graph_.nodes[graph_.admin].depth = 1;
    graph_.nodes[graph_.admin].next = as_administrator;
    for (size_t i = 0; i < graph_.admin; ++i) {
      Node& n = graph_.nodes[i];
      if (n.depth < 0 && to_admin[i].first > 0) {
        n.depth = to_admin[i].first + 1;
        n.next = std::move(to_admin[i].second);
      }
    }
  }

  void search() {
    graph_.goal = graph_.admin;
    if (!options_.to.empty()) {
      const size_t goal = graph_.find(options_.to);
      if (goal < graph_.admin) {
        graph_.goal = goal;
        search_goal(goal);
        return;
      }
      graph_.notes.push_back("no user or role \"" + options_.to + "\": paths to administrator instead");
    }
    search_admin();
  }

  // `--all-paths`: for every principal that can become administrator, each other method that works
  // as a first step: one per method that ends at administrator, and one per principal reached
  // (that can itself reach administrator) per method that obtains another principal.
  void alternatives() {
    const std::vector<Method>& all = methods_.all();
    graph_.alternatives.assign(graph_.admin, {});
    std::vector<char> capped(graph_.admin, 0);
    parallel_for(graph_.admin, worker_count(options_.threads, graph_.admin), [&](unsigned, size_t from) {
      if (graph_.nodes[from].depth <= 0 || !source(from)) return;
      if (!options_.all_paths_for.empty() && std::find(options_.all_paths_for.begin(), options_.all_paths_for.end(),
                                                       graph_.nodes[from].arn) == options_.all_paths_for.end())
        return;
      std::vector<Step>& out = graph_.alternatives[from];
      const Step& shortest = graph_.nodes[from].next;
      auto same_as_shortest = [&](const Step& s) { return s.method == shortest.method && s.to == shortest.to && s.via == shortest.via; };
      auto add = [&](Step s) {
        if (same_as_shortest(s)) return true;
        if (out.size() >= Graph::kMaxAlternatives) {
          capped[from] = 1;
          return false;
        }
        out.push_back(std::move(s));
        return true;
      };
      for (size_t mi = 0; mi < all.size(); ++mi) {
        const Method& m = all[mi];
        if (!kind_fits(m, from) || !possible(m, mi, sources_[from])) continue;
        if (m.gains == Gains::kAdmin || m.target == TargetKind::kGroup) {
          if (std::optional<Step> s = admin_edge(from, mi); s && !add(std::move(*s))) return;
          continue;
        }
        if (m.target != TargetKind::kUser && m.target != TargetKind::kRole) continue;
        const NodeKind kind = m.target == TargetKind::kUser ? NodeKind::kUser : NodeKind::kRole;
        auto first = std::find_if(m.permissions.begin(), m.permissions.end(),
                                  [](const Permission& p) { return p.resource == ResourceRole::kTarget; });
        const bool assumes = first != m.permissions.end() && is_assume_role(first->action);
        const Named* named = first != m.permissions.end() && !assumes ? &named_targets(from, first->action) : nullptr;
        for (size_t t = 0; t < graph_.admin; ++t) {
          if (t == from || graph_.nodes[t].kind != kind || graph_.nodes[t].depth < 0) continue;
          if (named && !named->contains(t)) continue;
          if (assumes && !broad_[t]) {
            auto in_trust = named_in_trust_.find(from);
            if (in_trust == named_in_trust_.end() ||
                std::find(in_trust->second.begin(), in_trust->second.end(), t) == in_trust->second.end())
              continue;
          }
          Attempt a = attempt(from, mi, t);
          if (!a.ok) continue;
          a.step.to = t;
          if (!add(std::move(a.step))) return;
        }
      }
    });
    graph_.alternatives_capped = std::any_of(capped.begin(), capped.end(), [](char c) { return c != 0; });
  }

  // `--fix`: the edits are found by searching again with trial edits applied as bans; the graph
  // keeps the paths found without them.
  void fix() {
    Graph base = graph_;
    auto search_with = [&](const std::vector<Ban>& bans) -> const Graph& {
      for (Source& s : sources_) {
        s.bans.clear();
        std::fill(s.dead.begin(), s.dead.end(), 0);  // a denial may have come from a ban
      }
      for (const Ban& b : bans)
        if (b.principal < sources_.size()) sources_[b.principal].bans.emplace_back(b.action, b.resource);
      for (size_t i = 0; i < graph_.admin; ++i)
        if (graph_.nodes[i].depth != 0) {
          graph_.nodes[i].depth = -1;
          graph_.nodes[i].next = {};
        }
      next_frontier_.clear();
      search_admin();
      return graph_;
    };
    Fix found = find_fix(account_, base, search_with);
    found.computed = true;
    for (Source& s : sources_) s.bans.clear();
    graph_.nodes = std::move(base.nodes);
    graph_.fix = std::move(found);
  }

  void search_admin() {
    std::vector<size_t> frontier;
    for (size_t i = 0; i < graph_.admin; ++i)
      if (graph_.nodes[i].depth == 0) frontier.push_back(i);
    to_admin();
    to_frontier(frontier, 1);
    for (int depth = 2; depth <= options_.max_depth && !next_frontier_.empty(); ++depth) {
      frontier = std::move(next_frontier_);
      next_frontier_.clear();
      to_frontier(frontier, depth);
    }
  }

  const snapshot::Account& account_;
  const catalog::Catalog& catalog_;
  const catalog::CallerRestrictions& restrictions_;
  const MethodCatalog& methods_;
  const Options& options_;
  Graph graph_;
  access::PolicyCache cache_;
  std::vector<std::string> actions_;                 // every method action, once
  std::vector<std::vector<size_t>> method_actions_;  // per method, per permission: index into actions_
  std::vector<Source> sources_;
  std::vector<Target> targets_;
  std::unordered_map<std::string, size_t> by_arn_;
  std::vector<std::pair<std::string, size_t>> principals_by_arn_;  // users and roles, sorted by ARN
  std::unordered_map<std::string, std::unique_ptr<std::vector<uint32_t>>> item_targets_;  // Resource item -> nodes
  std::vector<char> broad_;  // per node: a role whose trust admits accounts or wildcards
  std::unordered_map<std::string, size_t> action_index_;  // folded action -> index into actions_
  std::vector<std::vector<size_t>> method_candidates_;
  std::map<size_t, std::vector<size_t>> named_in_trust_;  // principal -> roles whose trust names it exactly
  std::vector<size_t> broad_roles_;                        // roles whose trust admits accounts or wildcards
  std::unordered_map<std::string, bool> service_trust_;
  std::unordered_map<std::string, Grant> capped_;  // boundary and SCPs (or one node) -> what self-escalation gains
  std::unordered_map<size_t, Grant> group_admin_;  // group index -> its own policies make an administrator
  std::mutex memo_mutex_;  // the memos above and item_targets_, shared by the workers of to_admin
  std::unique_ptr<access::BoundedPolicy> allow_all_;
  std::vector<size_t> next_frontier_;
  std::atomic<size_t> requests_ = 0;
  bool inventory_complete_ = false;
};

}  // namespace

std::vector<const Step*> Graph::path(size_t i) const {
  std::vector<const Step*> out;
  if (i >= nodes.size() || nodes[i].depth <= 0) return out;
  for (size_t at = i; at < nodes.size() && nodes[at].depth > 0 && out.size() < 64; at = nodes[at].next.to)
    out.push_back(&nodes[at].next);
  return out;
}

std::pair<std::string, std::string> split_request(const std::string& request) {
  const size_t on = request.find(" on ");
  if (on == std::string::npos) return {request, "*"};
  return {request.substr(0, on), request.substr(on + 4)};
}

std::vector<const Step*> Graph::path_from(const Step& first) const {
  std::vector<const Step*> out{&first};
  for (const Step* s : path(first.to)) out.push_back(s);
  return out;
}

bool Graph::conditional(size_t i) const {
  for (const Step* s : path(i))
    if (s->conditional) return true;
  return false;
}

size_t Graph::find(std::string_view name_or_arn) const {
  for (size_t i = 0; i < admin; ++i) {
    const std::string& arn = nodes[i].arn;
    if (arn == name_or_arn) return i;
    const size_t slash = arn.rfind('/');
    if (slash != std::string::npos && std::string_view(arn).substr(slash + 1) == name_or_arn) return i;
  }
  return nodes.size();
}

Graph find_paths(const snapshot::Account& account, const catalog::Catalog& catalog,
                 const catalog::CallerRestrictions& restrictions, const MethodCatalog& methods, const Options& options) {
  return Builder(account, catalog, restrictions, methods, options).run();
}

}  // namespace iamwarden::escalation
