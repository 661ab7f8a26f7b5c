// ForAllValues/ForAnyValue must match the key: multivalued keys need one, single-valued keys should not have one.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMissing{"missing_qualifier", Severity::kWarning, "Multivalued key without ForAllValues/ForAnyValue",
                            "A key that holds a list needs a set qualifier; without one the clause does not "
                            "match lists as intended.",
                            "prefix the operator with ForAnyValue: or ForAllValues:"};
constexpr LintMeta kForAll{"forallvalues_with_single_valued_key", Severity::kSecurityWarning,
                           "ForAllValues on a single-valued key",
                           "ForAllValues is also true when the key is missing, so on a single-valued key it lets "
                           "requests without the key through.",
                           "remove ForAllValues:"};
constexpr LintMeta kForAny{"foranyvalue_with_single_valued_key", Severity::kWarning, "ForAnyValue on a single-valued key",
                           "The key holds one value; the qualifier adds nothing and suggests a misunderstanding.",
                           "remove ForAnyValue:"};
constexpr LintMeta kNull{"null_with_qualifier", Severity::kSuggestion, "Null with ForAllValues or ForAnyValue",
                         "Null tests presence; with a set qualifier the result is always the same.",
                         "use plain Null"};
constexpr LintMeta kMissingKey{"forallvalues_allows_missing_key", Severity::kWarning,
                               "Allow with ForAllValues matches requests without the key",
                               "ForAllValues is vacuously true when the key is absent or empty, so the Allow also "
                               "applies to requests that do not send the key at all.",
                               "add \"Null\": {\"KEY\": \"false\"} to require the key"};

constexpr LintMeta kForAnyIfExists{"foranyvalue_with_ifexists", Severity::kWarning,
                                   "ForAnyValue with IfExists does not match a missing key",
                                   "IfExists suggests the clause holds when the key is absent, but ForAnyValue's own "
                                   "rule wins: with the key absent the clause is false (a Deny does not fire, an Allow "
                                   "does not apply).",
                                   "drop IfExists, or say what should happen without the key with a separate "
                                   "\"Null\" clause"};

bool has_presence_check(const policy::Statement& st, std::string_view key) {
  for (const policy::ConditionClause& c : st.conditions) {
    if (c.op.base != policy::BaseOp::kNull || !iequals(c.key.value, key)) continue;
    for (const policy::Located& v : c.values)
      if (iequals(v.value, "false")) return true;
  }
  return false;
}

// Keys the Service Authorization Reference types as String that AWS documents as lists: Cognito's
// amr holds "authenticated" and the provider names, and the Cognito guide writes it with
// ForAnyValue:StringLike.
bool documented_multivalued(std::string_view key) { return iequals(key, "cognito-identity.amazonaws.com:amr"); }

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      const std::string pointer = context.clause_pointer(st, clause);
      const policy::SetQualifier q = clause.op.qualifier;
      if (clause.op.base == policy::BaseOp::kNull) {
        if (q != policy::SetQualifier::kNone)
          context.report("null_with_qualifier", clause.op_name.offset, pointer,
                         fmt::format("{} always gives the same result", clause.op_name.value));
        continue;
      }
      if (q == policy::SetQualifier::kForAnyValue && clause.op.if_exists)
        context.report("foranyvalue_with_ifexists", clause.op_name.offset, pointer,
                       fmt::format("{} is false when \"{}\" is missing: IfExists does not apply to ForAnyValue",
                                   clause.op_name.value, clause.key.value));
      const catalog::ConditionKey* key = catalog ? catalog->find_key(clause.key.value) : nullptr;
      if (!key || documented_multivalued(clause.key.value)) continue;
      if (key->type.multivalued && q == policy::SetQualifier::kNone) {
        context.report("missing_qualifier", clause.op_name.offset, pointer,
                       fmt::format("\"{}\" holds a list; {} needs ForAnyValue: or ForAllValues:", clause.key.value,
                                   clause.op_name.value));
      } else if (!key->type.multivalued && q == policy::SetQualifier::kForAllValues) {
        context.report("forallvalues_with_single_valued_key", clause.op_name.offset, pointer,
                       fmt::format("\"{}\" is single-valued; ForAllValues also matches when it is missing",
                                   clause.key.value));
      } else if (!key->type.multivalued && q == policy::SetQualifier::kForAnyValue) {
        context.report("foranyvalue_with_single_valued_key", clause.op_name.offset, pointer,
                       fmt::format("\"{}\" is single-valued; ForAnyValue is unnecessary", clause.key.value));
      } else if (key->type.multivalued && q == policy::SetQualifier::kForAllValues &&
                 st.effect == policy::Effect::kAllow && !policy::is_negated(clause.op.base) &&
                 !iequals(clause.key.value, "aws:TagKeys") &&  // "no tags at all" is usually intended
                 !has_presence_check(st, clause.key.value)) {
        context.report("forallvalues_allows_missing_key", clause.op_name.offset, pointer,
                       fmt::format("the Allow also applies when the request has no \"{}\"", clause.key.value),
                       fmt::format("add \"Null\": {{\"{}\": \"false\"}}", clause.key.value));
      }
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("set_qualifiers", run, kMissing, kForAll, kForAny, kNull, kMissingKey, kForAnyIfExists);

}  // namespace iamwarden::lint
