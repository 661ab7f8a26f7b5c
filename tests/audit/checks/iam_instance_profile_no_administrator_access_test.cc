// iam_instance_profile_no_administrator_access: per instance profile, its role must not have AdministratorAccess.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_instance_profile_no_administrator_access";
constexpr const char* kEc2 =
    R"({"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}})";

snapshot::Role& with_profile(AuditFixture& fx, std::string role, std::string profile, bool admin) {
  snapshot::Role& r = fx.add_role(std::move(role), kEc2);
  snapshot::InstanceProfile& p = r.instance_profiles.emplace_back();
  p.name = profile;
  p.arn = "arn:aws:iam::111122223333:instance-profile/" + profile;
  p.role_arns.push_back(r.arn);
  if (admin) r.attached.push_back({"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"});
  return r;
}

TEST(IamInstanceProfileNoAdministratorAccess, AdminRoleInProfileFails) {
  AuditFixture fx;
  with_profile(fx, "web", "web-profile", false);
  with_profile(fx, "ops", "ops-profile", true);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);  // sorted by profile ARN
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:instance-profile/ops-profile");
  EXPECT_EQ(f[0].resource_name, "ops-profile");
  EXPECT_NE(f[0].message.find("role ops"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource, "arn:aws:iam::111122223333:instance-profile/web-profile");
}

TEST(IamInstanceProfileNoAdministratorAccess, UnknownRoleIsNotEvaluated) {
  AuditFixture fx;
  with_profile(fx, "web", "shared", false).instance_profiles[0].role_arns = {"arn:aws:iam::111122223333:role/gone"};
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("role/gone"), std::string::npos);
}

TEST(IamInstanceProfileNoAdministratorAccess, NoProfileAndNoDataAreAccountLevel) {
  AuditFixture empty;
  empty.add_role("r", kEc2);
  std::vector<Finding> f = empty.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");

  AuditFixture none;
  f = none.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("authorization-details.json"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
