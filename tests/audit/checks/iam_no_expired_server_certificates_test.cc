// iam_no_expired_server_certificates: per certificate, Expiration after now.
#include "../audit_fixture.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_no_expired_server_certificates";

void add_cert(AuditFixture& fx, std::string name, snapshot::Timestamp expiration) {
  if (!fx.account.server_certificates) fx.account.server_certificates.emplace();
  snapshot::ServerCertificate& c = fx.account.server_certificates->emplace_back();
  c.name = name;
  c.arn = "arn:aws:iam::111122223333:server-certificate/" + name;
  c.expiration = std::move(expiration);
}

TEST(IamNoExpiredServerCertificates, ExpiredCertificatesFail) {
  AuditFixture fx;
  add_cert(fx, "old", days_before(fx.now, 10));
  add_cert(fx, "today", days_before(fx.now, 0));
  add_cert(fx, "valid", days_before(fx.now, -30));
  add_cert(fx, "odd", snapshot::make_timestamp("someday"));
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:server-certificate/old");
  EXPECT_EQ(f[0].resource_name, "old");
  EXPECT_NE(f[0].message.find("10 days ago"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].origin.file, "server-certificates.json");
  EXPECT_EQ(f[1].status, Status::kFail);  // Expiration == now counts as expired
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_NE(f[2].message.find("in 30 days"), std::string::npos) << f[2].message;
  EXPECT_EQ(f[3].status, Status::kNotEvaluated);
}

TEST(IamNoExpiredServerCertificates, EmptyListPasses) {
  AuditFixture fx;
  fx.account.server_certificates.emplace();
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].resource, "111122223333");
  EXPECT_EQ(f[0].message, "no server certificates are stored in IAM");
}

TEST(IamNoExpiredServerCertificates, MissingFileIsNotEvaluatedWithTheCollectorsError) {
  AuditFixture fx;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_EQ(f[0].message, "server-certificates.json is not in the snapshot: the server certificates are unknown");

  AuditFixture failed;
  failed.account.files.push_back({"server-certificates.json", snapshot::FileStatus::kFailed, "AccessDenied"});
  f = failed.run(kId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, Status::kNotEvaluated);
  EXPECT_NE(f[0].message.find("could not be collected (AccessDenied)"), std::string::npos) << f[0].message;
}

}  // namespace
}  // namespace iamwarden::audit::testing
