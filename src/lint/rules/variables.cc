// Policy variables: only with Version 2012-10-17, only in Resource and String/ARN conditions, well formed.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kVersion{"variable_unsupported_in_version", Severity::kError,
                            "Policy variable in a policy without Version 2012-10-17",
                            "Before 2012-10-17 (or without Version) \"${...}\" is literal text, not a variable.",
                            "add \"Version\": \"2012-10-17\""};
constexpr LintMeta kElement{"variable_unsupported_in_element", Severity::kError,
                            "Policy variable outside Resource and Condition",
                            "Variables are substituted only in Resource/NotResource and condition values.",
                            "remove the variable from this element"};
constexpr LintMeta kOperator{"invalid_variable_for_operator", Severity::kError,
                             "Policy variable with a non-string condition operator",
                             "Variables work only with String and ARN operators (and Bool); Numeric, Date, IP, "
                             "Binary and Null values are never substituted.",
                             "use a String or Arn operator, or a literal value"};
constexpr LintMeta kBrace{"missing_brace_in_variable", Severity::kError, "Policy variable without a closing brace",
                          "\"${\" starts a variable that must end with \"}\".", "add } after the variable name"};
constexpr LintMeta kEmpty{"empty_variable", Severity::kError, "Empty policy variable \"${}\"",
                          "A variable must name a condition key.", "name a key, e.g. ${aws:username}"};
constexpr LintMeta kSpace{"unsupported_space_in_variable", Severity::kError, "Space inside a policy variable",
                          "Variable names cannot contain spaces (only \", '\" before a default value).",
                          "remove the space"};
constexpr LintMeta kQuote{"missing_quote_in_variable", Severity::kError, "Variable default not in single quotes",
                          "A default value is written ${key, 'default'}.", "quote the default with single quotes"};

// Each variable in text: reports syntax problems; calls found() for every well-formed "${...}" variable.
template <class Found>
void scan(LintContext& context, std::string_view text, uint32_t offset, const std::string& pointer, Found found) {
  for (size_t i = text.find("${"); i != std::string_view::npos; i = text.find("${", i + 2)) {
    size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      context.report("missing_brace_in_variable", offset, pointer, fmt::format("\"{}\" has no closing brace", text.substr(i)));
      return;
    }
    std::string_view inside = text.substr(i + 2, close - i - 2);
    if (inside == "*" || inside == "?" || inside == "$") continue;  // escapes
    if (inside.empty()) {
      context.report("empty_variable", offset, pointer, "\"${}\" names no condition key");
      continue;
    }
    size_t comma = inside.find(',');
    std::string_view name = inside.substr(0, comma);
    if (name.find(' ') != std::string_view::npos) {
      context.report("unsupported_space_in_variable", offset, pointer,
                     fmt::format("variable \"${{{}}}\" contains a space", inside));
      continue;
    }
    if (comma != std::string_view::npos) {
      std::string_view rest = inside.substr(comma + 1);
      if (rest.size() < 3 || rest.front() != ' ' || rest[1] != '\'' || rest.back() != '\'') {
        context.report("missing_quote_in_variable", offset, pointer,
                       fmt::format("the default in \"${{{}}}\" must be written , 'value'", inside));
        continue;
      }
    }
    found(std::string(text.substr(i, close - i + 1)));
  }
}

void run(LintContext& context) {
  const bool modern = context.policy().version == policy::Version::k2012_10_17;
  bool version_reported = false;
  auto version_check = [&](uint32_t offset, const std::string& pointer) {
    return [&, offset, pointer](const std::string& variable) {
      if (modern || version_reported) return;
      version_reported = true;
      context.report("variable_unsupported_in_version", offset, pointer,
                     fmt::format("{} is literal text because the policy is not Version 2012-10-17", variable));
    };
  };
  for (const policy::Statement& st : context.policy().statements) {
    for (size_t i = 0; i < st.actions.size(); ++i) {
      std::string p = context.item_pointer(st, context.action_element(st), i);
      scan(context, st.actions[i].value, st.actions[i].offset, p, [&](const std::string& v) {
        context.report("variable_unsupported_in_element", st.actions[i].offset, p,
                       fmt::format("{} in {} is not substituted", v, context.action_element(st)));
      });
    }
    for (const policy::PrincipalEntry& principal : st.principals) {
      if (principal.value.value.find("${") == std::string::npos) continue;
      std::string p = st.pointer + "/" + std::string(context.principal_element(st));
      scan(context, principal.value.value, principal.value.offset, p, [&](const std::string& v) {
        context.report("variable_unsupported_in_element", principal.value.offset, p,
                       fmt::format("{} in {} is not substituted", v, context.principal_element(st)));
      });
    }
    for (size_t i = 0; i < st.resources.size(); ++i) {
      std::string p = context.item_pointer(st, context.resource_element(st), i);
      scan(context, st.resources[i].value, st.resources[i].offset, p, version_check(st.resources[i].offset, p));
    }
    for (const policy::ConditionClause& clause : st.conditions) {
      const bool allowed = policy::allows_variables(clause.op.base);
      for (size_t i = 0; i < clause.values.size(); ++i) {
        std::string p = context.value_pointer(st, clause, i);
        const uint32_t offset = clause.values[i].offset;
        auto on_version = version_check(offset, p);
        scan(context, clause.values[i].value, offset, p, [&](const std::string& v) {
          if (!allowed)
            context.report("invalid_variable_for_operator", offset, p,
                           fmt::format("{} is not substituted in {} values", v, clause.op_name.value));
          else
            on_version(v);
        });
      }
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("variables", run, kVersion, kElement, kOperator, kBrace, kEmpty, kSpace, kQuote);

}  // namespace iamwarden::lint
