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
#include "eval/compiled_policy.h"
#include "eval/evaluator.h"
#include "eval/request.h"

namespace iamwarden::catalog {
class Catalog;
struct Action;
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

/// A policy compiled three ways: as written (for explanations) and its two bounds.
struct BoundedPolicy {
  eval::CompiledPolicy original;
  eval::CompiledPolicy lower;
  eval::CompiledPolicy upper;
  bool principal_dependent = false;  ///< a bound kept a condition on a principal key
  std::vector<std::string> specific_services;  ///< services named with a pattern narrower than "svc:*"
};

/// Compiles the bounds of a parsed policy (KnownKeys::kPrincipal when a principal will be known).
BoundedPolicy bound_and_compile(const policy::Policy& policy, std::string name, KnownKeys known);

/// The policies of one principal (or one policy alone), by layer. Pointers are borrowed.
struct Layers {
  std::vector<const BoundedPolicy*> identity;
  const BoundedPolicy* boundary = nullptr;
  std::vector<std::vector<const BoundedPolicy*>> scp_levels;  ///< root first; empty when SCPs do not apply
};

/// Why an action is conditional: the unknown condition keys and the narrower resources of the
/// statements that grant or deny it.
struct GrantReason {
  std::vector<std::string> condition_keys;  ///< sorted, unique
  std::vector<std::string> resources;       ///< Resource patterns (or "NotResource ...") of granting statements
};

/// Decides grants for one principal. Not thread-safe (it reuses one request); cheap to create.
class AccessEvaluator {
 public:
  /// caller: the principal (an IAM user, a role session, ...); context: the keys known for it.
  AccessEvaluator(const Layers& layers, eval::Caller caller, eval::Context context);

  /// The grant of one action ("s3", "GetObject"; any case). Allocates nothing once warm.
  Grant check(std::string_view service, std::string_view action_name);

  /// The reasons an action is not simply allowed (reads the policies as written).
  GrantReason explain(std::string_view service, std::string_view action_name);

  /// True when every action of this service behaves alike (no statement names one of its
  /// actions more narrowly than "service:*"), so one action stands for all.
  bool uniform_service(std::string_view service) const;

  /// kAllowed when every catalog action is allowed, kConditional when every one is at least
  /// conditional, kDenied otherwise (stops at the first denied action).
  Grant admin(const catalog::Catalog& catalog);

  /// Grants of every action of the catalog, in catalog order (uniform services decided once).
  std::vector<Grant> all(const catalog::Catalog& catalog);

  /// The grant of all actions of one service together (the least of them).
  Grant service(const catalog::Catalog& catalog, std::string_view prefix);

  const eval::Caller& caller() const { return request_.caller; }

 private:
  eval::Outcome evaluate(const eval::PolicySet& set) { return eval::evaluate(request_, set); }

  eval::PolicySet lower_, upper_, original_;
  eval::Request request_;
  std::vector<std::string> specific_services_;  ///< sorted
};

/// The caller and context for analysing a policy on its own: an IAM user of the account, with no
/// condition key known.
eval::Caller anonymous_user_of(std::string_view account_id, std::string_view partition = "aws");

}  // namespace iamwarden::access
