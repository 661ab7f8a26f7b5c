// A condition key that is only safe next to another one (an OIDC audience without the subject, an
// account-less aws:SourceArn without aws:SourceAccount), from data/paired-condition-keys.json:
// Access Analyzer's MISSING_PAIRED_CONDITION_KEYS.
#include <fmt/format.h>

#include <algorithm>

#include "base/ascii.h"
#include "catalog/paired_condition_keys.h"
#include "config/exemption.h"
#include "eval/arn.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMeta{"missing_paired_condition_keys", Severity::kSecurityWarning,
                         "A condition key used without the key it should be paired with",
                         "Some condition keys narrow access only together with a related key: alone they still "
                         "admit callers or sources the author did not mean.",
                         "add one of the recommended keys to the same statement's Condition"};

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// The pairs with their key globs lower-cased once (keys compare ignoring case).
const std::vector<catalog::PairedConditionKey>& pairs() {
  // The embedded data is part of the binary; a copy that does not parse is a build defect the data test catches.
  static const std::vector<catalog::PairedConditionKey> loaded = [] {
    Result<std::vector<catalog::PairedConditionKey>> result = catalog::load_paired_condition_keys();
    std::vector<catalog::PairedConditionKey> out = result ? result.take() : std::vector<catalog::PairedConditionKey>{};
    for (catalog::PairedConditionKey& p : out) p.key = lowered(p.key);
    return out;
  }();
  return loaded;
}

// An ARN value that does not pin an account: none written, or a wildcard in it.
bool arn_without_account(std::string_view value) {
  const eval::ArnParts arn = eval::split_arn(value);
  if (!arn.ok) return false;
  return arn.account().empty() || arn.account().find_first_of("*?") != std::string_view::npos;
}

bool applies(const catalog::PairedConditionKey& pair, const policy::ConditionClause& clause) {
  if (policy::is_negated(clause.op.base) || clause.op.base == policy::BaseOp::kNull) return false;
  if (pair.when == catalog::PairCondition::kAlways) return true;
  return std::any_of(clause.values.begin(), clause.values.end(),
                     [](const policy::Located& v) { return arn_without_account(v.value); });
}

// The recommended keys with ${provider} replaced by the used key's text before its last ':'.
std::vector<std::string> recommended_for(const catalog::PairedConditionKey& pair, std::string_view used_key) {
  const size_t colon = used_key.rfind(':');
  const std::string_view provider = used_key.substr(0, colon == std::string_view::npos ? 0 : colon);
  std::vector<std::string> out;
  for (const std::string& r : pair.recommended) {
    std::string key = r;
    if (size_t at = key.find("${provider}"); at != std::string::npos) key.replace(at, 11, provider);
    out.push_back(std::move(key));
  }
  return out;
}

bool statement_uses_any(const policy::Statement& st, const std::vector<std::string>& keys) {
  for (const policy::ConditionClause& clause : st.conditions)
    for (const std::string& k : keys)
      if (iequals(clause.key.value, k)) return true;
  return false;
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (const policy::ConditionClause& clause : st.conditions) {
      const std::string key = lowered(clause.key.value);
      for (const catalog::PairedConditionKey& pair : pairs()) {
        if (!glob_match(pair.key, key) || !applies(pair, clause)) continue;
        const std::vector<std::string> recommended = recommended_for(pair, clause.key.value);
        if (statement_uses_any(st, recommended)) continue;
        context.report(kMeta.code, clause.key.offset, context.clause_pointer(st, clause),
                       fmt::format("\"{}\" without {}: {}", clause.key.value, join_limited(recommended, 3), pair.why),
                       fmt::format("add {} to this statement's Condition", recommended.size() == 1
                                                                             ? recommended.front()
                                                                             : "one of " + join_limited(recommended, 3)));
        break;
      }
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("missing_paired_condition_keys", run, kMeta);

}  // namespace iamwarden::lint
