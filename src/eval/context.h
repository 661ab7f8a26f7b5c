// The request context: condition keys (case-insensitive) mapped to single values or lists.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden::eval {

/// ASCII lower-case copy; condition keys and action names compare ignoring case.
std::string fold_case(std::string_view text);
/// The same into an existing string, reusing its storage (no allocation once it is large enough).
void fold_case_into(std::string& out, std::string_view text);

/// Hash of a key already folded to lower case (FNV-1a), computed once at compile time.
uint64_t key_hash(std::string_view folded_key);

/// One context entry; a list may be empty (a present but empty multivalued key).
struct ContextEntry {
  uint64_t hash = 0;
  std::string key;       ///< folded
  std::string original;  ///< as given, for traces
  bool is_list = false;
  std::vector<std::string> values;
};

/// Context keys of a request. Lookups do not allocate.
class Context {
 public:
  /// Adds a single-valued key; fails when a key equal under case folding is already present.
  Result<void> set(std::string_view key, std::string value);
  /// Adds a multivalued key.
  Result<void> set_list(std::string_view key, std::vector<std::string> values);
  /// Adds or replaces a single-valued key only when absent (used for derived keys).
  void set_default(std::string_view key, std::string value);

  /// The entry for a folded key with its precomputed hash, or nullptr when absent.
  const ContextEntry* find(uint64_t hash, std::string_view folded_key) const {
    for (const ContextEntry& e : entries_)
      if (e.hash == hash && e.key == folded_key) return &e;
    return nullptr;
  }
  const ContextEntry* find(std::string_view key) const;
  const std::vector<ContextEntry>& entries() const { return entries_; }

 private:
  Result<void> add(std::string_view key, bool is_list, std::vector<std::string> values);
  std::vector<ContextEntry> entries_;
};

}  // namespace iamwarden::eval
