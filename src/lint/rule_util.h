// Small helpers shared by lint rules: policy-kind groups, case-insensitive text, glob intersection.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "policy/document.h"

namespace iamwarden::lint {

/// Identity, permissions boundary and session policies (no principals, Resource required).
bool is_identity_like(policy::PolicyKind kind);
/// Kinds that grant permissions (identity, resource, session policies): grant-oriented findings
/// (PassRole on every role, full admin, escalation, risk categories) apply to them. SCPs, RCPs and
/// permissions boundaries are ceilings that grant nothing; a trust policy only lets principals assume.
bool grants_permissions(policy::PolicyKind kind);
/// Policies stored by IAM or Organizations, whose Sids must be alphanumeric and unique.
bool has_strict_sids(policy::PolicyKind kind);

/// ASCII case-insensitive comparisons.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);

/// True when text contains '*' or '?'.
bool has_wildcard(std::string_view text);

/// A region name's shape: a two-letter area, words, a number ("eu-west-1", "us-gov-east-1", "us-isob-east-1").
/// Shape only, so regions AWS adds later pass.
bool region_name_shape(std::string_view text);

/// True when some string matches both glob patterns ('*' any run, '?' one character; case-sensitive unless
/// ignore_case). Template placeholders "${...}" in either pattern count as '*'.
bool globs_intersect(std::string_view a, std::string_view b, bool ignore_case = false);

/// True when every string the glob `inner` matches is also matched by `outer` (sound, may say false when
/// unsure: outer must not contain '?').
bool glob_covers(std::string_view outer, std::string_view inner, bool ignore_case = false);

/// "a, b and 3 more" for messages.
std::string join_limited(const std::vector<std::string>& items, size_t limit);

/// True when a condition clause on one of `keys` (case-insensitive) exists in the statement.
bool has_condition_key(const policy::Statement& st, std::initializer_list<std::string_view> keys);

}  // namespace iamwarden::lint
