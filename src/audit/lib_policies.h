// Engine-based facts about every customer-managed and inline policy of an account, computed once
// per audit and shared by the policy checks.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "access/access.h"
#include "snapshot/account.h"

namespace iamwarden::catalog {
class Catalog;
}

namespace iamwarden::audit {

/// What a policy grants, as the engine decides it for any principal it is attached to
/// (the policy alone: no boundary or SCP; Deny, NotAction, NotResource and conditions honoured).
struct PolicyFacts {
  enum class Kind : uint8_t { kCustomerManaged, kAwsManaged, kInline };
  Kind kind = Kind::kCustomerManaged;
  std::string arn;       ///< managed: the policy ARN; inline: the owner's ARN
  std::string name;      ///< policy name
  std::string owner;     ///< inline: "user alice" / "role app"; managed: ""
  bool attached = false; ///< managed: AttachmentCount > 0; inline: always
  snapshot::Origin origin;
  std::string parse_error;  ///< non-empty when the document could not be parsed (nothing below is set)

  access::Grant admin;                 ///< every action on every resource
  std::vector<std::pair<std::string, access::Grant>> full_services;  ///< sensitive services fully granted
  access::Grant pass_role_any;         ///< iam:PassRole on "*"
  access::Grant assume_role_any;       ///< sts:AssumeRole on "*"
  access::Grant marketplace_subscribe; ///< aws-marketplace:Subscribe on "*"
  std::vector<std::pair<std::string, access::Grant>> escalations;  ///< privilege-escalation paths granted
};

/// Facts for every policy of the account, computed in parallel.
class PolicyAnalysis {
 public:
  PolicyAnalysis(const snapshot::Account& account, const catalog::Catalog& catalog, unsigned threads = 0,
                 const std::vector<std::string>& sensitive_services = {});
  std::span<const PolicyFacts> policies() const { return facts_; }

 private:
  std::vector<PolicyFacts> facts_;
};

}  // namespace iamwarden::audit
