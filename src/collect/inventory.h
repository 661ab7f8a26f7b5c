// inventory.json: the resources that run as a role, per service and region, merged into one file
// (docs/snapshot.md#inventoryjson). Each service has its own file: inventory_<service>.cc.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "collect/session.h"

namespace iamwarden::collect {

/// One resource for inventory.json (empty strings are left out of the file).
struct InventoryItem {
  std::string type;  ///< CloudFormation type name
  std::string arn;
  std::string region;
  std::string role;
  std::string execution_role;
  std::string instance_profile;
  std::vector<std::pair<std::string, std::string>> tags;
};

/// What every service and region found, and which calls failed; filled by the tasks.
struct InventoryResults {
  std::mutex mutex;
  std::vector<InventoryItem> items;
  std::vector<std::string> errors;  ///< "aws <call> --region R: <error>"
  size_t answered = 0;              ///< calls that answered (a file is written only when one did)
};

/// The calls of one service in one region: runs them, keeps what they found and what failed.
class InventoryCalls {
 public:
  InventoryCalls(Session& session, std::string region) : session_(session), region_(std::move(region)) {}

  /// Runs one call in the region and parses its answer; nullopt when it failed (the failure is
  /// kept) or the service is not offered in the region. Follows "NextToken" for operations the
  /// CLI does not page itself, merging the arrays named by list_key.
  std::optional<JsonDocument> call(std::vector<std::string> args, std::string_view list_key = "");

  /// Keeps an answer that cannot be used ("unexpected answer: ...").
  void unexpected(const std::vector<std::string>& args, const std::string& why);

  /// Adds a resource found in the region.
  void add(InventoryItem item);

  const std::string& region() const { return region_; }
  /// "arn:<partition>:<service>:<region>:<account>:<resource>" for services whose answers give no ARN.
  std::string arn(std::string_view service, std::string_view resource, std::string_view account = "") const;
  /// A role given by name (Glue) as an ARN in the account; ARNs are kept.
  std::string role_arn(std::string_view name_or_arn) const;

  /// Moves what was found and failed into results.
  void finish(InventoryResults& results);

 private:
  Session& session_;
  std::string region_;
  std::vector<InventoryItem> items_;
  std::vector<std::string> errors_;
  size_t answered_ = 0;
};

/// True for a value from an answer that may become an argument of a later call: an ARN
/// ("arn:...", printable ASCII, no spaces, at most 2048 bytes) or, with arn=false, a name or id
/// (letters, digits, '-', '_', '.', not starting with '-' or '.', at most 255 bytes). Nothing else
/// reaches the CLI, which would read "file://..." as a file and "--x" as an option.
bool is_safe_argument(std::string_view value, bool arn);

/// A string member of node ("" when absent or not a string).
std::string string_member(const JsonNode& node, std::string_view key);
/// Tags as AWS lists them: [{"Key": k, "Value": v}] (key_name/value_name: "key"/"value" for some services).
std::vector<std::pair<std::string, std::string>> tag_list(const JsonNode* tags, std::string_view key_name = "Key",
                                                          std::string_view value_name = "Value");

/// The services, one function each (region by region).
void inventory_lambda(InventoryCalls& calls);
void inventory_ec2_instances(InventoryCalls& calls);
void inventory_ec2_launch_templates(InventoryCalls& calls);
void inventory_cloudformation(InventoryCalls& calls);
void inventory_codebuild(InventoryCalls& calls);
void inventory_sagemaker(InventoryCalls& calls);
void inventory_glue(InventoryCalls& calls);
void inventory_ecs(InventoryCalls& calls);
void inventory_apprunner(InventoryCalls& calls);

/// Adds one task per service and region.
void add_inventory_tasks(Session& session, const std::vector<std::string>& regions, InventoryResults& results,
                         Tasks& tasks);

/// Writes inventory.json (sorted by type, region, ARN) and records it: failed with the failed calls
/// when some failed (what was found is still written), not written when no call answered.
void write_inventory(Session& session, InventoryResults& results);

}  // namespace iamwarden::collect
