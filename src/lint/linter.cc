// Running the rules: parse, unwrap, lint, sort; JSON syntax errors become a json_syntax_error finding.
#include "lint/linter.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/ascii.h"
#include "lint/context.h"
#include "lint/input.h"
#include "lint/kind_guess.h"
#include "lint/rule.h"
#include "policy/parser.h"

namespace iamwarden::lint {
namespace {

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    if (a.loc.column != b.loc.column) return a.loc.column < b.loc.column;
    return a.code < b.code;
  });
}

Finding syntax_finding(const Error& error) {
  Finding f;
  f.code = "json_syntax_error";
  f.severity = Severity::kError;
  f.message = error.message;
  f.hint = error.hint.empty() ? "fix the JSON syntax; nothing else can be checked until then" : error.hint;
  f.loc = error.loc;
  return f;
}

// The kind to lint as: --type, else what the wrapper says, else the statements' evidence. A given kind
// that the statements contradict gets a note; so does evidence pointing both ways.
void decide_kind(const PolicyInput& input, const LintOptions& options, LintResult& result) {
  std::optional<KindGuess> guessed = guess_policy_kind(input.node());
  if (options.kind) {
    result.kind = *options.kind;
    result.kind_given = true;
    if (guessed && kind_mismatch(result.kind, guessed->kind) && !guessed->mixed)
      result.notes.push_back(fmt::format("this looks like {} ({}), linted as {}; choose with --type {} or leave --type out",
                                         kind_phrase(guessed->kind), guessed->why, kind_phrase(result.kind),
                                         policy::policy_kind_name(guessed->kind)));
    return;
  }
  if (input.wrapper_kind) {
    result.kind = *input.wrapper_kind;
    result.kind_why = input.wrapper_why;
  } else if (guessed) {
    result.kind = guessed->kind;
    result.kind_why = guessed->why;
    result.kind_mixed = guessed->mixed;
  } else {
    result.kind = policy::PolicyKind::kIdentity;
    result.kind_why = "no statements to judge by";
  }
}

}  // namespace

std::vector<Finding> lint_policy(const JsonDocument& doc, const JsonNode& node, const std::string& pointer,
                                 policy::PolicyKind kind, const LintOptions& options, bool kind_mixed,
                                 std::string resource_type) {
  std::vector<Finding> findings;
  policy::ParsedPolicy parsed = policy::parse_policy(doc, node, pointer, kind);
  LintContext context(doc, node, pointer, parsed, options.catalog, findings);
  context.set_aws_managed(options.aws_managed);
  context.set_kind_mixed(kind_mixed);
  context.set_sensitive_resources(&options.sensitive_resources);
  context.set_resource_type(resource_type.empty() ? options.resource_type : std::move(resource_type));
  for (const LintRule& rule : lint_rules()) rule.run(context);
  sort_findings(findings);
  return findings;
}

namespace {

// Whether an unwrapped document's top has what a policy has: a Statement, or a Version that is a policy
// language date ("2012-10-17"; SDK models and compliance files carry versions like "2.0"). Names in any case,
// so a policy with a misspelt element is still linted (and told so).
bool has_policy_element(const JsonNode& node) {
  if (!node.is_object()) return false;
  for (const JsonMember& m : node.members) {
    if (ascii_iequals(m.key, "Statement")) return true;
    if (ascii_iequals(m.key, "Version") && m.value.is_string() && m.value.text.size() == 10 &&
        m.value.text.compare(0, 2, "20") == 0 && m.value.text[4] == '-')
      return true;
  }
  return false;
}

}  // namespace

LintResult lint_text(std::string text, std::string file, const LintOptions& options) {
  LintResult result;
  result.file = file;
  // A URL-encoded document is not JSON at all until decoded.
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string::npos && text[start] == '%') {
    if (std::optional<std::string> decoded = url_decode(text)) {
      text = std::move(*decoded);
      result.notes.push_back("the policy was URL-encoded; locations are within the decoded text");
    }
  }
  Result<JsonDocument> doc = parse_json(text, file);
  if (!doc) {
    result.source = std::move(text);
    result.input_error = doc.error();
    result.findings.push_back(syntax_finding(doc.error()));
    return result;
  }
  const bool object_root = doc->root.is_object();
  Result<PolicyInput> input = find_policy(doc.take());
  if (!input) {
    result.not_a_policy = !object_root;
    result.input_error = input.error();
    result.findings.push_back(syntax_finding(input.error()));
    return result;
  }
  if (!input->note.empty()) result.notes.push_back(input->note);
  const JsonNode& node = input->node();
  result.not_a_policy = input->path.empty() && !has_policy_element(node);
  decide_kind(*input, options, result);
  result.findings = lint_policy(input->doc, node, input->pointer(), result.kind, options, result.kind_mixed,
                                options.resource_type.empty() ? input->cloudformation_type : options.resource_type);
  result.source = std::move(input->doc.text);
  return result;
}

}  // namespace iamwarden::lint
