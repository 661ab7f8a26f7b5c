// Engine-based facts about every customer-managed and inline policy of an account, computed once
// per audit and shared by the policy checks.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "access/access.h"
#include "audit/check.h"
#include "snapshot/account.h"

namespace iamwarden::catalog {
class Catalog;
}

namespace iamwarden::audit {

/// What a policy grants on every resource ("*"), as the engine decides it for any principal it is
/// attached to (the policy alone: no boundary or SCP; Deny, NotAction, NotResource honoured; a grant
/// that needs request conditions is kConditional). Grants limited to some resources do not count.
/// Also what its statements say literally, one by one, as AWS Config and CIS read them. AWS-managed
/// policies are analysed only when attached, and only literally (the engine fields stay empty).
struct PolicyFacts {
  enum class Kind : uint8_t { kCustomerManaged, kAwsManaged, kInline };
  Kind kind = Kind::kCustomerManaged;
  std::string arn;       ///< managed: the policy ARN; inline: the owner's ARN
  std::string name;      ///< policy name
  std::string owner;     ///< inline: "user alice" / "role app"; managed: ""
  bool attached = false; ///< managed: AttachmentCount > 0 or attached to a principal of the dump; inline: always
  bool boundary = false; ///< managed: used as a permissions boundary (PermissionsBoundaryUsageCount > 0 or referenced)
  snapshot::Origin origin;
  std::string parse_error;  ///< non-empty when the document could not be parsed (nothing below is set)

  access::Grant admin;                 ///< every action on every resource
  std::vector<std::pair<std::string, access::Grant>> full_services;  ///< sensitive services fully granted
  access::Grant pass_role_any;         ///< iam:PassRole on "*"
  access::Grant assume_role_any;       ///< sts:AssumeRole on "*"
  access::Grant marketplace_subscribe; ///< aws-marketplace:Subscribe on "*"
  std::vector<std::pair<std::string, access::Grant>> escalations;  ///< privilege-escalation paths granted
  std::vector<std::string> condition_keys;  ///< keys the conditional grants above depend on

  /// Allow statements with "Action": "*" over "Resource": "*" (conditions ignored), by label
  /// ("statement #0", "statement \"Admin\"").
  std::vector<std::string> literal_admin;
  /// Allow statements granting all actions of a service by wildcard ("Action": "s3:*" or "*", or
  /// "NotAction": "s3:*"; any resource): "s3:* (statement #1)".
  std::vector<std::string> literal_full_access;
};

/// A privilege-escalation path: actions that together let a principal gain more permissions.
struct EscalationPath {
  std::string name;                  ///< "iam-001 Creates a new default version of ..."
  std::vector<std::string> actions;  ///< "iam:PassRole", ...
};

/// The escalation methods of data/escalation the policy checks look for (escalation::policy_level).
const std::vector<EscalationPath>& escalation_paths();

/// Facts for every policy of the account, computed in parallel.
class PolicyAnalysis {
 public:
  PolicyAnalysis(const snapshot::Account& account, const catalog::Catalog& catalog, unsigned threads = 0,
                 const std::vector<std::string>& sensitive_services = {});
  std::span<const PolicyFacts> policies() const { return facts_; }
  /// The facts of one kind, in snapshot order.
  std::vector<const PolicyFacts*> of_kind(PolicyFacts::Kind kind) const;

 private:
  std::vector<PolicyFacts> facts_;
};

/// A policy check's judgement of one policy: FAIL with a message, or PASS with one.
struct PolicyVerdict {
  bool fail = false;
  std::string message;
  std::vector<std::string> evidence;
};

/// Runs a per-policy check: NOT_EVALUATED when the authorization details or the action catalog are
/// missing, or for a policy that does not parse; otherwise one finding per policy `in_scope` accepts,
/// from `judge`, or one account-level PASS "no <scope>" when it accepts none.
void check_policies(const CheckContext& context, FindingSink& out,
                    const std::function<bool(const PolicyFacts&)>& in_scope, std::string_view scope,
                    const std::function<PolicyVerdict(const PolicyFacts&)>& judge);

/// The same over the policies of the given kinds (and attachment state, when given).
void check_policies(const CheckContext& context, FindingSink& out, std::initializer_list<PolicyFacts::Kind> kinds,
                    std::optional<bool> attached, const std::function<PolicyVerdict(const PolicyFacts&)>& judge);

/// The same over customer-managed policies, leaving out permissions boundaries when the framework
/// parameter excludePermissionBoundaryPolicy asks for it (the literal Config rules and IAM.1/IAM.21).
void check_customer_policies_literally(const CheckContext& context, FindingSink& out,
                                       const std::function<PolicyVerdict(const PolicyFacts&)>& judge);

/// The full-administrator verdict (FAIL when every action is granted on every resource).
PolicyVerdict admin_verdict(const PolicyFacts& facts);

/// The verdict on one action granted on every resource ("iam:PassRole"): FAIL unless denied.
PolicyVerdict action_verdict(access::Grant grant, const PolicyFacts& facts, std::string_view action);

/// "allows ... on every resource" / "... under conditions (keys)" for a grant in messages.
std::string describe_grant(access::Grant grant, const PolicyFacts& facts);

}  // namespace iamwarden::audit
