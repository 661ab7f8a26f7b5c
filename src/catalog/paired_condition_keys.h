// Condition keys that are only safe next to another key (data/paired-condition-keys.json), e.g. an
// OIDC audience without the subject. `lint` reports them as missing_paired_condition_keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden::catalog {

/// When a pair applies beyond its key being used.
enum class PairCondition : uint8_t {
  kAlways,             ///< whenever the key is used
  kArnWithoutAccount,  ///< when a value is an ARN with no account (or a wildcard in it)
};

/// One key and the keys it should be paired with.
struct PairedConditionKey {
  std::string key;                       ///< a key name, '*' wildcards allowed, compared ignoring case
  PairCondition when = PairCondition::kAlways;
  std::vector<std::string> recommended;  ///< any one suffices; "${provider}" is the key's text before its last ':'
  std::string why;                       ///< why the key alone is not enough
};

/// Parses format 1 (data/README.md). Errors name the file and the JSON pointer of the problem.
Result<std::vector<PairedConditionKey>> paired_condition_keys_from_json(std::string_view json, std::string_view file);

/// data/paired-condition-keys.json: from data_dir when it is not empty, else the embedded copy.
Result<std::vector<PairedConditionKey>> load_paired_condition_keys(const std::string& data_dir = "");

}  // namespace iamwarden::catalog
