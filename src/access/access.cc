// Grants decided by evaluating the lower and upper bounds of a principal's policies.
#include "access/access.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/ascii.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "eval/arn.h"

namespace iamwarden::access {
namespace {

template <class F>
void for_each_layer_policy(const Layers& layers, F&& f) {
  for (const BoundedPolicy* p : layers.identity) f(*p);
  if (layers.boundary) f(*layers.boundary);
  for (const auto& level : layers.scp_levels)
    for (const BoundedPolicy* p : level) f(*p);
  for (const BoundedPolicy* p : layers.session) f(*p);
}

eval::PolicySet make_set(const Layers& layers, BoundedPolicy::Form BoundedPolicy::*which) {
  eval::PolicySet set;
  for (const BoundedPolicy* p : layers.identity) set.identity.push_back((p->*which).get());
  if (layers.boundary) set.boundary = (layers.boundary->*which).get();
  for (const auto& level : layers.scp_levels) {
    set.scp_levels.emplace_back();
    for (const BoundedPolicy* p : level) set.scp_levels.back().push_back((p->*which).get());
  }
  for (const BoundedPolicy* p : layers.session) set.session.push_back((p->*which).get());
  return set;
}

// "Allow everything": the identity side of the SCP ceiling.
const BoundedPolicy& allow_all() {
  static const BoundedPolicy policy = [] {
    policy::Policy p;
    p.kind = policy::PolicyKind::kIdentity;
    p.version = policy::Version::k2012_10_17;
    policy::Statement& st = p.statements.emplace_back();
    st.action_mode = policy::ElementMode::kNormal;
    st.actions.push_back({"*", 0});
    st.resource_mode = policy::ElementMode::kNormal;
    st.resources.push_back({"*", 0});
    return bound_and_compile(p, "allow-all (SCP ceiling)", KnownKeys::kNone);
  }();
  return policy;
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
  // The answer depends on who the principal is when a condition reads a key the principal decides
  // (in its key or a variable) or a Resource uses a variable (the exact search reads them all).
  for (const policy::Statement& st : policy.statements) {
    for (const policy::ConditionClause& c : st.conditions) {
      if (principal_decided_key(c.key.value, known)) out.principal_dependent = true;
      for (const policy::Located& v : c.values)
        if (v.value.find("${") != std::string::npos) out.principal_dependent = true;
    }
    for (const policy::Located& r : st.resources)
      if (r.value.find("${") != std::string::npos) out.principal_dependent = true;
  }
  out.original = std::make_shared<const eval::CompiledPolicy>(eval::compile(policy, name));
  // Each bound is compiled unless an earlier one kept exactly the same statements and clauses.
  struct Built {
    std::vector<uint32_t> shape;
    BoundedPolicy::Form form;
  };
  std::vector<Built> built;
  built.reserve(4);
  std::vector<uint32_t> shape;
  auto bounded = [&](Bound bound) {
    policy::Policy p = bound_policy(policy, bound, known, &shape);
    for (const Built& b : built)
      if (b.shape == shape) return b.form;
    BoundedPolicy::Form form = std::make_shared<const eval::CompiledPolicy>(eval::compile(p, name));
    built.push_back({shape, form});
    return form;
  };
  out.lower = bounded(Bound::kLower);
  out.upper = bounded(Bound::kUpper);
  out.every_resource = bounded(Bound::kEveryResource);
  out.every_exact = bounded(Bound::kEveryResourceExact);
  return out;
}

AccessEvaluator::AccessEvaluator(const Layers& layers, eval::Caller caller, eval::Context context,
                                 const catalog::Catalog* catalog)
    : lower_(make_set(layers, &BoundedPolicy::lower)),
      upper_(make_set(layers, &BoundedPolicy::upper)),
      every_(make_set(layers, &BoundedPolicy::every_resource)),
      original_(make_set(layers, &BoundedPolicy::original)),
      every_exact_(make_set(layers, &BoundedPolicy::every_exact)),
      catalog_(catalog),
      search_(layers.known, catalog) {
  for_each_layer_policy(layers, [&](const BoundedPolicy& p) { policies_.push_back(&p); });
  if (!layers.scp_levels.empty()) {
    Layers ceiling;
    ceiling.identity.push_back(&allow_all());
    ceiling.scp_levels = layers.scp_levels;
    ceiling_lower_ = make_set(ceiling, &BoundedPolicy::lower);
    ceiling_every_ = make_set(ceiling, &BoundedPolicy::every_resource);
    // The ceiling is judged for an ordinary principal, so SCP exemptions that name the principal
    // (aws:PrincipalArn conditions) neither lift nor lower it.
    Result<eval::Request> r = eval::make_request(anonymous_user_of(caller.account, caller.partition.empty() ? "aws" : caller.partition),
                                                 "sts:GetCallerIdentity", "*", caller.account, {});
    if (r) {
      ceiling_request_ = r.take();
      eval::add_principal_keys(ceiling_request_);
      ceiling_request_.context.set_default("aws:ResourceAccount", caller.account);
      if (const eval::ContextEntry* e = context.find("aws:PrincipalOrgID"); e && !e->is_list && !e->values.empty()) {
        ceiling_request_.context.set_default("aws:PrincipalOrgID", e->values.front());
        ceiling_request_.context.set_default("aws:ResourceOrgID", e->values.front());
      }
    }
  }
  const std::string account = caller.account;
  if (has(layers.known, KnownKeys::kPrincipal)) {
    // The lower and every-resource bounds read these as the principal's own account and organization.
    context.set_default("aws:ResourceAccount", account);
    if (const eval::ContextEntry* org = context.find("aws:PrincipalOrgID");
        org && has(layers.known, KnownKeys::kOrganization) && !org->is_list && !org->values.empty())
      context.set_default("aws:ResourceOrgID", std::string(org->values.front()));
  }
  Result<eval::Request> r = eval::make_request(std::move(caller), "sts:GetCallerIdentity", "*", account,
                                               std::move(context));
  if (r) request_ = r.take();  // cannot fail: the action and resource are well-formed
}

void AccessEvaluator::use_caller_restrictions(const catalog::CallerRestrictions* restrictions) {
  refused_.clear();
  if (!restrictions) return;
  for (const catalog::CallerRestriction& r : restrictions->all()) {
    if (catalog::caller_allowed(r, request_.caller.kind)) continue;
    const size_t colon = r.action.find(':');
    if (colon == std::string::npos) continue;
    refused_.push_back({r.action.substr(0, colon), r.action.substr(colon + 1), catalog::caller_refusal(r, request_.caller.kind)});
  }
}

const Refused* AccessEvaluator::refused(std::string_view service, std::string_view action_name) const {
  for (const Refused& r : refused_)
    if (ascii_iequals(r.service, service) && ascii_iequals(r.action, action_name)) return &r;
  return nullptr;
}

std::string AccessEvaluator::refusal(std::string_view service, std::string_view action_name) const {
  const Refused* r = refused(service, action_name);
  return r ? r->why : std::string();
}

Grant AccessEvaluator::check(std::string_view service, std::string_view action_name, Scope scope) {
  if (!refused_.empty() && refused(service, action_name)) return Grant::kDenied;
  return check_policies(service, action_name, scope);
}

Grant AccessEvaluator::check_request(std::string_view action, std::string_view resource,
                                     const std::vector<std::pair<std::string, std::string>>& keys,
                                     const eval::CompiledPolicy* resource_policy,
                                     const eval::CompiledPolicy* upper_resource_policy, std::vector<std::string>* needs) {
  const size_t colon = action.find(':');
  if (colon == std::string_view::npos) return Grant::kDenied;
  if (!refused_.empty() && refused(action.substr(0, colon), action.substr(colon + 1))) return Grant::kDenied;
  eval::Context context = request_.context;
  for (const auto& [key, value] : keys) (void)context.set(key, value);
  eval::ArnParts parts = eval::split_arn(resource);
  if (parts.ok && !parts.account().empty()) (void)context.set("aws:ResourceAccount", std::string(parts.account()));
  Result<eval::Request> r = eval::make_request(request_.caller, action, resource, request_.caller.account, std::move(context));
  if (!r) return Grant::kDenied;
  // Cheap first: without a resource policy, every layer needs an Allow statement whose Action and
  // Resource match (conditions aside); when one has none, no context can allow the request.
  if (!resource_policy) {
    const eval::ArnParts arn = eval::split_arn(r->resource);
    auto layer_may_allow = [&](std::span<const eval::CompiledPolicy* const> layer) {
      for (const eval::CompiledPolicy* p : layer)
        for (const eval::CompiledStatement& st : p->statements) {
          if (st.effect != policy::Effect::kAllow ||
              !eval::statement_matches_action(st, r->service_hash, r->service, r->action_name))
            continue;
          if (st.resource_mode == policy::ElementMode::kAbsent) return true;
          bool maybe = false, surely = false;  // some item may match (an unresolved variable) / does match
          for (const eval::ResourcePattern& rp : st.resources) {
            const eval::MatchResult m = rp.match(r->resource, arn, r->context);
            maybe = maybe || m != eval::MatchResult::kNoMatch;
            surely = surely || m == eval::MatchResult::kMatch;
          }
          if (st.resource_mode == policy::ElementMode::kNormal ? maybe : !surely) return true;
        }
      return false;
    };
    if (!layer_may_allow(original_.identity)) return Grant::kDenied;
    if (original_.boundary && !layer_may_allow(std::span<const eval::CompiledPolicy* const>(&original_.boundary, 1)))
      return Grant::kDenied;
    for (const auto& level : original_.scp_levels)
      if (!layer_may_allow(level)) return Grant::kDenied;
  }
  eval::PolicySet set = original_;
  set.resource = resource_policy;
  if (eval::evaluate(*r, set).decision == eval::Decision::kAllowed) return Grant::kAllowed;
  // Keys the request may still set (MFA, tags, source IP, ...): the exact search, on this request only.
  SearchResult found = search_.run(*r, set, every_exact_, Scope::kThisRequest, false);
  if (found.found == Found::kAllowedRequest) {
    if (needs && found.reason.example)
      for (const auto& [key, value] : found.reason.example->context) needs->push_back(key + "=" + value);
    return Grant::kConditional;
  }
  if (found.found == Found::kUndecided) {
    if (needs) needs->push_back("too many cases to settle exactly");
    return Grant::kConditional;
  }
  if (upper_resource_policy) {
    set.resource = upper_resource_policy;
    if (eval::evaluate(*r, set).decision == eval::Decision::kAllowed) {
      if (needs) needs->push_back("the conditions of the resource's own policy (trust or key policy)");
      return Grant::kConditional;
    }
  }
  return Grant::kDenied;
}

Grant AccessEvaluator::bounds(std::string_view service, std::string_view action_name) {
  if (!refused_.empty() && refused(service, action_name)) return Grant::kDenied;
  eval::retarget(request_, service, action_name);
  if (evaluate(lower_).decision == eval::Decision::kAllowed) return Grant::kAllowed;
  if (evaluate(upper_).decision != eval::Decision::kAllowed) return Grant::kDenied;
  return Grant::kConditional;
}

Grant AccessEvaluator::check_policies(std::string_view service, std::string_view action_name, Scope scope) {
  eval::retarget(request_, service, action_name);
  if (evaluate(lower_).decision == eval::Decision::kAllowed) return Grant::kAllowed;
  if (evaluate(upper(scope)).decision != eval::Decision::kAllowed) return Grant::kDenied;
  return settle(scope);
}

Grant AccessEvaluator::upper_only(std::string_view service, std::string_view action_name, Scope scope) {
  eval::retarget(request_, service, action_name);
  if (evaluate(upper(scope)).decision != eval::Decision::kAllowed) return Grant::kDenied;
  return settle(scope);
}

Grant AccessEvaluator::settle(Scope scope) {
  SearchResult r = search_.run(request_, original_, every_exact_, scope, false);
  return r.found == Found::kNone ? Grant::kDenied : Grant::kConditional;
}

GrantReason AccessEvaluator::explain(std::string_view service, std::string_view action_name, Scope scope) {
  eval::retarget(request_, service, action_name);
  return search_.run(request_, original_, every_exact_, scope, true).reason;
}

void AccessEvaluator::index_patterns() const {
  if (patterns_indexed_) return;
  patterns_indexed_ = true;
  std::vector<std::pair<std::string_view, const eval::Pattern*>> named;
  for (const BoundedPolicy* p : policies_)
    for (const eval::CompiledStatement& st : p->original->statements)
      for (const eval::CompiledAction& a : st.actions)
        if (!a.any && !a.name.is_star()) named.emplace_back(a.service, &a.name);
  std::sort(named.begin(), named.end());
  for (auto& [service, pattern] : named) {
    if (service_patterns_.empty() || service_patterns_.back().first != service)
      service_patterns_.push_back({std::string(service), {}});
    service_patterns_.back().second.push_back(pattern);
  }
}

bool AccessEvaluator::uniform_service(std::string_view service) const {
  index_patterns();
  // sts has actions that policies do not gate; decide them one by one.
  if (service == "sts") return false;
  auto it = std::lower_bound(service_patterns_.begin(), service_patterns_.end(), service,
                             [](const auto& entry, std::string_view v) { return entry.first < v; });
  return it == service_patterns_.end() || it->first != service;
}

std::vector<uint32_t> AccessEvaluator::action_classes(const catalog::Service& service,
                                                      const catalog::Catalog& catalog) const {
  std::span<const catalog::Action> actions = catalog.actions_of(service);
  std::string folded = eval::fold_case(service.prefix);
  std::vector<uint32_t> rep(actions.size(), 0);
  index_patterns();
  if (folded == "sts") {
    for (uint32_t i = 0; i < rep.size(); ++i) rep[i] = i;
    return rep;
  }
  auto it = std::lower_bound(service_patterns_.begin(), service_patterns_.end(), folded,
                             [](const auto& entry, std::string_view v) { return entry.first < v; });
  if (it == service_patterns_.end() || it->first != folded) return rep;  // uniform: one class
  const std::vector<const eval::Pattern*>& patterns = it->second;
  // An action's decision depends on it only through which of these patterns match its name.
  if (patterns.size() > 64) {  // beyond a bit mask: every action on its own
    for (uint32_t i = 0; i < rep.size(); ++i) rep[i] = i;
    return rep;
  }
  std::vector<std::pair<uint64_t, uint32_t>> seen;  // signature, first action with it
  std::string name;
  for (uint32_t i = 0; i < actions.size(); ++i) {
    eval::fold_case_into(name, actions[i].name);
    uint64_t signature = 0;
    for (size_t k = 0; k < patterns.size(); ++k)
      if (patterns[k]->match_plain(name)) signature |= uint64_t{1} << k;
    auto found = std::find_if(seen.begin(), seen.end(), [&](const auto& e) { return e.first == signature; });
    if (found == seen.end()) {
      seen.emplace_back(signature, i);
      rep[i] = i;
    } else {
      rep[i] = found->second;
    }
  }
  return rep;
}

Grant AccessEvaluator::ceiling(std::string_view service, std::string_view action_name) {
  if (ceiling_lower_.identity.empty()) return Grant::kAllowed;  // no SCPs: nothing caps the account
  eval::retarget(ceiling_request_, service, action_name);
  if (eval::evaluate(ceiling_request_, ceiling_lower_).decision == eval::Decision::kAllowed) return Grant::kAllowed;
  if (eval::evaluate(ceiling_request_, ceiling_every_).decision == eval::Decision::kAllowed) return Grant::kConditional;
  return Grant::kDenied;
}

Grant AccessEvaluator::admin(const catalog::Catalog& catalog) {
  use_catalog(catalog);
  constexpr Scope kEvery = Scope::kEveryResource;
  // First one action per service: most principals are no administrator and one of these shows it
  // at once, before any work on action classes.
  for (const catalog::Service& s : catalog.services()) {
    if (!s.action_count) continue;
    std::string_view name = catalog.actions_of(s).front().name;
    // The upper bound alone: a quick no. When it allows, the full scan below settles the action.
    eval::retarget(request_, s.prefix, name);
    if (evaluate(upper(kEvery)).decision != eval::Decision::kAllowed && ceiling(s.prefix, name) != Grant::kDenied)
      return Grant::kDenied;
  }
  // Then the actions a statement singles out (an Allow's NotAction, a Deny's Action): the usual
  // holes in a near-administrator's policies, found before the scan of every action class.
  const eval::Context no_keys;
  std::string name;
  for (const BoundedPolicy* p : policies_)
    for (const eval::CompiledStatement& st : p->original->statements) {
      if ((st.effect == policy::Effect::kAllow) != st.not_action) continue;
      for (const eval::CompiledAction& a : st.actions) {
        if (a.any || a.name.has_wildcards() || a.name.has_variables()) continue;
        name.clear();
        a.name.render(no_keys, name);
        if (!catalog.find_action(a.service + ":" + name)) continue;  // not a real action: no hole in "every action"
        eval::retarget(request_, a.service, name);
        if (evaluate(upper(kEvery)).decision != eval::Decision::kAllowed && ceiling(a.service, name) != Grant::kDenied)
          return Grant::kDenied;
      }
    }
  Grant least = Grant::kAllowed;
  for (const catalog::Service& s : catalog.services()) {
    std::span<const catalog::Action> actions = catalog.actions_of(s);
    std::vector<uint32_t> classes = action_classes(s, catalog);
    for (uint32_t i = 0; i < actions.size(); ++i) {
      if (classes[i] != i) continue;  // decided with its class's first action
      // Once one action is only conditional, the answer is at most conditional: the upper bound
      // alone can still tell denied from conditional.
      Grant g = least == Grant::kAllowed ? check_policies(s.prefix, actions[i].name, kEvery)
                                         : upper_only(s.prefix, actions[i].name, kEvery);
      if (g == Grant::kAllowed) continue;
      Grant cap = ceiling(s.prefix, actions[i].name);
      if (g >= cap) continue;  // as much as an ordinary principal of the account may have
      if (g == Grant::kDenied) return Grant::kDenied;
      least = Grant::kConditional;
    }
  }
  return least;
}

std::vector<Grant> AccessEvaluator::all(const catalog::Catalog& catalog) {
  use_catalog(catalog);
  std::vector<Grant> out(catalog.actions().size(), Grant::kDenied);
  for (const catalog::Service& s : catalog.services()) {
    std::span<const catalog::Action> actions = catalog.actions_of(s);
    std::vector<uint32_t> classes = action_classes(s, catalog);
    for (uint32_t i = 0; i < actions.size(); ++i)
      out[s.first_action + i] =
          classes[i] == i ? check_policies(s.prefix, actions[i].name, Scope::kSomeResource) : out[s.first_action + classes[i]];
  }
  // After the classes: a refused action must not decide its class-mates.
  for (const Refused& r : refused_)
    if (const catalog::Action* a = catalog.find_action(r.service + ":" + r.action)) out[catalog.index_of(*a)] = Grant::kDenied;
  return out;
}

Grant AccessEvaluator::service(const catalog::Catalog& catalog, std::string_view prefix, Scope scope) {
  use_catalog(catalog);
  const catalog::Service* s = catalog.find_service(prefix);
  if (!s || s->action_count == 0) return Grant::kDenied;
  std::span<const catalog::Action> actions = catalog.actions_of(*s);
  std::vector<uint32_t> classes = action_classes(*s, catalog);
  Grant least = Grant::kAllowed;
  for (uint32_t i = 0; i < actions.size() && least != Grant::kDenied; ++i)
    if (classes[i] == i) least = std::min(least, check_policies(s->prefix, actions[i].name, scope));
  return least;
}

eval::Caller anonymous_user_of(std::string_view account_id, std::string_view partition) {
  std::string account = account_id.empty() ? "123456789012" : std::string(account_id);
  Result<eval::Caller> c =
      eval::parse_caller(fmt::format("arn:{}:iam::{}:user/iamwarden-policy-analysis", partition, account));
  return c ? c.take() : eval::Caller{};
}

}  // namespace iamwarden::access
