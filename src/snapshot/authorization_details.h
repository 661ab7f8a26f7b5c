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
/// The whole text is validated first (check_json_document: syntax, duplicate member names).
/// Inside a snapshot (follow_links false) the path must be a regular file, not a link; a file
/// named on the command line (follow_links true) may be a link or a pipe.
Result<void> load_authorization_details(const std::string& path, AuthorizationDetails& out, bool follow_links = false);

/// The same from text already in memory; `file` names it in errors.
Result<void> parse_authorization_details(std::string_view text, const std::string& file, AuthorizationDetails& out);

}  // namespace iamwarden::snapshot
