// Condition values with a known shape: VPC and VPC endpoint ids (aws:SourceVpc, aws:SourceVpce).
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kVpc{"invalid_vpc_format", Severity::kWarning, "A VPC id that is not one",
                        "aws:SourceVpc holds ids like \"vpc-1a2b3c4d\" or \"vpc-0123456789abcdef0\" (\"vpc-\" and 8 or "
                        "17 characters); another value never matches a request.",
                        "copy the id from the VPC console or `aws ec2 describe-vpcs`"};
constexpr LintMeta kVpce{"invalid_vpce_format", Severity::kWarning, "A VPC endpoint id that is not one",
                         "aws:SourceVpce holds ids like \"vpce-1a2b3c4d\" or \"vpce-0123456789abcdef0\" (\"vpce-\" and "
                         "8 or 17 characters); another value never matches a request.",
                         "copy the id from `aws ec2 describe-vpc-endpoints`"};

// prefix followed by 8 or 17 lower-case letters and digits.
bool id_format(std::string_view value, std::string_view prefix) {
  if (value.substr(0, prefix.size()) != prefix) return false;
  std::string_view rest = value.substr(prefix.size());
  return (rest.size() == 8 || rest.size() == 17) &&
         rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string_view::npos;
}

constexpr LintMeta kRegion{"invalid_region", Severity::kWarning, "A region condition value that is no region name",
                           "aws:RequestedRegion holds region names such as \"eu-west-1\"; another value never "
                           "matches, so an Allow grants nothing and a Deny (region guardrail) denies everything or "
                           "nothing.",
                           "write the region as in `aws ec2 describe-regions`"};

void check_regions(LintContext& context, const policy::Statement& st, const policy::ConditionClause& clause) {
  for (const policy::Located& v : clause.values) {
    if (v.value.find_first_of("*?$") != std::string::npos || region_name_shape(v.value)) continue;
    context.report(kRegion.code, v.offset, context.clause_pointer(st, clause),
                   fmt::format("\"{}\" is not a region name (they look like \"eu-west-1\")", v.value));
  }
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements)
    for (const policy::ConditionClause& clause : st.conditions) {
      if (iequals(clause.key.value, "aws:RequestedRegion") && policy::op_family(clause.op.base) == policy::OpFamily::kString)
        check_regions(context, st, clause);
      const bool vpc = iequals(clause.key.value, "aws:SourceVpc"), vpce = iequals(clause.key.value, "aws:SourceVpce");
      if (!vpc && !vpce) continue;
      for (const policy::Located& v : clause.values) {
        // Patterns and variables are not ids (StringLike "vpce-*" is a choice, not a typo).
        if (v.value.find_first_of("*?$") != std::string::npos) continue;
        if (id_format(v.value, vpc ? "vpc-" : "vpce-")) continue;
        context.report(vpc ? "invalid_vpc_format" : "invalid_vpce_format", v.offset, context.clause_pointer(st, clause),
                       fmt::format("\"{}\" is not a VPC{} id (\"{}\" and 8 or 17 letters and digits)", v.value,
                                   vpc ? "" : " endpoint", vpc ? "vpc-" : "vpce-"));
      }
    }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("condition_value_formats", run, kVpc, kVpce, kRegion);

}  // namespace iamwarden::lint
