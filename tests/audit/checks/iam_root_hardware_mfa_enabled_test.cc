// iam_root_hardware_mfa_enabled: AccountMFAEnabled 1 and no virtual device for root passes; a
// virtual device for root or no MFA fails; a root without credentials passes; both files needed.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_root_hardware_mfa_enabled";

snapshot::MfaDevice device(std::string serial, std::string user_arn) {
  snapshot::MfaDevice d;
  d.serial_number = std::move(serial);
  d.user_arn = std::move(user_arn);
  d.enable_date = snapshot::make_timestamp("2025-01-02T03:04:05Z");
  return d;
}

struct HardwareMfa : AuditFixture {
  HardwareMfa() {
    add_row("<root_account>").password_enabled = true;
    account.account_summary = std::map<std::string, int64_t>{{"AccountMFAEnabled", 1}};
    account.virtual_mfa_devices = std::vector<snapshot::MfaDevice>{
        device("arn:aws:iam::111122223333:mfa/alice", "arn:aws:iam::111122223333:user/alice"),
        device("arn:aws:iam::111122223333:mfa/spare", "")};
  }
};

TEST(IamRootHardwareMfaEnabled, HardwareDevicePasses) {
  HardwareMfa fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "<root_account>");
  EXPECT_NE(f.message.find("AccountMFAEnabled is 1"), std::string::npos) << f.message;
}

TEST(IamRootHardwareMfaEnabled, VirtualDeviceOrNoMfaFails) {
  HardwareMfa fx;
  fx.account.virtual_mfa_devices->push_back(
      device("arn:aws:iam::111122223333:mfa/root-account-mfa-device", "arn:aws:iam::111122223333:root"));
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message,
            "the root user's MFA is a virtual device (arn:aws:iam::111122223333:mfa/root-account-mfa-device)");
  EXPECT_EQ(f.origin.file, "virtual-mfa-devices.json");
  EXPECT_EQ(f.evidence, std::vector<std::string>{"enabled 2025-01-02T03:04:05Z"});

  (*fx.account.account_summary)["AccountMFAEnabled"] = 0;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "the root user has no MFA device (AccountMFAEnabled is 0)");
}

TEST(IamRootHardwareMfaEnabled, CentrallyManagedRootPassesWithoutTheOtherFiles) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootCredentialsManagement"};
  fx.add_row("<root_account>");
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_NE(f.message.find("centrally managed and removed"), std::string::npos) << f.message;
}

TEST(IamRootHardwareMfaEnabled, NotSupportedPasswordNeedsTheFiles) {
  AuditFixture fx;
  fx.account.organizations_features = std::vector<std::string>{"RootCredentialsManagement"};
  fx.add_row("<root_account>").password_enabled = std::nullopt;
  expect_not_evaluated(fx, kId, "account-summary.json was not collected; virtual-mfa-devices.json was not collected");
}

TEST(IamRootHardwareMfaEnabled, EachMissingFileIsNamed) {
  HardwareMfa fx;
  fx.account.virtual_mfa_devices.reset();
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "virtual-mfa-devices.json was not collected");

  fx.account.account_summary = std::map<std::string, int64_t>{{"Users", 3}};
  f = single_finding(fx, kId);
  EXPECT_EQ(f.message, "account-summary.json has no AccountMFAEnabled; virtual-mfa-devices.json was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
