// CodeBuild projects and their service role: list-projects, then batch-get-projects 100 at a time.
#include <fmt/format.h>

#include <algorithm>

#include "base/safe_text.h"
#include "collect/inventory.h"

namespace iamwarden::collect {

void inventory_codebuild(InventoryCalls& calls) {
  std::optional<JsonDocument> answer = calls.call({"codebuild", "list-projects"});
  if (!answer) return;
  const JsonNode* names = answer->root.find("projects");
  if (!names || !names->is_array()) return calls.unexpected({"codebuild", "list-projects"}, "no projects array");
  constexpr size_t kBatch = 100;  // the API's limit per batch-get-projects
  for (size_t start = 0; start < names->items.size(); start += kBatch) {
    std::vector<std::string> args{"codebuild", "batch-get-projects", "--names"};
    for (size_t i = start; i < std::min(names->items.size(), start + kBatch); ++i) {
      const JsonNode& name = names->items[i];
      if (name.is_string() && is_safe_argument(name.text, false)) args.push_back(name.text);
      else calls.unexpected({"codebuild", "list-projects"},
                            fmt::format("projects[{}] is not a project name: \"{}\"", i, safe_excerpt(name.text, 80)));
    }
    if (args.size() == 3) continue;
    std::optional<JsonDocument> batch = calls.call(args);
    if (!batch) continue;
    const JsonNode* projects = batch->root.find("projects");
    if (!projects || !projects->is_array()) {
      calls.unexpected({"codebuild", "batch-get-projects"}, "no projects array");
      continue;
    }
    for (const JsonNode& p : projects->items) {
      std::string arn = string_member(p, "arn");
      if (arn.empty()) continue;
      calls.add({"AWS::CodeBuild::Project", std::move(arn), "", string_member(p, "serviceRole"), "", "",
                 tag_list(p.find("tags"), "key", "value")});
    }
  }
}

}  // namespace iamwarden::collect
