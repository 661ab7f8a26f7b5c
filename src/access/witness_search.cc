// The exact search behind `access`'s conditional answers (see witness_search.h).
#include "access/witness_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "base/ascii.h"
#include "catalog/catalog.h"
#include "eval/compiled_policy.h"
#include "policy/condition_operator.h"

namespace iamwarden::access {
namespace {

// Work limits: past them the answer stays "conditional" (an upper estimate), marked unsettled.
constexpr size_t kMaxOverlaps = 256;
constexpr size_t kMaxEvaluations = 50000;

// Nobody can change what AWS owns (AWS-managed policies: arn:aws:iam::aws:policy/...).
constexpr std::string_view kAwsOwned = "arn:*:*:*:aws:*";
constexpr std::string_view kFresh = "iamwarden-other";    // a value no condition names
constexpr std::string_view kShared = "iamwarden-shared";  // one value for two keys compared with each other

using Statements = std::vector<const eval::CompiledStatement*>;

// The statements of a layer that cover the request's action, split by effect.
struct LayerStatements {
  Statements allows;
};

struct Gathered {
  std::vector<LayerStatements> layers;  // identity, boundary, each SCP level, session: each needs an Allow
  Statements denies;
  bool missing_allow = false;  // a layer allows nothing for the action
};

void gather_policy(const eval::CompiledPolicy& policy, const eval::Request& r, Statements& allows, Statements& denies) {
  policy.for_candidates(r.service_hash, r.service, [&](const eval::CompiledStatement& st) {
    if (!eval::statement_matches_action(st, r.service_hash, r.service, r.action_name)) return;
    (st.effect == policy::Effect::kAllow ? allows : denies).push_back(&st);
  });
}

Gathered gather(const eval::PolicySet& set, const eval::Request& r) {
  Gathered g;
  auto layer = [&](std::span<const eval::CompiledPolicy* const> policies) {
    LayerStatements& l = g.layers.emplace_back();
    for (const eval::CompiledPolicy* p : policies) gather_policy(*p, r, l.allows, g.denies);
    if (l.allows.empty()) g.missing_allow = true;
  };
  layer(set.identity);
  if (set.boundary) layer(std::span<const eval::CompiledPolicy* const>(&set.boundary, 1));
  for (const auto& level : set.scp_levels) layer(level);
  if (!set.session.empty() && r.caller.is_session()) layer(set.session);  // session policies bound sessions only
  return g;
}

// ---- resources ----

// A Resource item with the principal's variables filled in, as a glob; nullopt when unresolved.
std::optional<std::string> resource_glob(const eval::ResourcePattern& p, const eval::Context& ctx) {
  std::string out;
  if (!p.render(ctx, out)) return std::nullopt;
  // Short ARNs act as if padded with wildcards (spec §3.3).
  if (out.rfind("arn:", 0) == 0) {
    size_t colons = static_cast<size_t>(std::count(out.begin(), out.end(), ':'));
    for (; colons < 5; ++colons) out += ":*";
  }
  return out;
}

// An ARN template ("arn:${Partition}:s3:::${BucketName}/${ObjectName}") as a glob. Placeholders
// match anything, except names known never to hold a '/' (an S3 bucket name).
std::string template_glob(std::string_view arn_template) {
  std::string out;
  for (size_t i = 0; i < arn_template.size();) {
    if (arn_template.compare(i, 2, "${") == 0) {
      size_t close = arn_template.find('}', i);
      if (close != std::string_view::npos) {
        out += arn_template.substr(i + 2, close - i - 2) == "BucketName" ? kSegmentStar : '*';
        i = close + 1;
        continue;
      }
    }
    out += arn_template[i++];
  }
  return out;
}

// One way a layer's Allow can cover a resource: inside `pattern` (empty = anywhere), or anywhere
// but `excluded` (NotResource).
struct Alternative {
  std::string pattern;
  std::vector<std::string> excluded;
  std::string shown;  // for reasons
};

std::vector<Alternative> alternatives(const Statements& allows, const eval::Context& ctx) {
  std::vector<Alternative> out;
  for (const eval::CompiledStatement* st : allows) {
    if (st->resource_mode == policy::ElementMode::kAbsent) {
      out.push_back({});
      continue;
    }
    if (st->resource_mode == policy::ElementMode::kNot) {
      Alternative a;
      for (const eval::ResourcePattern& p : st->resources)
        if (std::optional<std::string> g = resource_glob(p, ctx)) a.excluded.push_back(std::move(*g));
      a.shown = "NotResource " + fmt::format("{}", fmt::join(a.excluded, ", "));
      out.push_back(std::move(a));
      continue;
    }
    for (const eval::ResourcePattern& p : st->resources) {
      std::optional<std::string> g = resource_glob(p, ctx);
      if (!g) continue;  // an unresolved variable matches nothing
      if (*g == "*") out.push_back({});
      else out.push_back({*g, {}, *g});
    }
  }
  // Equal alternatives give equal overlaps.
  std::sort(out.begin(), out.end(), [](const Alternative& a, const Alternative& b) {
    return std::tie(a.pattern, a.excluded) < std::tie(b.pattern, b.excluded);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Alternative& a, const Alternative& b) {
                          return a.pattern == b.pattern && a.excluded == b.excluded;
                        }),
            out.end());
  return out;
}

// ---- condition values ----

struct Choice {
  enum class Kind : uint8_t { kAbsent, kSingle, kList } kind = Kind::kAbsent;
  std::vector<std::string> values;
  bool operator==(const Choice&) const = default;
};

struct KeyDomain {
  std::string key;  // as first written
  std::string folded;
  bool list = false;
  std::vector<std::string> values;
  std::vector<Choice> choices;
};

std::string format_date(int64_t millis) {
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string format_number(long double v) { return fmt::format("{}", static_cast<double>(v)); }

// Candidate values that put a clause's value on each side of the comparison.
void clause_values(const eval::CompiledCondition& c, const eval::Context& ctx, std::vector<std::string>& out) {
  switch (policy::op_family(c.op.base)) {
    case policy::OpFamily::kString:
    case policy::OpFamily::kArn:
      for (const eval::ConditionValue& v : c.values) {
        std::string text;
        if (!v.text.render(ctx, text)) continue;
        if (text.find_first_of("*?") == std::string::npos) {
          out.push_back(text);
          continue;
        }
        for (std::string_view fill : {"", "iamwarden"}) {
          std::string filled;
          for (char ch : text) {
            if (ch == '*') filled += fill;
            else if (ch == '?') filled += 'x';
            else filled += ch;
          }
          out.push_back(std::move(filled));
        }
      }
      break;
    case policy::OpFamily::kNumeric:
      for (const eval::ConditionValue& v : c.values)
        if (v.number)
          for (long double d : {*v.number, *v.number - 1, *v.number + 1, *v.number - 0.5L, *v.number + 0.5L})
            out.push_back(format_number(d));
      break;
    case policy::OpFamily::kDate:
      for (const eval::ConditionValue& v : c.values)
        if (v.date_millis)
          for (int64_t d : {*v.date_millis, *v.date_millis - 1000, *v.date_millis + 1000}) out.push_back(format_date(d));
      break;
    case policy::OpFamily::kBool:
    case policy::OpFamily::kNull:
      out.push_back("true");
      out.push_back("false");
      break;
    case policy::OpFamily::kIp:
      for (const eval::ConditionValue& v : c.values) {
        std::string_view raw = v.raw;
        out.emplace_back(raw.substr(0, raw.find('/')));
      }
      out.push_back("198.51.100.7");
      out.push_back("2001:db8::7");
      break;
    case policy::OpFamily::kBinary:
      for (const eval::ConditionValue& v : c.values) out.push_back(v.raw);
      break;
  }
}

class Domains {
 public:
  KeyDomain& at(std::string_view key) {
    std::string folded = eval::fold_case(key);
    for (KeyDomain& d : domains_)
      if (d.folded == folded) return d;
    KeyDomain& d = domains_.emplace_back();
    d.key = std::string(key);
    d.folded = std::move(folded);
    return d;
  }
  std::vector<KeyDomain>& all() { return domains_; }

 private:
  std::vector<KeyDomain> domains_;
};

// A variable's key as the policy spells it (the compiled pattern keeps it folded).
std::string as_written(std::string_view raw, std::string_view folded) {
  for (size_t i = 0; i + folded.size() <= raw.size(); ++i)
    if (ascii_iequals(raw.substr(i, folded.size()), folded)) return std::string(raw.substr(i, folded.size()));
  return std::string(folded);
}

// Keys that follow from the chosen resource (its account), not chosen on their own.
bool follows_resource(std::string_view key, KnownKeys known) {
  return ascii_iequals(key, "aws:ResourceAccount") ||
         (has(known, KnownKeys::kOrganization) && ascii_iequals(key, "aws:ResourceOrgID"));
}

// The keys the request decides and candidate values for each, from every clause of the statements.
std::vector<KeyDomain> key_domains(const Gathered& g, const eval::Context& ctx, KnownKeys known) {
  Domains domains;
  auto visit = [&](const eval::CompiledStatement* st) {
    for (const eval::CompiledCondition& c : st->conditions) {
      const bool key_decided = principal_decided_key(c.key, known);
      // Variables in values that the request decides: make them equal to the clause's other side.
      std::vector<std::string> linked;
      for (const eval::ConditionValue& v : c.values)
        v.text.for_each_variable([&](std::string_view name) {
          if (principal_decided_key(name, known) || follows_resource(name, known)) return;
          linked.push_back(as_written(v.raw, name));
        });
      for (const std::string& var : linked) {
        KeyDomain& d = domains.at(var);
        if (!key_decided) {
          d.values.emplace_back(kShared);
          domains.at(c.key).values.emplace_back(kShared);
        } else if (const eval::ContextEntry* e = ctx.find(c.key); e && !e->is_list && !e->values.empty()) {
          d.values.push_back(e->values.front());
        }
      }
      if (key_decided || follows_resource(c.key, known)) continue;
      KeyDomain& d = domains.at(c.key);
      if (c.op.qualifier != policy::SetQualifier::kNone) d.list = true;
      clause_values(c, ctx, d.values);
    }
  };
  for (const LayerStatements& l : g.layers)
    for (const eval::CompiledStatement* st : l.allows) visit(st);
  for (const eval::CompiledStatement* st : g.denies) visit(st);
  std::vector<KeyDomain> out = std::move(domains.all());
  for (KeyDomain& d : out) {
    d.values.emplace_back(kFresh);
    std::vector<std::string> unique;
    for (std::string& v : d.values)
      if (std::find(unique.begin(), unique.end(), v) == unique.end()) unique.push_back(std::move(v));
    d.values = std::move(unique);
    d.choices.push_back({});  // absent
    for (const std::string& v : d.values) d.choices.push_back({Choice::Kind::kSingle, {v}});
    if (d.list) {
      d.choices.push_back({Choice::Kind::kList, {}});
      for (const std::string& v : d.values) d.choices.push_back({Choice::Kind::kList, {v}});
    }
  }
  return out;
}

// Accounts other than the principal's to try resources in, when a condition reads
// aws:ResourceAccount: those the conditions name, and one they do not.
std::vector<std::string> foreign_accounts(const Gathered& g, std::string_view own) {
  std::vector<std::string> out;
  bool reads = false;
  auto visit = [&](const eval::CompiledStatement* st) {
    for (const eval::CompiledCondition& c : st->conditions) {
      if (c.folded_key == "aws:resourceaccount") {
        reads = true;
        for (const eval::ConditionValue& v : c.values)
          if (v.raw.find_first_of("*?$:") == std::string::npos && v.raw != own) out.push_back(v.raw);
      }
      for (const eval::ConditionValue& v : c.values)
        v.text.for_each_variable([&](std::string_view name) { reads = reads || name == "aws:resourceaccount"; });
    }
  };
  for (const LayerStatements& l : g.layers)
    for (const eval::CompiledStatement* st : l.allows) visit(st);
  for (const eval::CompiledStatement* st : g.denies) visit(st);
  if (!reads) return {};
  out.emplace_back("999999999999");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// True when text lies in the overlap a glob_memo_ key describes ("all\n...\tnone\n...").
bool fits_walk(std::string_view text, std::string_view walk) {
  std::vector<std::string_view> all, none;
  const size_t tab = walk.find('\t');
  auto split = [](std::string_view list, std::vector<std::string_view>& out) {
    for (size_t start = 0, nl; (nl = list.find('\n', start)) != std::string_view::npos; start = nl + 1)
      out.push_back(list.substr(start, nl - start));
  };
  split(walk.substr(0, tab), all);
  split(walk.substr(tab + 1), none);
  if (text.find_first_of("*?") != std::string_view::npos) return false;
  return glob_accepts(all, none, text, true);
}

// A resource of the same overlap with its empty fields filled the way real ARNs have them: the
// partition "aws", the principal's account, a region, a name. Each fill is kept only if it fits.
std::string fuller_resource(const std::string& resource, std::string_view walk, std::string_view own_account) {
  if (resource.rfind("arn:", 0) != 0) return resource;
  std::string out = resource;
  auto field_bounds = [&](int index) -> std::pair<size_t, size_t> {  // [begin, end) of ARN field index
    size_t begin = 0;
    for (int i = 0; i < index; ++i) begin = out.find(':', begin) + 1;
    size_t end = index < 5 ? out.find(':', begin) : out.size();
    return {begin, end};
  };
  auto try_fill = [&](int index, std::string_view value) {
    auto [b, e] = field_bounds(index);
    if (e == std::string::npos || b != e) return;
    std::string candidate = out;
    candidate.insert(b, value);
    if (fits_walk(candidate, walk)) out = std::move(candidate);
  };
  if (std::count(out.begin(), out.end(), ':') < 5) return resource;
  try_fill(1, "aws");
  try_fill(4, own_account);
  try_fill(3, "us-east-1");
  // The resource part: a name after a trailing separator, or for an empty resource part.
  auto [b, e] = field_bounds(5);
  if (b == e || out.back() == '/' || out.back() == ':') {
    std::string candidate = out + "example";
    if (fits_walk(candidate, walk)) out = std::move(candidate);
  }
  return out;
}

std::string account_of(std::string_view arn) {
  eval::ArnParts parts = eval::split_arn(arn);
  return parts.ok ? std::string(parts.account()) : std::string();
}

}  // namespace

bool resource_policy_decides(const catalog::Catalog& catalog, std::string_view service, std::string_view action_name) {
  const catalog::Action* a = catalog.find_action(fmt::format("{}:{}", service, action_name));
  if (!a) return false;
  const catalog::Service& s = catalog.service_of(*a);
  const std::string folded = eval::fold_case(s.prefix);
  for (const catalog::ResourceRef& ref : a->resources) {
    std::string_view t = s.resources[ref.index].arn_template;
    if (folded == "sts" && t.find(":iam::") != std::string_view::npos && t.find(":role/") != std::string_view::npos)
      return true;
    if (folded == "kms" && t.find(":key/") != std::string_view::npos) return true;
  }
  return false;
}

SearchResult WitnessSearch::run(const eval::Request& request, const eval::PolicySet& original,
                                const eval::PolicySet& every_exact, Scope scope, bool explain) {
  SearchResult result;
  const bool every = scope == Scope::kEveryResource;
  const bool fixed = scope == Scope::kThisRequest;
  const eval::PolicySet& set = every ? every_exact : original;
  Gathered g = gather(set, request);
  if (g.missing_allow) return result;

  // The principal's keys stay (for one fixed request, every key it holds); the rest is the request's to choose.
  eval::Context base;
  for (const eval::ContextEntry& e : request.context.entries()) {
    if (!fixed && !principal_decided_key(e.key, known_)) continue;
    if (e.is_list) (void)base.set_list(e.original, e.values);
    else if (!e.values.empty()) (void)base.set(e.original, e.values.front());
  }
  const std::string own_account = request.caller.account;
  const eval::ContextEntry* org = request.context.find("aws:PrincipalOrgID");
  const std::string own_org = org && !org->values.empty() ? org->values.front() : std::string();

  std::vector<KeyDomain> domains = key_domains(g, request.context, known_);
  if (fixed)
    std::erase_if(domains, [&](const KeyDomain& d) { return request.context.find(d.key) != nullptr; });
  for (const KeyDomain& d : domains) result.reason.condition_keys.push_back(d.key);
  std::sort(result.reason.condition_keys.begin(), result.reason.condition_keys.end());

  // ---- candidate resources, grouped by the overlap they come from ----
  struct Overlap {
    std::vector<std::string> resources;
    std::vector<const std::string*> walks;  // per resource: its glob_memo_ key (null for "*")
    std::string shown;  // "" = any resource
  };
  std::vector<Overlap> overlaps;
  const catalog::Action* action = catalog_ ? catalog_->find_action(request.action) : nullptr;
  if (fixed) {
    overlaps.push_back({{request.resource}, {nullptr}, request.resource});
  } else if (every || (action && action->resources.empty())) {
    overlaps.push_back({{"*"}, {nullptr}, ""});  // actions without resource types take "*" only
  } else {
    std::vector<std::vector<Alternative>> per_layer;
    for (const LayerStatements& l : g.layers) {
      per_layer.push_back(alternatives(l.allows, request.context));
      if (per_layer.back().empty()) return result;  // its Resource variables resolve to nothing
    }
    std::vector<std::string> types;
    if (action) {
      const catalog::Service& s = catalog_->service_of(*action);
      for (const catalog::ResourceRef& ref : action->resources) types.push_back(template_glob(s.resources[ref.index].arn_template));
    }
    if (types.empty()) types.emplace_back("*");
    const bool changes = action && action->level != catalog::AccessLevel::kList && action->level != catalog::AccessLevel::kRead;
    // Deny statements scoped to resources, to steer around: outside a Resource list, inside a
    // NotResource list. Those that cannot be avoided are left to the conditions.
    struct Avoid {
      bool inside = false;  // NotResource: avoided inside one of the patterns
      std::vector<std::string> patterns;
    };
    std::vector<Avoid> avoids;
    for (const eval::CompiledStatement* st : g.denies) {
      if (st->resource_mode == policy::ElementMode::kAbsent) continue;
      Avoid a{st->resource_mode == policy::ElementMode::kNot, {}};
      for (const eval::ResourcePattern& p : st->resources)
        if (std::optional<std::string> glob = resource_glob(p, request.context)) a.patterns.push_back(std::move(*glob));
      if (!a.inside && std::find(a.patterns.begin(), a.patterns.end(), "*") != a.patterns.end()) continue;
      for (const std::string& p : a.patterns) result.reason.except.push_back(a.inside ? "not " + p : p);
      avoids.push_back(std::move(a));
    }
    // Which statements to avoid: all of them, all but one, none.
    std::vector<std::vector<const Avoid*>> avoid_sets;
    avoid_sets.emplace_back();
    for (const Avoid& a : avoids) avoid_sets.back().push_back(&a);
    if (avoids.size() > 1)
      for (size_t skip = 0; skip < avoids.size(); ++skip) {
        avoid_sets.emplace_back();
        for (size_t k = 0; k < avoids.size(); ++k)
          if (k != skip) avoid_sets.back().push_back(&avoids[k]);
      }
    if (!avoids.empty()) avoid_sets.emplace_back();
    // Each set as (more patterns to match, more patterns to miss); a NotResource Deny is avoided
    // inside any one of its patterns.
    struct Steer {
      std::vector<std::string_view> all_of, none_of;
    };
    std::vector<Steer> steers;
    for (const auto& chosen : avoid_sets) {
      std::vector<Steer> partial(1);
      for (const Avoid* a : chosen) {
        if (!a->inside) {
          for (Steer& st : partial) st.none_of.insert(st.none_of.end(), a->patterns.begin(), a->patterns.end());
          continue;
        }
        std::vector<Steer> grown;
        for (const Steer& st : partial)
          for (const std::string& p : a->patterns) {
            if (grown.size() >= 16) break;
            Steer next = st;
            next.all_of.push_back(p);
            grown.push_back(std::move(next));
          }
        partial = std::move(grown);
      }
      steers.insert(steers.end(), partial.begin(), partial.end());
    }
    // Conditions on aws:ResourceAccount need resources of other accounts too.
    std::vector<std::string> foreign = foreign_accounts(g, own_account);
    std::vector<std::string> in_account;
    in_account.reserve(foreign.size());
    for (const std::string& a : foreign) in_account.push_back(fmt::format("arn:*:*:*:{}:*", a));
    const size_t own_steers = steers.size();
    for (const std::string& p : in_account)
      for (size_t i = 0; i < own_steers; ++i) {
        Steer st = steers[i];
        st.all_of.push_back(p);
        steers.push_back(std::move(st));
      }
    std::vector<size_t> pick(per_layer.size(), 0);
    bool aws_owned_only = false;
    size_t count = 0;
    for (bool more = true; more; ++count) {
      if (count == kMaxOverlaps) {
        result.reason.settled = false;
        break;
      }
      std::vector<std::string_view> all_of, none_of;
      std::vector<std::string_view> shown;
      for (size_t l = 0; l < per_layer.size(); ++l) {
        const Alternative& a = per_layer[l][pick[l]];
        if (!a.pattern.empty()) all_of.push_back(a.pattern);
        for (const std::string& e : a.excluded) none_of.push_back(e);
        if (!a.shown.empty()) shown.push_back(a.shown);
      }
      for (const std::string& type : types) {
        std::vector<std::string_view> with_type = all_of;
        with_type.push_back(type);
        std::vector<std::string_view> base_none = none_of;
        if (changes) base_none.push_back(kAwsOwned);
        Overlap overlap;
        for (const Steer& steer : steers) {
          std::vector<std::string_view> all = with_type, none = base_none;
          all.insert(all.end(), steer.all_of.begin(), steer.all_of.end());
          none.insert(none.end(), steer.none_of.begin(), steer.none_of.end());
          std::string memo_key;
          for (std::string_view p : all) (memo_key += p) += '\n';
          memo_key += '\t';
          for (std::string_view p : none) (memo_key += p) += '\n';
          auto it = glob_memo_.find(memo_key);
          if (it == glob_memo_.end()) it = glob_memo_.emplace(memo_key, glob_witness(all, none, true)).first;
          if (it->second.answer == GlobAnswer::kTooHard) result.reason.settled = false;
          if (it->second.answer != GlobAnswer::kFound) continue;
          if (std::find(overlap.resources.begin(), overlap.resources.end(), it->second.text) == overlap.resources.end()) {
            overlap.resources.push_back(it->second.text);
            overlap.walks.push_back(&it->first);
          }
        }
        if (overlap.resources.empty() && changes && !all_of.empty()) {
          // Only AWS-owned resources fit: say so rather than list them.
          std::vector<std::string_view> plain = none_of;
          if (glob_witness(with_type, plain, true).answer == GlobAnswer::kFound) aws_owned_only = true;
        }
        if (overlap.resources.empty()) continue;
        // Show the narrowest pattern of the overlap (or all of them when none holds the others).
        std::vector<std::string_view> narrowest;
        for (std::string_view p : shown) {
          bool inside_all = std::all_of(shown.begin(), shown.end(), [&](std::string_view q) {
            return p == q || p.rfind("NotResource ", 0) == 0 || q.rfind("NotResource ", 0) == 0 || glob_subset(p, q, true);
          });
          if (inside_all) {
            narrowest.assign(1, p);
            break;
          }
        }
        if (narrowest.empty()) narrowest = shown;
        overlap.shown = fmt::format("{}", fmt::join(narrowest, " & "));
        overlaps.push_back(std::move(overlap));
      }
      more = false;
      for (size_t l = 0; l < pick.size(); ++l) {
        if (++pick[l] < per_layer[l].size()) {
          more = true;
          break;
        }
        pick[l] = 0;
      }
    }
    if (aws_owned_only)
      result.reason.notes.push_back("resources owned by AWS (account \"aws\", such as AWS-managed policies) cannot be changed by anyone");
  }

  // ---- every candidate request, decided by the engine ----
  size_t evaluations = 0;
  bool any_resource = false;
  std::vector<std::string> shown;
  std::vector<size_t> pick(domains.size(), 0);
  for (const Overlap& overlap : overlaps) {
    bool overlap_found = false;
    for (size_t ri = 0; ri < overlap.resources.size(); ++ri) {
      const std::string& resource = overlap.resources[ri];
      if (overlap_found) break;
      std::string account = account_of(resource);
      if (account.empty()) account = own_account;
      std::fill(pick.begin(), pick.end(), 0);
      for (bool more = true; more && !overlap_found;) {
        if (++evaluations > kMaxEvaluations) {
          result.reason.settled = false;
          if (result.found == Found::kNone) result.found = Found::kUndecided;
          return result;
        }
        eval::Context ctx = base;
        ctx.set_default("aws:ResourceAccount", account);
        if (!own_org.empty() && account == own_account) ctx.set_default("aws:ResourceOrgID", own_org);
        for (size_t k = 0; k < domains.size(); ++k) {
          const Choice& c = domains[k].choices[pick[k]];
          if (c.kind == Choice::Kind::kSingle) (void)ctx.set(domains[k].key, c.values.front());
          else if (c.kind == Choice::Kind::kList) (void)ctx.set_list(domains[k].key, c.values);
        }
        // Evaluated as the principal's side of the request: another account's resource policy is its own say.
        Result<eval::Request> r = eval::make_request(request.caller, request.action, resource, own_account, std::move(ctx));
        if (r) {
          // The principal's side only (the trust/key policy is the resource's say), unless one
          // fixed request brings its resource policy along.
          if (!fixed) r->needs_explicit_trust = false;
          else r->needs_explicit_trust = request.needs_explicit_trust;
          if (eval::evaluate(*r, set).decision == eval::Decision::kAllowed) {
            overlap_found = true;
            if (result.found != Found::kAllowedRequest) {
              result.found = Found::kAllowedRequest;
              Example ex{every ? "*" : resource, {}};
              if (explain && !every && overlap.walks[ri]) {
                // The shortest witness leaves fields empty ("arn::iam:::role/"): show a fuller one if it fits as well.
                std::string fuller = fuller_resource(resource, *overlap.walks[ri], own_account);
                if (fuller != resource) {
                  Result<eval::Request> r2 = eval::make_request(request.caller, request.action, fuller, own_account, r->context);
                  if (r2) {
                    r2->needs_explicit_trust = false;
                    if (eval::evaluate(*r2, set).decision == eval::Decision::kAllowed) ex.resource = std::move(fuller);
                  }
                }
              }
              for (size_t k = 0; k < domains.size(); ++k) {
                const Choice& c = domains[k].choices[pick[k]];
                if (c.kind == Choice::Kind::kSingle) ex.context.emplace_back(domains[k].key, c.values.front());
                else if (c.kind == Choice::Kind::kList)
                  ex.context.emplace_back(domains[k].key, fmt::format("[{}]", fmt::join(c.values, ", ")));
              }
              result.reason.example = std::move(ex);
            }
          }
        }
        more = false;
        for (size_t k = 0; k < pick.size(); ++k) {
          if (++pick[k] < domains[k].choices.size()) {
            more = true;
            break;
          }
          pick[k] = 0;
        }
      }
    }
    if (!overlap_found) continue;
    if (!explain) return result;
    if (overlap.shown.empty()) any_resource = true;
    else shown.push_back(overlap.shown);
  }
  if (result.found == Found::kNone && !result.reason.settled) result.found = Found::kUndecided;
  if (explain && !any_resource) {
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    result.reason.resources = std::move(shown);
  }
  std::sort(result.reason.except.begin(), result.reason.except.end());
  result.reason.except.erase(std::unique(result.reason.except.begin(), result.reason.except.end()),
                             result.reason.except.end());
  return result;
}

}  // namespace iamwarden::access
