// What a loaded snapshot holds: counts, file statuses, unresolved ARNs and invalid policy documents.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// One policy document the policy parser rejects.
struct InvalidDocument {
  std::string owner;  ///< principal or policy ARN, or SCP id
  Error error;        ///< the first error-level diagnostic
};

/// Counts and findings about a snapshot, for `iamwarden snapshot summary`.
struct Summary {
  size_t users = 0, groups = 0, roles = 0, instance_profiles = 0;
  size_t customer_policies = 0, aws_policies_in_dump = 0, aws_policies_builtin = 0, policy_versions = 0;
  size_t inline_policies = 0;
  size_t documents = 0;  ///< policy documents parsed (inline, default versions, trust policies, SCPs)
  std::vector<InvalidDocument> invalid_documents;
};

/// Computes the summary; parses every inline policy, default managed-policy version, trust
/// policy and SCP/RCP with the policy parser.
Summary summarize(const Account& account);

/// The summary as text for a terminal.
std::string summary_text(const Account& account, const Summary& summary, const std::string& source);

/// The summary as one JSON object.
std::string summary_json(const Account& account, const Summary& summary, const std::string& source);

}  // namespace iamwarden::snapshot
