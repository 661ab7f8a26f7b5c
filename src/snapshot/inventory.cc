// Reading inventory.json, and instance profiles resolved to roles (see inventory.h).
#include "snapshot/inventory.h"

#include <fmt/format.h>

#include <algorithm>

#include "snapshot/account.h"
#include "snapshot/json_fields.h"

namespace iamwarden::snapshot {
namespace {

// A member that must be a non-empty string.
Result<std::string> required_string(const JsonDocument& doc, const JsonNode& object, const std::string& pointer,
                                    std::string_view key) {
  Result<std::string> value = get_string(doc, object, pointer, key);
  if (value && value->empty()) return json_error(doc, object, pointer, fmt::format("no \"{}\" (a non-empty string)", key));
  return value;
}

// "tags": {"key": "value", ...}.
Result<void> load_tags(const JsonDocument& doc, const JsonNode& resource, const std::string& pointer,
                       std::vector<std::pair<std::string, std::string>>& out) {
  const JsonNode* tags = resource.find("tags");
  if (!tags || tags->kind == JsonNode::Kind::kNull) return {};
  std::string tp = child_pointer(pointer, "tags");
  if (Result<void> k = expect_kind(doc, *tags, tp, JsonNode::Kind::kObject); !k) return k;
  for (const JsonMember& m : tags->members) {
    if (Result<void> k = expect_kind(doc, m.value, child_pointer(tp, m.key), JsonNode::Kind::kString); !k) return k;
    out.emplace_back(m.key, m.value.text);
  }
  return {};
}

}  // namespace

Result<void> load_inventory(const JsonDocument& doc, Inventory& out) {
  std::string p;
  if (Result<void> k = expect_kind(doc, doc.root, p, JsonNode::Kind::kObject); !k) return k;
  return each_object(doc, doc.root, p, "resources", [&](const JsonNode& r, const std::string& rp) -> Result<void> {
    InventoryResource res;
    IAMWARDEN_SNAPSHOT_TRY(res.type, required_string(doc, r, rp, "type"));
    IAMWARDEN_SNAPSHOT_TRY(res.arn, required_string(doc, r, rp, "arn"));
    IAMWARDEN_SNAPSHOT_TRY(res.region, get_string(doc, r, rp, "region"));
    IAMWARDEN_SNAPSHOT_TRY(res.role, get_string(doc, r, rp, "role"));
    IAMWARDEN_SNAPSHOT_TRY(res.execution_role, get_string(doc, r, rp, "executionRole"));
    IAMWARDEN_SNAPSHOT_TRY(res.instance_profile, get_string(doc, r, rp, "instanceProfile"));
    if (Result<void> t = load_tags(doc, r, rp, res.tags); !t) return t;
    out.resources.push_back(std::move(res));
    return {};
  });
}

std::vector<std::string> roles_of_instance_profile(const Account& account, std::string_view name_or_arn) {
  // An ARN names the profile exactly; a bare name (or "path/name") matches the profile name.
  bool arn = name_or_arn.starts_with("arn:");
  std::string_view name = name_or_arn.substr(name_or_arn.rfind('/') + 1);
  std::vector<std::string> roles;
  for (const Role& role : account.iam.roles) {
    for (const InstanceProfile& profile : role.instance_profiles) {
      if (arn ? profile.arn != name_or_arn : profile.name != name) continue;
      // role_arns lists every role of the profile; the role that lists the profile is one of them.
      std::vector<std::string> members = profile.role_arns;
      if (std::find(members.begin(), members.end(), role.arn) == members.end()) members.push_back(role.arn);
      for (std::string& m : members)
        if (std::find(roles.begin(), roles.end(), m) == roles.end()) roles.push_back(std::move(m));
    }
  }
  return roles;
}

}  // namespace iamwarden::snapshot
