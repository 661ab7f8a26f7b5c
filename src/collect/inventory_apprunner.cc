// App Runner services and their instance role: list-services (paged by hand: the CLI does not),
// then one describe-service each.
#include <fmt/format.h>

#include "base/safe_text.h"
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_apprunner(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"apprunner", "list-services"}, "ServiceSummaryList");
  if (!answer) return;
  const JsonNode* services = answer->root.find("ServiceSummaryList");
  if (!services || !services->is_array())
    return calls.unexpected({"apprunner", "list-services"}, "no ServiceSummaryList array");
  for (const JsonNode& s : services->items) {
    std::string arn = string_member(s, "ServiceArn");
    if (!is_safe_argument(arn, true)) {
      calls.unexpected({"apprunner", "list-services"}, fmt::format("\"{}\" is not a service ARN", safe_excerpt(arn, 80)));
      continue;
    }
    std::optional<JsonDocument> detail = calls.call({"apprunner", "describe-service", "--service-arn", arn});
    if (!detail) continue;
    const JsonNode* service = detail->root.find("Service");
    const JsonNode* config = service ? service->find("InstanceConfiguration") : nullptr;
    if (!service || !service->is_object()) {
      calls.unexpected({"apprunner", "describe-service"}, "no Service object");
      continue;
    }
    calls.add({"AWS::AppRunner::Service", std::move(arn), "",
               config ? string_member(*config, "InstanceRoleArn") : std::string(), "", "", {}});
  }
}

}  // namespace iamwarden::collect
