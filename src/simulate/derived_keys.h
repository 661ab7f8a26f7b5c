// Context keys the flag and snapshot forms of `simulate` derive from the request, as AWS fills them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "eval/request.h"

namespace iamwarden::simulate {

/// Sets key to value unless the request already gives it; lists the key in `derived` when set.
void add_derived_key(eval::Request& request, std::vector<std::string>& derived, std::string_view key,
                     std::string value);

/// aws:ResourceAccount from the resource's account, the one the evaluator decides cross-account
/// access with (request.resource_account): known when `account_given` (--resource-account) or the
/// resource ARN has an account; not filled otherwise (a bucket ARN, "*"). When the request gives the
/// key with another value, a warning says so: the condition sees the given value, the evaluator the account.
void add_resource_account_key(eval::Request& request, bool account_given, std::vector<std::string>& derived,
                              std::vector<Error>& warnings);

}  // namespace iamwarden::simulate
