// Finding the edits of `paths --fix` (fix.h). Cutting paths by removing grants is a hitting-set
// problem (one grant can carry many paths, one path needs all of its grants), so the set is built
// greedily: cover every current shortest path with the edits that cut the most of them, search
// again with those edits applied (other paths may appear), repeat; then drop every edit the rest
// make unnecessary. Every claim is a search with the edits applied, never an estimate.
#include "escalation/fix.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <queue>
#include <tuple>
#include <set>
#include <unordered_map>

#include "base/json_writer.h"
#include "eval/context.h"
#include "escalation/graph.h"

namespace iamwarden::escalation {
namespace {

constexpr size_t kMaxRounds = 30;   // searches to cover the paths that appear as others are cut
constexpr size_t kMaxPrune = 60;    // each pruning step is one search

struct Unit {
  FixWhere kind;
  std::string where, action, resource;
  auto key() const { return std::tie(kind, where, action, resource); }
  bool operator<(const Unit& o) const { return key() < o.key(); }
};

// "iam:PassRole on arn:..." -> action, resource ("*" unless the step assumes a role: then that role).
std::pair<std::string, std::string> parse_request(const std::string& request) {
  auto [action, resource] = split_request(request);
  if (eval::fold_case(action) != "sts:assumerole") resource = "*";
  return {action, resource};
}

class Fixer {
 public:
  Fixer(const snapshot::Account& account, const Graph& graph, const SearchWithBans& search)
      : account_(account), graph_(graph), search_(search) {
    for (size_t i = 0; i < graph.admin; ++i) {
      index_.emplace(graph.nodes[i].arn, i);
      if (graph.nodes[i].depth == 0) administrators_.insert(i);
    }
    // Who each group and customer-managed policy reaches.
    for (size_t u = 0; u < account.iam.users.size(); ++u) {
      const snapshot::User& user = account.iam.users[u];
      for (const snapshot::PolicyRef& ref : user.attached) policy_holders_[ref.arn].push_back(u);
      for (const std::string& g : user.groups)
        if (const snapshot::Group* group = account.find_group(g)) {
          group_members_[group->arn].push_back(u);
          for (const snapshot::PolicyRef& ref : group->attached) policy_holders_[ref.arn].push_back(u);
        }
    }
    for (size_t r = 0; r < account.iam.roles.size(); ++r)
      for (const snapshot::PolicyRef& ref : account.iam.roles[r].attached)
        policy_holders_[ref.arn].push_back(account.iam.users.size() + r);
    for (auto* lists : {&policy_holders_, &group_members_})
      for (auto& [arn, holders] : *lists) {
        std::sort(holders.begin(), holders.end());
        holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
      }
  }

  Fix run() {
    Fix fix;
    std::vector<Unit> chosen;
    const Graph* g = &graph_;
    while (true) {
      std::vector<size_t> escalating = escalating_in(*g);
      if (escalating.empty()) {
        fix.complete = true;
        break;
      }
      if (fix.searches >= kMaxRounds) {
        fix.remaining = std::move(escalating);
        break;
      }
      const size_t before = chosen.size();
      cover(*g, escalating, chosen);
      if (chosen.size() == before) {  // some path has no step an edit could cut (an administrator's own step)
        fix.remaining = std::move(escalating);
        break;
      }
      g = &search_(bans(chosen));
      ++fix.searches;
    }
    // Drop every edit the others make unnecessary (each trial is a search), newest first.
    if (fix.complete && chosen.size() <= kMaxPrune) {
      for (size_t i = chosen.size(); i-- > 0;) {
        std::vector<Unit> without = chosen;
        without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
        const Graph& trial = search_(bans(without));
        ++fix.searches;
        if (escalating_in(trial).empty()) chosen = std::move(without);
      }
    }
    // One Deny statement per place: the actions denied at the same place and resource merge.
    std::map<Place, size_t> edit_at;
    std::vector<size_t> edit_of;
    for (const Unit& u : chosen) {
      auto [it, added] = edit_at.emplace(place_of(u), fix.edits.size());
      if (added) fix.edits.push_back(edit(u));
      else fix.edits[it->second].actions.push_back(u.action);
      edit_of.push_back(it->second);
    }
    add_cuts(chosen, fix.edits, edit_of);
    std::stable_sort(fix.edits.begin(), fix.edits.end(), [](const FixEdit& a, const FixEdit& b) { return a.cuts.size() > b.cuts.size(); });
    return fix;
  }

 private:
  static std::vector<size_t> escalating_in(const Graph& g) {
    std::vector<size_t> out;
    for (size_t i = 0; i < g.admin; ++i)
      if (g.nodes[i].depth > 0) out.push_back(i);
    return out;
  }

  // The principals a unit's Deny reaches.
  std::vector<size_t> reach(const Unit& u) const {
    switch (u.kind) {
      case FixWhere::kPrincipal: {
        auto it = index_.find(u.where);
        return it == index_.end() ? std::vector<size_t>{} : std::vector<size_t>{it->second};
      }
      case FixWhere::kGroup: {
        auto it = group_members_.find(u.where);
        return it == group_members_.end() ? std::vector<size_t>{} : it->second;
      }
      case FixWhere::kPolicy: {
        auto it = policy_holders_.find(u.where);
        return it == policy_holders_.end() ? std::vector<size_t>{} : it->second;
      }
      case FixWhere::kTrust: {
        auto it = trust_denied_.find(u.where);
        return it == trust_denied_.end() ? std::vector<size_t>{} : it->second;
      }
    }
    return {};
  }

  // Edits that would cut one step taken by `from`: deny one of its requests to the principal, to a
  // group it is in, or in a customer-managed policy it has. Never one that reaches an administrator
  // (that would take administrators' rights away, not close a path).
  std::vector<Unit> units_for_step(size_t from, const Step& step) const {
    std::vector<Unit> out;
    std::vector<std::pair<FixWhere, std::string>> places{{FixWhere::kPrincipal, graph_.nodes[from].arn}};
    const snapshot::PolicyHolder* holder = nullptr;
    if (from < account_.iam.users.size()) {
      const snapshot::User& user = account_.iam.users[from];
      holder = &user;
      for (const std::string& g : user.groups)
        if (const snapshot::Group* group = account_.find_group(g)) {
          places.emplace_back(FixWhere::kGroup, group->arn);
          for (const snapshot::PolicyRef& ref : group->attached) places.emplace_back(FixWhere::kPolicy, ref.arn);
        }
    } else if (from - account_.iam.users.size() < account_.iam.roles.size()) {
      holder = &account_.iam.roles[from - account_.iam.users.size()];
    }
    if (holder)
      for (const snapshot::PolicyRef& ref : holder->attached) places.emplace_back(FixWhere::kPolicy, ref.arn);
    // A role's trust policy: one edit for everyone who assumes it on a path.
    for (const std::string& request : step.requests) {
      auto [action, resource] = parse_request(request);
      if (resource != "*") out.push_back({FixWhere::kTrust, resource, action, resource});
    }
    // Assuming a role is denied on that role, or on every role (then it can join a Deny on "*").
    std::vector<std::pair<std::string, std::string>> requests;
    for (const std::string& request : step.requests) {
      auto parsed = parse_request(request);
      requests.push_back(parsed);
      if (parsed.second != "*") requests.emplace_back(parsed.first, "*");
    }
    for (const auto& [kind, where] : places) {
      if (kind == FixWhere::kPolicy) {
        const snapshot::ManagedPolicy* p = account_.find_policy(where);
        if (!p || p->aws_managed()) continue;  // AWS's policies cannot be edited
      }
      for (const auto& [action, resource] : requests) {
        Unit u{kind, where, action, resource};
        std::vector<size_t> reached = reach(u);
        if (std::any_of(reached.begin(), reached.end(), [&](size_t n) { return administrators_.count(n) > 0; })) continue;
        if (std::find_if(out.begin(), out.end(), [&](const Unit& o) { return !(o < u) && !(u < o); }) == out.end())
          out.push_back(std::move(u));
      }
    }
    return out;
  }

  // Greedy set cover of the current shortest paths: each path is cut by any edit of any of its steps.
  using Place = std::tuple<FixWhere, std::string, std::string>;  // where a Deny statement goes
  static Place place_of(const Unit& u) { return {u.kind, u.where, u.resource}; }

  void cover(const Graph& g, const std::vector<size_t>& escalating, std::vector<Unit>& chosen) {
    std::vector<Unit> units;
    std::map<Unit, size_t> ids;
    std::vector<std::vector<size_t>> hits;                 // unit id -> paths (positions in `escalating`) it cuts
    std::map<std::string, std::vector<size_t>> assuming;  // role -> who assumes it on these paths
    for (size_t k = 0; k < escalating.size(); ++k) {
      size_t from = escalating[k];
      for (const Step* s : g.path(escalating[k])) {
        for (Unit& u : units_for_step(from, *s)) {
          if (u.kind == FixWhere::kTrust) assuming[u.where].push_back(from);
          auto [it, added] = ids.emplace(u, units.size());
          if (added) {
            units.push_back(std::move(u));
            hits.emplace_back();
          }
          std::vector<size_t>& h = hits[it->second];
          if (h.empty() || h.back() != k) h.push_back(k);
        }
        from = s->to;
      }
    }
    // An edit's cost is the statement it adds: none when a chosen edit already writes a Deny at the
    // same place on the same resource (the action joins it).
    std::set<Place> places;
    for (const Unit& c : chosen) places.insert(place_of(c));
    std::map<Place, std::vector<size_t>> at_place;
    for (size_t id = 0; id < units.size(); ++id) at_place[place_of(units[id])].push_back(id);
    std::vector<char> cut(escalating.size(), 0);
    auto uncut = [&](size_t id) {
      size_t n = 0;
      for (size_t k : hits[id]) n += !cut[k];
      return n;
    };
    // Lazy greedy: free edits first, then more paths, then the narrower place (a principal before a
    // group before a policy: the same cut with less collateral), then the first found. A popped
    // entry whose priority went stale is pushed back with its current one.
    using Priority = std::tuple<bool, size_t, int, long>;
    auto priority = [&](size_t id) {
      return Priority{places.count(place_of(units[id])) > 0, uncut(id), -static_cast<int>(units[id].kind), -static_cast<long>(id)};
    };
    std::priority_queue<std::pair<Priority, size_t>> queue;
    for (size_t id = 0; id < units.size(); ++id) queue.emplace(priority(id), id);
    size_t left = escalating.size();
    while (left > 0 && !queue.empty()) {
      auto [stored, id] = queue.top();
      queue.pop();
      const Priority now = priority(id);
      if (std::get<1>(now) == 0) continue;
      if (now != stored) {
        queue.emplace(now, id);
        continue;
      }
      for (size_t k : hits[id])
        if (!cut[k]) {
          cut[k] = 1;
          --left;
        }
      const Unit& best = units[id];
      if (places.insert(place_of(best)).second)  // its place's other edits are free now
        for (size_t other : at_place[place_of(best)]) queue.emplace(priority(other), other);
      if (best.kind == FixWhere::kTrust) {
        std::vector<size_t>& denied = trust_denied_[best.where];
        const std::vector<size_t>& more = assuming[best.where];
        denied.insert(denied.end(), more.begin(), more.end());
        std::sort(denied.begin(), denied.end());
        denied.erase(std::unique(denied.begin(), denied.end()), denied.end());
        if (std::find_if(chosen.begin(), chosen.end(), [&](const Unit& c) { return !(c < best) && !(best < c); }) != chosen.end())
          continue;  // the same role's trust, chosen in an earlier round: it now denies more principals
      }
      chosen.push_back(best);
    }
  }

  std::vector<Ban> bans(const std::vector<Unit>& units) const {
    std::vector<Ban> out;
    for (const Unit& u : units)
      for (size_t n : reach(u)) out.push_back({n, eval::fold_case(u.action), u.resource});
    return out;
  }

  FixEdit edit(const Unit& u) const {
    FixEdit e{u.kind, u.where, {u.action}, u.resource, reach(u), {}, {}};
    if (u.kind == FixWhere::kTrust)
      for (size_t n : e.applies_to) e.principals.push_back(graph_.nodes[n].arn);
    return e;
  }

  // Per edit, the principals whose shortest path (without edits) one of its Denies breaks: one pass
  // over the paths, each step's requests looked up by (principal, action).
  void add_cuts(const std::vector<Unit>& chosen, std::vector<FixEdit>& edits, const std::vector<size_t>& edit_of) const {
    std::map<std::pair<size_t, std::string>, std::vector<size_t>> by_request;  // (principal, action) -> chosen units
    for (size_t c = 0; c < chosen.size(); ++c)
      for (size_t n : edits[edit_of[c]].applies_to) by_request[{n, eval::fold_case(chosen[c].action)}].push_back(c);
    for (size_t i = 0; i < graph_.admin; ++i) {
      if (graph_.nodes[i].depth <= 0) continue;
      size_t from = i;
      for (const Step* s : graph_.path(i)) {
        for (const std::string& r : s->requests) {
          auto [action, resource] = parse_request(r);
          auto it = by_request.find({from, eval::fold_case(action)});
          if (it == by_request.end()) continue;
          for (size_t c : it->second)
            if (chosen[c].resource == "*" || chosen[c].resource == resource) {
              std::vector<size_t>& cuts = edits[edit_of[c]].cuts;
              if (cuts.empty() || cuts.back() != i) cuts.push_back(i);
            }
        }
        from = s->to;
      }
    }
  }

  const snapshot::Account& account_;
  const Graph& graph_;
  const SearchWithBans& search_;
  std::unordered_map<std::string, size_t> index_;
  std::set<size_t> administrators_;
  std::unordered_map<std::string, std::vector<size_t>> group_members_, policy_holders_;
  std::unordered_map<std::string, std::vector<size_t>> trust_denied_;  // role -> principals its trust must no longer admit
};

}  // namespace

std::string FixEdit::statement() const {
  if (kind == FixWhere::kTrust) {
    std::string who;
    for (const std::string& p : principals) who += (who.empty() ? "" : ",") + json_quote(p);
    return fmt::format(R"({{"Effect":"Deny","Principal":{{"AWS":{}}},"Action":"sts:AssumeRole"}})",
                       principals.size() == 1 ? who : "[" + who + "]");
  }
  std::string list;
  for (const std::string& a : actions) list += (list.empty() ? "" : ",") + json_quote(a);
  return fmt::format(R"({{"Effect":"Deny","Action":{},"Resource":{}}})", actions.size() == 1 ? list : "[" + list + "]",
                     json_quote(resource));
}

Fix find_fix(const snapshot::Account& account, const Graph& graph, const SearchWithBans& search) {
  return Fixer(account, graph, search).run();
}

}  // namespace iamwarden::escalation
