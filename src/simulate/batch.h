// Running many request files (a directory or a JSON-lines file) on every core.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/result.h"

namespace iamwarden::simulate {

/// One line of batch output.
struct BatchLine {
  std::string file;
  std::string name;
  std::string decision;  ///< "Allowed", ..., or "ERROR"
  std::string expect;    ///< empty when the case has none
  bool ok = true;
  std::string error;     ///< message when decision is ERROR
};

/// All results, in input order, and the pass/fail counts.
struct BatchResult {
  std::vector<BatchLine> lines;
  size_t passed = 0;
  size_t failed = 0;
};

/// Runs every *.json under a directory (recursively), or every line of a JSON-lines file.
/// threads = 0 uses every core.
Result<BatchResult> run_batch(const std::string& path, unsigned threads = 0);

/// {"file", "name", "decision", "expect", "ok"} (plus "error") on one line.
std::string format_batch_line(const BatchLine& line);

}  // namespace iamwarden::simulate
