// The state shared by the collection steps: the CLI, the output directory and the manifest.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "collect/aws_cli.h"
#include "collect/collect.h"
#include "collect/manifest.h"

namespace iamwarden::collect {

/// How a step treats a "does not exist" answer (NoSuchEntity, AWSOrganizationsNotInUseException).
enum class NotFoundFile { kSkip, kWriteError };

/// Runs calls, writes their files atomically and records each in the manifest; thread-safe.
class Session {
 public:
  Session(const CollectOptions& options, AwsCli aws);

  /// Runs one call and writes its standard output to `file` (relative to the snapshot directory).
  /// Returns the output when the file was written.
  std::optional<std::string> fetch(const std::string& file, const std::vector<std::string>& args,
                                    const std::string& region = "", NotFoundFile not_found = NotFoundFile::kSkip);

  /// Writes data to `file` and records it with status ok (or failed when the write fails).
  bool write(const std::string& file, std::string_view data, const std::string& command);

  /// Records a file that was not written; a stale file of an earlier run at that path is removed.
  void record_missing(const std::string& file, FileStatus status, const std::string& command, const std::string& error);

  /// Records a file written by write() whose content is incomplete, with the reason.
  void mark_failed(const std::string& file, const std::string& error);

  /// The CLI (its run() is thread-safe).
  const AwsCli& aws() const { return aws_; }
  /// The options collection runs with.
  const CollectOptions& options() const { return options_; }
  /// The manifest so far (only read it once steps are done).
  Manifest& manifest() { return manifest_; }
  /// Prints a progress line on standard error when progress is on.
  void progress(std::string_view line);

 private:
  const CollectOptions& options_;
  AwsCli aws_;
  Manifest manifest_;
  std::mutex mutex_;
};

/// True for a safe file-name component taken from an AWS answer (ids such as "ou-ab12-cdef3456").
bool is_safe_name(std::string_view name);

/// Independent pieces of work, run `jobs` at a time.
using Tasks = std::vector<std::function<void()>>;

/// Runs tasks on options().jobs workers and waits for all of them.
void run_tasks(Session& session, const Tasks& tasks);

/// Adds the account-wide IAM calls (authorization details, summary, MFA, providers, password policy...).
void add_iam_tasks(Session& session, Tasks& tasks);

/// Generates the credential report (polling until COMPLETE) and writes its JSON and decoded CSV.
void collect_credential_report(Session& session);

/// Walks Organizations from the account up to the root: parents, SCP/RCP targets, policies.
void collect_organizations(Session& session, const std::string& account_id);

/// Adds `accessanalyzer list-analyzers` for each region.
void add_access_analyzer_tasks(Session& session, const std::vector<std::string>& regions, Tasks& tasks);

}  // namespace iamwarden::collect
