// lint's part of iamwarden.toml: the [lint] table (ignores with a reason and an optional expiry,
// under the same rules as audit's suppressions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "config/exemption.h"
#include "lint/linter.h"

namespace iamwarden::lint {

/// Findings with code `code` ("*" for any; a glob) in files matching `path` (a glob over the path
/// as given on the command line; "*" for all) are ignored.
struct LintIgnore {
  std::string code;
  std::string path = "*";
  ExemptionTerms terms;
};

struct LintConfig {
  std::string file;  ///< where it was read from ("" when there was none)
  std::vector<LintIgnore> ignore;
  std::vector<std::string> sensitive_resources;  ///< ARN patterns whose access lint reports
};

/// Reads the [lint] table of iamwarden.toml text; other tables belong to other commands and are
/// not read here. Unknown keys inside [lint] are located errors.
Result<LintConfig> parse_lint_config(std::string_view text, const std::string& file);
Result<LintConfig> load_lint_config(const std::string& path);

/// What applying the ignores did.
struct IgnoreOutcome {
  size_t ignored = 0;                 ///< findings removed
  std::vector<std::string> expired;   ///< "ignore of CODE for PATH expired on DATE; ..." (once per ignore)
};

/// Removes ignored findings from the results (an expired ignore no longer applies and is named).
IgnoreOutcome apply_ignores(const LintConfig& config, std::vector<LintResult>& results, int64_t now);

}  // namespace iamwarden::lint
