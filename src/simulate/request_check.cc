// Request checks against the catalog: unknown actions and condition keys, values of the wrong type.
#include "simulate/request_check.h"

#include <fmt/format.h>

#include "eval/arn.h"
#include "policy/values.h"

namespace iamwarden::simulate {
namespace {

using catalog::KeyType;

std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? "" : fmt::format("; did you mean \"{}\"?", suggestion);
}

// What a value of the key's type is, when `value` is not one; "" when it fits.
std::string_view type_problem(KeyType type, std::string_view value) {
  switch (type) {
    case KeyType::kString: return "";
    case KeyType::kArn: return eval::arn_barrier(value) ? "" : "an ARN";
    case KeyType::kBool: return policy::parse_bool(value) ? "" : "true or false";
    case KeyType::kDate: return policy::parse_date_millis(value) ? "" : "a date (ISO 8601 or epoch seconds)";
    case KeyType::kNumeric: return policy::parse_number(value) ? "" : "a number";
    case KeyType::kIpAddress: return policy::parse_ip_network(value) ? "" : "an IP address or CIDR range";
    case KeyType::kBinary: return policy::decode_base64(value) ? "" : "base64";
  }
  return "";
}

// Keys of identity providers ("accounts.google.com:aud", "my.idp.example.com/x:sub") cannot be known offline.
bool provider_key(std::string_view key) {
  size_t colon = key.find(':');
  std::string_view prefix = key.substr(0, colon);
  return colon != std::string_view::npos &&
         (prefix.find('.') != std::string_view::npos || prefix.find('/') != std::string_view::npos);
}

class Checker {
 public:
  Checker(const catalog::Catalog& catalog, const JsonDocument* doc) : catalog_(catalog), doc_(doc) {}

  void action(std::string_view action) {
    const size_t colon = action.find(':');
    if (colon == std::string_view::npos || action.find('*') != std::string_view::npos || catalog_.find_action(action))
      return;
    std::string_view prefix = action.substr(0, colon);
    if (!catalog_.find_service(prefix)) {
      warn("action", "", fmt::format("unknown service \"{}\" in action \"{}\"{}", prefix, action,
                                     did_you_mean(catalog_.suggest_service(prefix))),
           "an action AWS does not define matches only wildcard statements");
      return;
    }
    warn("action", "", fmt::format("unknown action \"{}\"{}", action, did_you_mean(catalog_.suggest_action(action))),
         "an action AWS does not define matches only wildcard statements");
  }

  void context_entry(const eval::ContextEntry& entry) {
    const std::string& key = entry.original;
    if (provider_key(key)) return;
    const catalog::ConditionKey* known = catalog_.find_key(key);
    if (!known) {
      warn("context", key, fmt::format("unknown condition key \"{}\"{}", key, did_you_mean(catalog_.suggest_key(key))),
           "policies that test the key as written see it; AWS never sends it");
      return;
    }
    const std::string type_name = catalog::key_type_name(known->type);
    if (known->type.multivalued && !entry.is_list) {
      warn("context", key, fmt::format("\"{}\" is multivalued ({}), but the request gives one value", key, type_name),
           "give a list: a JSON array in a request file, --context-list on the command line");
    } else if (!known->type.multivalued && entry.is_list) {
      warn("context", key, fmt::format("\"{}\" holds one value ({}), but the request gives a list", key, type_name),
           "conditions without ForAnyValue/ForAllValues never match a list");
    }
    for (const std::string& value : entry.values) {
      std::string_view problem = type_problem(known->type.type, value);
      if (problem.empty()) continue;
      warn("context", key, fmt::format("\"{}\" is a {} key, but \"{}\" is not {}", key, type_name, value, problem),
           "conditions on the key compare as if the value did not match");
      break;
    }
  }

  std::vector<Error> take() { return std::move(warnings_); }

 private:
  // member: "action" or "context" (then key names the context member).
  void warn(std::string_view member, std::string_view key, std::string message, std::string hint) {
    Error e{ErrorCode::kInvalidInput, std::move(message), {}, std::move(hint)};
    if (doc_) e.loc = locate(member, key);
    warnings_.push_back(std::move(e));
  }

  SourceLoc locate(std::string_view member, std::string_view key) const {
    const JsonNode* request = doc_->root.is_object() ? doc_->root.find("request") : nullptr;
    const JsonNode* node = request && request->is_object() ? request->find(member) : nullptr;
    std::string pointer = fmt::format("/request/{}", member);
    if (!node) return doc_->locate(request ? request->offset : 0, pointer);
    if (member == "action") return doc_->locate(node->offset, pointer);
    pointer += "/" + json_pointer_token(key);
    for (const JsonMember& m : node->members)
      if (m.key == key) return doc_->locate(m.key_offset, pointer);
    return doc_->locate(node->offset, pointer);
  }

  const catalog::Catalog& catalog_;
  const JsonDocument* doc_;
  std::vector<Error> warnings_;
};

}  // namespace

std::vector<Error> check_request(const eval::Request& request, const catalog::Catalog& catalog,
                                 const JsonDocument* doc) {
  Checker checker(catalog, doc);
  checker.action(request.action);
  for (const eval::ContextEntry& entry : request.context.entries()) checker.context_entry(entry);
  return checker.take();
}

}  // namespace iamwarden::simulate
