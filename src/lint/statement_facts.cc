// Statement facts for the security rules.
#include "lint/statement_facts.h"

#include <algorithm>

#include "lint/rule_util.h"

namespace iamwarden::lint {

Coverage statement_covers(LintContext& context, const policy::Statement& st, std::string_view action) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog || st.action_mode == policy::ElementMode::kAbsent) return Coverage::kNone;
  const catalog::Action* target = catalog->find_action(action);
  if (!target) return Coverage::kNone;
  const std::vector<uint32_t>& actions = context.statement_actions(st);
  if (!std::binary_search(actions.begin(), actions.end(), catalog->index_of(*target))) return Coverage::kNone;
  if (st.action_mode == policy::ElementMode::kNot) return Coverage::kNotAction;
  for (const policy::Located& a : st.actions)
    if (iequals(a.value, action)) return Coverage::kNamed;
  return Coverage::kWildcard;
}

// True when a policy resource (ARN pattern) and an ARN template can name the same resource.
bool arn_fits_template(const eval::ArnParts& resource, std::string_view arn_template) {
  eval::ArnParts t = eval::split_arn(arn_template);
  if (!t.ok) return false;
  for (size_t part = 1; part < 5; ++part) {
    std::string_view r = resource.part[part], tp = t.part[part];
    if (tp.empty()) {
      if (!r.empty() && r.find_first_not_of('*') != std::string_view::npos) return false;
    } else if (!globs_intersect(r, tp)) {
      return false;
    }
  }
  return globs_intersect(resource.resource(), t.resource());
}

bool matches_every_resource(std::string_view r) {
  if (r == "*") return true;
  if (r.rfind("arn:", 0) != 0) return false;
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE[:...]: everything after the partition must be "*".
  size_t part = 0, start = 0;
  for (size_t i = 0; i <= r.size(); ++i) {
    if (i < r.size() && r[i] != ':') continue;
    std::string_view piece = r.substr(start, i - start);
    if (part >= 2 && piece != "*") return false;
    ++part;
    start = i + 1;
  }
  return part >= 6;
}

bool is_star_resource(std::string_view r) {
  if (r == "*") return true;
  if (r.rfind("arn:", 0) != 0) return false;
  size_t last_colon = r.rfind(':');
  std::string_view tail = r.substr(last_colon + 1);
  if (tail.empty() || tail.back() != '*') return false;
  std::string_view head = tail.substr(0, tail.size() - 1);  // before the final '*'
  if (head.find_first_of("*?") != std::string_view::npos) return false;
  // "*" and "type/*" cover a whole resource type.
  if (head.empty() || (head.back() == '/' && head.find('/') == head.size() - 1)) return true;
  // In IAM the resource part starts with its type, so "role*" (or "ro*") covers every role too. Elsewhere a
  // bare "name*" is a name prefix (an S3 bucket, an SNS topic), not a type.
  const size_t partition_end = r.find(':', 4);  // arn:PARTITION:SERVICE:...
  const bool iam = partition_end != std::string_view::npos && r.substr(partition_end + 1, 4) == "iam:";
  return iam && std::count(r.begin(), r.end(), ':') == 5 && head.find('/') == std::string_view::npos;
}

bool has_star_resource(const policy::Statement& st) {
  if (st.resource_mode != policy::ElementMode::kNormal) return false;
  return std::any_of(st.resources.begin(), st.resources.end(),
                     [](const policy::Located& r) { return is_star_resource(r.value); });
}

uint32_t member_offset(LintContext& context, const policy::Statement& st, std::string_view element) {
  for (const JsonMember& m : context.statement_node(st).members)
    if (m.key == element) return m.key_offset;
  return st.offset;
}

bool restricts_caller_key(std::string_view key) {
  for (std::string_view k : {"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
                             "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths",
                             "aws:SourceOwner", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn", "aws:SourceIp",
                             "aws:VpcSourceIp", "aws:userid", "aws:username", "aws:PrincipalServiceName",
                             "aws:PrincipalIsAWSService", "aws:PrincipalTag", "aws:ResourceOrgID", "aws:CalledVia",
                             "kms:CallerAccount", "kms:ViaService", "lambda:FunctionUrlAuthType", "sns:Endpoint",
                             "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths"})
    if (iequals(key, k) || (istarts_with(key, k) && key.size() > k.size() && key[k.size()] == '/')) return true;
  return false;
}

bool allows_any_principal(const policy::Statement& st) {
  if (st.principal_mode != policy::ElementMode::kNormal) return false;
  if (st.principal_wildcard) return true;
  for (const policy::PrincipalEntry& p : st.principals)
    if (p.type == policy::PrincipalType::kAws && p.value.value == "*") return true;
  return false;
}

}  // namespace iamwarden::lint
