// The lower and upper bounds of a policy (see bound.h for what each keeps).
#include "access/bound.h"

#include <algorithm>
#include <array>

#include "base/ascii.h"
#include "eval/pattern.h"
#include "policy/condition_operator.h"

namespace iamwarden::access {
namespace {

bool starts_with_folded(std::string_view text, std::string_view folded_prefix) {
  return text.size() >= folded_prefix.size() && ascii_iequals(text.substr(0, folded_prefix.size()), folded_prefix);
}

// Keys whose value (or absence) follows from the principal alone (a trailing '/' marks a prefix).
constexpr std::array<std::string_view, 8> kPrincipalKeys = {
    "aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:username",
    "aws:principalisawsservice", "aws:principalservicename", "aws:principalservicenameslist",
    "aws:principaltag/"};

bool in_list(std::string_view key) {
  return std::any_of(kPrincipalKeys.begin(), kPrincipalKeys.end(), [&](std::string_view k) {
    return k.back() == '/' ? starts_with_folded(key, k) : ascii_iequals(key, k);
  });
}

bool covers_all_resources(const policy::Statement& st) {
  if (st.resource_mode == policy::ElementMode::kAbsent) return true;
  if (st.resource_mode == policy::ElementMode::kNot) return false;  // some resource is excluded
  return std::any_of(st.resources.begin(), st.resources.end(),
                     [](const policy::Located& r) { return r.value == "*"; });
}

}  // namespace

bool principal_decided_key(std::string_view key, KnownKeys known) {
  if (has(known, KnownKeys::kPrincipal) && in_list(key)) return true;
  if (has(known, KnownKeys::kUserId) && ascii_iequals(key, "aws:userid")) return true;
  if (has(known, KnownKeys::kOrganization) && ascii_iequals(key, "aws:principalorgid")) return true;
  if (has(known, KnownKeys::kOwnAccountResources)) {
    if (ascii_iequals(key, "aws:resourceaccount")) return true;
    if (has(known, KnownKeys::kOrganization) && ascii_iequals(key, "aws:resourceorgid")) return true;
  }
  return false;
}

bool decided_clause(const policy::ConditionClause& clause, policy::Version version, KnownKeys known) {
  if (!principal_decided_key(clause.key.value, known)) return false;
  if (version != policy::Version::k2012_10_17 || !policy::allows_variables(clause.op.base)) return true;
  bool decided = true;
  for (const policy::Located& v : clause.values) {
    if (v.value.find("${") == std::string::npos) continue;
    eval::Pattern pattern(v.value, {.wildcards = false, .variables = true});
    pattern.for_each_variable([&](std::string_view name) { decided = decided && principal_decided_key(name, known); });
  }
  return decided;
}

policy::Policy bound_policy(const policy::Policy& policy, Bound bound, KnownKeys known, std::vector<uint32_t>* shape) {
  // "Allowed" and "admin" speak of the principal's own account; the upper bound must also cover
  // requests on other accounts' resources.
  if (bound != Bound::kUpper && has(known, KnownKeys::kPrincipal)) known = known | KnownKeys::kOwnAccountResources;
  policy::Policy out;
  out.kind = policy.kind;
  out.version = policy.version;
  out.has_version = policy.has_version;
  out.statement_array = policy.statement_array;
  if (shape) shape->clear();
  for (size_t si = 0; si < policy.statements.size(); ++si) {
    const policy::Statement& st = policy.statements[si];
    policy::Statement copy = st;
    const bool allow = st.effect == policy::Effect::kAllow;
    // Which clauses survive (positions), for the shape; all of them in the exact bound.
    std::vector<uint32_t> kept_clauses;
    const bool all_resources = covers_all_resources(st);
    if (bound == Bound::kEveryResourceExact) {
      if (allow && !all_resources) continue;
    } else {
      copy.conditions.clear();
      bool undecided_conditions = false;
      for (size_t ci = 0; ci < st.conditions.size(); ++ci) {
        const policy::ConditionClause& c = st.conditions[ci];
        if (decided_clause(c, policy.version, known)) {
          copy.conditions.push_back(c);
          kept_clauses.push_back(static_cast<uint32_t>(ci));
        } else {
          undecided_conditions = true;
        }
      }
      // Lower bound: an Allow must hold everywhere; a Deny counts wherever it might apply.
      // Upper bound: an Allow counts wherever it might hold; a Deny only where it surely applies.
      bool keep = (bound == Bound::kLower) == allow ? !undecided_conditions && all_resources : true;
      // "On every resource in some context": an Allow must cover all resources, a Deny that applies
      // unconditionally to any resource already breaks "every resource".
      if (bound == Bound::kEveryResource) keep = allow ? all_resources : !undecided_conditions;
      if (!keep) continue;
    }
    if (copy.resource_mode != policy::ElementMode::kAbsent) {
      copy.resource_mode = policy::ElementMode::kNormal;
      copy.resources.assign(1, policy::Located{"*", st.offset});
    }
    if (shape) {
      shape->push_back(static_cast<uint32_t>(si));
      if (bound == Bound::kEveryResourceExact) {
        for (size_t ci = 0; ci < st.conditions.size(); ++ci) shape->push_back(static_cast<uint32_t>(ci));
      } else {
        shape->insert(shape->end(), kept_clauses.begin(), kept_clauses.end());
      }
      shape->push_back(UINT32_MAX);  // ends the statement
    }
    out.statements.push_back(std::move(copy));
  }
  return out;
}

}  // namespace iamwarden::access
