// A policy without Version gets 2008-10-17 semantics: policy variables become literal text.
#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMissing{"missing_version", Severity::kWarning, "The policy has no Version",
                            "Without Version, AWS applies the 2008-10-17 language: policy variables are not "
                            "substituted.",
                            "add \"Version\": \"2012-10-17\""};

void run(LintContext& context) {
  if (context.policy().has_version || !context.node().is_object() || context.kind() == policy::PolicyKind::kRcp) return;
  context.report("missing_version", context.node().offset, context.pointer(),
                 "the policy has no Version, so the 2008-10-17 language applies");
}

}  // namespace

IAMWARDEN_REGISTER_LINT("missing_version", run, kMissing);

}  // namespace iamwarden::lint
