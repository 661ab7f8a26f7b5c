// bench_paths DIR [--threads N]: `iamwarden paths` over a large snapshot — building the escalation
// graph and every principal's shortest path to administrator — with its peak memory.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "escalation/graph.h"
#include "snapshot/snapshot.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace iamwarden;
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_paths DIR [--threads N]\n  (make one with gen_snapshot DIR)\n");
    return 2;
  }
  unsigned threads = 0;
  if (argc > 3 && std::string(argv[2]) == "--threads") threads = static_cast<unsigned>(std::atoi(argv[3]));
  auto start = std::chrono::steady_clock::now();
  Result<catalog::Catalog> catalog = catalog::load_catalog();
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions();
  Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load();
  Result<snapshot::Account> account = snapshot::load_with_builtin_policies(argv[1], "", "");
  if (!catalog || !restrictions || !methods || !account) {
    fmt::print(stderr, "error: could not load the data or the snapshot\n");
    return 3;
  }
  const double load_s = seconds_since(start);
  const double load_mib = peak_mib();
  start = std::chrono::steady_clock::now();
  escalation::Options options;
  options.threads = threads;
  escalation::Graph graph = escalation::find_paths(*account, *catalog, *restrictions, *methods, options);
  const double paths_s = seconds_since(start);
  size_t admins = 0, reach = 0, conditional = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    admins += graph.nodes[i].depth == 0;
    if (graph.nodes[i].depth > 0) {
      ++reach;
      conditional += graph.conditional(i);
    }
  }
  fmt::print("snapshot        {} ({} users, {} roles, {} managed policies)\n", argv[1], account->iam.users.size(),
             account->iam.roles.size(), account->iam.policies.size());
  fmt::print("load            {:.2f} s (catalog, methods, snapshot); peak {:.0f} MiB\n", load_s, load_mib);
  fmt::print("paths           {:.2f} s for {} principals ({} could act, {} requests decided)\n", paths_s,
             graph.stats.principals, graph.stats.candidates, graph.stats.requests);
  fmt::print("answers         {} administrators, {} reach admin ({} conditional)\n", admins, reach, conditional);
  fmt::print("peak memory     {:.0f} MiB (after load: {:.0f} MiB)\n", peak_mib(), load_mib);
  return 0;
}
