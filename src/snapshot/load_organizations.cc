// Organizations files: the organization, the root → OU → account path and the SCPs/RCPs at each level.
#include <fmt/format.h>

#include <filesystem>

#include "base/json.h"
#include "catalog/pretty_json.h"
#include "snapshot/json_fields.h"
#include "snapshot/load_organizations.h"
#include "snapshot/policy_document.h"
#include "snapshot/snapshot_file.h"

namespace iamwarden::snapshot {
namespace {

namespace fs = std::filesystem;

// Reads dir/rel when it exists: nullopt when absent; the record notes what happened.
Result<std::optional<JsonDocument>> read_if_present(const std::string& dir, const std::string& rel,
                                                    std::vector<FileRecord>& files) {
  Result<std::optional<JsonDocument>> doc = read_snapshot_json((fs::path(dir) / rel).string());
  if (doc && *doc) files.push_back(FileRecord{rel, FileStatus::kLoaded, ""});
  return doc;
}

// Organizations ids (r-..., ou-..., p-..., account ids) become file names: anything else, such as
// a "/" or "..", would read outside organizations/ and is refused.
bool is_plain_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

Result<void> load_targets(const JsonDocument& doc, std::vector<std::string>& ids, Organization& org,
                          std::string_view type) {
  std::string p;
  const JsonNode& root = unwrap_recording(doc.root, p);
  if (Result<void> k = expect_kind(doc, root, p, JsonNode::Kind::kObject); !k) return k;
  return each_object(doc, root, p, "Policies", [&](const JsonNode& d, const std::string& dp) -> Result<void> {
    Result<std::string> id = get_string(doc, d, dp, "Id");
    if (!id) return id.error();
    if (id->empty()) return json_error(doc, d, dp, "policy without an Id");
    if (!is_plain_id(*id))
      return json_error(doc, *d.find("Id"), child_pointer(dp, "Id"), "not an Organizations policy id (p-...)");
    OrgPolicy& policy = org.policies[*id];
    policy.id = *id;
    policy.type = std::string(type);
    Result<std::string> arn = get_string(doc, d, dp, "Arn");
    Result<std::string> name = get_string(doc, d, dp, "Name");
    Result<std::optional<bool>> aws = get_bool(doc, d, dp, "AwsManaged");
    if (!arn) return arn.error();
    if (!name) return name.error();
    if (!aws) return aws.error();
    policy.arn = arn.take();
    policy.name = name.take();
    policy.aws_managed = aws->value_or(false);
    ids.push_back(*id);
    return {};
  });
}

Result<void> load_policy_content(const JsonDocument& doc, OrgPolicy& policy, TextStore& store) {
  std::string p;
  const JsonNode& root = unwrap_recording(doc.root, p);
  if (Result<void> k = expect_kind(doc, root, p, JsonNode::Kind::kObject); !k) return k;
  const JsonNode* pol = root.find("Policy");
  if (!pol) return json_error(doc, root, p, "no \"Policy\" object (describe-policy output expected)");
  p = child_pointer(p, "Policy");
  if (Result<void> k = expect_kind(doc, *pol, p, JsonNode::Kind::kObject); !k) return k;
  const JsonNode* content = pol->find("Content");
  if (!content) return json_error(doc, *pol, p, "no \"Content\"");
  std::string cp = child_pointer(p, "Content");
  policy.content_known = true;
  policy.document.origin = Origin{doc.file, cp, 0, 0};
  if (content->is_string()) {
    policy.document.text = store.add(decode_policy_string(content->text));
    policy.document.was_encoded = true;
  } else if (content->is_object()) {
    policy.document.text = store.add(catalog::pretty_json(*content));
    policy.document.was_encoded = true;  // re-rendered: line numbers do not apply
  } else {
    return json_error(doc, *content, cp, "\"Content\" should be the policy JSON as a string");
  }
  return {};
}

}  // namespace

Result<void> load_organization_description(const JsonDocument& odoc, Organization& org) {
  std::string p;
  const JsonNode& root = unwrap_recording(odoc.root, p);
  if (Result<void> k = expect_kind(odoc, root, p, JsonNode::Kind::kObject); !k) return k;
  const JsonNode* o = root.find("Organization");
  if (!o) {
    if (std::string code = error_code(root); !code.empty())
      return json_error(odoc, root, p, fmt::format("the file records an AWS error ({})", code));
    return json_error(odoc, root, p, "no \"Organization\" object (describe-organization output expected)");
  }
  p = child_pointer(p, "Organization");
  if (Result<void> k = expect_kind(odoc, *o, p, JsonNode::Kind::kObject); !k) return k;
  org.present = true;
  for (auto [key, target] : {std::pair{"Id", &org.id}, std::pair{"Arn", &org.arn},
                             std::pair{"FeatureSet", &org.feature_set},
                             std::pair{"MasterAccountId", &org.management_account_id}}) {
    Result<std::string> s = get_string(odoc, *o, p, key);
    if (!s) return s.error();
    *target = s.take();
  }
  return {};
}

Result<void> load_organization(const std::string& dir, const std::string& account_id, Organization& org,
                               std::vector<FileRecord>& files) {
  Result<std::optional<JsonDocument>> organization = read_if_present(dir, "organizations/organization.json", files);
  if (!organization) return organization.error();
  if (!*organization) return {};
  if (Result<void> r = load_organization_description(**organization, org); !r) return r;
  // The path: from the account up through list-parents until the root.
  std::vector<OrgLevel> upward;
  std::string child = is_plain_id(account_id) ? account_id : "";
  std::string child_type = "ACCOUNT";
  for (int depth = 0; depth < 8 && !child.empty(); ++depth) {
    upward.push_back(OrgLevel{child, child_type, false, false, {}, {}});
    if (child_type == "ROOT") break;
    Result<std::optional<JsonDocument>> parents = read_if_present(dir, "organizations/parents/" + child + ".json", files);
    if (!parents) return parents.error();
    if (!*parents) {
      upward.clear();  // incomplete path: SCPs cannot be evaluated
      break;
    }
    const JsonDocument& pdoc = **parents;
    std::string pp;
    const JsonNode& proot = unwrap_recording(pdoc.root, pp);
    if (Result<void> k = expect_kind(pdoc, proot, pp, JsonNode::Kind::kObject); !k) return k;
    Result<const JsonNode*> list = get_array(pdoc, proot, pp, "Parents");
    if (!list) return list.error();
    if (!*list || (*list)->items.empty() || !(*list)->items[0].is_object())
      return json_error(pdoc, proot, pp, "no parent in \"Parents\"");
    const JsonNode& parent = (*list)->items[0];
    std::string ip = child_pointer(child_pointer(pp, "Parents"), 0);
    Result<std::string> id = get_string(pdoc, parent, ip, "Id");
    Result<std::string> type = get_string(pdoc, parent, ip, "Type");
    if (!id) return id.error();
    if (!type) return type.error();
    if (!is_plain_id(*id))
      return json_error(pdoc, parent, ip, "the parent's Id is not an Organizations id (r-... or ou-...)");
    child = id.take();
    child_type = type.take();
  }
  if (!upward.empty() && upward.back().type != "ROOT") upward.clear();
  org.path.assign(upward.rbegin(), upward.rend());
  for (OrgLevel& level : org.path) {
    for (auto [sub, ids, known, type] :
         {std::tuple{"scp-targets", &level.scp_ids, &level.scps_known, "SERVICE_CONTROL_POLICY"},
          std::tuple{"rcp-targets", &level.rcp_ids, &level.rcps_known, "RESOURCE_CONTROL_POLICY"}}) {
      Result<std::optional<JsonDocument>> targets =
          read_if_present(dir, fmt::format("organizations/{}/{}.json", sub, level.id), files);
      if (!targets) return targets.error();
      if (!*targets) continue;
      if (Result<void> r = load_targets(**targets, *ids, org, type); !r) return r;
      *known = true;
    }
  }
  for (auto& [id, policy] : org.policies) {
    Result<std::optional<JsonDocument>> content = read_if_present(dir, "organizations/policies/" + id + ".json", files);
    if (!content) return content.error();
    if (*content) {
      if (Result<void> r = load_policy_content(**content, policy, *org.text); !r) return r;
    }
  }
  return {};
}

}  // namespace iamwarden::snapshot
