// Actions that only some kinds of caller can call (data/caller-restrictions.json): sts:GetSessionToken
// needs an IAM user's or the root user's long-term credentials, whatever the policies say.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden::eval {
enum class CallerKind : uint8_t;  // eval/request.h
}  // namespace iamwarden::eval

namespace iamwarden::catalog {

/// One action and the caller kinds that can call it.
struct CallerRestriction {
  std::string action;                ///< as written in the data ("sts:GetSessionToken")
  std::vector<std::string> callers;  ///< kinds allowed: "root", "user", "role-session", "federated-user", ...
  std::string reason;                ///< why the other kinds cannot ("it needs the long-term credentials ...")
  std::string reference;             ///< the AWS documentation page that says so
  std::string source;                ///< the data file ("data/caller-restrictions.json", or a --data-dir path)
};

/// The restrictions of one data file, looked up by action.
class CallerRestrictions {
 public:
  /// Parses format 1 (data/README.md). Errors name the file and the JSON pointer of the problem.
  static Result<CallerRestrictions> from_json(std::string_view json, std::string_view file);

  /// The restriction of an action ("service:Action", any case), or nullptr when anyone may call it.
  const CallerRestriction* find(std::string_view action) const;

  const std::vector<CallerRestriction>& all() const { return restrictions_; }

 private:
  std::vector<CallerRestriction> restrictions_;
};

/// data/caller-restrictions.json: from data_dir when it is not empty, else the embedded copy.
Result<CallerRestrictions> load_caller_restrictions(const std::string& data_dir = "");

/// The data file's name for a caller kind: "root", "user", "role-session", "federated-user",
/// "service", "web-identity", "anonymous".
std::string_view caller_kind_id(eval::CallerKind kind);

/// True when a caller of this kind can call the restricted action.
bool caller_allowed(const CallerRestriction& restriction, eval::CallerKind kind);

/// Why a caller of this kind cannot call the action: "sts:GetSessionToken cannot be called by a role
/// session: it needs ... (data/caller-restrictions.json)".
std::string caller_refusal(const CallerRestriction& restriction, eval::CallerKind kind);

}  // namespace iamwarden::catalog
