// Effective permissions of snapshot principals: the per-action listing of `iamwarden access` and
// the admin answer for every user and role, sharing work between principals with equal policies.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/access.h"
#include "access/principal_access.h"
#include "catalog/access_level.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "snapshot/account.h"

namespace iamwarden::access {

/// Which actions to list.
struct ActionFilter {
  std::vector<std::string> services;               ///< service prefixes; empty = all
  std::optional<catalog::AccessLevel> level;       ///< only this access level
  bool include_denied = false;
};

/// One listed action.
struct ActionGrant {
  const catalog::Action* action = nullptr;
  Grant grant = Grant::kDenied;
  GrantReason reason;  ///< filled for conditional actions; notes also say why a refused action is denied
  bool resource_policy = false;  ///< the resource's own policy (trust policy, key policy) decides too
};

/// Said in every listing: what "allowed" does and does not cover.
inline constexpr std::string_view kScopeNote =
    "only the principal's own policies are read: resources with their own policies (role trust policies, "
    "KMS key policies, other accounts' resources) must allow the request too";

/// The effective permissions of one principal.
struct EffectiveAccess {
  std::string principal;  ///< ARN
  bool is_role = false;
  Grant admin = Grant::kDenied;
  std::vector<ActionGrant> actions;  ///< catalog order
  size_t allowed = 0, conditional = 0, denied = 0;  ///< over the filtered actions (denied counted even when not listed)
  std::vector<std::string> problems;
  std::string scp_note;
};

/// Lists the grants of a principal over the catalog actions the filter selects. With restrictions
/// (data/caller-restrictions.json), actions the principal's kind cannot call are denied, with the reason.
EffectiveAccess effective_access(const PrincipalAccess& principal, const catalog::Catalog& catalog,
                                 const ActionFilter& filter,
                                 const catalog::CallerRestrictions* restrictions = nullptr);

/// The admin answer for one principal.
struct AdminAnswer {
  std::string principal;
  bool is_role = false;
  Grant admin = Grant::kDenied;
  std::vector<std::string> problems;
  /// Admin-reachable (`access --admin --reachable`, from the escalation graph): steps of its shortest
  /// path to administrator (0: an administrator, -1: none found); nullopt when not asked.
  std::optional<int> reach_steps;
  bool reach_conditional = false;
  std::string reach_path;  ///< "user/a → (iam-007) → admin"
};

/// Work done by admin_for_all, for the benchmark.
struct AdminStats {
  size_t principals = 0;
  size_t evaluated_sets = 0;  ///< distinct policy sets decided (the rest reused an answer)
};

/// Decides admin for every user and role (users first, then roles, each in snapshot order) on
/// `threads` threads (0 = all cores).
std::vector<AdminAnswer> admin_for_all(const snapshot::Account& account, const catalog::Catalog& catalog,
                                       unsigned threads, AdminStats* stats = nullptr);

/// Text and JSON renderings.
std::string effective_access_text(const EffectiveAccess& access, const catalog::Catalog& catalog);
std::string effective_access_json(const EffectiveAccess& access, const catalog::Catalog& catalog);
/// One line per principal: "admin       arn:..." ; JSON: one object per principal in an array.
std::string admin_answers_text(const std::vector<AdminAnswer>& answers);
std::string admin_answers_json(const std::vector<AdminAnswer>& answers);
/// One answer as a JSON object (no newline).
std::string admin_answer_json(const AdminAnswer& answer);

}  // namespace iamwarden::access
