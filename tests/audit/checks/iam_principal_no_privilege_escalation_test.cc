// Principals that can become administrator: the escalation graph's answer, one finding per user and role.
#include "../policy_fixture.h"
#include "catalog/caller_restrictions.h"
#include "escalation/graph.h"
#include "escalation/method.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_principal_no_privilege_escalation";

struct EscalationFixture : PolicyFixture {
  std::optional<escalation::Graph> graph;

  std::vector<Finding> run_with_graph() {
    account.build_indexes();
    static const catalog::CallerRestrictions restrictions = *catalog::load_caller_restrictions();
    static const escalation::MethodCatalog methods = *escalation::MethodCatalog::load();
    graph = escalation::find_paths(account, embedded_catalog(), restrictions, methods, {});
    escalation = &*graph;
    std::vector<Finding> out = run(kId);
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.resource < b.resource; });
    return out;
  }
};

TEST(PrincipalPrivilegeEscalation, FailsWithThePathPassesOtherwise) {
  EscalationFixture fx;
  // alice may write her own inline policy; bob may only read a bucket; carol is an administrator.
  fx.add_user_inline("alice", "self",
                     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"arn:aws:iam::111122223333:user/alice"}]})");
  fx.add_user_inline("bob", "read", kReadBucket);
  fx.add_user_inline("carol", "all", kAdminPolicy);
  std::vector<Finding> f = fx.run_with_graph();
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "can become administrator in 1 step");
  ASSERT_GE(f[0].evidence.size(), 2u);
  EXPECT_EQ(f[0].evidence[0], "user/alice → (iam-007) → admin");
  EXPECT_EQ(f[0].evidence[1], "allowed: iam:PutUserPolicy on arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[1].status, Status::kPass);  // bob
  EXPECT_EQ(f[1].message, "no path to administrator found");
  EXPECT_EQ(f[2].status, Status::kPass);  // carol
  EXPECT_EQ(f[2].message, "an administrator already (see the administrator checks)");
}

TEST(PrincipalPrivilegeEscalation, ADenyElsewhereMeansNoPath) {
  EscalationFixture fx;
  fx.add_user_inline("alice", "self",
                     R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"*"}]})");
  fx.account.iam.users.back().inline_policies.push_back(
      {"guard", fx.document(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:Put*","Resource":"*"}]})")});
  std::vector<Finding> f = fx.run_with_graph();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
}

TEST(PrincipalPrivilegeEscalation, NotEvaluatedWithoutTheGraph) {
  EscalationFixture fx;
  fx.add_user_inline("alice", "read", kReadBucket);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
