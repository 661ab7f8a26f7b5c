// Credential report parsing: root row values, base64 JSON, quoting, and located errors.
#include <gtest/gtest.h>

#include "snapshot/credential_report.h"
#include "snapshot/timestamp.h"

namespace iamwarden::snapshot {
namespace {

const char* kHeader =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
    "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
    "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
    "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
    "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
const char* kRoot =
    "<root_account>,arn:aws:iam::111122223333:root,2016-05-16T18:13:11+00:00,not_supported,no_information,"
    "not_supported,not_supported,true,true,2018-11-23T16:01:14+00:00,2018-11-27T00:02:00+00:00,us-east-1,ecr,"
    "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

TEST(CredentialReport, RootRowValues) {
  Result<CredentialReport> r = parse_credential_report_csv(std::string(kHeader) + kRoot, "cr.csv");
  ASSERT_TRUE(r.ok()) << r.error().format();
  const CredentialReportRow* root = r->root();
  ASSERT_NE(root, nullptr);
  EXPECT_FALSE(root->password_enabled.has_value());
  EXPECT_EQ(root->password_last_used.text, "no_information");
  EXPECT_FALSE(root->password_last_used.unix_seconds.has_value());
  EXPECT_TRUE(root->mfa_active);
  EXPECT_TRUE(root->access_keys[0].active);
  EXPECT_EQ(root->access_keys[0].last_used_service, "ecr");
  EXPECT_EQ(root->access_keys[1].last_rotated.text, "N/A");
  EXPECT_EQ(r->find("arn:aws:iam::111122223333:root"), root);
}

TEST(CredentialReport, Base64JsonAndQuotedFields) {
  // A user name with a comma, quoted as RFC 4180 says, and CRLF line ends.
  std::string csv = std::string(kHeader) +
                    "\"a,b\",\"arn:aws:iam::111122223333:user/a,b\",2020-01-01T00:00:00+00:00,TRUE,N/A,N/A,N/A,False,"
                    "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\r\n";
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < csv.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(csv[i])) << 16;
    if (i + 1 < csv.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(csv[i + 1])) << 8;
    if (i + 2 < csv.size()) n |= static_cast<unsigned char>(csv[i + 2]);
    b64 += kB64[(n >> 18) & 63];
    b64 += kB64[(n >> 12) & 63];
    b64 += i + 1 < csv.size() ? kB64[(n >> 6) & 63] : '=';
    b64 += i + 2 < csv.size() ? kB64[n & 63] : '=';
  }
  std::string json = "{\"Content\": \"" + b64 + "\", \"ReportFormat\": \"text/csv\", \"GeneratedTime\": \"2019-05-07T15:40:22+00:00\"}";
  Result<CredentialReport> r = parse_credential_report(json, "cr.json");
  ASSERT_TRUE(r.ok()) << r.error().format();
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].user, "a,b");
  EXPECT_EQ(r->rows[0].password_enabled, std::optional<bool>(true));
  EXPECT_FALSE(r->rows[0].mfa_active);
  EXPECT_TRUE(r->generated_time.unix_seconds.has_value());
}

TEST(CredentialReport, ErrorsNameFileLineAndColumn) {
  Result<CredentialReport> r = parse_credential_report_csv("user,arn\nx,y\n", "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().format().find("user_creation_time"), std::string::npos);
  r = parse_credential_report_csv(std::string(kHeader) + "a,b,c\n", "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().loc.line, 2u);
  std::string bad = kRoot;
  bad.replace(bad.find(",true,true,"), 11, ",maybe,true,");
  r = parse_credential_report_csv(std::string(kHeader) + bad, "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("mfa_active"), std::string::npos);
  r = parse_credential_report_csv(std::string(kHeader) + "\"unterminated", "cr.csv");
  ASSERT_FALSE(r.ok());
  r = parse_credential_report("{\"Content\": \"!!!\"}", "cr.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().loc.json_pointer, "/Content");
}

TEST(Timestamp, Spellings) {
  EXPECT_EQ(parse_timestamp("2014-07-30T17:09:20Z"), 1406740160);
  EXPECT_EQ(parse_timestamp("2014-07-30T17:09:20+00:00"), 1406740160);
  EXPECT_EQ(parse_timestamp("2014-07-30 17:09:20+00:00"), 1406740160);
  EXPECT_EQ(parse_timestamp("2014-07-30T17:09:20.517000+00:00"), 1406740160);
  EXPECT_EQ(parse_timestamp("1454022144.869"), 1454022144);
  EXPECT_EQ(parse_timestamp("N/A"), std::nullopt);
  EXPECT_EQ(parse_timestamp("no_information"), std::nullopt);
  EXPECT_EQ(format_timestamp(1406740160), "2014-07-30T17:09:20Z");
}

TEST(CredentialReport, DuplicateColumnIsRefusedWithItsPlace) {
  // A second "user" column used to win silently: every row then named the same user.
  std::string header = std::string(kHeader);
  header.insert(header.size() - 1, ",USER");
  std::string row = std::string(kRoot);
  row.insert(row.size() - 1, ",bob");
  Result<CredentialReport> r = parse_credential_report_csv(header + row, "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().format(),
            "cr.csv:1:" + std::to_string(header.size() - 4) +
                ": the header names column \"USER\" twice (columns 1 and 23)\n"
                "  hint: a credential report names each column once");
}

TEST(CredentialReport, DuplicateRowsAreRefused) {
  const std::string bob_fail =
      "bob,arn:aws:iam::111122223333:user/bob,2020-01-01T00:00:00+00:00,true,N/A,N/A,N/A,false,"
      "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  std::string bob_pass = bob_fail;
  bob_pass.replace(bob_pass.find(",false,false,"), 13, ",true,false,");
  Result<CredentialReport> r = parse_credential_report_csv(std::string(kHeader) + bob_fail + kRoot + bob_pass, "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().format(),
            "cr.csv:4:1: a second row for user \"bob\" (the first is on line 2)\n"
            "  hint: the report lists each user once; a merged or edited report cannot say which row is true");
  // The same ARN under another name is the same user.
  std::string renamed = bob_pass;
  renamed.replace(0, 3, "robert");
  r = parse_credential_report_csv(std::string(kHeader) + bob_fail + renamed, "cr.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "a second row for ARN \"arn:aws:iam::111122223333:user/bob\" (the first is on line 2)");
}

}  // namespace
}  // namespace iamwarden::snapshot
