// Settles the band between an action's lower and upper bounds exactly: is there a request — a
// resource and a request context — that the principal's policies, as written, allow? Candidate
// resources come from the overlap of every layer's Resource patterns (minus Deny patterns, inside
// the action's resource types: access/glob_witness.h); candidate values for each key the request
// decides come from the conditions that read it. Every candidate is decided by eval::evaluate, so a
// witness is never wrong; "none" is exact as far as the candidates cover the conditions' cases.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "access/bound.h"
#include "access/glob_witness.h"
#include "eval/evaluator.h"
#include "eval/request.h"

namespace iamwarden::catalog {
class Catalog;
}

namespace iamwarden::access {

/// The question's resource scope (see access.h's Scope).
enum class Scope : uint8_t {
  kSomeResource,   ///< conditional = allowed for some resource in some context (`iamwarden access`)
  kEveryResource,  ///< conditional = allowed for every resource ("*") in some context (admin, policy checks)
  /// conditional = this request's resource, with the keys its context already holds, is allowed
  /// when the request sets some other keys (escalation edges: one concrete request).
  kThisRequest,
};

/// One request the policies allow.
struct Example {
  std::string resource;
  std::vector<std::pair<std::string, std::string>> context;  ///< request keys set (lists as "[a, b]")
};

/// Why an action is conditional: where and when it is allowed, after intersecting the layers.
struct GrantReason {
  std::vector<std::string> condition_keys;  ///< keys the request decides that the policies read (sorted)
  std::vector<std::string> resources;       ///< patterns where it is allowed (empty: any resource, in some context)
  std::vector<std::string> except;          ///< Deny patterns inside them ("not P" for a Deny with NotResource)
  std::vector<std::string> notes;           ///< e.g. AWS-owned resources nobody can change
  std::optional<Example> example;           ///< one allowed request, when found
  bool settled = true;                      ///< false when the search gave up (the grant is an upper estimate)
};

/// The outcome of a search.
enum class Found : uint8_t { kAllowedRequest, kNone, kUndecided };

struct SearchResult {
  Found found = Found::kNone;
  GrantReason reason;  ///< resources/except/notes only when explaining
};

/// Searches one principal's requests. Not thread-safe; reuse it across actions.
class WitnessSearch {
 public:
  /// known: the keys the principal decides; catalog (may be null) gives actions' resource types.
  WitnessSearch(KnownKeys known, const catalog::Catalog* catalog) : known_(known), catalog_(catalog) {}
  void set_catalog(const catalog::Catalog* catalog) { catalog_ = catalog; }

  /// Looks for a request of `request`'s action (its caller and principal keys are kept; its
  /// resource and other keys are chosen) that is allowed. `original`: the policies as written
  /// (Scope::kSomeResource); `every_exact`: their Bound::kEveryResourceExact copies
  /// (Scope::kEveryResource). With `explain`, fills the reason's resources, except and notes
  /// (a witness per overlap instead of the first one).
  SearchResult run(const eval::Request& request, const eval::PolicySet& original, const eval::PolicySet& every_exact,
                   Scope scope, bool explain);

 private:
  KnownKeys known_;
  const catalog::Catalog* catalog_;
  std::map<std::string, GlobWitness> glob_memo_;  ///< resource overlaps already walked
};

/// True when the action acts on a resource whose own policy must admit the caller too (a role's
/// trust policy for sts:AssumeRole*, a KMS key policy), judged from its resource type templates.
bool resource_policy_decides(const catalog::Catalog& catalog, std::string_view service, std::string_view action_name);

}  // namespace iamwarden::access
