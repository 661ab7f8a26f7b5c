// Evaluator benchmarks: time per decision for small and realistic policy sets, allocations per
// decision (counted by replacing operator new), and parse+compile throughput.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "base/json.h"
#include "eval/evaluator.h"
#include "policy/parser.h"
#include "simulate/simulation_case.h"

namespace {

std::atomic<size_t> g_allocations{0};

}  // namespace

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace {

using namespace iamwarden;

const char* kServices[] = {"s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "kms", "logs", "cloudwatch", "iam"};

// A statement with a realistic mix of actions, resources and conditions.
std::string statement(int i, const char* effect) {
  const char* svc = kServices[i % 10];
  std::string cond;
  switch (i % 4) {
    case 0: cond = R"(,"Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}})"; break;
    case 1: cond = R"(,"Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]},"Bool":{"aws:SecureTransport":"true"}})"; break;
    case 2: cond = R"(,"Condition":{"StringLike":{"aws:PrincipalTag/team":"team-*"},"ForAllValues:StringEquals":{"aws:TagKeys":["env","owner"]}})"; break;
    default: break;
  }
  return fmt::format(R"({{"Sid":"S{}","Effect":"{}","Action":["{}:Get*","{}:List*","{}:Describe{}*"],"Resource":["arn:aws:{}:*:111111111111:res-{}/*","arn:aws:{}:*:111111111111:shared/${{aws:PrincipalTag/team}}/*"]{}}})",
                     i, effect, svc, svc, svc, i, svc, i, svc, cond);
}

std::string policy(int first, int count, const char* effect = "Allow") {
  std::string out = R"({"Version":"2012-10-17","Statement":[)";
  for (int i = 0; i < count; ++i) out += (i ? "," : "") + statement(first + i, effect);
  return out + "]}";
}

constexpr const char* kRequest = R"("request":{"principal":"arn:aws:sts::111111111111:assumed-role/Dev/s1",
  "action":"s3:GetObject","resource":"arn:aws:s3:::data-bucket/reports/q3.csv","resourceAccount":"111111111111",
  "context":{"aws:SourceIp":"203.0.113.7","aws:SecureTransport":"true","aws:RequestedRegion":"eu-west-1",
  "aws:PrincipalTag/team":"team-data","aws:PrincipalArn":"arn:aws:iam::111111111111:role/Dev","aws:TagKeys":["env"],
  "aws:CurrentTime":"2026-11-28T12:00:00Z"}})";

struct Loaded {
  JsonDocument doc;
  simulate::SimulationCase c;
};

std::unique_ptr<Loaded> load(const std::string& policies) {
  auto out = std::make_unique<Loaded>();
  Result<JsonDocument> doc = parse_json("{" + std::string(kRequest) + ",\"policies\":{" + policies + "}}", "bench");
  if (!doc) {
    fmt::print(stderr, "{}\n", doc.error().format());
    std::abort();
  }
  out->doc = doc.take();
  std::vector<Error> errors;
  if (!simulate::load_case(out->doc, out->c, errors)) {
    fmt::print(stderr, "{}\n", errors.front().format());
    std::abort();
  }
  return out;
}

void run_decisions(benchmark::State& state, const Loaded& loaded, eval::Decision expected) {
  size_t before = g_allocations.load();
  for (auto _ : state) {
    eval::Outcome outcome = eval::evaluate(loaded.c.request, loaded.c.set);
    benchmark::DoNotOptimize(outcome);
  }
  size_t allocations = g_allocations.load() - before;
  state.counters["allocs_per_decision"] =
      benchmark::Counter(static_cast<double>(allocations) / static_cast<double>(state.iterations()));
  if (eval::evaluate(loaded.c.request, loaded.c.set).decision != expected) state.SkipWithError("unexpected decision");
}

void BM_SingleStatement(benchmark::State& state) {
  auto loaded = load(R"("identity":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/*"}}])");
  run_decisions(state, *loaded, eval::Decision::kAllowed);
}
BENCHMARK(BM_SingleStatement);

// 10 identity policies (150 statements with conditions), a resource policy, a boundary, 3 SCP levels.
std::string realistic_policies() {
  std::string identity;
  for (int p = 0; p < 10; ++p) identity += (p ? "," : "") + policy(p * 15, 15);
  std::string scp_root = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
  std::string scp_ou = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
    {"Sid":"DenyRegions","Effect":"Deny","NotAction":["iam:*","sts:*","support:*"],"Resource":"*",
     "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}},
    {"Sid":"ProtectTrail","Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"}]})";
  std::string resource = R"({"Version":"2012-10-17","Statement":[
    {"Sid":"Readers","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Dev"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/*"},
    {"Sid":"Tls","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::data-bucket/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
  std::string boundary = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*","dynamodb:*","sqs:*"],"Resource":"*"}})";
  return "\"identity\":[" + identity + R"(,{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/reports/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"team-data"}}}}])" +
         ",\"resource\":" + resource + ",\"permissionBoundary\":" + boundary + ",\"scp\":[[" + scp_root + "],[" + scp_ou +
         "],[" + scp_root + "]]";
}

void BM_RealisticPrincipal(benchmark::State& state) {
  auto loaded = load(realistic_policies());
  run_decisions(state, *loaded, eval::Decision::kAllowed);
}
BENCHMARK(BM_RealisticPrincipal);

void BM_RealisticPrincipalExplained(benchmark::State& state) {
  auto loaded = load(realistic_policies());
  for (auto _ : state) {
    eval::Trace trace;
    benchmark::DoNotOptimize(eval::evaluate(loaded->c.request, loaded->c.set, &trace));
  }
}
BENCHMARK(BM_RealisticPrincipalExplained);

// What the CLI pays for "missing context values" without --explain: a trace without statement text.
void BM_RealisticPrincipalMissingKeys(benchmark::State& state) {
  auto loaded = load(realistic_policies());
  for (auto _ : state) {
    eval::Trace trace;
    trace.record_statements = false;
    benchmark::DoNotOptimize(eval::evaluate(loaded->c.request, loaded->c.set, &trace));
  }
}
BENCHMARK(BM_RealisticPrincipalMissingKeys);

void BM_FiveHundredStatements(benchmark::State& state) {
  // 500 statements, all for s3 so the service index cannot skip them; the last one allows.
  std::string statements;
  for (int i = 0; i < 499; ++i)
    statements += fmt::format(R"({{"Effect":"Allow","Action":["s3:Put{}*","s3:Get{}Tagging"],"Resource":"arn:aws:s3:::bucket-{}/*","Condition":{{"StringEquals":{{"aws:RequestedRegion":"eu-west-1"}}}}}},)", i, i, i);
  statements += R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/*"})";
  auto loaded = load(R"("identity":[{"Version":"2012-10-17","Statement":[)" + statements + "]}]");
  run_decisions(state, *loaded, eval::Decision::kAllowed);
}
BENCHMARK(BM_FiveHundredStatements);

void BM_ParseCompilePerKB(benchmark::State& state) {
  std::string text = policy(0, 40);
  for (auto _ : state) {
    Result<JsonDocument> doc = parse_json(text, "bench");
    policy::ParsedPolicy parsed = policy::parse_policy(*doc, doc->root, "", policy::PolicyKind::kIdentity);
    eval::CompiledPolicy compiled = eval::compile(parsed.policy, "bench");
    benchmark::DoNotOptimize(compiled);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["policy_KB"] = static_cast<double>(text.size()) / 1024.0;
  state.counters["us_per_KB"] = benchmark::Counter(static_cast<double>(text.size()) / 1024.0,
                                                   benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}
BENCHMARK(BM_ParseCompilePerKB);

}  // namespace

BENCHMARK_MAIN();
