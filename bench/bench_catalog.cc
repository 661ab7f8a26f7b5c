// Catalog and lint benchmarks: load the embedded catalog, expand "*", single lookups, lint the AWS-managed set
// and 10,000 generated customer policies.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/managed_policies.h"
#include "lint/linter.h"

namespace {

using iamwarden::catalog::Catalog;

const Catalog& shared_catalog() {
  static const Catalog instance = iamwarden::catalog::load_catalog().take();
  return instance;
}

void BM_LoadEmbeddedCatalog(benchmark::State& state) {
  for (auto _ : state) {
    iamwarden::Result<Catalog> catalog = iamwarden::catalog::load_catalog();
    benchmark::DoNotOptimize(catalog.ok());
  }
}
BENCHMARK(BM_LoadEmbeddedCatalog)->Unit(benchmark::kMillisecond);

void BM_LoadManagedPolicies(benchmark::State& state) {
  for (auto _ : state) {
    auto policies = iamwarden::catalog::load_managed_policies();
    benchmark::DoNotOptimize(policies.ok());
  }
}
BENCHMARK(BM_LoadManagedPolicies)->Unit(benchmark::kMillisecond);

void BM_ExpandStar(benchmark::State& state) {
  const Catalog& catalog = shared_catalog();
  std::vector<uint32_t> out;
  for (auto _ : state) {
    out.clear();
    catalog.expand("*", out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["actions"] = static_cast<double>(out.size());
}
BENCHMARK(BM_ExpandStar)->Unit(benchmark::kMicrosecond);

void BM_ExpandServiceWildcard(benchmark::State& state) {
  const Catalog& catalog = shared_catalog();
  std::vector<uint32_t> out;
  for (auto _ : state) {
    out.clear();
    catalog.expand("ec2:Describe*", out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_ExpandServiceWildcard)->Unit(benchmark::kMicrosecond);

void BM_FindAction(benchmark::State& state) {
  const Catalog& catalog = shared_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(catalog.find_action("S3:GetObject"));
}
BENCHMARK(BM_FindAction);

void BM_ExpandExactAction(benchmark::State& state) {
  const Catalog& catalog = shared_catalog();
  std::vector<uint32_t> out;
  for (auto _ : state) {
    out.clear();
    catalog.expand("iam:PassRole", out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_ExpandExactAction);

void BM_FindConditionKey(benchmark::State& state) {
  const Catalog& catalog = shared_catalog();
  for (auto _ : state) benchmark::DoNotOptimize(catalog.find_key("s3:ExistingObjectTag/owner"));
}
BENCHMARK(BM_FindConditionKey);

void BM_LintAwsManagedPolicies(benchmark::State& state) {
  static const iamwarden::catalog::ManagedPolicies policies = iamwarden::catalog::load_managed_policies().take();
  iamwarden::lint::LintOptions options{iamwarden::policy::PolicyKind::kIdentity, &shared_catalog(), true, {}, {}};
  size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const iamwarden::catalog::ManagedPolicy& p : policies.all())
      findings += iamwarden::lint::lint_text(p.document, p.arn, options).findings.size();
  }
  state.counters["policies"] = static_cast<double>(policies.all().size());
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_LintAwsManagedPolicies)->Unit(benchmark::kMillisecond);

// Customer-style policies: a few statements mixing exact actions, wildcards, ARNs and conditions.
std::vector<std::string> generated_policies(size_t count) {
  const Catalog& catalog = shared_catalog();
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const iamwarden::catalog::Action& a = catalog.actions()[(i * 7919) % catalog.actions().size()];
    const iamwarden::catalog::Action& b = catalog.actions()[(i * 104729) % catalog.actions().size()];
    out.push_back(fmt::format(
        R"({{"Version":"2012-10-17","Statement":[{{"Sid":"Read{0}","Effect":"Allow","Action":["{1}","{2}","s3:Get*"],)"
        R"("Resource":["arn:aws:s3:::bucket-{0}/*","arn:aws:s3:::bucket-{0}"],"Condition":{{"StringEquals":)"
        R"({{"aws:PrincipalOrgID":"o-abc{0}"}},"IpAddress":{{"aws:SourceIp":"203.0.113.0/24"}}}}}},)"
        R"({{"Sid":"Deny{0}","Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{{"Bool":)"
        R"({{"aws:SecureTransport":"false"}}}}}}]}})",
        i, catalog.full_name(a), catalog.full_name(b)));
  }
  return out;
}

void BM_LintGeneratedCustomerPolicies(benchmark::State& state) {
  static const std::vector<std::string> policies = generated_policies(10000);
  iamwarden::lint::LintOptions options{iamwarden::policy::PolicyKind::kIdentity, &shared_catalog(), false, {}, {}};
  for (auto _ : state) {
    size_t findings = 0;
    for (const std::string& p : policies) findings += iamwarden::lint::lint_text(p, "generated.json", options).findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["policies"] = static_cast<double>(policies.size());
}
BENCHMARK(BM_LintGeneratedCustomerPolicies)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
