// Building the AWS CLI argument vector and turning a finished process into an AwsResult.
#include "collect/aws_cli.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "collect/aws_error.h"
#include "collect/process.h"

namespace iamwarden::collect {

AwsCli::AwsCli(std::string executable, std::string profile, std::chrono::milliseconds timeout)
    : executable_(std::move(executable)), profile_(std::move(profile)), timeout_(timeout) {}

std::vector<std::string> AwsCli::argv(const std::vector<std::string>& args, const std::string& region) const {
  std::vector<std::string> argv{executable_};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--output", "json", "--no-cli-pager"});
  if (!profile_.empty()) argv.insert(argv.end(), {"--profile", profile_});
  if (!region.empty()) argv.insert(argv.end(), {"--region", region});
  return argv;
}

AwsResult AwsCli::run(const std::vector<std::string>& args, const std::string& region) const {
  AwsResult result;
  ProcessOutput p = run_process(argv(args, region), timeout_);
  if (p.spawn_errno != 0) {
    result.missing_executable = p.spawn_errno == ENOENT || p.spawn_errno == EACCES;
    result.error = fmt::format("cannot run {}: {}", executable_, std::strerror(p.spawn_errno));
    return result;
  }
  if (p.timed_out) {
    result.error = fmt::format("timed out after {}s", std::chrono::duration_cast<std::chrono::seconds>(timeout_).count());
    return result;
  }
  if (p.exit_status != 0) {
    AwsError error = parse_aws_error(p.err, p.exit_status);
    result.error_code = std::move(error.code);
    result.error = std::move(error.text);
    return result;
  }
  result.ok = true;
  result.output = std::move(p.out);
  return result;
}

std::string AwsCli::describe(const std::vector<std::string>& args, const std::string& region) {
  std::string text = "aws";
  for (const std::string& arg : args) text += " " + arg;
  if (!region.empty()) text += " --region " + region;
  return text;
}

}  // namespace iamwarden::collect
