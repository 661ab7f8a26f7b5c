// Loading `aws iam get-account-authorization-details` output with simdjson On-Demand (large files).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// Reads one authorization-details file — a merged object, one raw page (IsTruncated/Marker are
/// ignored) or an array of pages — and appends its users, groups, roles and policies to out.
/// Policy documents are kept as JSON text (URL-encoded strings decoded). Unknown members are
/// ignored; a wrong shape or truncated file is an error naming the file, line:column and JSON pointer.
Result<void> load_authorization_details(const std::string& path, AuthorizationDetails& out);

/// The same from text already in memory; `file` names it in errors.
Result<void> parse_authorization_details(std::string_view text, const std::string& file, AuthorizationDetails& out);

}  // namespace iamwarden::snapshot
