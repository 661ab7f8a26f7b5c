// Sid values: IAM and Organizations accept only letters and digits; an empty Sid says nothing.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kUnsupported{"unsupported_sid", Severity::kError, "Sid has characters other than letters and digits",
                                "IAM and Organizations reject Sids with characters outside [A-Za-z0-9].",
                                "use only letters and digits, e.g. \"AllowReadLogs\""};
constexpr LintMeta kEmpty{"empty_sid_value", Severity::kSuggestion, "Sid is an empty string",
                          "An empty Sid identifies nothing.", "give the statement a name or remove Sid"};

bool alphanumeric(std::string_view text) {
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    if (!st.has_sid) continue;
    if (st.sid.value.empty()) {
      context.report("empty_sid_value", st.sid.offset, st.pointer + "/Sid", "the Sid is empty");
    } else if (has_strict_sids(context.kind()) && !alphanumeric(st.sid.value)) {
      context.report("unsupported_sid", st.sid.offset, st.pointer + "/Sid",
                     fmt::format("Sid \"{}\" may contain only letters and digits in {} policies", st.sid.value,
                                 policy::policy_kind_name(context.kind())));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("sid_format", run, kUnsupported, kEmpty);

}  // namespace iamwarden::lint
