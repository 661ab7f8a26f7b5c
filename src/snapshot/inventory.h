// inventory.json: the account's non-IAM resources that run as a role (Lambda functions, EC2
// instances, stacks, ...), what the existing-resource privilege-escalation methods need.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace iamwarden::snapshot {

class Account;

/// One resource of inventory.json. Empty strings mean "not given".
struct InventoryResource {
  std::string type;  ///< CloudFormation type name: "AWS::Lambda::Function", "AWS::EC2::Instance", ...
  std::string arn;
  std::string region;
  std::string role;              ///< ARN of the role it runs as (ECS task definitions: the task role)
  std::string execution_role;    ///< ECS task definitions: the task execution role
  std::string instance_profile;  ///< EC2 instances and launch templates: profile name or ARN
  std::vector<std::pair<std::string, std::string>> tags;  ///< in file order
};

/// inventory.json: {"resources": [...]}. Unknown types are kept; unknown members ignored.
struct Inventory {
  std::vector<InventoryResource> resources;
};

/// Reads inventory.json; missing "type" or "arn", or a member of the wrong JSON kind, is an error
/// naming the file and the JSON pointer.
Result<void> load_inventory(const JsonDocument& doc, Inventory& out);

/// The role ARNs of an instance profile (its name or ARN), from the roles' InstanceProfileList in
/// the authorization details; empty when no role lists it (an unknown profile, or one without role).
std::vector<std::string> roles_of_instance_profile(const Account& account, std::string_view name_or_arn);

}  // namespace iamwarden::snapshot
