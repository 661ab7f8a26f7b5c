// Principal suggestions over the snapshot's user and role names (base/closest_match.h).
#include "snapshot/principal_suggest.h"

#include "base/closest_match.h"

namespace iamwarden::snapshot {

std::vector<std::string> suggest_principals(const Account& account, std::string_view wanted) {
  if (size_t slash = wanted.rfind('/'); slash != std::string_view::npos) wanted.remove_prefix(slash + 1);
  std::vector<std::string_view> names;
  names.reserve(account.iam.users.size() + account.iam.roles.size());
  for (const User& user : account.iam.users) names.push_back(user.name);
  for (const Role& role : account.iam.roles) names.push_back(role.name);
  return suggest_names(wanted, names);
}

}  // namespace iamwarden::snapshot
