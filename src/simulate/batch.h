// Running many request files (a directory or a JSON-lines file) on every core.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"

namespace iamwarden::simulate {

/// One line of batch output.
struct BatchLine {
  std::string file;
  std::string name;
  std::string decision;  ///< "Allowed", ..., or "ERROR"
  std::string expect;    ///< empty when the case has none
  bool ok = true;
  std::string error;     ///< message when decision is ERROR
  std::vector<std::string> missing_keys;  ///< condition keys consulted but absent from the request
  std::vector<std::string> warnings;      ///< formatted: ignored members, policy and request warnings
};

/// How to run a batch.
struct BatchOptions {
  unsigned threads = 0;                       ///< 0: every core
  const catalog::Catalog* catalog = nullptr;  ///< when set, requests are checked against it (request_check.h)
  bool strict = false;                        ///< request-check warnings make the case an ERROR
  /// When set, a caller whose kind cannot call the action (sts:GetSessionToken from a role session) is an
  /// implicit deny before any policy is consulted (simulate/decide.h).
  const catalog::CallerRestrictions* restrictions = nullptr;
};

/// All results, in input order, and the pass/fail counts.
struct BatchResult {
  std::vector<BatchLine> lines;
  size_t passed = 0;
  size_t failed = 0;
};

/// Runs every *.json under a directory (recursively), or every line of a JSON-lines file.
Result<BatchResult> run_batch(const std::string& path, const BatchOptions& options = {});

/// {"file", "name", "decision", "expect", "ok", "missingContextValues", "warnings"} (plus "error") on one line.
std::string format_batch_line(const BatchLine& line);

}  // namespace iamwarden::simulate
