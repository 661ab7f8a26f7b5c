// The lower and upper bounds of a policy (see bound.h for what each keeps).
#include "access/bound.h"

#include <algorithm>
#include <array>

namespace iamwarden::access {
namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Keys whose value (or absence) follows from the principal alone.
constexpr std::array<std::string_view, 8> kPrincipalKeys = {
    "aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:username",
    "aws:principalisawsservice", "aws:principalservicename", "aws:principalservicenameslist",
    "aws:principaltag/"};

bool covers_all_resources(const policy::Statement& st) {
  if (st.resource_mode == policy::ElementMode::kAbsent) return true;
  if (st.resource_mode == policy::ElementMode::kNot) return false;  // some resource is excluded
  return std::any_of(st.resources.begin(), st.resources.end(),
                     [](const policy::Located& r) { return r.value == "*"; });
}

}  // namespace

bool principal_decided_key(std::string_view key) {
  for (std::string_view k : kPrincipalKeys) {
    if (k.back() == '/' ? iequals_prefix(key, k) : (key.size() == k.size() && iequals_prefix(key, k))) return true;
  }
  return false;
}

policy::Policy bound_policy(const policy::Policy& policy, Bound bound, KnownKeys known) {
  policy::Policy out;
  out.kind = policy.kind;
  out.version = policy.version;
  out.has_version = policy.has_version;
  out.statement_array = policy.statement_array;
  for (const policy::Statement& st : policy.statements) {
    policy::Statement copy = st;
    copy.conditions.clear();
    bool unknown_conditions = false;
    for (const policy::ConditionClause& c : st.conditions) {
      if (known == KnownKeys::kPrincipal && principal_decided_key(c.key.value)) copy.conditions.push_back(c);
      else unknown_conditions = true;
    }
    const bool all_resources = covers_all_resources(st);
    const bool allow = st.effect == policy::Effect::kAllow;
    // Lower bound: an Allow must hold everywhere; a Deny counts wherever it might apply.
    // Upper bound: an Allow counts wherever it might hold; a Deny only where it surely applies.
    bool keep = (bound == Bound::kLower) == allow ? !unknown_conditions && all_resources : true;
    // "On every resource in some context": an Allow must cover all resources, a Deny that applies
    // unconditionally to any resource already breaks "every resource".
    if (bound == Bound::kEveryResource) keep = allow ? all_resources : !unknown_conditions;
    if (!keep) continue;
    if (copy.resource_mode != policy::ElementMode::kAbsent) {
      copy.resource_mode = policy::ElementMode::kNormal;
      copy.resources.assign(1, policy::Located{"*", st.offset});
    }
    out.statements.push_back(std::move(copy));
  }
  return out;
}

}  // namespace iamwarden::access
