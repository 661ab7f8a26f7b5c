// IAM Access Analyzer: the analyzers of each region.
#include <fmt/format.h>

#include "collect/session.h"

namespace iamwarden::collect {

void add_access_analyzer_tasks(Session& session, const std::vector<std::string>& regions, Tasks& tasks) {
  for (const std::string& region : regions) {
    tasks.push_back([&session, &region] {
      session.fetch(fmt::format("access-analyzers/{}.json", region), {"accessanalyzer", "list-analyzers"}, region);
    });
  }
}

}  // namespace iamwarden::collect
