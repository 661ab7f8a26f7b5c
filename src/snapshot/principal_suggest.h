// "Did you mean" for a user or role that is not in a snapshot.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// User and role names near `wanted` (a name, or the last path segment of an ARN): names that begin
/// with it ("alice.nguyen" for "alice"), else the closest by edit distance; users first, at most 3.
std::vector<std::string> suggest_principals(const Account& account, std::string_view wanted);

}  // namespace iamwarden::snapshot
