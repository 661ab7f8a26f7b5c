// Framework parameters: the names the compliance files use (AWS Config rule parameters such as
// MinimumPasswordLength or maxCredentialUsageAge) and the configuration setting each one changes.
// A framework requirement runs its checks with the configuration its parameters give; a check
// declares the parameters it honours in CheckMeta::parameters.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/config.h"

namespace iamwarden::audit {

/// One parameter: its name, the setting it maps to, and how to set and read it.
struct ParameterDef {
  std::string_view name;        ///< as in data/compliance/*.json ("MinimumPasswordLength")
  std::string_view setting;     ///< what it sets, for documentation ("password_policy.minimum_length")
  std::string_view values;      ///< accepted values, for messages ("an integer from 6 to 128")
  /// Sets the value; returns false when the value is not one of `values`.
  bool (*apply)(AuditConfig& config, std::string_view value);
  /// The configuration's current value as text (to tell parameter sets apart).
  std::string (*read)(const AuditConfig& config);
};

/// Every known parameter, sorted by name.
std::span<const ParameterDef> all_parameters();

/// A parameter by name (exact, case-sensitive as in AWS Config), or nullptr.
const ParameterDef* find_parameter(std::string_view name);

/// The configuration a framework requirement evaluates with: `base` with each known parameter
/// applied. Frameworks report password-policy failures whether or not users have passwords.
/// Unknown names are ignored (the loader and tests keep them out of automated requirements).
AuditConfig parameterized_config(const AuditConfig& base,
                                 std::span<const std::pair<std::string, std::string>> parameters);

/// "name=value;..." over the parameters a check honours, read from `config`: two configurations
/// with the same key give the check the same findings.
std::string parameter_key(std::span<const std::string_view> honoured, const AuditConfig& config);

}  // namespace iamwarden::audit
