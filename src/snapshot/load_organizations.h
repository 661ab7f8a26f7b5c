// Loading the organizations/ part of a snapshot directory.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// Reads `aws organizations describe-organization` output into org (id, ARN, feature set, management account).
Result<void> load_organization_description(const JsonDocument& doc, Organization& org);

/// Reads organizations/organization.json, the parents of account_id up to the root, and the
/// SCPs/RCPs attached at each level with their content. Files read are appended to files; an
/// incomplete path leaves org.path empty (SCPs not evaluated).
Result<void> load_organization(const std::string& dir, const std::string& account_id, Organization& org,
                               std::vector<FileRecord>& files);

}  // namespace iamwarden::snapshot
