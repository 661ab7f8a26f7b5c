// bench_access DIR [--threads N]: `iamwarden access --all --admin` over a large snapshot — how long
// deciding "is this principal an administrator?" takes for every user and role, and how many
// distinct policy sets the sharing between principals left to evaluate.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "access/effective.h"
#include "catalog/catalog.h"
#include "snapshot/snapshot.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_access DIR [--threads N]\n  (make one with gen_snapshot DIR)\n");
    return 2;
  }
  unsigned threads = 0;
  if (argc > 3 && std::string(argv[2]) == "--threads") threads = static_cast<unsigned>(std::atoi(argv[3]));
  auto start = std::chrono::steady_clock::now();
  iamwarden::Result<iamwarden::catalog::Catalog> catalog = iamwarden::catalog::load_catalog();
  iamwarden::Result<iamwarden::snapshot::Account> account = iamwarden::snapshot::load_with_builtin_policies(argv[1], "", "");
  if (!catalog || !account) {
    fmt::print(stderr, "error: {}\n", (!catalog ? catalog.error() : account.error()).format());
    return 3;
  }
  double load_s = seconds_since(start);
  {
    // Setup alone: gathering, parsing and bounding every principal's policies (no evaluation).
    start = std::chrono::steady_clock::now();
    iamwarden::access::PolicyCache cache;
    size_t n = 0;
    for (const auto& u : account->iam.users) n += iamwarden::access::principal_access(*account, u.arn, cache).ok();
    for (const auto& r : account->iam.roles) n += iamwarden::access::principal_access(*account, r.arn, cache).ok();
    fmt::print("setup           {:.2f} s for {} principals, one thread (gather, parse, bound, compile)\n",
               seconds_since(start), n);
  }
  start = std::chrono::steady_clock::now();
  iamwarden::access::AdminStats stats;
  std::vector<iamwarden::access::AdminAnswer> answers =
      iamwarden::access::admin_for_all(*account, *catalog, threads, &stats);
  double admin_s = seconds_since(start);
  size_t admins = 0, conditional = 0;
  for (const auto& a : answers) {
    admins += a.admin == iamwarden::access::Grant::kAllowed;
    conditional += a.admin == iamwarden::access::Grant::kConditional;
  }
  fmt::print("snapshot        {} ({} users, {} roles, {} managed policies)\n", argv[1], account->iam.users.size(),
             account->iam.roles.size(), account->iam.policies.size());
  fmt::print("load            {:.2f} s (catalog + snapshot)\n", load_s);
  fmt::print("admin for all   {:.2f} s for {} principals ({:.0f} principals/s)\n", admin_s, stats.principals,
             static_cast<double>(stats.principals) / admin_s);
  fmt::print("policy sets     {} evaluated, {} answers reused\n", stats.evaluated_sets,
             stats.principals - stats.evaluated_sets);
  fmt::print("answers         {} admin, {} conditional admin, {} not admin\n", admins, conditional,
             answers.size() - admins - conditional);
  return 0;
}
