// cloudtrail_kms_encryption_enabled: KmsKeyId per trail (the shared per-trail behaviour — no trail,
// organization trails, missing data — is covered in cloudtrail_log_file_validation_enabled_test).
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "cloudtrail_kms_encryption_enabled";

TEST(CloudtrailKmsEncryptionEnabled, KmsKeyIdDecides) {
  AuditFixture fx;
  fx.account.trails.emplace(2);
  for (snapshot::Trail& t : *fx.account.trails) t.home_region = "us-east-1";
  (*fx.account.trails)[0].name = "encrypted";
  (*fx.account.trails)[0].arn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/encrypted";
  (*fx.account.trails)[0].kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/k1";
  (*fx.account.trails)[1].name = "plain";
  (*fx.account.trails)[1].arn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/plain";
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "log files are encrypted with KMS key arn:aws:kms:us-east-1:111122223333:key/k1");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].resource, "arn:aws:cloudtrail:us-east-1:111122223333:trail/plain");
  EXPECT_EQ(f[1].message, "no KmsKeyId: log files are encrypted with S3-managed keys only");

  AuditFixture none;
  EXPECT_EQ(none.run(kId).at(0).status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
