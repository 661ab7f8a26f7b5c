// ECS task definitions (active revisions) with their task and execution roles: one
// describe-task-definition each. Services and clusters are not listed: a service runs a task
// definition, whose roles are what matters.
#include <fmt/format.h>

#include "base/safe_text.h"
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_ecs(InventoryCalls& calls) {
  const std::vector<std::string> list_args{"ecs", "list-task-definitions", "--status", "ACTIVE"};
  std::optional<JsonDocument> answer = calls.call(list_args);
  if (!answer) return;
  const JsonNode* arns = answer->root.find("taskDefinitionArns");
  if (!arns || !arns->is_array()) return calls.unexpected(list_args, "no taskDefinitionArns array");
  for (const JsonNode& arn : arns->items) {
    if (!arn.is_string() || !is_safe_argument(arn.text, true)) {
      calls.unexpected(list_args, fmt::format("\"{}\" is not a task definition ARN", safe_excerpt(arn.text, 80)));
      continue;
    }
    std::optional<JsonDocument> detail =
        calls.call({"ecs", "describe-task-definition", "--task-definition", arn.text, "--include", "TAGS"});
    if (!detail) continue;
    const JsonNode* task = detail->root.find("taskDefinition");
    if (!task || !task->is_object()) {
      calls.unexpected({"ecs", "describe-task-definition"}, "no taskDefinition object");
      continue;
    }
    calls.add({"AWS::ECS::TaskDefinition", arn.text, "", string_member(*task, "taskRoleArn"),
               string_member(*task, "executionRoleArn"), "", tag_list(detail->root.find("tags"), "key", "value")});
  }
}

}  // namespace iamwarden::collect
