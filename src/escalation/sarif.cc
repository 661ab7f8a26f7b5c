// SARIF for escalation paths (sarif.h). Each result's location is a statement of the principal's own
// identity policies whose Action and Resource match the first request of its path (conditions
// aside: the engine decided the request; this only points at where to look), found with the same
// compiled statements the engine reads.
#include "escalation/sarif.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "base/json_writer.h"
#include "base/sarif_uri.h"
#include "base/version.h"
#include "eval/arn.h"
#include "eval/compiled_policy.h"
#include "eval/context.h"
#include "snapshot/policy_document.h"
#include "snapshot/principal.h"

namespace iamwarden::escalation {
namespace {

struct Place {
  std::string file;
  uint32_t line = 0;
  std::string what;  ///< "inline policy p0 statement Stmt1 (/Statement/0)"
};

// The line of a statement: the document's line plus the newlines before it (unknown when the
// document was a URL-encoded string: its text is not the file's).
uint32_t statement_line(const snapshot::PolicyDocument& doc, uint32_t offset) {
  if (!doc.origin.line || doc.was_encoded || offset > doc.text.size()) return doc.origin.line;
  return doc.origin.line + static_cast<uint32_t>(std::count(doc.text.begin(), doc.text.begin() + offset, '\n'));
}

class Locator {
 public:
  explicit Locator(const snapshot::Account& account) : account_(account) {}

  // Statements of the principal's identity policies that may allow `action` on `resource`.
  std::vector<Place> granting(const std::string& principal, std::string_view action, std::string_view resource) {
    std::vector<Place> out;
    Result<snapshot::PrincipalPolicies> found = snapshot::principal_policies(account_, principal);
    if (!found) return out;
    const std::string folded = eval::fold_case(action);
    const size_t colon = folded.find(':');
    if (colon == std::string::npos) return out;
    const std::string service = folded.substr(0, colon), name = folded.substr(colon + 1);
    const uint64_t hash = eval::key_hash(service);
    const eval::ArnParts arn = eval::split_arn(resource);
    const eval::Context no_keys;
    for (const snapshot::AppliedPolicy& applied : found->policies) {
      using snapshot::Attachment;
      if (!applied.document || (applied.attachment != Attachment::kInline && applied.attachment != Attachment::kManaged &&
                                applied.attachment != Attachment::kGroupInline &&
                                applied.attachment != Attachment::kGroupManaged))
        continue;
      const Compiled& c = compiled(*applied.document, applied.name);
      for (size_t k = 0; k < c.policy.statements.size(); ++k) {
        const eval::CompiledStatement& st = c.policy.statements[k];
        if (st.effect != policy::Effect::kAllow || !eval::statement_matches_action(st, hash, service, name)) continue;
        bool matches = st.resource_mode == policy::ElementMode::kAbsent || resource == "*";
        for (const eval::ResourcePattern& rp : st.resources)
          matches = matches || rp.match(resource, arn, no_keys) != eval::MatchResult::kNoMatch;
        if (st.resource_mode == policy::ElementMode::kNot) matches = true;  // NotResource: the engine decided
        if (!matches) continue;
        std::string where = applied.attachment == Attachment::kInline ? "inline policy " + applied.name
                            : applied.attachment == Attachment::kManaged
                                ? "managed policy " + applied.name
                                : fmt::format("{} policy {} of group {}",
                                              applied.attachment == Attachment::kGroupInline ? "inline" : "managed",
                                              applied.name, applied.via);
        out.push_back({applied.document->origin.file, statement_line(*applied.document, c.offsets[k]),
                       fmt::format("{} statement {} ({})", where, st.label(), st.pointer)});
      }
    }
    return out;
  }

 private:
  struct Compiled {
    eval::CompiledPolicy policy;
    std::vector<uint32_t> offsets;  // per statement, in the document text
  };

  const Compiled& compiled(const snapshot::PolicyDocument& doc, const std::string& name) {
    std::unique_ptr<Compiled>& slot = cache_[&doc];
    if (!slot) {
      slot = std::make_unique<Compiled>();
      policy::ParsedPolicy parsed = snapshot::parse_document(doc, policy::PolicyKind::kIdentity);
      slot->policy = eval::compile(parsed.policy, name);
      for (const policy::Statement& st : parsed.policy.statements) slot->offsets.push_back(st.offset);
      slot->offsets.resize(slot->policy.statements.size(), 0);
    }
    return *slot;
  }

  const snapshot::Account& account_;
  std::map<const snapshot::PolicyDocument*, std::unique_ptr<Compiled>> cache_;
};

std::string strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t k = 0; k < values.size(); ++k) out += (k ? "," : "") + json_quote(values[k]);
  return out + "]";
}

std::string location_json(const std::string& file, uint32_t line, const std::string& message) {
  std::string region = line ? fmt::format(",\"region\":{{\"startLine\":{}}}", line) : "";
  return fmt::format("{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}}{}}},\"message\":{{\"text\":{}}}}}",
                     json_quote(sarif_uri(file)), region, json_quote(message));
}

}  // namespace

std::string paths_sarif(const Graph& graph, const snapshot::Account& account, const Selection& selection,
                        std::string_view source) {
  Locator locator(account);
  std::vector<const Method*> rules;
  std::string results;
  for (size_t i : shown_principals(graph, selection)) {
    const Node& n = graph.nodes[i];
    if (n.depth <= 0) continue;
    const std::vector<const Step*> steps = graph.path(i);
    const Step& first = *steps.front();
    const Method* method = first.method;
    if (!method) continue;  // an administrator's step: never first on a path to administrator
    auto rule = std::find(rules.begin(), rules.end(), method);
    if (rule == rules.end()) rule = rules.insert(rules.end(), method);
    // Where the principal is, and the statements that allow its first step.
    const snapshot::PolicyHolder* entity = n.kind == NodeKind::kUser
                                            ? static_cast<const snapshot::PolicyHolder*>(account.find_user(n.arn))
                                            : static_cast<const snapshot::PolicyHolder*>(account.find_role(n.arn));
    std::vector<Place> places;
    for (const std::string& r : first.requests) {
      auto [action, resource] = split_request(r);
      for (Place& p : locator.granting(n.arn, action, resource)) places.push_back(std::move(p));
      if (!places.empty()) break;
    }
    const std::string principal_file = entity && !entity->origin.file.empty() ? entity->origin.file : std::string(source);
    const uint32_t principal_line = entity ? entity->origin.line : 0;
    std::string message = fmt::format("{} {} can become administrator in {} step{}{}: {}", n.kind == NodeKind::kUser ? "user" : "role",
                                      n.arn, steps.size(), steps.size() == 1 ? "" : "s",
                                      graph.conditional(i) ? " (under conditions)" : "", path_chain(graph, i));
    if (!places.empty()) message += fmt::format(". The first step is allowed by {}", places.front().what);
    std::string locations = places.empty() ? location_json(principal_file, principal_line, "the principal")
                                           : location_json(places.front().file.empty() ? std::string(source) : places.front().file,
                                                           places.front().line, places.front().what);
    std::string related = location_json(principal_file, principal_line, "the principal");
    for (size_t k = 1; k < places.size(); ++k)
      related += "," + location_json(places[k].file.empty() ? std::string(source) : places[k].file, places[k].line, places[k].what);
    std::vector<std::string> requests, reasons;
    for (const Step* s : steps) {
      requests.insert(requests.end(), s->requests.begin(), s->requests.end());
      reasons.insert(reasons.end(), s->reasons.begin(), s->reasons.end());
    }
    std::string props = fmt::format("{{\"principal\":{},\"steps\":{},\"conditional\":{},\"requests\":", json_quote(n.arn), steps.size(),
                                    graph.conditional(i) ? "true" : "false");
    props += strings(requests) + ",\"reasons\":" + strings(reasons) + "}";
    results += fmt::format("{}\n{{\"ruleId\":{},\"ruleIndex\":{},\"level\":\"{}\",\"message\":{{\"text\":{}}},\"locations\":[{}],"
                           "\"relatedLocations\":[{}],\"logicalLocations\":[{{\"fullyQualifiedName\":{},\"kind\":\"resource\"}}],"
                           "\"properties\":{}}}",
                           results.empty() ? "" : ",", json_quote(method->id), rule - rules.begin(),
                           graph.conditional(i) ? "warning" : "error", json_quote(message), locations, related, json_quote(n.arn),
                           props);
  }
  std::string rules_json;
  for (size_t k = 0; k < rules.size(); ++k) {
    const Method& m = *rules[k];
    rules_json += fmt::format(
        "{}\n{{\"id\":{},\"name\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},{}"
        "\"defaultConfiguration\":{{\"level\":\"error\"}},\"properties\":{{\"security-severity\":\"8.0\",\"tags\":[\"security\",\"iam\",\"privilege-escalation\"]}}}}",
        k ? "," : "", json_quote(m.id), json_quote(m.id), json_quote(m.name), json_quote(m.description.empty() ? m.name : m.description),
        m.references.empty() ? "" : fmt::format("\"helpUri\":{},", json_quote(m.references.front())));
  }
  return fmt::format(
      "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":"
      "{{\"name\":\"iamwarden paths\",\"version\":{},\"informationUri\":\"https://github.com/iamwarden/iamwarden\",\"rules\":[{}]}}}},"
      "\"results\":[{}]}}]}}\n",
      json_quote(tool_version()), rules_json, results);
}

}  // namespace iamwarden::escalation
