// Two statements with the same Sid: rejected by IAM and Organizations, confusing elsewhere.
#include <fmt/format.h>

#include <map>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kRequired{"unique_sids_required", Severity::kError, "Duplicate Sid",
                             "IAM and Organizations require every statement's Sid to be unique in its policy.",
                             "rename one of the statements"};
constexpr LintMeta kRecommended{"unique_sids_recommended", Severity::kWarning, "Duplicate Sid",
                                "Some services accept duplicate Sids, but they make findings and logs ambiguous.",
                                "rename one of the statements"};

void run(LintContext& context) {
  std::map<std::string, const policy::Statement*> seen;
  const bool strict = has_strict_sids(context.kind());
  for (const policy::Statement& st : context.policy().statements) {
    if (!st.has_sid || st.sid.value.empty()) continue;
    auto [it, inserted] = seen.emplace(st.sid.value, &st);
    if (inserted) continue;
    context.report(strict ? "unique_sids_required" : "unique_sids_recommended", st.sid.offset, st.pointer + "/Sid",
                   fmt::format("Sid \"{}\" is already used by statement {}", st.sid.value, it->second->index));
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("duplicate_sid", run, kRequired, kRecommended);

}  // namespace iamwarden::lint
