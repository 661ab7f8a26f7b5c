// `iamwarden collect`: run the AWS CLI for every file of the snapshot layout (docs/snapshot.md).
#pragma once

#include <chrono>
#include <string>
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
  std::chrono::milliseconds report_wait{std::chrono::minutes(3)};      ///< credential report generation bound
  std::chrono::milliseconds report_backoff{std::chrono::seconds(1)};   ///< first wait between polls (doubles)
  unsigned jobs = 2;                      ///< calls run at the same time
  bool progress = false;                  ///< a line per step on standard error
};

/// Counts of what was collected.
struct CollectSummary {
  std::string account_id;
  std::vector<std::string> regions;
  size_t ok = 0;
  size_t not_found = 0;
  size_t failed = 0;
};

/// Collects a snapshot. Failed calls are recorded in manifest.json and do not stop collection; an Error
/// means nothing useful could be collected (no `aws`, no working credentials, unwritable directory).
Result<CollectSummary> collect(const CollectOptions& options);

}  // namespace iamwarden::collect
