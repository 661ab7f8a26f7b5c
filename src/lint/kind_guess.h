// Guessing what kind of policy a document is, to point out a likely wrong --type.
#pragma once

#include <optional>

#include "base/json.h"
#include "policy/document.h"

namespace iamwarden::lint {

/// kTrust for role trust policies (principals, only sts:AssumeRole*-style actions, no Resource), kResource for
/// other documents with principals, kIdentity for documents without; nullopt when unclear.
std::optional<policy::PolicyKind> guess_policy_kind(const JsonNode& policy);

/// True when a document guessed as `guessed` does not fit being linted as `kind`.
bool kind_mismatch(policy::PolicyKind kind, policy::PolicyKind guessed);

}  // namespace iamwarden::lint
