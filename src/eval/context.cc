// Context map with case-folded keys (spec §4.1: keys are case-insensitive, clashes are ambiguous).
#include "eval/context.h"

#include <fmt/format.h>

namespace iamwarden::eval {

void fold_case_into(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case_into(out, text);
  return out;
}

uint64_t key_hash(std::string_view folded_key) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : folded_key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

Result<void> Context::add(std::string_view key, bool is_list, std::vector<std::string> values) {
  std::string folded = fold_case(key);
  uint64_t hash = key_hash(folded);
  if (const ContextEntry* existing = find(hash, folded)) {
    return Error{ErrorCode::kInvalidInput,
                 fmt::format("context keys \"{}\" and \"{}\" are the same key (keys ignore case)", existing->original, key),
                 {}, "AWS's behaviour with such keys is unpredictable; keep one"};
  }
  entries_.push_back({hash, std::move(folded), std::string(key), is_list, std::move(values)});
  return {};
}

Result<void> Context::set(std::string_view key, std::string value) {
  std::vector<std::string> values;
  values.push_back(std::move(value));
  return add(key, false, std::move(values));
}

Result<void> Context::set_list(std::string_view key, std::vector<std::string> values) {
  return add(key, true, std::move(values));
}

void Context::set_default(std::string_view key, std::string value) {
  if (find(key)) return;
  (void)set(key, std::move(value));
}

const ContextEntry* Context::find(std::string_view key) const {
  std::string folded = fold_case(key);
  return find(key_hash(folded), folded);
}

}  // namespace iamwarden::eval
