// inventory.json: running the per-service calls region by region, and the merged file.
#include "collect/inventory.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "base/json_writer.h"
#include "base/safe_text.h"

namespace iamwarden::collect {
namespace {

constexpr int kMaxPages = 1000;  // a loop bound: an answer that always names a next page ends here

/// The manifest's command for inventory.json: every call it is made of.
constexpr std::string_view kCommand =
    "aws lambda list-functions; aws ec2 describe-instances, describe-launch-templates, "
    "describe-launch-template-versions --versions $Latest; aws cloudformation describe-stacks; aws codebuild "
    "list-projects, batch-get-projects; aws sagemaker list-notebook-instances, describe-notebook-instance; aws glue "
    "get-dev-endpoints, get-jobs; aws ecs list-task-definitions, describe-task-definition; aws apprunner "
    "list-services, describe-service (per region, merged)";

using ServiceFn = void (*)(InventoryCalls&);
constexpr ServiceFn kServices[] = {inventory_lambda,    inventory_ec2_instances, inventory_ec2_launch_templates,
                                   inventory_cloudformation, inventory_codebuild, inventory_sagemaker,
                                   inventory_glue,      inventory_ecs,           inventory_apprunner};

// The CLI's answer when a service has no endpoint in a region (it is not offered there).
bool no_endpoint(const AwsResult& result) {
  return result.error_code.empty() && result.error.find("Could not connect to the endpoint URL") != std::string::npos;
}

// A page token from an answer, passed back as an argument: opaque, but never an option or a URL.
bool is_safe_token(std::string_view token) {
  if (token.empty() || token.size() > 8192 || token[0] == '-' || token.find("://") != std::string_view::npos) return false;
  return std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

JsonNode* mutable_member(JsonNode& node, std::string_view key) {
  for (JsonMember& m : node.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

void append_item(std::string& out, const InventoryItem& item) {
  out += "    {\"type\": " + json_quote(item.type) + ", \"arn\": " + json_quote(item.arn);
  for (auto [key, value] : {std::pair<const char*, const std::string*>{"region", &item.region},
                            {"role", &item.role},
                            {"executionRole", &item.execution_role},
                            {"instanceProfile", &item.instance_profile}})
    if (!value->empty()) out += fmt::format(", \"{}\": {}", key, json_quote(*value));
  if (!item.tags.empty()) {
    out += ", \"tags\": {";
    // A key twice would make the file invalid (the loader refuses duplicate members): the first wins.
    std::vector<std::string_view> seen;
    for (const auto& [key, value] : item.tags) {
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      out += fmt::format("{}{}: {}", seen.empty() ? "" : ", ", json_quote(key), json_quote(value));
      seen.push_back(key);
    }
    out += "}";
  }
  out += "}";
}

}  // namespace

bool is_safe_argument(std::string_view value, bool arn) {
  if (arn) {
    if (value.size() > 2048 || !value.starts_with("arn:")) return false;
    return std::all_of(value.begin(), value.end(), [](char c) { return c > ' ' && c < 0x7F; });
  }
  if (value.empty() || value.size() > 255 || value[0] == '-' || value[0] == '.') return false;
  return std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
}

std::string string_member(const JsonNode& node, std::string_view key) {
  const JsonNode* value = node.find(key);
  return value && value->is_string() ? value->text : std::string();
}

std::vector<std::pair<std::string, std::string>> tag_list(const JsonNode* tags, std::string_view key_name,
                                                          std::string_view value_name) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!tags || !tags->is_array()) return out;
  for (const JsonNode& tag : tags->items) {
    const JsonNode* key = tag.find(key_name);
    if (key && key->is_string()) out.emplace_back(key->text, string_member(tag, value_name));
  }
  return out;
}

std::optional<JsonDocument> InventoryCalls::call(std::vector<std::string> args, std::string_view list_key) {
  std::optional<JsonDocument> merged;
  const size_t base = args.size();
  for (int page = 0; page < kMaxPages; ++page) {
    AwsResult result = session_.aws().run(args, region_);
    if (!result.ok) {
      if (no_endpoint(result)) {
        session_.progress(fmt::format("  {:<10} {}: not offered in {}", "skipped", AwsCli::describe(args), region_));
        return std::nullopt;
      }
      errors_.push_back(fmt::format("{}: {}", AwsCli::describe(args, region_), result.error));
      return std::nullopt;
    }
    Result<JsonDocument> doc = parse_json(std::move(result.output), AwsCli::describe(args));
    if (!doc) {
      unexpected(args, doc.error().message);
      return std::nullopt;
    }
    ++answered_;
    std::string token = list_key.empty() ? "" : string_member(doc->root, "NextToken");
    if (!merged) {
      merged = doc.take();
    } else {
      JsonNode* into = mutable_member(merged->root, list_key);
      JsonNode* from = mutable_member(doc->root, list_key);
      if (into && from && into->is_array() && from->is_array())
        std::move(from->items.begin(), from->items.end(), std::back_inserter(into->items));
    }
    if (token.empty()) return merged;
    if (!is_safe_token(token)) {
      unexpected(args, fmt::format("NextToken \"{}\" is not a page token", safe_excerpt(token, 60)));
      return std::nullopt;
    }
    args.resize(base);
    args.insert(args.end(), {"--next-token", token});
  }
  unexpected(args, fmt::format("more than {} pages", kMaxPages));
  return std::nullopt;
}

void InventoryCalls::unexpected(const std::vector<std::string>& args, const std::string& why) {
  errors_.push_back(fmt::format("{}: unexpected answer: {}", AwsCli::describe(args, region_), safe_excerpt(why, 300)));
}

void InventoryCalls::add(InventoryItem item) {
  item.region = region_;
  items_.push_back(std::move(item));
}

std::string InventoryCalls::arn(std::string_view service, std::string_view resource, std::string_view account) const {
  return fmt::format("arn:{}:{}:{}:{}:{}", session_.manifest().partition, service, region_,
                     account.empty() ? std::string_view(session_.manifest().account_id) : account, resource);
}

std::string InventoryCalls::role_arn(std::string_view name_or_arn) const {
  if (name_or_arn.empty() || name_or_arn.starts_with("arn:")) return std::string(name_or_arn);
  return fmt::format("arn:{}:iam::{}:role/{}", session_.manifest().partition, session_.manifest().account_id,
                     name_or_arn);
}

void InventoryCalls::finish(InventoryResults& results) {
  std::lock_guard lock(results.mutex);
  std::move(items_.begin(), items_.end(), std::back_inserter(results.items));
  std::move(errors_.begin(), errors_.end(), std::back_inserter(results.errors));
  results.answered += answered_;
}

void add_inventory_tasks(Session& session, const std::vector<std::string>& regions, InventoryResults& results,
                         Tasks& tasks) {
  for (const std::string& region : regions) {
    for (ServiceFn service : kServices) {
      tasks.push_back([&session, &region, &results, service] {
        InventoryCalls calls(session, region);
        service(calls);
        calls.finish(results);
      });
    }
  }
}

void write_inventory(Session& session, InventoryResults& results) {
  const std::string file = "inventory.json";
  std::sort(results.errors.begin(), results.errors.end());
  std::string errors = safe_excerpt(fmt::format("{}", fmt::join(results.errors, "; ")), 2000);
  if (results.answered == 0 && !results.errors.empty()) {
    session.record_missing(file, FileStatus::kFailed, std::string(kCommand), errors);
    return;
  }
  std::sort(results.items.begin(), results.items.end(), [](const InventoryItem& a, const InventoryItem& b) {
    return std::tie(a.type, a.region, a.arn) < std::tie(b.type, b.region, b.arn);
  });
  std::string body = "{\"resources\": [";
  for (size_t i = 0; i < results.items.size(); ++i) {
    body += i ? ",\n" : "\n";
    append_item(body, results.items[i]);
  }
  body += results.items.empty() ? "]}\n" : "\n]}\n";
  if (session.write(file, body, std::string(kCommand)) && !results.errors.empty())
    session.mark_failed(file, "incomplete: " + errors);
}

}  // namespace iamwarden::collect
