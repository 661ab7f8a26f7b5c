// Building the AWS CLI argument vector and turning a finished process into an AwsResult.
#include "collect/aws_cli.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <cstring>

#include "collect/aws_error.h"

namespace iamwarden::collect {
namespace {

std::string byte_count(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20;
  return bytes % kMiB == 0 ? fmt::format("{} MiB", bytes / kMiB) : fmt::format("{} bytes", bytes);
}

}  // namespace

std::string json_answer_problem(std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "the answer is empty, not JSON";
  text.reserve(text.size() + simdjson::SIMDJSON_PADDING);  // parsed in place, not copied
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (simdjson::error_code error = parser.parse(text).get(root)) {
    return fmt::format("the answer is not valid JSON ({})", simdjson::error_message(error));
  }
  if (!root.is_object()) return "the answer is JSON but not an object";
  return "";
}

AwsCli::AwsCli(std::string executable, std::string profile, ProcessLimits limits)
    : executable_(std::move(executable)), profile_(std::move(profile)), limits_(limits) {}

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
  ProcessOutput p = run_process(argv(args, region), limits_);
  if (p.spawn_errno != 0) {
    result.missing_executable = p.spawn_errno == ENOENT || p.spawn_errno == EACCES;
    result.error = fmt::format("cannot run {}: {}", executable_, std::strerror(p.spawn_errno));
    return result;
  }
  if (p.timed_out) {
    result.error =
        fmt::format("timed out after {}s", std::chrono::duration_cast<std::chrono::seconds>(limits_.timeout).count());
    return result;
  }
  if (p.too_large) {
    result.error = fmt::format("too large: the answer passed {}; reading stopped", byte_count(limits_.max_out));
    return result;
  }
  if (p.exit_status != 0) {
    AwsError error = parse_aws_error(p.err, p.exit_status);
    result.error_code = std::move(error.code);
    result.error = std::move(error.text);
    return result;
  }
  if (std::string problem = json_answer_problem(p.out); !problem.empty()) {
    result.error = std::move(problem);
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
