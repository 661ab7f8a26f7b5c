// Reading the AWS CLI's error output: the service error code and a one-line, redacted message.
#pragma once

#include <string>
#include <string_view>

namespace iamwarden::collect {

/// A failed AWS CLI call as recorded in the manifest.
struct AwsError {
  std::string code;  ///< service error code such as "AccessDenied" or "NoSuchEntity"; empty when unknown
  std::string text;  ///< "Code: message" (or the CLI's own message): one line, redacted, escaped (safe_text), bounded
};

/// Parses the CLI's standard error ("An error occurred (Code) when calling the Op operation: message").
AwsError parse_aws_error(std::string_view stderr_text, int exit_status);

/// Replaces what looks like a credential (access key IDs, long mixed-case base64 runs) with "<redacted>".
std::string redact_secrets(std::string_view text);

}  // namespace iamwarden::collect
