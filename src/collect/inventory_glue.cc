// Glue development endpoints (RoleArn) and jobs (Role: a name or an ARN).
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_glue(InventoryCalls& calls) {
  if (std::optional<JsonDocument> answer = calls.call({"glue", "get-dev-endpoints"})) {
    const JsonNode* endpoints = answer->root.find("DevEndpoints");
    if (!endpoints || !endpoints->is_array()) {
      calls.unexpected({"glue", "get-dev-endpoints"}, "no DevEndpoints array");
    } else {
      for (const JsonNode& e : endpoints->items) {
        std::string name = string_member(e, "EndpointName");
        if (name.empty()) continue;
        calls.add({"AWS::Glue::DevEndpoint", calls.arn("glue", "devEndpoint/" + name), "",
                   calls.role_arn(string_member(e, "RoleArn")), "", "", {}});
      }
    }
  }
  if (std::optional<JsonDocument> answer = calls.call({"glue", "get-jobs"})) {
    const JsonNode* jobs = answer->root.find("Jobs");
    if (!jobs || !jobs->is_array()) return calls.unexpected({"glue", "get-jobs"}, "no Jobs array");
    for (const JsonNode& j : jobs->items) {
      std::string name = string_member(j, "Name");
      if (name.empty()) continue;
      calls.add({"AWS::Glue::Job", calls.arn("glue", "job/" + name), "", calls.role_arn(string_member(j, "Role")), "",
                 "", {}});
    }
  }
}

}  // namespace iamwarden::collect
