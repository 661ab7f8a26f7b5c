// Condition keys must exist: global aws: keys, service keys, a prefix at all, and the retired aws:ARN.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kGlobal{"invalid_global_condition_key", Severity::kWarning, "Unknown aws: condition key",
                           "The key is not one of AWS's global condition keys.",
                           "check the spelling, e.g. aws:SourceIp, aws:PrincipalOrgID"};
constexpr LintMeta kService{"invalid_service_condition_key", Severity::kWarning, "Unknown service condition key",
                            "The service does not define this condition key (or the service does not exist).",
                            "see the keys with `iamwarden actions --describe service:Action`"};
constexpr LintMeta kNoPrefix{"condition_key_without_prefix", Severity::kWarning,
                             "Condition key without a service prefix",
                             "Every condition key is \"aws:...\" (global) or \"service:...\"; a key without a prefix is "
                             "never in a request, so the clause evaluates as for an absent key.",
                             "write the key with its prefix, e.g. aws:SourceIp"};
constexpr LintMeta kTagKey{"missing_tag_key_in_condition", Severity::kWarning, "A tag condition key without its tag key",
                           "Tag keys are written with the tag's name after a slash (aws:ResourceTag/team); without it "
                           "the key is never in a request.",
                           "add the tag key, e.g. aws:ResourceTag/team"};
constexpr LintMeta kRetired{"unsupported_global_condition_key", Severity::kError, "aws:ARN is not supported",
                            "aws:ARN is not a usable condition key.", "use aws:PrincipalArn or aws:SourceArn"};

// "; did you mean \"aws:SourceIp\"?" or "".
std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? std::string() : fmt::format("; did you mean \"{}\"?", suggestion);
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      const std::string& key = clause.key.value;
      const size_t colon = key.find(':');
      if (key.empty()) continue;
      const std::string pointer = context.clause_pointer(st, clause);
      if (colon == std::string::npos) {
        context.report("condition_key_without_prefix", clause.key.offset, pointer,
                       fmt::format("\"{}\" has no service prefix and is not a condition key{}", key,
                                   did_you_mean(catalog->suggest_key("aws:" + key))));
        continue;
      }
      const std::string_view prefix = std::string_view(key).substr(0, colon);
      if (iequals(key, "aws:ARN")) {
        context.report("unsupported_global_condition_key", clause.key.offset, pointer, "aws:ARN is not supported");
        continue;
      }
      // "aws:ResourceTag" for "aws:ResourceTag/${TagKey}": the tag's name is missing.
      if (!catalog->find_key(key) && !catalog->find_global_key(key) && key.find('/') == std::string::npos &&
          (catalog->find_global_key(key + "/x") || catalog->find_key(key + "/x"))) {
        context.report("missing_tag_key_in_condition", clause.key.offset, pointer,
                       fmt::format("\"{}\" needs the tag key: {}/TAG-KEY", key, key));
        continue;
      }
      if (iequals(prefix, "aws")) {
        if (!catalog->find_global_key(key) && !catalog->find_service_key(key))
          context.report("invalid_global_condition_key", clause.key.offset, pointer,
                         fmt::format("\"{}\" is not a global condition key{}", key, did_you_mean(catalog->suggest_key(key))));
        continue;
      }
      if (catalog->find_key(key)) continue;
      // Keys of identity providers ("my.idp.example.com:sub") cannot be known offline.
      if (prefix.find('.') != std::string_view::npos || prefix.find('/') != std::string_view::npos) continue;
      const catalog::Service* service = catalog->find_service(prefix);
      context.report("invalid_service_condition_key", clause.key.offset, pointer,
                     service ? fmt::format("{} has no condition key \"{}\"{}", service->prefix, key,
                                           did_you_mean(catalog->suggest_key(key)))
                             : fmt::format("\"{}\" names no known service", key));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("condition_key_exists", run, kGlobal, kService, kNoPrefix, kTagKey, kRetired);

}  // namespace iamwarden::lint
