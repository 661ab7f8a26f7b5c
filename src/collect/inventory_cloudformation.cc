// CloudFormation stacks and their service role (RoleARN: the role the stack's changes are made as).
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_cloudformation(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"cloudformation", "describe-stacks"});
  if (!answer) return;
  const JsonNode* stacks = answer->root.find("Stacks");
  if (!stacks || !stacks->is_array()) return calls.unexpected({"cloudformation", "describe-stacks"}, "no Stacks array");
  for (const JsonNode& s : stacks->items) {
    std::string arn = string_member(s, "StackId");
    if (arn.empty()) continue;
    calls.add({"AWS::CloudFormation::Stack", std::move(arn), "", string_member(s, "RoleARN"), "", "",
               tag_list(s.find("Tags"))});
  }
}

}  // namespace iamwarden::collect
