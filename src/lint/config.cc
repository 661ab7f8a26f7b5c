// Reading [lint] from iamwarden.toml and applying its ignores.
#include "lint/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <toml++/toml.h>

#include "base/files.h"
#include "config/toml_table.h"

namespace iamwarden::lint {
namespace {

std::optional<Error> read_ignores(const toml::node& node, const std::string& file, LintConfig& config) {
  const toml::array* array = node.as_array();
  if (!array)
    return toml_error(file, node.source(), "lint.ignore must be an array of tables",
                      "ignore = [{code = \"...\", path = \"...\", reason = \"...\"}] or [[lint.ignore]]");
  for (const toml::node& item : *array) {
    const toml::table* table = item.as_table();
    if (!table) return toml_error(file, item.source(), "each lint.ignore entry must be a table");
    LintIgnore ignore;
    TomlTableReader reader(*table, "lint.ignore", file, "docs/lint.md");
    reader.string("code", ignore.code);
    reader.string("path", ignore.path);
    if (ignore.code.empty())
      return toml_error(file, item.source(), "a lint ignore needs \"code\" (a finding code or glob, or \"*\")");
    Result<ExemptionTerms> terms = read_exemption_terms(*table, reader, "lint.ignore", "a lint ignore", file);
    if (!terms) return terms.error();
    ignore.terms = terms.take();
    config.ignore.push_back(std::move(ignore));
  }
  return std::nullopt;
}

}  // namespace

Result<LintConfig> parse_lint_config(std::string_view text, const std::string& file) {
  toml::table root;
  try {  // Debian's toml++ reports parse errors as exceptions
    root = toml::parse(text, file);
  } catch (const toml::parse_error& err) {
    return toml_error(file, err.source(), std::string(err.description()));
  }
  LintConfig config;
  config.file = file;
  const toml::node* lint = root.get("lint");
  if (!lint) return config;
  const toml::table* table = lint->as_table();
  if (!table) return toml_error(file, lint->source(), "lint must be a table ([lint])");
  TomlTableReader reader(*table, "lint", file, "docs/lint.md");
  reader.known("ignore");
  reader.strings("sensitive_resources", config.sensitive_resources);
  if (std::optional<Error> e = reader.finish()) return *e;
  for (const std::string& pattern : config.sensitive_resources)
    if (pattern.rfind("arn:", 0) != 0)
      return toml_error(file, table->get("sensitive_resources")->source(),
                        fmt::format("lint.sensitive_resources: \"{}\" is not an ARN pattern", pattern),
                        "e.g. \"arn:aws:s3:::payroll-bucket/*\"");
  if (const toml::node* ignore = table->get("ignore"))
    if (std::optional<Error> e = read_ignores(*ignore, file, config)) return *e;
  return config;
}

Result<LintConfig> load_lint_config(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.error();
  return parse_lint_config(*text, path);
}

IgnoreOutcome apply_ignores(const LintConfig& config, std::vector<LintResult>& results, int64_t now) {
  IgnoreOutcome outcome;
  std::vector<bool> expired_used(config.ignore.size(), false);
  for (LintResult& result : results) {
    auto ignored = [&](const Finding& f) {
      for (size_t i = 0; i < config.ignore.size(); ++i) {
        const LintIgnore& ig = config.ignore[i];
        if (!glob_match(ig.code, f.code) || !glob_match(ig.path, result.file)) continue;
        if (ig.terms.expired_at(now)) {
          expired_used[i] = true;
          continue;  // an expired ignore no longer hides the finding
        }
        return true;
      }
      return false;
    };
    const size_t before = result.findings.size();
    std::erase_if(result.findings, ignored);
    outcome.ignored += before - result.findings.size();
  }
  for (size_t i = 0; i < config.ignore.size(); ++i)
    if (expired_used[i])
      outcome.expired.push_back(fmt::format("the ignore of {} for {} expired on {}; its findings are reported again",
                                            config.ignore[i].code, config.ignore[i].path,
                                            config.ignore[i].terms.expires_text));
  return outcome;
}

}  // namespace iamwarden::lint
