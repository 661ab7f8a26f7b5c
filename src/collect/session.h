// The state shared by the collection steps: the CLI, the output directory and the manifest.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/output_dir.h"
#include "base/result.h"
#include "collect/aws_cli.h"
#include "collect/collect.h"
#include "collect/manifest.h"

namespace iamwarden::collect {

/// How a step treats a "does not exist" answer (NoSuchEntity, AWSOrganizationsNotInUseException).
enum class NotFoundFile { kSkip, kWriteError };

/// Runs calls, writes their files atomically inside the output directory and records each in the
/// manifest; thread-safe.
class Session {
 public:
  Session(const CollectOptions& options, AwsCli aws, OutputDir out);

  /// Runs one call and writes its standard output to `file` (relative to the snapshot directory).
  /// Returns the output when the file was written.
  std::optional<std::string> fetch(const std::string& file, const std::vector<std::string>& args,
                                    const std::string& region = "", NotFoundFile not_found = NotFoundFile::kSkip);

  /// Writes data to `file` and records it with status ok (or failed when the write fails; the first
  /// such failure is kept as output_error()).
  bool write(const std::string& file, std::string_view data, const std::string& command);

  /// Records a file that was not written; a stale file of an earlier run at that path is removed
  /// (a failure to remove it is kept as output_error()).
  void record_missing(const std::string& file, FileStatus status, const std::string& command, const std::string& error);

  /// Records a file written by write() whose content is incomplete, with the reason.
  void mark_failed(const std::string& file, const std::string& error);

  /// The CLI (its run() is thread-safe).
  const AwsCli& aws() const { return aws_; }
  /// The options collection runs with.
  const CollectOptions& options() const { return options_; }
  /// The manifest so far (only read it once steps are done).
  Manifest& manifest() { return manifest_; }
  /// The output directory.
  const OutputDir& out() const { return out_; }
  /// The first failure to write or remove inside the output directory (a planted symbolic link, a full disk).
  std::optional<Error> output_error();
  /// Prints a progress line (escaped) on standard error when progress is on.
  void progress(std::string_view line);

 private:
  void note_output_error(const Error& error);

  const CollectOptions& options_;
  AwsCli aws_;
  OutputDir out_;
  Manifest manifest_;
  std::optional<Error> output_error_;
  std::mutex mutex_;
};

/// True for a safe file-name component (and command argument) taken from an AWS answer (ids such as
/// "ou-ab12-cdef3456"): letters, digits, '-' and '_', not starting with '-' or '.', at most 128 bytes.
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
