// Checking a request against the action catalog before deciding it: a misspelt action or condition
// key, or a value of the wrong type, silently changes the decision, so each gets a warning.
#pragma once

#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "eval/request.h"

namespace iamwarden::simulate {

/// Warnings ("did you mean" where the catalog has a near name) for:
/// - an action the catalog does not know (unknown service, or unknown action of a known service);
/// - a context key that is neither a global key nor a key of a service (identity-provider keys such
///   as "accounts.google.com:aud" cannot be known offline and are not checked);
/// - a value that does not parse as its key's type (Bool, Numeric, Date, IPAddress, ARN, Binary), a
///   single value for a multivalued key, or a list for a single-valued key.
/// Each warning's JSON pointer is /request/action or /request/context/<key>; with `doc` (the request
/// file) it is located at its line and column too.
std::vector<Error> check_request(const eval::Request& request, const catalog::Catalog& catalog,
                                 const JsonDocument* doc = nullptr);

}  // namespace iamwarden::simulate
