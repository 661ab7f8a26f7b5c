// Lambda functions and the role each runs as (list-functions gives Role; tags need a call per function: not read).
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_lambda(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"lambda", "list-functions"}, "Functions");
  if (!answer) return;
  const JsonNode* functions = answer->root.find("Functions");
  if (!functions || !functions->is_array()) return calls.unexpected({"lambda", "list-functions"}, "no Functions array");
  for (const JsonNode& f : functions->items) {
    std::string arn = string_member(f, "FunctionArn");
    if (arn.empty()) continue;
    calls.add({"AWS::Lambda::Function", std::move(arn), "", string_member(f, "Role"), "", "", {}});
  }
}

}  // namespace iamwarden::collect
