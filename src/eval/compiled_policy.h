// The compiled, immutable form of a policy: everything parsed once so evaluation is cheap.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eval/arn.h"
#include "eval/pattern.h"
#include "policy/document.h"
#include "policy/values.h"

namespace iamwarden::eval {

/// One Action/NotAction item: lower-cased service prefix and name pattern.
struct CompiledAction {
  bool any = false;      ///< "*"
  uint64_t service_hash = 0;
  std::string service;   ///< lower case, no wildcards
  Pattern name;          ///< lower case
};

/// One condition value, pre-parsed for its operator family. A value that failed to parse never
/// compares equal (spec §4.4).
struct ConditionValue {
  std::string raw;                         ///< as written
  Pattern text;                            ///< String/ARN/Bool values (variables located)
  std::optional<long double> number;
  std::optional<int64_t> date_millis;
  std::optional<policy::IpNetwork> ip;
  std::optional<bool> boolean;
  std::optional<std::string> bytes;        ///< BinaryEquals
};

struct CompiledCondition {
  policy::ConditionOperator op;
  std::string op_name;        ///< as written
  std::string key;            ///< as written
  std::string folded_key;
  uint64_t key_hash = 0;
  std::vector<ConditionValue> values;
};

/// A principal named in Principal/NotPrincipal, classified once.
struct CompiledPrincipal {
  enum class Kind : uint8_t {
    kAny,            ///< "*" / {"AWS": "*"}
    kAccount,        ///< "123456789012" or arn:...:iam::123456789012:root
    kUser,           ///< arn:...:iam::A:user/path/name
    kRole,           ///< arn:...:iam::A:role/path/name
    kAssumedRole,    ///< arn:...:sts::A:assumed-role/name/session
    kFederatedUser,  ///< arn:...:sts::A:federated-user/name
    kService,        ///< {"Service": "s3.amazonaws.com"}
    kFederated,      ///< {"Federated": provider}
    kOther,          ///< canonical user ids, unique ids (AIDA...), anything else: matched literally
  };
  Kind kind = Kind::kOther;
  std::string value;      ///< as written
  std::string partition;  ///< ARN forms
  std::string account;    ///< account id for ARN and account forms
  std::string name;       ///< role name (last path segment) for kRole
};

struct CompiledStatement {
  // Fields read on every evaluation come first, so a statement's hot part shares cache lines.
  policy::Effect effect = policy::Effect::kAllow;
  bool not_action = false;
  policy::ElementMode resource_mode = policy::ElementMode::kAbsent;
  policy::ElementMode principal_mode = policy::ElementMode::kAbsent;
  uint32_t index = 0;
  std::vector<CompiledAction> actions;
  std::vector<ResourcePattern> resources;
  std::vector<CompiledCondition> conditions;
  std::vector<CompiledPrincipal> principals;
  std::string sid;
  std::string pointer;

  /// "Sid" or "#index" for messages.
  std::string label() const { return sid.empty() ? "#" + std::to_string(index) : sid; }
};

/// A compiled policy. Immutable after compile(); safe to share between threads.
struct CompiledPolicy {
  policy::PolicyKind kind = policy::PolicyKind::kIdentity;
  policy::Version version = policy::Version::k2008_10_17;
  std::string name;  ///< where it came from, for traces
  std::vector<CompiledStatement> statements;

  /// Statement indexes by lower-cased service prefix; `always` holds statements that may match
  /// any service ("*" or NotAction). Each list is sorted.
  struct ServiceIndex {
    uint64_t hash = 0;
    std::string service;
    std::vector<uint32_t> statements;
  };
  std::vector<ServiceIndex> by_service;  ///< sorted by hash
  std::vector<uint32_t> always;

  /// Statements that could match an action of this service (hash from key_hash), in policy order.
  template <class F>
  void for_candidates(uint64_t service_hash, std::string_view service, F&& f) const;
};

/// Options of compilation (spec §10 switches that affect the compiled form).
struct CompileOptions {
  /// Short Resource ARNs in identity-like policies act as if padded with '*' (peer behaviour).
  bool pad_short_arns_in_identity = true;
};

/// True when the statement's Action/NotAction covers the action (service and name lower case).
/// Inline: the evaluator calls it for every candidate statement.
inline bool statement_matches_action(const CompiledStatement& statement, uint64_t service_hash,
                                     std::string_view service, std::string_view action_name) {
  bool any = false;
  for (const CompiledAction& a : statement.actions) {
    if (a.any || (a.service_hash == service_hash && a.service == service && a.name.match_plain(action_name))) {
      any = true;
      break;
    }
  }
  return any != statement.not_action;
}

/// Compiles a parsed policy. The policy must have parsed without errors.
CompiledPolicy compile(const policy::Policy& policy, std::string name, const CompileOptions& options = {});

template <class F>
void CompiledPolicy::for_candidates(uint64_t service_hash, std::string_view service, F&& f) const {
  const std::vector<uint32_t>* bucket = nullptr;
  size_t lo = 0, hi = by_service.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (by_service[mid].hash < service_hash) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < by_service.size() && by_service[lo].hash == service_hash; ++lo) {
    if (by_service[lo].service == service) {
      bucket = &by_service[lo].statements;
      break;
    }
  }
  size_t a = 0, b = 0;
  const size_t na = always.size(), nb = bucket ? bucket->size() : 0;
  while (a < na || b < nb) {
    if (b >= nb || (a < na && always[a] < (*bucket)[b])) f(statements[always[a++]]);
    else f(statements[(*bucket)[b++]]);
  }
}

}  // namespace iamwarden::eval
