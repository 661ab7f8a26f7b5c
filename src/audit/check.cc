// Status names and the finding sink.
#include "audit/check.h"

namespace iamwarden::audit {

std::string_view status_name(Status status) {
  switch (status) {
    case Status::kPass: return "PASS";
    case Status::kFail: return "FAIL";
    case Status::kNotEvaluated: return "NOT_EVALUATED";
    case Status::kMuted: return "MUTED";
  }
  return "?";
}

std::optional<Status> parse_status(std::string_view name) {
  for (Status s : {Status::kPass, Status::kFail, Status::kNotEvaluated, Status::kMuted})
    if (status_name(s) == name) return s;
  return std::nullopt;
}

Finding& FindingSink::add(Status status, std::string& resource, std::string& message) {
  Finding& f = out_.emplace_back();
  f.check = &meta_;
  f.status = status;
  f.severity = meta_.severity;
  f.resource = std::move(resource);
  f.message = std::move(message);
  ++count_;
  return f;
}

}  // namespace iamwarden::audit
