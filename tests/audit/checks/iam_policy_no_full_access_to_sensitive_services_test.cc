// Full access to a sensitive service (every action of it on every resource).
#include "../policy_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr std::string_view kId = "iam_policy_no_full_access_to_sensitive_services";

TEST(SensitiveServices, KmsStarFailsScopedKmsPasses) {
  PolicyFixture fx;
  fx.add_managed("KmsAll", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]})");
  fx.add_managed("KmsUse", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:Decrypt","kms:Encrypt"],"Resource":"*"}]})");
  fx.add_managed("KmsOneKey", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"arn:aws:kms:eu-west-1:111122223333:key/abc"}]})");
  std::vector<Finding> f = fx.run_analysed(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].message, "grants every action of kms:*");
  EXPECT_EQ(f[1].status, Status::kPass);  // KmsOneKey: one key only
  EXPECT_EQ(f[2].status, Status::kPass);  // KmsUse: two actions only
}

TEST(SensitiveServices, ConfiguredListDecides) {
  PolicyFixture fx;
  fx.add_managed("S3All", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
  EXPECT_EQ(fx.run_analysed(kId)[0].status, Status::kPass);  // s3 is not in the default list
  fx.config.sensitive_services = {"s3"};
  EXPECT_EQ(fx.run_analysed(kId)[0].status, Status::kFail);
}

TEST(SensitiveServices, NotEvaluatedWithoutCatalog) {
  PolicyFixture fx;
  fx.add_managed("KmsAll", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]})");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
}

}  // namespace
}  // namespace iamwarden::audit::testing
