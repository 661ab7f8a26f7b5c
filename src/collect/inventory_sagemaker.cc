// SageMaker notebook instances and their execution role: one describe-notebook-instance per notebook.
#include <fmt/format.h>

#include "base/safe_text.h"
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_sagemaker(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"sagemaker", "list-notebook-instances"});
  if (!answer) return;
  const JsonNode* notebooks = answer->root.find("NotebookInstances");
  if (!notebooks || !notebooks->is_array())
    return calls.unexpected({"sagemaker", "list-notebook-instances"}, "no NotebookInstances array");
  for (const JsonNode& n : notebooks->items) {
    std::string name = string_member(n, "NotebookInstanceName");
    if (!is_safe_argument(name, false)) {
      calls.unexpected({"sagemaker", "list-notebook-instances"},
                       fmt::format("\"{}\" is not a notebook instance name", safe_excerpt(name, 80)));
      continue;
    }
    std::optional<JsonDocument> detail =
        calls.call({"sagemaker", "describe-notebook-instance", "--notebook-instance-name", name});
    if (!detail) continue;
    std::string arn = string_member(detail->root, "NotebookInstanceArn");
    if (arn.empty()) arn = string_member(n, "NotebookInstanceArn");
    if (arn.empty()) continue;
    calls.add({"AWS::SageMaker::NotebookInstance", std::move(arn), "", string_member(detail->root, "RoleArn"), "", "",
               {}});
  }
}

}  // namespace iamwarden::collect
