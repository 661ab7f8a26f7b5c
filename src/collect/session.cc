// Session: calls, atomic writes and manifest records shared by the collection steps.
#include "collect/session.h"

#include <fmt/format.h>

#include <cstdio>

#include "base/json_writer.h"
#include "base/parallel.h"
#include "base/safe_text.h"

namespace iamwarden::collect {
namespace {

bool is_not_found_code(std::string_view code) {
  return code == "NoSuchEntity" || code == "NoSuchEntityException" || code == "AWSOrganizationsNotInUseException";
}

/// An error as one line for the manifest and the summary: where and what, without the hint.
std::string one_line(const Error& error) {
  Error shown = error;
  shown.hint.clear();
  return shown.format();
}

}  // namespace

bool is_safe_name(std::string_view name) {
  if (name.empty() || name.size() > 128 || name[0] == '.' || name[0] == '-') return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Session::Session(const CollectOptions& options, AwsCli aws, OutputDir out)
    : options_(options), aws_(std::move(aws)), out_(std::move(out)) {}

void Session::progress(std::string_view line) {
  if (!options_.progress) return;
  std::lock_guard lock(mutex_);
  fmt::print(stderr, "{}\n", safe_text(line));
}

std::optional<Error> Session::output_error() {
  std::lock_guard lock(mutex_);
  return output_error_;
}

void Session::note_output_error(const Error& error) {
  std::lock_guard lock(mutex_);
  if (!output_error_) output_error_ = error;
}

bool Session::write(const std::string& file, std::string_view data, const std::string& command) {
  Result<void> written = out_.write(file, data);
  if (!written) note_output_error(written.error());
  {
    std::lock_guard lock(mutex_);
    FileRecord& record = manifest_.files[file];
    record.command = command;
    record.status = written ? FileStatus::kOk : FileStatus::kFailed;
    record.error = written ? "" : one_line(written.error());
  }
  progress(fmt::format("  {:<10} {}", written ? "ok" : "failed", file));
  return written.ok();
}

void Session::record_missing(const std::string& file, FileStatus status, const std::string& command,
                             const std::string& error) {
  Result<void> removed = out_.remove(file);
  if (!removed) note_output_error(removed.error());
  {
    std::lock_guard lock(mutex_);
    manifest_.files[file] = FileRecord{status, command, removed ? error : error + "; " + one_line(removed.error())};
  }
  progress(fmt::format("  {:<10} {}: {}", file_status_name(status), file, error));
}

void Session::mark_failed(const std::string& file, const std::string& error) {
  {
    std::lock_guard lock(mutex_);
    FileRecord& record = manifest_.files[file];
    record.status = FileStatus::kFailed;
    record.error = error;
  }
  progress(fmt::format("  {:<10} {}: {}", "incomplete", file, error));
}

std::optional<std::string> Session::fetch(const std::string& file, const std::vector<std::string>& args,
                                          const std::string& region, NotFoundFile not_found) {
  std::string command = AwsCli::describe(args, region);
  AwsResult result = aws_.run(args, region);
  if (result.ok) {
    if (!write(file, result.output, command)) return std::nullopt;
    return std::move(result.output);
  }
  if (is_not_found_code(result.error_code)) {
    if (not_found == NotFoundFile::kWriteError) {
      std::string message = result.error.substr(std::min(result.error.size(), result.error_code.size() + 2));
      std::string body = fmt::format("{{\"Error\": {{\"Code\": {}, \"Message\": {}}}}}\n", json_quote(result.error_code),
                                     json_quote(message));
      if (write(file, body, command)) {
        std::lock_guard lock(mutex_);
        manifest_.files[file].status = FileStatus::kNotFound;
        manifest_.files[file].error = result.error_code;
      }
      return std::nullopt;
    }
    record_missing(file, FileStatus::kNotFound, command, result.error);
    return std::nullopt;
  }
  record_missing(file, FileStatus::kFailed, command, result.error);
  return std::nullopt;
}

void run_tasks(Session& session, const Tasks& tasks) {
  unsigned workers = worker_count(std::max(1u, session.options().jobs), tasks.size());
  parallel_for(tasks.size(), workers, [&](unsigned, size_t i) { tasks[i](); });
}

}  // namespace iamwarden::collect
