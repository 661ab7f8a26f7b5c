// bench_audit DIR [--repeat N]: `iamwarden audit` over a snapshot, timed by phase (load, audit,
// JSON report) — for a single account (about 1 MB) and the organisation-sized gen_snapshot output.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

#include "audit/audit.h"
#include "audit/report.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "escalation/method.h"
#include "snapshot/snapshot.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_audit DIR [--repeat N]\n  (make one with gen_snapshot DIR [--scale F])\n");
    return 2;
  }
  int repeat = argc > 3 && std::string(argv[2]) == "--repeat" ? std::max(1, std::atoi(argv[3])) : 1;
  namespace iw = iamwarden;
  double best_load = 1e9, best_audit = 1e9, best_report = 1e9;
  size_t results = 0, failures = 0;
  for (int i = 0; i < repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    iw::Result<iw::catalog::Catalog> catalog = iw::catalog::load_catalog();
    iw::Result<std::vector<iw::audit::Framework>> frameworks = iw::audit::load_frameworks();
    iw::Result<iw::catalog::CallerRestrictions> restrictions = iw::catalog::load_caller_restrictions();
    iw::Result<iw::escalation::MethodCatalog> methods = iw::escalation::MethodCatalog::load();
    iw::Result<iw::snapshot::Account> account = iw::snapshot::load_with_builtin_policies(argv[1], "", "");
    if (!catalog || !frameworks || !restrictions || !methods || !account) {
      fmt::print(stderr, "error: loading failed\n");
      return 3;
    }
    best_load = std::min(best_load, seconds_since(start));
    start = std::chrono::steady_clock::now();
    iw::audit::AuditOptions options;
    options.catalog = &*catalog;
    options.restrictions = &*restrictions;  // the per-principal escalation check builds the paths graph
    options.methods = &*methods;
    options.frameworks = &*frameworks;
    iw::audit::AuditReport report = iw::audit::run_audit(*account, iw::audit::AuditConfig{}, options);
    best_audit = std::min(best_audit, seconds_since(start));
    start = std::chrono::steady_clock::now();
    std::string json = iw::audit::render_json(report, {});
    best_report = std::min(best_report, seconds_since(start));
    results = report.results.size();
    failures = report.counts.fail;
  }
  fmt::print("snapshot        {}\n", argv[1]);
  fmt::print("results         {} ({} failing)\n", results, failures);
  fmt::print("load            {:.3f} s (catalog, frameworks, snapshot)\n", best_load);
  fmt::print("audit           {:.3f} s (policy analysis + {} checks)\n", best_audit, iw::audit::all_checks().size());
  fmt::print("json report     {:.3f} s\n", best_report);
  fmt::print("total           {:.3f} s (best of {})\n", best_load + best_audit + best_report, repeat);
  return 0;
}
