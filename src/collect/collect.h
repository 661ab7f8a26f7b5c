// `iamwarden collect`: run the AWS CLI for every file of the snapshot layout (docs/snapshot.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden::collect {

/// What to collect and how.
struct CollectOptions {
  std::string out_dir;                    ///< snapshot directory (created if missing)
  std::string profile;                    ///< AWS CLI profile; empty: the CLI's default chain
  bool all_regions = true;                ///< list the account's regions (else use `regions`)
  std::vector<std::string> regions;       ///< explicit regions when !all_regions
  std::string aws = "aws";                ///< the CLI executable, searched on PATH
  std::chrono::milliseconds call_timeout{std::chrono::minutes(10)};    ///< per `aws` call
  std::chrono::milliseconds kill_grace{std::chrono::seconds(2)};       ///< SIGTERM to SIGKILL for an overrunning call
  size_t max_answer_bytes = size_t{512} << 20;                         ///< per `aws` call (standard output)
  std::chrono::milliseconds report_wait{std::chrono::minutes(3)};      ///< credential report generation bound
  std::chrono::milliseconds report_backoff{std::chrono::seconds(1)};   ///< first wait between polls (doubles)
  unsigned jobs = 2;                      ///< calls run at the same time
  bool progress = false;                  ///< a line per step on standard error
  bool inventory = true;                  ///< inventory.json: the resources that run as a role, every region
};

/// A file that was not collected, and why (escaped, bounded).
struct FailedFile {
  std::string file;
  std::string error;
};

/// Counts of what was collected, and what went wrong.
struct CollectSummary {
  std::string account_id;
  std::vector<std::string> regions;
  size_t ok = 0;
  size_t not_found = 0;
  size_t failed = 0;
  std::vector<FailedFile> required_failed;  ///< required files (see is_required_file) not collected, in path order
  std::vector<FailedFile> optional_failed;  ///< other files recorded failed, in path order
  std::optional<Error> output_error;         ///< the first write or remove refused inside the output directory

  /// True when the snapshot lacks something it must have, or the output directory could not be used as asked.
  bool incomplete() const { return !required_failed.empty() || output_error.has_value(); }
};

/// The files every snapshot must have: the IAM data that every audit, access and snapshot question
/// reads, and that any read-only audit role (SecurityAudit, ReadOnlyAccess) may get. "not_found" counts
/// as collected (e.g. an account without a password policy).
const std::vector<std::string_view>& required_files();
bool is_required_file(std::string_view file);

/// Collects a snapshot. Failed calls are recorded in manifest.json and do not stop collection: what
/// was got is written, then the manifest, and the summary says what failed. An Error means nothing
/// useful could be collected (no `aws`, no working credentials, unwritable directory, manifest not written).
Result<CollectSummary> collect(const CollectOptions& options);

}  // namespace iamwarden::collect
