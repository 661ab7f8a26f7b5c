// Derived context keys of the flag and snapshot forms.
#include "simulate/derived_keys.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace iamwarden::simulate {

void add_derived_key(eval::Request& request, std::vector<std::string>& derived, std::string_view key,
                     std::string value) {
  if (request.context.find(key)) return;
  (void)request.context.set(key, std::move(value));
  derived.emplace_back(key);
}

void add_resource_account_key(eval::Request& request, bool account_given, std::vector<std::string>& derived,
                              std::vector<Error>& warnings) {
  const eval::ArnParts parts = eval::resource_parts(request);
  if (!account_given && (!parts.ok || parts.account().empty())) return;
  constexpr std::string_view kKey = "aws:ResourceAccount";
  if (const eval::ContextEntry* given = request.context.find(kKey)) {
    if (given->is_list || given->values.size() != 1 || given->values.front() != request.resource_account)
      warnings.push_back(Error{ErrorCode::kInvalidInput,
                               fmt::format("{} is given as \"{}\", but the resource's account is {}: conditions see "
                                           "the given value, the cross-account decision uses {}",
                                           kKey, fmt::join(given->values, ","), request.resource_account,
                                           request.resource_account),
                               {}, "give the resource's account with --resource-account instead"});
    return;
  }
  add_derived_key(request, derived, kKey, request.resource_account);
}

}  // namespace iamwarden::simulate
