// Grants decided by evaluating the lower and upper bounds of a principal's policies.
#include "access/access.h"

#include <fmt/format.h>

#include <algorithm>

#include "catalog/catalog.h"

namespace iamwarden::access {
namespace {

void collect_specific_services(const eval::CompiledPolicy& policy, std::vector<std::string>& out) {
  for (const eval::CompiledStatement& st : policy.statements)
    for (const eval::CompiledAction& a : st.actions)
      if (!a.any && !a.name.is_star()) out.push_back(a.service);
}

template <class F>
void for_each_layer_policy(const Layers& layers, F&& f) {
  for (const BoundedPolicy* p : layers.identity) f(*p);
  if (layers.boundary) f(*layers.boundary);
  for (const auto& level : layers.scp_levels)
    for (const BoundedPolicy* p : level) f(*p);
}

eval::PolicySet make_set(const Layers& layers, eval::CompiledPolicy BoundedPolicy::*which) {
  eval::PolicySet set;
  for (const BoundedPolicy* p : layers.identity) set.identity.push_back(&(p->*which));
  if (layers.boundary) set.boundary = &(layers.boundary->*which);
  for (const auto& level : layers.scp_levels) {
    set.scp_levels.emplace_back();
    for (const BoundedPolicy* p : level) set.scp_levels.back().push_back(&(p->*which));
  }
  return set;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::string_view grant_name(Grant grant) {
  switch (grant) {
    case Grant::kDenied: return "denied";
    case Grant::kConditional: return "conditional";
    case Grant::kAllowed: return "allowed";
  }
  return "?";
}

BoundedPolicy bound_and_compile(const policy::Policy& policy, std::string name, KnownKeys known) {
  BoundedPolicy out;
  policy::Policy lower = bound_policy(policy, Bound::kLower, known);
  policy::Policy upper = bound_policy(policy, Bound::kUpper, known);
  for (const policy::Policy* p : {&lower, &upper})
    for (const policy::Statement& st : p->statements)
      if (!st.conditions.empty()) out.principal_dependent = true;
  out.original = eval::compile(policy, name);
  out.lower = eval::compile(lower, name);
  out.upper = eval::compile(upper, std::move(name));
  collect_specific_services(out.original, out.specific_services);
  sort_unique(out.specific_services);
  return out;
}

AccessEvaluator::AccessEvaluator(const Layers& layers, eval::Caller caller, eval::Context context)
    : lower_(make_set(layers, &BoundedPolicy::lower)),
      upper_(make_set(layers, &BoundedPolicy::upper)),
      original_(make_set(layers, &BoundedPolicy::original)) {
  for_each_layer_policy(layers, [&](const BoundedPolicy& p) {
    specific_services_.insert(specific_services_.end(), p.specific_services.begin(), p.specific_services.end());
  });
  sort_unique(specific_services_);
  const std::string account = caller.account;
  Result<eval::Request> r = eval::make_request(std::move(caller), "sts:GetCallerIdentity", "*", account,
                                               std::move(context));
  if (r) request_ = r.take();  // cannot fail: the action and resource are well-formed
}

Grant AccessEvaluator::check(std::string_view service, std::string_view action_name) {
  eval::retarget(request_, service, action_name);
  if (evaluate(lower_).decision == eval::Decision::kAllowed) return Grant::kAllowed;
  if (evaluate(upper_).decision == eval::Decision::kAllowed) return Grant::kConditional;
  return Grant::kDenied;
}

GrantReason AccessEvaluator::explain(std::string_view service, std::string_view action_name) {
  eval::retarget(request_, service, action_name);
  GrantReason reason;
  auto visit = [&](const eval::CompiledPolicy& policy) {
    for (const eval::CompiledStatement& st : policy.statements) {
      if (!eval::statement_matches_action(st, request_.service_hash, request_.service, request_.action_name))
        continue;
      for (const eval::CompiledCondition& c : st.conditions)
        if (!request_.context.find(c.key)) reason.condition_keys.push_back(c.key);
      if (st.effect != policy::Effect::kAllow || st.resource_mode == policy::ElementMode::kAbsent) continue;
      bool all = st.resource_mode == policy::ElementMode::kNormal &&
                 std::any_of(st.resources.begin(), st.resources.end(),
                             [](const eval::ResourcePattern& r) { return r.source() == "*"; });
      if (all) continue;
      for (const eval::ResourcePattern& r : st.resources)
        reason.resources.push_back(st.resource_mode == policy::ElementMode::kNot ? "NotResource " + r.source()
                                                                                  : r.source());
    }
  };
  for (const eval::CompiledPolicy* p : original_.identity) visit(*p);
  if (original_.boundary) visit(*original_.boundary);
  for (const auto& level : original_.scp_levels)
    for (const eval::CompiledPolicy* p : level) visit(*p);
  sort_unique(reason.condition_keys);
  sort_unique(reason.resources);
  return reason;
}

bool AccessEvaluator::uniform_service(std::string_view service) const {
  // sts has actions that policies do not gate; decide them one by one.
  if (service == "sts") return false;
  return !std::binary_search(specific_services_.begin(), specific_services_.end(), service);
}

Grant AccessEvaluator::admin(const catalog::Catalog& catalog) {
  Grant least = Grant::kAllowed;
  std::string prefix;
  for (const catalog::Service& s : catalog.services()) {
    prefix.assign(s.prefix);
    for (char& c : prefix) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::span<const catalog::Action> actions = catalog.actions_of(s);
    if (actions.empty()) continue;
    if (uniform_service(prefix)) actions = actions.first(1);
    for (const catalog::Action& a : actions) {
      Grant g = check(s.prefix, a.name);
      if (g == Grant::kDenied) return Grant::kDenied;
      least = std::min(least, g);
    }
  }
  return least;
}

std::vector<Grant> AccessEvaluator::all(const catalog::Catalog& catalog) {
  std::vector<Grant> out(catalog.actions().size(), Grant::kDenied);
  std::string prefix;
  for (const catalog::Service& s : catalog.services()) {
    prefix.assign(s.prefix);
    for (char& c : prefix) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::span<const catalog::Action> actions = catalog.actions_of(s);
    if (actions.empty()) continue;
    if (uniform_service(prefix)) {
      Grant g = check(s.prefix, actions.front().name);
      std::fill_n(out.begin() + s.first_action, actions.size(), g);
      continue;
    }
    for (const catalog::Action& a : actions) out[catalog.index_of(a)] = check(s.prefix, a.name);
  }
  return out;
}

Grant AccessEvaluator::service(const catalog::Catalog& catalog, std::string_view prefix) {
  const catalog::Service* s = catalog.find_service(prefix);
  if (!s) return Grant::kDenied;
  std::span<const catalog::Action> actions = catalog.actions_of(*s);
  if (actions.empty()) return Grant::kDenied;
  std::string folded(prefix);
  for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (uniform_service(folded)) actions = actions.first(1);
  Grant least = Grant::kAllowed;
  for (const catalog::Action& a : actions) {
    least = std::min(least, check(s->prefix, a.name));
    if (least == Grant::kDenied) break;
  }
  return least;
}

eval::Caller anonymous_user_of(std::string_view account_id, std::string_view partition) {
  std::string account = account_id.empty() ? "123456789012" : std::string(account_id);
  Result<eval::Caller> c =
      eval::parse_caller(fmt::format("arn:{}:iam::{}:user/iamwarden-policy-analysis", partition, account));
  return c ? c.take() : eval::Caller{};
}

}  // namespace iamwarden::access
