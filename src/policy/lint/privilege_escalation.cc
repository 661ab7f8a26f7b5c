// Action combinations in one policy that let the holder raise their own privileges (Rhino/pathfinding methods).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kEscalation{"privilege_escalation", Severity::kSecurityWarning,
                               "Actions that allow privilege escalation",
                               "The policy allows a known combination of actions with which the holder can grant "
                               "themselves more permissions or act as a more privileged principal.",
                               "remove one of the actions, or scope them to resources that cannot lead to admin"};

// Known methods: every action must be allowed (facts from public privilege-escalation research).
struct Method {
  std::string_view id;
  std::array<std::string_view, 3> actions;
};
constexpr Method kMethods[] = {
    {"CreatePolicyVersion", {"iam:CreatePolicyVersion"}},
    {"SetDefaultPolicyVersion", {"iam:SetDefaultPolicyVersion"}},
    {"CreateAccessKey", {"iam:CreateAccessKey"}},
    {"CreateLoginProfile", {"iam:CreateLoginProfile"}},
    {"UpdateLoginProfile", {"iam:UpdateLoginProfile"}},
    {"AttachUserPolicy", {"iam:AttachUserPolicy"}},
    {"AttachGroupPolicy", {"iam:AttachGroupPolicy"}},
    {"AttachRolePolicy", {"iam:AttachRolePolicy"}},
    {"PutUserPolicy", {"iam:PutUserPolicy"}},
    {"PutGroupPolicy", {"iam:PutGroupPolicy"}},
    {"PutRolePolicy", {"iam:PutRolePolicy"}},
    {"AddUserToGroup", {"iam:AddUserToGroup"}},
    {"UpdateAssumeRolePolicy", {"iam:UpdateAssumeRolePolicy", "sts:AssumeRole"}},
    {"PassRole to EC2", {"iam:PassRole", "ec2:RunInstances"}},
    {"PassRole to Lambda", {"iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"}},
    {"PassRole to Lambda via event source", {"iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"}},
    {"UpdateFunctionCode", {"lambda:UpdateFunctionCode"}},
    {"PassRole to Glue", {"iam:PassRole", "glue:CreateDevEndpoint"}},
    {"UpdateDevEndpoint", {"glue:UpdateDevEndpoint"}},
    {"PassRole to CloudFormation", {"iam:PassRole", "cloudformation:CreateStack"}},
    {"PassRole to Data Pipeline", {"iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"}},
    {"PassRole to CodeBuild", {"iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"}},
    {"PassRole to SageMaker", {"iam:PassRole", "sagemaker:CreateNotebookInstance"}},
    {"PassRole to ECS", {"iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"}},
};

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  const policy::PolicyKind kind = context.kind();
  if (!catalog || (kind != policy::PolicyKind::kIdentity && kind != policy::PolicyKind::kSession)) return;
  // Actions allowed by some statement, and the first statement allowing each.
  std::vector<int> first_statement(catalog->actions().size(), -1);
  bool any = false;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (uint32_t a : context.statement_actions(st)) {
      if (first_statement[a] < 0) first_statement[a] = static_cast<int>(st.index);
      any = true;
    }
  }
  if (!any) return;
  std::vector<std::string> found;
  int at = -1;
  for (const Method& m : kMethods) {
    bool all = true;
    int first = -1;
    for (std::string_view name : m.actions) {
      if (name.empty()) continue;
      const catalog::Action* action = catalog->find_action(name);
      const int s = action ? first_statement[catalog->index_of(*action)] : -1;
      all = all && s >= 0;
      first = std::max(first, s);
    }
    if (!all) continue;
    found.emplace_back(m.id);
    at = at < 0 ? first : std::min(at, first);
  }
  if (found.empty()) return;
  const policy::Statement* statement = nullptr;
  for (const policy::Statement& st : context.policy().statements)
    if (static_cast<int>(st.index) == at) statement = &st;
  if (!statement) return;
  context.report("privilege_escalation", statement->offset, statement->pointer,
                 fmt::format("the policy allows privilege escalation: {}", join_limited(found, 4)));
}

}  // namespace

IAMWARDEN_REGISTER_LINT("privilege_escalation", run, kEscalation);

}  // namespace iamwarden::lint
