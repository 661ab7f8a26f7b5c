// The lint rule registry: a function-local static filled by the rules' static initialisers.
#include <algorithm>
#include <atomic>
#include <mutex>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

struct Registry {
  std::vector<LintRule> rules;
  std::vector<const LintMeta*> by_code;  // every code's metadata, sorted by code (findings look theirs up)
  std::atomic<bool> ready{false};        // rules sorted and by_code built; rules register before main
  std::mutex mutex;                      // lint runs on several threads: the first lookup indexes once
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

std::string source_file_stem(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  size_t dot = path.find('.');
  return std::string(path.substr(0, dot));
}

bool register_lint_rule(std::string_view name, LintFunction run, std::initializer_list<LintMeta> codes,
                        const char* registering_file) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.rules.push_back(LintRule{std::string(name), registering_file, std::vector<LintMeta>(codes), run});
  r.ready.store(false, std::memory_order_release);
  return true;
}

namespace {

// Sorts the rules and indexes the codes once, on the first lookup after registration.
Registry& indexed_registry() {
  Registry& r = registry();
  if (r.ready.load(std::memory_order_acquire)) return r;
  std::lock_guard lock(r.mutex);
  if (r.ready.load(std::memory_order_relaxed)) return r;
  std::sort(r.rules.begin(), r.rules.end(), [](const LintRule& a, const LintRule& b) { return a.name < b.name; });
  r.by_code.clear();
  for (const LintRule& rule : r.rules)
    for (const LintMeta& meta : rule.codes) r.by_code.push_back(&meta);
  std::sort(r.by_code.begin(), r.by_code.end(), [](const LintMeta* a, const LintMeta* b) { return a->code < b->code; });
  r.ready.store(true, std::memory_order_release);
  return r;
}

}  // namespace

std::span<const LintRule> lint_rules() { return indexed_registry().rules; }

const LintMeta* find_lint_code(std::string_view code) {
  const std::vector<const LintMeta*>& by_code = indexed_registry().by_code;
  auto it = std::lower_bound(by_code.begin(), by_code.end(), code,
                             [](const LintMeta* meta, std::string_view c) { return meta->code < c; });
  return it != by_code.end() && (*it)->code == code ? *it : nullptr;
}

std::vector<const LintMeta*> all_lint_codes() { return indexed_registry().by_code; }

}  // namespace iamwarden::lint
