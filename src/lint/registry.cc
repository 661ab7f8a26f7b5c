// The lint rule registry: a function-local static filled by the rules' static initialisers.
#include <algorithm>
#include <mutex>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

struct Registry {
  std::vector<LintRule> rules;
  bool sorted = false;
  std::mutex mutex;  // lint runs on several threads: the first lookups sort once
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
  r.sorted = false;
  return true;
}

std::span<const LintRule> lint_rules() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  if (!r.sorted) {
    std::sort(r.rules.begin(), r.rules.end(), [](const LintRule& a, const LintRule& b) { return a.name < b.name; });
    r.sorted = true;
  }
  return r.rules;
}

const LintMeta* find_lint_code(std::string_view code) {
  for (const LintRule& rule : lint_rules())
    for (const LintMeta& meta : rule.codes)
      if (meta.code == code) return &meta;
  return nullptr;
}

std::vector<const LintMeta*> all_lint_codes() {
  std::vector<const LintMeta*> out;
  for (const LintRule& rule : lint_rules())
    for (const LintMeta& meta : rule.codes) out.push_back(&meta);
  std::sort(out.begin(), out.end(), [](const LintMeta* a, const LintMeta* b) { return a->code < b->code; });
  return out;
}

}  // namespace iamwarden::lint
