// Effective permissions over the action catalog, decided by the engine: for each action, is it
// allowed on every resource in every context, allowed only on some resources or under some
// conditions, or denied? Deny, NotAction, NotResource, boundaries and SCPs all go through eval::evaluate.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "access/bound.h"
#include "access/witness_search.h"
#include "eval/compiled_policy.h"
#include "eval/evaluator.h"
#include "eval/request.h"

namespace iamwarden::catalog {
class Catalog;
class CallerRestrictions;
struct Action;
struct Service;
}

namespace iamwarden::access {

/// How far an action is granted.
enum class Grant : uint8_t {
  kDenied,       ///< no request for it is allowed
  kConditional,  ///< allowed for some resources or some request contexts only
  kAllowed,      ///< allowed on every resource, whatever the request context
};

/// "denied", "conditional", "allowed".
std::string_view grant_name(Grant grant);

/// A policy compiled as written (for explanations) and bounded. Bounds that keep the same statements
/// and clauses share one compiled form (a policy without conditions often has one for all four).
struct BoundedPolicy {
  using Form = std::shared_ptr<const eval::CompiledPolicy>;
  Form original;
  Form lower;
  Form upper;
  Form every_resource;  ///< the Bound::kEveryResource bound
  Form every_exact;     ///< the Bound::kEveryResourceExact copy
  bool principal_dependent = false;  ///< a bound kept a condition on a principal key
};

/// Compiles the bounds of a parsed policy (KnownKeys::kPrincipal when a principal will be known).
BoundedPolicy bound_and_compile(const policy::Policy& policy, std::string name, KnownKeys known);

/// The policies of one principal (or one policy alone), by layer. Pointers are borrowed.
struct Layers {
  std::vector<const BoundedPolicy*> identity;
  const BoundedPolicy* boundary = nullptr;
  std::vector<std::vector<const BoundedPolicy*>> scp_levels;  ///< root first; empty when SCPs do not apply
  std::vector<const BoundedPolicy*> session;  ///< session policies (together they must allow)
  KnownKeys known = KnownKeys::kNone;  ///< what the policies were bounded with (bound_and_compile)
};

/// An action the caller's kind cannot call, and why.
struct Refused {
  std::string service, action;  ///< as the data names them
  std::string why;              ///< catalog::caller_refusal's sentence
};

/// Decides grants for one principal. Not thread-safe (it reuses one request); cheap to create.
class AccessEvaluator {
 public:
  /// caller: the principal (an IAM user, a role session, ...); context: the keys known for it.
  /// catalog (optional here; admin/all/service pass it) gives actions' resource types.
  AccessEvaluator(const Layers& layers, eval::Caller caller, eval::Context context,
                  const catalog::Catalog* catalog = nullptr);

  /// The grant of one action ("s3", "GetObject"; any case). The bounds decide most actions without
  /// allocating; the band between them is settled by an exact search (witness_search.h).
  Grant check(std::string_view service, std::string_view action_name, Scope scope = Scope::kSomeResource);

  /// check() without settling the band between the bounds: kConditional there means "maybe"
  /// (a cheap filter: kDenied and kAllowed are exact, as in check()).
  Grant bounds(std::string_view service, std::string_view action_name);
  /// Where and when an action is allowed, after intersecting the layers: the resource patterns,
  /// the Deny patterns inside them, the keys the request decides, one allowed request.
  GrantReason explain(std::string_view service, std::string_view action_name, Scope scope = Scope::kSomeResource);

  /// True when every action of this service behaves alike (no statement names one of its
  /// actions more narrowly than "service:*"), so one action stands for all.
  bool uniform_service(std::string_view service) const;

  /// Splits a service's actions into classes that every policy treats alike (each action matches
  /// the same action patterns); returns, for each action of the service, the offset of its class's
  /// first action. Only that one needs evaluating.
  std::vector<uint32_t> action_classes(const catalog::Service& service, const catalog::Catalog& catalog) const;

  /// Administrator: kAllowed when every catalog action is allowed on every resource, as far as the
  /// SCPs let an ordinary principal of the account (an IAM user no SCP condition names) have it —
  /// an action the SCPs deny to such a principal does not count against it; kConditional when some
  /// need request conditions; kDenied otherwise (stops at the first action that decides it).
  Grant admin(const catalog::Catalog& catalog);

  /// Grants of every action of the catalog, in catalog order (uniform services decided once).
  std::vector<Grant> all(const catalog::Catalog& catalog);

  /// One concrete request: `action` on `resource`, with the principal's keys plus `keys`, and the
  /// resource's own policy when it has one (a role's trust policy for sts:AssumeRole). kAllowed:
  /// allowed as it stands; kConditional: allowed when the request also sets the keys returned in
  /// `needs` (MFA, a tag, ...) or when the resource policy's conditions hold (`upper_resource_policy`
  /// is its Bound::kUpper copy); kDenied: not for any value of the other keys.
  Grant check_request(std::string_view action, std::string_view resource,
                      const std::vector<std::pair<std::string, std::string>>& keys,
                      const eval::CompiledPolicy* resource_policy, const eval::CompiledPolicy* upper_resource_policy,
                      std::vector<std::string>* needs);
  /// The grant of all actions of one service together (the least of them).
  Grant service(const catalog::Catalog& catalog, std::string_view prefix, Scope scope = Scope::kSomeResource);

  const eval::Caller& caller() const { return request_.caller; }

  /// Applies data/caller-restrictions.json: check() and all() answer kDenied for actions this
  /// caller's kind cannot call (a role session and sts:GetSessionToken), whatever the policies say.
  /// admin() and service() read the policies only (a role with "*" is an administrator).
  void use_caller_restrictions(const catalog::CallerRestrictions* restrictions);
  /// Why this caller cannot call the action at all ("sts:GetSessionToken cannot be called by a role
  /// session: ..."), or "" when its kind may.
  std::string refusal(std::string_view service, std::string_view action_name) const;

 private:
  eval::Outcome evaluate(const eval::PolicySet& set) { return eval::evaluate(request_, set); }
  /// check() by the policies alone.
  Grant check_policies(std::string_view service, std::string_view action_name, Scope scope);
  /// The refused action of refused_ matching, or nullptr.
  const Refused* refused(std::string_view service, std::string_view action_name) const;
  /// kConditional when some request of the scope is allowed (upper bound, then the exact search), else kDenied.
  Grant upper_only(std::string_view service, std::string_view action_name, Scope scope);
  /// The band between the bounds: kConditional when the search finds an allowed request (or gives up).
  Grant settle(Scope scope);
  void use_catalog(const catalog::Catalog& catalog) {
    catalog_ = &catalog;
    search_.set_catalog(&catalog);
  }
  const eval::PolicySet& upper(Scope scope) const { return scope == Scope::kEveryResource ? every_ : upper_; }
  /// The grant of the SCP ceiling alone (an allow-all identity policy under the same SCPs), on every resource.
  Grant ceiling(std::string_view service, std::string_view action_name);

  eval::PolicySet lower_, upper_, every_, original_, every_exact_;
  const catalog::Catalog* catalog_ = nullptr;
  WitnessSearch search_;
  eval::PolicySet ceiling_lower_, ceiling_every_;  ///< empty identity when there are no SCP levels
  eval::Request ceiling_request_;  ///< by an ordinary IAM user of the principal's account
  eval::Request request_;
  /// Actions the caller's kind cannot call (few: compared before any evaluation).
  std::vector<Refused> refused_;
  /// Builds service_patterns_ on first use (most principals never need it).
  void index_patterns() const;

  std::vector<const BoundedPolicy*> policies_;  ///< every policy of every layer
  /// Per service (lower case, sorted): the action-name patterns narrower than "*" naming it.
  mutable std::vector<std::pair<std::string, std::vector<const eval::Pattern*>>> service_patterns_;
  mutable bool patterns_indexed_ = false;
};

/// The caller and context for analysing a policy on its own: an IAM user of the account, with no
/// condition key known.
eval::Caller anonymous_user_of(std::string_view account_id, std::string_view partition = "aws");

}  // namespace iamwarden::access
