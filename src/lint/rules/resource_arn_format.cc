// Resource ARNs: the arn prefix, six parts, partition, lower-case service, account and region rules.
#include <fmt/format.h>

#include "eval/arn.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kPrefix{"invalid_arn_prefix", Severity::kError, "Resource is neither \"*\" nor an ARN",
                           "IAM rejects resources that do not start with \"arn:\" (an empty string included).",
                           "write a full ARN, e.g. \"arn:aws:s3:::my-bucket/*\", or \"*\""};
constexpr LintMeta kFields{"missing_arn_field", Severity::kError, "Resource ARN has fewer than six parts",
                           "ARNs have the form arn:partition:service:region:account:resource.",
                           "add the missing parts (region and account may be empty or \"*\")"};
constexpr LintMeta kPartition{"invalid_partition", Severity::kError, "Unknown partition in a resource ARN",
                              "Partitions are aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f and "
                              "aws-eusc.",
                              "use e.g. \"aws\", or \"*\""};
constexpr LintMeta kServiceCase{"invalid_arn_service_case", Severity::kError, "Upper-case service in a resource ARN",
                                "Service names in ARNs are lower case.", "write the service in lower case"};
constexpr LintMeta kAccount{"invalid_arn_account", Severity::kError, "Account in a resource ARN is not 12 digits",
                            "The account part of an ARN is a 12-digit account ID (or empty, \"*\", or \"aws\" for "
                            "AWS-owned resources).",
                            "use the 12-digit account ID"};
constexpr LintMeta kRegion{"arn_region_not_allowed", Severity::kError, "Region in an ARN of a global service",
                           "The service's ARNs have no region (IAM, S3 buckets, ...); AWS rejects or never matches "
                           "one with a region.",
                           "leave the region empty: arn:aws:iam::123456789012:role/x"};
constexpr LintMeta kBadRegion{"invalid_arn_region", Severity::kWarning, "Region in a resource ARN is no region name",
                              "Region names are a two-letter area, a direction and a number (eu-west-1, "
                              "us-gov-east-1); another text matches no resource.",
                              "write the region as in `aws ec2 describe-regions`, or \"*\""};
constexpr LintMeta kMissingRegion{"missing_arn_region", Severity::kWarning, "Empty region in a regional service's ARN",
                                  "The service's ARNs always carry a region; an ARN with an empty one matches no "
                                  "resource.",
                                  "name the region, or \"*\" for any"};
constexpr LintMeta kAccountNotAllowed{"arn_account_not_allowed", Severity::kError, "Account in an ARN that has none",
                                      "The service's ARNs have no account part (S3 buckets and objects, ...).",
                                      "leave the account empty: arn:aws:s3:::bucket"};

bool known_partition(std::string_view p) {
  for (std::string_view known : {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f",
                                 "aws-eusc"})
    if (p == known) return true;
  return false;
}

bool valid_account(std::string_view account) {
  if (account.empty() || account == "aws" || has_wildcard(account) || account.find("${") != std::string_view::npos)
    return true;
  if (account.size() != 12) return false;
  for (char c : account)
    if (c < '0' || c > '9') return false;
  return true;
}

// What the ARN templates of the ARN's service whose resource part can match the ARN's say of field `part`
// (3 region, 4 account): every one leaves it empty, every one fills it, or they differ (or none fits).
enum class TemplateField { kNoneFits, kAlwaysEmpty, kAlwaysFilled, kMixed };
TemplateField template_field(const catalog::Catalog& catalog, const eval::ArnParts& arn, size_t part) {
  bool any = false, all_empty = true, all_filled = true;
  for (const catalog::Service& s : catalog.services()) {
    for (const catalog::ResourceType& type : s.resources) {
      eval::ArnParts t = eval::split_arn(type.arn_template);
      if (!t.ok || t.service() != arn.service() || !globs_intersect(arn.resource(), t.resource())) continue;
      any = true;
      all_empty = all_empty && t.part[part].empty();
      all_filled = all_filled && !t.part[part].empty();
    }
  }
  if (!any) return TemplateField::kNoneFits;
  return all_empty ? TemplateField::kAlwaysEmpty : all_filled ? TemplateField::kAlwaysFilled : TemplateField::kMixed;
}

void check(LintContext& context, const policy::Statement& st, size_t i) {
  const policy::Located& resource = st.resources[i];
  const std::string& r = resource.value;
  if (r == "*") return;
  const std::string pointer = context.item_pointer(st, context.resource_element(st), i);
  if (r.rfind("arn:", 0) != 0) {
    context.report("invalid_arn_prefix", resource.offset, pointer, fmt::format("\"{}\" is neither \"*\" nor an ARN", r));
    return;
  }
  eval::ArnParts parts = eval::split_arn(r);
  if (!parts.ok) {
    // A trailing '*' may cover the missing parts in identity policies (matched as if padded), but AWS's own
    // validation still asks for all six.
    context.report("missing_arn_field", resource.offset, pointer,
                   fmt::format("\"{}\" does not have the six parts arn:partition:service:region:account:resource", r));
    return;
  }
  if (!has_wildcard(parts.partition()) && !known_partition(parts.partition()))
    context.report("invalid_partition", resource.offset, pointer, fmt::format("unknown partition \"{}\"", parts.partition()));
  bool upper = false;
  for (char c : parts.service()) upper = upper || (c >= 'A' && c <= 'Z');
  if (upper)
    context.report("invalid_arn_service_case", resource.offset, pointer,
                   fmt::format("service \"{}\" must be lower case", parts.service()));
  if (!valid_account(parts.account()))
    context.report("invalid_arn_account", resource.offset, pointer,
                   fmt::format("account \"{}\" is not a 12-digit account ID", parts.account()));
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog || has_wildcard(parts.service())) return;
  // A policy variable (${aws:RequestedRegion}) is a region at request time.
  if (!parts.region().empty() && !has_wildcard(parts.region()) && parts.region().find('$') == std::string_view::npos &&
      !region_name_shape(parts.region()))
    context.report("invalid_arn_region", resource.offset, pointer,
                   fmt::format("\"{}\" is not a region name (they look like \"eu-west-1\")", parts.region()));
  const TemplateField region = template_field(*catalog, parts, 3);
  if (parts.region().empty() && region == TemplateField::kAlwaysFilled)
    context.report("missing_arn_region", resource.offset, pointer,
                   fmt::format("{} ARNs have a region, but \"{}\" leaves it empty (use \"*\" for any region)",
                               parts.service(), r));
  if (!parts.region().empty() && !has_wildcard(parts.region()) && region == TemplateField::kAlwaysEmpty)
    context.report("arn_region_not_allowed", resource.offset, pointer,
                   fmt::format("{} ARNs have no region, but \"{}\" names \"{}\"", parts.service(), r, parts.region()));
  if (!parts.account().empty() && !has_wildcard(parts.account()) &&
      template_field(*catalog, parts, 4) == TemplateField::kAlwaysEmpty)
    context.report("arn_account_not_allowed", resource.offset, pointer,
                   fmt::format("{} ARNs have no account, but \"{}\" names \"{}\"", parts.service(), r, parts.account()));
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements)
    for (size_t i = 0; i < st.resources.size(); ++i) check(context, st, i);
}

}  // namespace

IAMWARDEN_REGISTER_LINT("resource_arn_format", run, kPrefix, kFields, kPartition, kServiceCase, kAccount, kRegion, kAccountNotAllowed,
                        kBadRegion, kMissingRegion);

}  // namespace iamwarden::lint
