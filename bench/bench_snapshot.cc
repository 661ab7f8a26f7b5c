// bench_snapshot FILE|DIR: load speed (MB/s) and peak memory of the snapshot loader on a large dump.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "snapshot/snapshot.h"
#include "snapshot/summary.h"

namespace {

// Peak resident set size so far, in MB (VmHWM).
double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_snapshot FILE|DIR [--parse-policies]\n  (make one with gen_snapshot DIR)\n");
    return 2;
  }
  std::string path = argv[1];
  bool parse_policies = argc > 2 && std::string(argv[2]) == "--parse-policies";
  namespace fs = std::filesystem;
  std::string gaad = fs::is_directory(path) ? (fs::path(path) / "authorization-details.json").string() : path;
  std::error_code ec;
  double mb = static_cast<double>(fs::file_size(gaad, ec)) / 1e6;
  double rss_before = peak_rss_mb();
  auto start = std::chrono::steady_clock::now();
  iamwarden::Result<iamwarden::snapshot::Account> account =
      fs::is_directory(path) ? iamwarden::snapshot::load_snapshot(path) : iamwarden::snapshot::load_gaad_snapshot(path);
  double load_s = seconds_since(start);
  if (!account) {
    fmt::print(stderr, "error: {}\n", account.error().format());
    return 3;
  }
  double rss_after = peak_rss_mb();
  fmt::print("file            {} ({:.1f} MB)\n", gaad, mb);
  fmt::print("entities        {} users, {} groups, {} roles, {} managed policies\n", account->iam.users.size(),
             account->iam.groups.size(), account->iam.roles.size(), account->iam.policies.size());
  fmt::print("load            {:.3f} s, {:.0f} MB/s\n", load_s, mb / load_s);
  fmt::print("peak RSS        {:.0f} MB ({:.2f}x the file; {:.0f} MB before loading)\n", rss_after, rss_after / mb,
             rss_before);
  if (parse_policies) {
    start = std::chrono::steady_clock::now();
    iamwarden::snapshot::Summary summary = iamwarden::snapshot::summarize(*account);
    double parse_s = seconds_since(start);
    fmt::print("parse policies  {} documents in {:.3f} s ({:.0f} documents/s), {} invalid\n", summary.documents,
               parse_s, static_cast<double>(summary.documents) / parse_s, summary.invalid_documents.size());
    fmt::print("peak RSS        {:.0f} MB after parsing\n", peak_rss_mb());
  }
  return 0;
}
