// iam_user_administrator_access_policy: the AWS-managed AdministratorAccess (by ARN, any partition)
// attached to the user or to one of its groups fails; a customer policy of that name does not.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_administrator_access_policy";
constexpr const char* kAdmin = "arn:aws:iam::aws:policy/AdministratorAccess";

struct AdminFixture : AuditFixture {
  AdminFixture() {
    account.iam_present = true;
    snapshot::Group& admins = account.iam.groups.emplace_back();
    admins.name = "admins";
    admins.id = "AGPAadmins";
    admins.arn = "arn:aws:iam::111122223333:group/admins";
    admins.attached = {{"AdministratorAccess", kAdmin}};
    snapshot::Group& devs = account.iam.groups.emplace_back();
    devs.name = "devs";
    devs.id = "AGPAdevs";
    devs.arn = "arn:aws:iam::111122223333:group/devs";
    devs.attached = {{"AdministratorAccess", "arn:aws:iam::111122223333:policy/AdministratorAccess"}};
  }
};

TEST(IamUserAdministratorAccessPolicy, DirectAndGroupAttachmentsFail) {
  AdminFixture fx;
  snapshot::User& alice = fx.add_user("alice");
  alice.attached = {{"AdministratorAccess", kAdmin}};
  alice.groups = {"admins"};
  fx.add_user("bob").groups = {"admins", "devs"};
  fx.add_user("carol").groups = {"devs"};
  fx.add_user("gov").attached = {{"AdministratorAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"}};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[0].message, "AdministratorAccess attached directly and through group admins");
  EXPECT_EQ(f[0].evidence, (std::vector<std::string>{std::string(kAdmin) + " attached to user alice",
                                                     std::string(kAdmin) + " attached to group admins"}));
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].message, "AdministratorAccess through group admins");
  EXPECT_EQ(f[2].status, Status::kPass);  // a customer policy named AdministratorAccess is not the AWS one
  EXPECT_EQ(f[2].message, "AdministratorAccess is attached neither to the user nor to its groups (devs)");
  EXPECT_EQ(f[3].status, Status::kFail);
  EXPECT_EQ(f[3].message, "AdministratorAccess attached directly");
}

TEST(IamUserAdministratorAccessPolicy, UnknownGroupIsNotEvaluated) {
  AdminFixture fx;
  fx.add_user("dave").groups = {"ghost"};
  fx.add_user("erin");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].message, "group ghost of the user is not in authorization-details.json");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "AdministratorAccess is not attached to the user (no groups)");
}

TEST(IamUserAdministratorAccessPolicy, NotEvaluatedWithoutDump) {
  AuditFixture fx;
  expect_not_evaluated(fx, kId, "authorization-details.json was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
