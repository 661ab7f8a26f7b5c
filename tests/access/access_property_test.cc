// Randomized agreement between `access` and the evaluator: generated principals (identity
// policies, boundary, SCP levels, session policy; conditions with variables, Deny, NotAction,
// NotResource) and sampled requests. For every action:
//   allowed     => every sampled request on the principal's own account is allowed;
//   denied      => no sampled request is allowed (AWS-owned resources aside: nobody changes them);
//   conditional => its example request is allowed, and every allowed sample lies inside the
//                  reported resource patterns.
// Samples are drawn independently of access's own candidates, from the vocabulary the policies use.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <random>
#include <regex>

#include "access/access.h"
#include "access/glob_witness.h"
#include "catalog/catalog.h"
#include "policy/parser.h"

#include "test_catalog.h"

namespace iamwarden::access {
namespace {

using testing::test_catalog;

constexpr std::string_view kAccount = "111111111111";
constexpr std::string_view kOrg = "o-mine";

const std::vector<std::string_view> kActions = {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets",
                                                "iam:CreatePolicyVersion", "iam:GetPolicy", "sts:AssumeRole",
                                                "dynamodb:GetItem"};
const std::vector<std::string_view> kActionPatterns = {
    "*", "s3:*", "s3:Get*", "s3:GetObject", "s3:PutObject", "s3:List*", "iam:*", "iam:CreatePolicyVersion",
    "iam:Get*", "sts:AssumeRole", "dynamodb:GetItem", "dynamodb:*"};
const std::vector<std::string_view> kResourcePatterns = {
    "*", "*", "arn:aws:s3:::a/*", "arn:aws:s3:::a/b*", "arn:aws:s3:::*/x", "arn:aws:s3:::a", "arn:aws:s3:::b/*",
    "arn:aws:s3:::${aws:username}/*", "arn:aws:s3:::*", "arn:aws:iam::aws:policy/*",
    "arn:aws:iam::111111111111:policy/p*", "arn:aws:iam::*:policy/*", "arn:aws:iam::*:role/r*",
    "arn:aws:iam::222222222222:role/x", "arn:aws:dynamodb:*:*:table/t", "arn:aws:dynamodb:us-east-1:*:table/*"};
const std::vector<std::string_view> kConditions = {
    R"("StringEquals":{"aws:RequestedRegion":"us-east-1"})",
    R"("StringEquals":{"aws:RequestedRegion":"eu-west-1"})",
    R"("StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]})",
    R"("StringLike":{"aws:RequestedRegion":"eu-*"})",
    R"("Bool":{"aws:MultiFactorAuthPresent":"true"})",
    R"("Bool":{"aws:MultiFactorAuthPresent":"false"})",
    R"("BoolIfExists":{"aws:MultiFactorAuthPresent":"false"})",
    R"("StringEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"})",
    R"("StringNotEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"})",
    R"("StringEquals":{"aws:ResourceTag/team":"red"})",
    R"("Null":{"aws:ResourceTag/team":"true"})",
    R"("StringNotEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}"})",
    R"("StringEquals":{"aws:PrincipalOrgID":"o-mine"})",
    R"("StringNotEquals":{"aws:PrincipalOrgID":"o-other"})",
    R"("StringEquals":{"aws:username":"alice"})",
    R"("StringEquals":{"aws:username":"bob"})",
    R"("NumericLessThan":{"s3:max-keys":"10"})",
    R"("ForAnyValue:StringEquals":{"aws:TagKeys":["a"]})",
    R"("ForAllValues:StringEquals":{"aws:TagKeys":["a"]})",
    R"("IpAddress":{"aws:SourceIp":"10.0.0.0/8"})",
    R"("NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"})",
};
const std::vector<std::string_view> kSampleResources = {
    "*", "arn:aws:s3:::a/x", "arn:aws:s3:::a/bz", "arn:aws:s3:::a/b", "arn:aws:s3:::q/x", "arn:aws:s3:::alice/k",
    "arn:aws:s3:::a", "arn:aws:s3:::b/x", "arn:aws:s3:::b", "arn:aws:iam::aws:policy/P",
    "arn:aws:iam::111111111111:policy/p1", "arn:aws:iam::111111111111:policy/q", "arn:aws:iam::111111111111:role/r1",
    "arn:aws:iam::222222222222:role/x", "arn:aws:dynamodb:us-east-1:111111111111:table/t",
    "arn:aws:dynamodb:eu-west-1:111111111111:table/t"};

// ---- generated principals ----

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string statement(bool allow_bias) {
    bool allow = chance(allow_bias);
    std::string out = fmt::format(R"({{"Effect":"{}",)", allow ? "Allow" : "Deny");
    std::vector<std::string> actions;
    for (size_t n = 1 + pick(2); n; --n) actions.push_back(fmt::format("\"{}\"", kActionPatterns[pick(kActionPatterns.size())]));
    out += fmt::format(R"("{}":[{}],)", chance(0.12) ? "NotAction" : "Action", fmt::join(actions, ","));
    std::vector<std::string> resources;
    for (size_t n = 1 + pick(2); n; --n) resources.push_back(fmt::format("\"{}\"", kResourcePatterns[pick(kResourcePatterns.size())]));
    out += fmt::format(R"("{}":[{}])", chance(0.12) ? "NotResource" : "Resource", fmt::join(resources, ","));
    if (chance(0.45)) {
      std::vector<std::string_view> clauses;
      for (size_t n = 1 + pick(2); n; --n) clauses.push_back(kConditions[pick(kConditions.size())]);
      // Two clauses with the same operator would be one JSON object with a duplicate name.
      if (clauses.size() == 2 && clauses[0].substr(0, clauses[0].find(':')) == clauses[1].substr(0, clauses[1].find(':')))
        clauses.pop_back();
      out += fmt::format(R"(,"Condition":{{{}}})", fmt::join(clauses, ","));
    }
    return out + "}";
  }

  std::string policy(size_t statements, double allow_bias) {
    std::vector<std::string> st;
    for (size_t i = 0; i < statements; ++i) st.push_back(statement(allow_bias));
    return fmt::format(R"({{"Version":"2012-10-17","Statement":[{}]}})", fmt::join(st, ","));
  }

  std::string scp() {
    std::string allow = chance(0.7) ? R"({"Effect":"Allow","Action":"*","Resource":"*"})" : statement(1.0);
    std::string out = fmt::format(R"({{"Version":"2012-10-17","Statement":[{})", allow);
    if (chance(0.5)) out += "," + statement(0.0);
    return out + "]}";
  }

 private:
  std::mt19937 rng_;
};

struct Principal {
  bool role_session = false;  // alice the IAM user, or a session of role r1
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<std::string> texts;  // for failure messages
  std::vector<std::unique_ptr<BoundedPolicy>> identity, scps, session;
  std::unique_ptr<BoundedPolicy> boundary;

  static constexpr KnownKeys kKnown = KnownKeys::kPrincipal | KnownKeys::kOrganization;

  std::unique_ptr<BoundedPolicy> make(const std::string& text, policy::PolicyKind kind) {
    texts.push_back(text);
    Result<policy::Policy> p = policy::parse_policy_text(text, "generated.json", kind);
    EXPECT_TRUE(p.ok()) << text << (p.ok() ? "" : p.error().format());
    if (!p.ok()) return nullptr;
    return std::make_unique<BoundedPolicy>(bound_and_compile(*p, "generated", kKnown));
  }

  eval::Caller caller() const {
    if (role_session)
      return *eval::parse_caller(fmt::format("arn:aws:sts::{}:assumed-role/r1/s", kAccount),
                                 fmt::format("arn:aws:iam::{}:role/r1", kAccount));
    return *eval::parse_caller(fmt::format("arn:aws:iam::{}:user/alice", kAccount));
  }

  eval::Context principal_context() const {
    Result<eval::Request> probe = eval::make_request(caller(), "sts:GetCallerIdentity", "*", "", {});
    eval::add_principal_keys(*probe);
    for (const auto& [k, v] : tags) probe->context.set_default("aws:PrincipalTag/" + k, v);
    probe->context.set_default("aws:PrincipalOrgID", std::string(kOrg));
    return std::move(probe->context);
  }

  Layers layers() const {
    Layers l;
    for (const auto& p : identity) l.identity.push_back(p.get());
    l.boundary = boundary.get();
    for (const auto& p : scps) l.scp_levels.push_back({p.get()});
    for (const auto& p : session) l.session.push_back(p.get());
    l.known = kKnown;
    return l;
  }

  eval::PolicySet originals() const {
    eval::PolicySet set;
    for (const auto& p : identity) set.identity.push_back(p->original.get());
    if (boundary) set.boundary = boundary->original.get();
    for (const auto& p : scps) set.scp_levels.push_back({p->original.get()});
    for (const auto& p : session) set.session.push_back(p->original.get());
    return set;
  }

  std::string describe() const {
    std::string out = role_session ? "role session; tags:" : "user; tags:";
    for (const auto& [k, v] : tags) out += fmt::format(" {}={}", k, v);
    for (const std::string& t : texts) out += "\n  " + t;
    return out;
  }
};

Principal generate(Generator& g) {
  Principal p;
  p.role_session = g.chance(0.35);
  if (g.chance(0.6)) p.tags.push_back({"team", g.chance(0.5) ? "red" : "blue"});
  for (size_t n = 1 + g.pick(2); n; --n) p.identity.push_back(p.make(g.policy(1 + g.pick(3), 0.75), policy::PolicyKind::kIdentity));
  if (g.chance(0.3)) p.boundary = p.make(g.policy(1 + g.pick(2), 0.85), policy::PolicyKind::kBoundary);
  for (size_t n = g.pick(3); n; --n) p.scps.push_back(p.make(g.scp(), policy::PolicyKind::kScp));
  if (g.chance(p.role_session ? 0.5 : 0.1)) p.session.push_back(p.make(g.policy(1 + g.pick(2), 0.85), policy::PolicyKind::kSession));
  return p;
}

// ---- samples ----

struct Sample {
  std::string resource;
  std::vector<std::pair<std::string, std::string>> keys;  // single values
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;
};

// Requests AWS could send for the action: "*" for actions without resource types, else ARNs of its types.
std::vector<std::string_view> resources_for(const catalog::Action& action) {
  const catalog::Service& s = test_catalog().service_of(action);
  std::vector<std::string_view> out;
  if (action.resources.empty()) return {"*"};
  for (std::string_view r : kSampleResources) {
    if (r == "*") continue;
    for (const catalog::ResourceRef& ref : action.resources) {
      std::string re;
      std::string_view t = s.resources[ref.index].arn_template;
      for (size_t i = 0; i < t.size();) {
        if (t.compare(i, 2, "${") == 0) {
          size_t close = t.find('}', i);
          const bool head = std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(i), ':') < 5;
          re += head ? "[^:]*" : t.substr(i + 2, close - i - 2) == "BucketName" ? "[^/]*" : ".*";
          i = close + 1;
        } else {
          char c = t[i++];
          if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) re += '\\';
          re += c;
        }
      }
      if (std::regex_match(std::string(r), std::regex(re))) {
        out.push_back(r);
        break;
      }
    }
  }
  return out;
}

Sample random_sample(Generator& g, std::string_view resource) {
  Sample s{std::string(resource), {}, {}};
  const char* regions[] = {"us-east-1", "eu-west-1", "eu-central-1"};
  if (g.chance(0.8)) s.keys.push_back({"aws:RequestedRegion", regions[g.pick(3)]});
  if (g.chance(0.7)) s.keys.push_back({"aws:MultiFactorAuthPresent", g.chance(0.5) ? "true" : "false"});
  if (g.chance(0.6)) s.keys.push_back({"aws:ResourceTag/team", g.chance(0.5) ? "red" : "blue"});
  if (g.chance(0.5)) s.keys.push_back({"s3:max-keys", g.chance(0.5) ? "5" : "20"});
  if (g.chance(0.6)) s.keys.push_back({"aws:SourceIp", g.chance(0.5) ? "10.1.2.3" : "192.0.2.1"});
  if (g.chance(0.5)) s.lists.push_back({"aws:TagKeys", g.chance(0.5) ? std::vector<std::string>{"a"} : std::vector<std::string>{"b"}});
  return s;
}

std::string account_of(std::string_view resource) {
  eval::ArnParts parts = eval::split_arn(resource);
  return parts.ok && !parts.account().empty() ? std::string(parts.account()) : std::string(kAccount);
}

// The principal's side of a request, as access judges it.
eval::Decision decide(const Principal& p, const eval::PolicySet& set, std::string_view action, const Sample& s) {
  eval::Context ctx = p.principal_context();
  for (const auto& [k, v] : s.keys) (void)ctx.set(k, v);
  for (const auto& [k, v] : s.lists) (void)ctx.set_list(k, v);
  std::string account = account_of(s.resource);
  ctx.set_default("aws:ResourceAccount", account);
  if (account == kAccount) ctx.set_default("aws:ResourceOrgID", std::string(kOrg));
  Result<eval::Request> r = eval::make_request(p.caller(), action, s.resource, kAccount, std::move(ctx));
  EXPECT_TRUE(r.ok());
  r->needs_explicit_trust = false;
  return eval::evaluate(*r, set).decision;
}

bool inside(std::string_view resource, const std::string& shown) {
  // "P & Q" (an overlap), "NotResource P, Q" or one pattern.
  if (shown.rfind("NotResource ", 0) == 0) return true;  // not checked: anywhere but its list
  size_t start = 0;
  while (true) {
    size_t amp = shown.find(" & ", start);
    std::string_view part = std::string_view(shown).substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    // Sample resources hold no wildcards: the resource is inside when {resource} and the pattern overlap.
    std::string_view all[] = {resource, part};
    if (glob_witness(all, {}, true).answer != GlobAnswer::kFound) return false;
    if (amp == std::string::npos) return true;
    start = amp + 3;
  }
}

TEST(AccessProperty, GrantsAgreeWithTheEvaluatorOnSampledRequests) {
  const catalog::Catalog& cat = test_catalog();
  // A fixed seed in CI; IAMWARDEN_PROPERTY_SEED / _PRINCIPALS explore further by hand.
  const char* seed = std::getenv("IAMWARDEN_PROPERTY_SEED");
  const char* count = std::getenv("IAMWARDEN_PROPERTY_PRINCIPALS");
  Generator g(seed ? static_cast<uint32_t>(std::strtoul(seed, nullptr, 10)) : 20261207u);
  const long principals = count ? std::strtol(count, nullptr, 10) : 250;
  size_t checked = 0, conditional = 0, denied = 0, allowed = 0;
  for (long principal = 0; principal < principals; ++principal) {
    Principal p = generate(g);
    if (::testing::Test::HasFatalFailure()) return;
    AccessEvaluator e(p.layers(), p.caller(), p.principal_context(), &cat);
    eval::PolicySet set = p.originals();
    for (std::string_view action_name : kActions) {
      const catalog::Action* action = cat.find_action(action_name);
      ASSERT_NE(action, nullptr) << action_name;
      const std::string_view service = cat.service_of(*action).prefix;
      Grant grant = e.check(service, action->name);
      GrantReason why = grant == Grant::kConditional ? e.explain(service, action->name) : GrantReason{};
      (grant == Grant::kAllowed ? allowed : grant == Grant::kConditional ? conditional : denied)++;
      const bool changes = action->level != catalog::AccessLevel::kList && action->level != catalog::AccessLevel::kRead;
      if (grant == Grant::kConditional && why.settled) {
        ASSERT_TRUE(why.example.has_value()) << action_name << "\n" << p.describe();
        Sample ex{why.example->resource, {}, {}};
        for (const auto& [k, v] : why.example->context) {
          if (v.size() >= 2 && v.front() == '[') {
            std::vector<std::string> values;
            if (v.size() > 2) values.push_back(v.substr(1, v.size() - 2));
            ex.lists.push_back({k, values});
          } else {
            ex.keys.push_back({k, v});
          }
        }
        EXPECT_EQ(decide(p, set, action_name, ex), eval::Decision::kAllowed)
            << action_name << " example " << ex.resource << "\n" << p.describe();
      }
      for (std::string_view resource : resources_for(*action)) {
        for (int k = 0; k < 12; ++k) {
          Sample s = random_sample(g, resource);
          bool ok = decide(p, set, action_name, s) == eval::Decision::kAllowed;
          ++checked;
          const bool own = account_of(resource) == kAccount;
          const bool aws_owned = account_of(resource) == "aws";
          if (grant == Grant::kAllowed && own) {
            EXPECT_TRUE(ok) << action_name << " on " << resource << " is reported allowed\n" << p.describe();
          }
          if (grant == Grant::kDenied && !(aws_owned && changes)) {
            EXPECT_FALSE(ok) << action_name << " on " << resource << " is reported denied\n" << p.describe();
          }
          if (grant == Grant::kConditional && ok && !why.resources.empty() && !(aws_owned && changes)) {
            bool in_some = std::any_of(why.resources.begin(), why.resources.end(),
                                       [&](const std::string& shown) { return inside(resource, shown); });
            EXPECT_TRUE(in_some) << action_name << " allowed on " << resource << " outside "
                                 << fmt::format("{}", fmt::join(why.resources, " | ")) << "\n" << p.describe();
          }
          if (::testing::Test::HasFailure()) return;
        }
      }
    }
  }
  // The generator must reach all three answers, or the property says little.
  EXPECT_GT(allowed, static_cast<size_t>(principals) / 5);
  EXPECT_GT(conditional, static_cast<size_t>(principals));
  EXPECT_GT(denied, static_cast<size_t>(principals));
  EXPECT_GT(checked, static_cast<size_t>(principals) * 40);
}

}  // namespace
}  // namespace iamwarden::access
