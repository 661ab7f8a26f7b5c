// One AWS CLI v2 call: the argument vector (JSON output, no pager, profile, region) and its outcome.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace iamwarden::collect {

/// The outcome of one `aws` call.
struct AwsResult {
  bool ok = false;                  ///< exit status 0
  bool missing_executable = false;  ///< `aws` is not on PATH
  std::string output;               ///< standard output (JSON) when ok
  std::string error_code;           ///< service error code when the CLI printed one ("AccessDenied", "NoSuchEntity")
  std::string error;                ///< one-line, redacted reason when not ok
};

/// Runs the AWS CLI with fixed global options; safe to use from several threads.
class AwsCli {
 public:
  /// executable is searched on PATH; profile may be empty (the CLI's default chain).
  AwsCli(std::string executable, std::string profile, std::chrono::milliseconds timeout);

  /// The full argument vector for a call: aws <args> --output json --no-cli-pager [--profile P] [--region R].
  std::vector<std::string> argv(const std::vector<std::string>& args, const std::string& region) const;

  /// Runs one call (args start with the service and operation), optionally in a region.
  AwsResult run(const std::vector<std::string>& args, const std::string& region = "") const;

  /// The call as recorded in the manifest: "aws <args> [--region R]" (no profile, no global options).
  static std::string describe(const std::vector<std::string>& args, const std::string& region = "");

 private:
  std::string executable_;
  std::string profile_;
  std::chrono::milliseconds timeout_;
};

}  // namespace iamwarden::collect
