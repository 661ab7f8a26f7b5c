// One AWS CLI v2 call: the argument vector (JSON output, no pager, profile, region) and its outcome.
#pragma once

#include <string>
#include <vector>

#include "collect/process.h"

namespace iamwarden::collect {

/// The outcome of one `aws` call.
struct AwsResult {
  bool ok = false;                  ///< exit status 0
  bool missing_executable = false;  ///< `aws` is not on PATH
  std::string output;               ///< standard output when ok: checked to be one JSON object
  std::string error_code;           ///< service error code when the CLI printed one ("AccessDenied", "NoSuchEntity")
  std::string error;                ///< one-line, redacted, escaped, bounded reason when not ok
};

/// Why text is not an AWS CLI JSON answer (one JSON object, valid UTF-8), or empty when it is one.
/// Capacity may be added to text (simdjson reads a few bytes past the end).
std::string json_answer_problem(std::string& text);

/// Runs the AWS CLI with fixed global options; safe to use from several threads.
class AwsCli {
 public:
  /// executable is searched on PATH; profile may be empty (the CLI's default chain); limits bound each call.
  AwsCli(std::string executable, std::string profile, ProcessLimits limits);

  /// The full argument vector for a call: aws <args> --output json --no-cli-pager [--profile P] [--region R].
  std::vector<std::string> argv(const std::vector<std::string>& args, const std::string& region) const;

  /// Runs one call (args start with the service and operation), optionally in a region. It fails when
  /// the CLI fails, runs past the timeout, writes more than the output cap, or answers anything but JSON.
  AwsResult run(const std::vector<std::string>& args, const std::string& region = "") const;

  /// The call as recorded in the manifest: "aws <args> [--region R]" (no profile, no global options).
  static std::string describe(const std::vector<std::string>& args, const std::string& region = "");

 private:
  std::string executable_;
  std::string profile_;
  ProcessLimits limits_;
};

}  // namespace iamwarden::collect
