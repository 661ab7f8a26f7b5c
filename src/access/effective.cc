// Effective permissions of snapshot principals (see effective.h).
#include "access/effective.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "base/json_writer.h"
#include "base/parallel.h"
#include "base/progress.h"
#include "base/safe_text.h"

namespace iamwarden::access {
namespace {

bool wanted_service(const ActionFilter& filter, const catalog::Service& s) {
  if (filter.services.empty()) return true;
  return std::any_of(filter.services.begin(), filter.services.end(), [&](const std::string& p) {
    return p.size() == s.prefix.size() &&
           std::equal(p.begin(), p.end(), s.prefix.begin(), [](char a, char b) { return (a | 32) == (b | 32); });
  });
}

// What the admin question needs besides the answer: the principal's identity for the listing.
struct Principal {
  std::string ref;  // ARN
  bool is_role = false;
};

std::string admin_word(Grant g) {
  switch (g) {
    case Grant::kAllowed: return "admin";
    case Grant::kConditional: return "conditional-admin";
    case Grant::kDenied: return "not-admin";
  }
  return "?";
}

}  // namespace

EffectiveAccess effective_access(const PrincipalAccess& principal, const catalog::Catalog& catalog,
                                 const ActionFilter& filter, const catalog::CallerRestrictions* restrictions) {
  EffectiveAccess out;
  out.principal = principal.arn;
  out.is_role = principal.is_role;
  out.problems = principal.problems;
  out.scp_note = principal.scp_note;
  AccessEvaluator evaluator(principal.layers, principal.caller, principal.context, &catalog);
  evaluator.use_caller_restrictions(restrictions);
  out.admin = evaluator.admin(catalog);
  std::vector<Grant> grants = evaluator.all(catalog);
  for (const catalog::Service& s : catalog.services()) {
    if (!wanted_service(filter, s)) continue;
    for (const catalog::Action& a : catalog.actions_of(s)) {
      if (filter.level && a.level != *filter.level) continue;
      Grant g = grants[catalog.index_of(a)];
      (g == Grant::kAllowed ? out.allowed : g == Grant::kConditional ? out.conditional : out.denied)++;
      if (g == Grant::kDenied && !filter.include_denied) continue;
      ActionGrant ag{&a, g, {}, resource_policy_decides(catalog, s.prefix, a.name)};
      if (g == Grant::kConditional) ag.reason = evaluator.explain(s.prefix, a.name);
      if (std::string why = evaluator.refusal(s.prefix, a.name); !why.empty()) ag.reason.notes.push_back(std::move(why));
      out.actions.push_back(std::move(ag));
    }
  }
  return out;
}

std::vector<AdminAnswer> admin_for_all(const snapshot::Account& account, const catalog::Catalog& catalog,
                                       unsigned threads, AdminStats* stats) {
  std::vector<Principal> principals;
  principals.reserve(account.iam.users.size() + account.iam.roles.size());
  for (const snapshot::User& u : account.iam.users) principals.push_back({u.arn, false});
  for (const snapshot::Role& r : account.iam.roles) principals.push_back({r.arn, true});

  std::vector<AdminAnswer> answers(principals.size());
  PolicyCache cache;
  std::mutex memo_mutex;
  std::unordered_map<std::string, Grant> memo;  // shared_key -> answer
  std::atomic<size_t> evaluated{0};
  Progress progress("iamwarden access: principals", principals.size());
  parallel_for(principals.size(), worker_count(threads, principals.size()), [&](unsigned, size_t i) {
    progress.advance();
    AdminAnswer& answer = answers[i];
    answer.principal = principals[i].ref;
    answer.is_role = principals[i].is_role;
    Result<PrincipalAccess> pa = principal_access(account, principals[i].ref, cache);
    if (!pa) {
      answer.problems.push_back(pa.error().message);
      return;
    }
    answer.problems = std::move(pa->problems);
    if (!pa->shared_key.empty()) {
      std::lock_guard<std::mutex> lock(memo_mutex);
      auto it = memo.find(pa->shared_key);
      if (it != memo.end()) {
        answer.admin = it->second;
        return;
      }
    }
    // Two workers may decide the same set at once; both get the same answer, one is kept.
    AccessEvaluator evaluator(pa->layers, std::move(pa->caller), std::move(pa->context), &catalog);
    answer.admin = evaluator.admin(catalog);
    ++evaluated;
    if (!pa->shared_key.empty()) {
      std::lock_guard<std::mutex> lock(memo_mutex);
      memo.emplace(std::move(pa->shared_key), answer.admin);
    }
  });
  if (stats) {
    stats->principals = principals.size();
    stats->evaluated_sets = evaluated;
  }
  return answers;
}

std::string effective_access_text(const EffectiveAccess& access, const catalog::Catalog& catalog) {
  std::string out = fmt::format("{} {}\n  administrator: {}\n  actions: {} allowed, {} conditional, {} denied\n",
                                access.is_role ? "role" : "user", safe_text(access.principal),
                                access.admin == Grant::kAllowed       ? "yes"
                                : access.admin == Grant::kConditional ? "only under conditions"
                                                                      : "no",
                                access.allowed, access.conditional, access.denied);
  fmt::format_to(std::back_inserter(out), "  note: {}; actions marked \"+ resource policy\" always need one\n", kScopeNote);
  if (!access.scp_note.empty()) fmt::format_to(std::back_inserter(out), "  note: {}\n", safe_text(access.scp_note));
  for (const std::string& p : access.problems) fmt::format_to(std::back_inserter(out), "  warning: {}\n", safe_text(p));
  const catalog::Service* current = nullptr;
  auto line = [&](std::string_view label, const std::vector<std::string>& items, std::string_view sep) {
    if (items.empty()) return;
    fmt::format_to(std::back_inserter(out), "  {:<12}   {}: {}\n", "", label, safe_text(fmt::format("{}", fmt::join(items, sep))));
  };
  for (const ActionGrant& a : access.actions) {
    const catalog::Service& s = catalog.service_of(*a.action);
    if (&s != current) {
      current = &s;
      fmt::format_to(std::back_inserter(out), "\n{} ({})\n", s.prefix, s.name);
    }
    fmt::format_to(std::back_inserter(out), "  {:<12} {:<48} {}{}\n", grant_name(a.grant), a.action->name,
                   catalog::access_level_name(a.action->level), a.resource_policy ? "  + resource policy" : "");
    const GrantReason& r = a.reason;
    line("on", r.resources, ", ");
    line("except", r.except, ", ");
    line("when", r.condition_keys, ", ");
    if (r.example) {
      std::string ex = r.example->resource;
      for (const auto& [key, value] : r.example->context) ex += fmt::format(" {}={}", key, value);
      fmt::format_to(std::back_inserter(out), "  {:<12}   e.g.: {}\n", "", safe_text(ex));
    }
    line("note", r.notes, "; ");
    if (!r.settled) fmt::format_to(std::back_inserter(out), "  {:<12}   note: too many cases to settle exactly; it may be denied\n", "");
  }
  return out;
}

std::string effective_access_json(const EffectiveAccess& access, const catalog::Catalog& catalog) {
  auto strings = [](const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_quote(v[i]);
    return out + "]";
  };
  std::string out = fmt::format(
      "{{\"principal\":{},\"type\":\"{}\",\"admin\":{},\"adminGrant\":\"{}\",\"summary\":{{\"allowed\":{},"
      "\"conditional\":{},\"denied\":{}}},\"scope\":{},\"scpNote\":{},\"problems\":{},\"actions\":[",
      json_quote(access.principal), access.is_role ? "role" : "user", access.admin == Grant::kAllowed ? "true" : "false",
      grant_name(access.admin), access.allowed, access.conditional, access.denied, json_quote(kScopeNote),
      access.scp_note.empty() ? "null" : json_quote(access.scp_note), strings(access.problems));
  for (size_t i = 0; i < access.actions.size(); ++i) {
    const ActionGrant& a = access.actions[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"action\":{},\"accessLevel\":\"{}\",\"grant\":\"{}\"", i ? "," : "",
                   json_quote(catalog.full_name(*a.action)), catalog::access_level_name(a.action->level),
                   grant_name(a.grant));
    if (a.resource_policy) out += ",\"resourcePolicyDecides\":true";
    if (a.grant == Grant::kConditional) {
      const GrantReason& r = a.reason;
      fmt::format_to(std::back_inserter(out), ",\"conditionKeys\":{},\"resources\":{},\"exceptResources\":{},\"notes\":{}",
                     strings(r.condition_keys), strings(r.resources), strings(r.except), strings(r.notes));
      if (r.example) {
        fmt::format_to(std::back_inserter(out), ",\"example\":{{\"resource\":{},\"context\":{{", json_quote(r.example->resource));
        for (size_t k = 0; k < r.example->context.size(); ++k)
          fmt::format_to(std::back_inserter(out), "{}{}:{}", k ? "," : "", json_quote(r.example->context[k].first),
                         json_quote(r.example->context[k].second));
        out += "}}";
      }
      if (!r.settled) out += ",\"settled\":false";
    } else if (!a.reason.notes.empty()) {
      fmt::format_to(std::back_inserter(out), ",\"notes\":{}", strings(a.reason.notes));
    }
    out += "}";
  }
  out += "]}\n";
  return out;
}

std::string admin_answers_text(const std::vector<AdminAnswer>& answers) {
  std::string out;
  for (const AdminAnswer& a : answers) {
    fmt::format_to(std::back_inserter(out), "{:<18} {}\n", admin_word(a.admin), safe_text(a.principal));
    if (a.reach_steps && *a.reach_steps > 0)
      fmt::format_to(std::back_inserter(out), "{:<18}   can become administrator in {} step{}{}: {}\n", "", *a.reach_steps,
                     *a.reach_steps == 1 ? "" : "s", a.reach_conditional ? " (under conditions)" : "", safe_text(a.reach_path));
    for (const std::string& p : a.problems) fmt::format_to(std::back_inserter(out), "{:<18}   warning: {}\n", "", safe_text(p));
  }
  return out;
}

std::string admin_answer_json(const AdminAnswer& a) {
  std::string out = fmt::format("{{\"principal\":{},\"type\":\"{}\",\"admin\":{},\"adminGrant\":\"{}\"",
                                json_quote(a.principal), a.is_role ? "role" : "user",
                                a.admin == Grant::kAllowed ? "true" : "false", grant_name(a.admin));
  if (a.reach_steps) {
    out += fmt::format(",\"adminReachable\":{}", *a.reach_steps > 0 ? "true" : "false");
    if (*a.reach_steps > 0)
      out += fmt::format(",\"steps\":{},\"conditional\":{},\"path\":{}", *a.reach_steps, a.reach_conditional ? "true" : "false",
                         json_quote(a.reach_path));
  }
  if (!a.problems.empty()) {
    out += ",\"problems\":[";
    for (size_t k = 0; k < a.problems.size(); ++k) out += (k ? "," : "") + json_quote(a.problems[k]);
    out += "]";
  }
  return out + "}";
}

std::string admin_answers_json(const std::vector<AdminAnswer>& answers) {
  std::string out = "[";
  for (size_t i = 0; i < answers.size(); ++i) out += (i ? ",\n" : "\n") + admin_answer_json(answers[i]);
  out += "\n]\n";
  return out;
}

}  // namespace iamwarden::access
