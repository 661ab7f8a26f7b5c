// Deciding what kind of policy a document is when --type does not say: from the wrapper it came in
// (find_policy's hint) or from its statements.
#pragma once

#include <optional>
#include <string>

#include "base/json.h"
#include "policy/document.h"

namespace iamwarden::lint {

/// A kind decided from the document, and the evidence in words.
struct KindGuess {
  policy::PolicyKind kind = policy::PolicyKind::kIdentity;
  std::string why;     ///< "every statement names a Principal", ...
  bool mixed = false;  ///< the evidence pointed both ways; `kind` is the one that errs least
};

/// kTrust when every statement names a Principal and only sts:AssumeRole*-style actions without Resource;
/// kResource when statements name a Principal (also when only some do: mixed, linted as the kind where a
/// missing Principal is a warning and a present one no error); kIdentity when none does.
/// nullopt when there are no statement objects to judge.
std::optional<KindGuess> guess_policy_kind(const JsonNode& policy);

/// "an identity policy", "a role trust policy", "an SCP", ... (for notes).
std::string_view kind_phrase(policy::PolicyKind kind);

/// True when a document guessed as `guessed` does not fit being linted as `kind`.
bool kind_mismatch(policy::PolicyKind kind, policy::PolicyKind guessed);

}  // namespace iamwarden::lint
