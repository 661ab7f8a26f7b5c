// EC2 instances and launch templates, with the instance profile each starts with.
#include <fmt/format.h>

#include <map>

#include "base/safe_text.h"
#include "collect/inventory.h"

namespace iamwarden::collect {
namespace {

// IamInstanceProfile {Arn, Name}: the ARN when given (it names the profile exactly), else the name.
std::string profile_of(const JsonNode& holder) {
  const JsonNode* profile = holder.find("IamInstanceProfile");
  if (!profile || !profile->is_object()) return "";
  std::string arn = string_member(*profile, "Arn");
  return arn.empty() ? string_member(*profile, "Name") : arn;
}

}  // namespace

void inventory_ec2_instances(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"ec2", "describe-instances"});
  if (!answer) return;
  const JsonNode* reservations = answer->root.find("Reservations");
  if (!reservations || !reservations->is_array())
    return calls.unexpected({"ec2", "describe-instances"}, "no Reservations array");
  for (const JsonNode& reservation : reservations->items) {
    std::string owner = string_member(reservation, "OwnerId");
    const JsonNode* instances = reservation.find("Instances");
    if (!instances || !instances->is_array()) continue;
    for (const JsonNode& instance : instances->items) {
      std::string id = string_member(instance, "InstanceId");
      const JsonNode* state = instance.find("State");
      // A terminated instance runs as nothing any more.
      if (id.empty() || (state && string_member(*state, "Name") == "terminated")) continue;
      calls.add({"AWS::EC2::Instance", calls.arn("ec2", "instance/" + id, owner), "", "", "", profile_of(instance),
                 tag_list(instance.find("Tags"))});
    }
  }
}

void inventory_ec2_launch_templates(InventoryCalls& calls) {
  std::optional<JsonDocument> templates = calls.call({"ec2", "describe-launch-templates"});
  if (!templates) return;
  const JsonNode* list = templates->root.find("LaunchTemplates");
  if (!list || !list->is_array())
    return calls.unexpected({"ec2", "describe-launch-templates"}, "no LaunchTemplates array");
  if (list->items.empty()) return;
  // Without a template id, $Latest asks for the latest version of every template in one call.
  const std::vector<std::string> args{"ec2", "describe-launch-template-versions", "--versions", "$Latest"};
  std::optional<JsonDocument> versions = calls.call(args);
  // Without the versions the profiles are unknown: no template is listed rather than one as "no role".
  if (!versions) return;
  const JsonNode* version_list = versions->root.find("LaunchTemplateVersions");
  if (!version_list || !version_list->is_array()) return calls.unexpected(args, "no LaunchTemplateVersions array");
  std::map<std::string, std::string> profiles;  // template id → instance profile of its latest version
  for (const JsonNode& v : version_list->items) {
    const JsonNode* data = v.find("LaunchTemplateData");
    if (data) profiles[string_member(v, "LaunchTemplateId")] = profile_of(*data);
  }
  for (const JsonNode& t : list->items) {
    std::string id = string_member(t, "LaunchTemplateId");
    if (id.empty()) continue;
    auto profile = profiles.find(id);
    if (profile == profiles.end()) {
      calls.unexpected(args, fmt::format("no $Latest version of {}", safe_excerpt(id, 60)));
      continue;
    }
    calls.add({"AWS::EC2::LaunchTemplate", calls.arn("ec2", "launch-template/" + id), "", "", "", profile->second,
               tag_list(t.find("Tags"))});
  }
}

}  // namespace iamwarden::collect
