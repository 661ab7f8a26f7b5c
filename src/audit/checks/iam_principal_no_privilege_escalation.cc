// Flags users and roles that can become administrator through a privilege-escalation path: the
// graph of `iamwarden paths`, every request decided by the engine for the concrete target.
#include <fmt/format.h>

#include "audit/check.h"
#include "escalation/graph.h"
#include "escalation/report.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_principal_no_privilege_escalation",
    .title = "No user or role can become administrator through a privilege-escalation path",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "Builds the privilege-escalation graph of the account, as `iamwarden paths` does: every method of "
                   "data/escalation (changing its own or another principal's policies, credentials or trust, passing "
                   "a role to new or existing compute, joining a group), each request decided by the policy engine "
                   "for the concrete target with Deny, permissions boundaries and SCPs. Fails for every user and role "
                   "that is not an administrator but can become one; the evidence is its shortest path. "
                   "Administrators pass here (the administrator checks report them).",
    .risk = "A principal that can become administrator holds administrator power in all but name: whoever obtains "
            "its credentials, or it itself, can take over the account.",
    .remediation = "Cut the path: remove or scope the permission its first step uses (for example iam:PassRole to "
                   "specific roles and services, policy-writing actions to specific resources), or narrow the trust "
                   "policy it uses. `iamwarden paths DIR --fix` lists Deny statements that cut every path.",
    .remediation_cli = "iamwarden paths <snapshot> --from <principal> --fix",
    .remediation_terraform = "# scope the escalating permission, for example:\n"
                             "# statement { actions = [\"iam:PassRole\"], resources = [aws_iam_role.app.arn],\n"
                             "#   condition { test = \"StringEquals\", variable = \"iam:PassedToService\", values = [\"lambda.amazonaws.com\"] } }",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://pathfinding.cloud/"},
    .inputs = {"authorization-details.json", "credential-report.csv", "inventory.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const escalation::Graph* graph = context.escalation;
  if (!graph) {
    out.not_evaluated(context.account.account_id, "the escalation graph was not built: the account has more than 10,000 users and roles (run "
                                                     "`iamwarden paths`), or the escalation data could not be loaded (see the notes)");
    return;
  }
  for (size_t i = 0; i < graph->admin; ++i) {
    const escalation::Node& n = graph->nodes[i];
    const snapshot::Role* role = n.kind == escalation::NodeKind::kRole
                                     ? &context.account.iam.roles[i - context.account.iam.users.size()]
                                     : nullptr;
    if (role && role->service_linked()) continue;  // AWS's own: no one acts as it
    Finding* f = nullptr;
    if (n.depth > 0) {
      const std::vector<const escalation::Step*> steps = graph->path(i);
      f = &out.fail(n.arn, fmt::format("can become administrator in {} step{}{}", steps.size(), steps.size() == 1 ? "" : "s",
                                       graph->conditional(i) ? " (under conditions)" : ""));
      f->evidence.push_back(escalation::path_chain(*graph, i));
      for (const escalation::Step* s : steps) {
        for (const std::string& r : s->requests) f->evidence.push_back("allowed: " + r);
        for (const std::string& r : s->reasons) f->evidence.push_back("if: " + r);
      }
    } else if (n.depth == 0) {
      f = &out.pass(n.arn, "an administrator already (see the administrator checks)");
    } else if (!n.problems.empty()) {
      f = &out.not_evaluated(n.arn, "some of its policies could not be read: " + n.problems.front());
    } else {
      f = &out.pass(n.arn, "no path to administrator found");
    }
    f->origin = role ? role->origin : context.account.iam.users[i].origin;
  }
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
