// The check registry: a function-local static filled by IAMWARDEN_REGISTER_CHECK before main runs.
#include <algorithm>
#include <vector>

#include "audit/check.h"

namespace iamwarden::audit {
namespace {

std::vector<Check>& registry() {
  static std::vector<Check> checks;
  return checks;
}

bool& sorted() {
  static bool flag = false;
  return flag;
}

}  // namespace

bool register_check(const CheckMeta& meta, CheckFunction run, const char* registering_file) {
  registry().push_back(Check{&meta, run, registering_file});
  sorted() = false;
  return true;
}

std::span<const Check> all_checks() {
  std::vector<Check>& checks = registry();
  if (!sorted()) {
    std::sort(checks.begin(), checks.end(), [](const Check& a, const Check& b) { return a.meta->id < b.meta->id; });
    sorted() = true;
  }
  return checks;
}

const Check* find_check(std::string_view id) {
  std::span<const Check> checks = all_checks();
  auto it = std::lower_bound(checks.begin(), checks.end(), id,
                             [](const Check& c, std::string_view v) { return c.meta->id < v; });
  return it != checks.end() && it->meta->id == id ? &*it : nullptr;
}

}  // namespace iamwarden::audit
