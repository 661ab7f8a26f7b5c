// Reports never hold a full secret; JSON and SARIF parse; a JSON report works as a baseline; ignore files.
#include "secrets/report.h"

#include <gtest/gtest.h>

#include <string>

#include "base/json.h"
#include "secrets/suppress.h"
#include "temp_dir.h"
#include "test_keys.h"

namespace iamwarden::secrets {
namespace {

using testing::fake_credential;

struct Fixture {
  testing::FakeCredential key = fake_credential(1);
  testing::FakeCredential temp = fake_credential(2, "ASIA");
  ScanResult result;
  Fixture() {
    std::string text = "aws_access_key_id = " + key.id + "\naws_secret_access_key = " + key.secret + "\n\n" +
                       "AccessKeyId: " + temp.id + "\nSecretAccessKey: " + temp.secret + "\nSessionToken: " + temp.token +
                       "\n";
    Result<ScanResult> r = scan_text(text, "creds.txt", {});
    EXPECT_TRUE(r.ok());
    if (r.ok()) result = r.take();
  }
};

void expect_redacted(const std::string& report, const Fixture& f) {
  EXPECT_EQ(report.find(f.key.secret), std::string::npos);
  EXPECT_EQ(report.find(f.temp.secret), std::string::npos);
  EXPECT_EQ(report.find(f.temp.token.substr(0, 30)), std::string::npos);
  EXPECT_NE(report.find(f.key.secret.substr(0, 2) + "..." + f.key.secret.substr(38)), std::string::npos);
  EXPECT_NE(report.find(f.key.id), std::string::npos);  // key IDs are shown in full
}

TEST(Report, TextIsRedacted) {
  Fixture f;
  ASSERT_EQ(f.result.findings.size(), 2u);
  std::string text = format_text(f.result);
  expect_redacted(text, f);
  EXPECT_EQ(text.rfind("creds.txt:1:21: critical aws_access_key_pair: ", 0), 0u) << text;
  EXPECT_NE(text.find("account " + format_account(f.key.account)), std::string::npos);
  EXPECT_NE(text.find("session token IQ...=="), std::string::npos);
}

TEST(Report, JsonParsesAndIsRedacted) {
  Fixture f;
  std::string json = format_json(f.result);
  expect_redacted(json, f);
  Result<JsonDocument> doc = parse_json(json, "report.json");
  ASSERT_TRUE(doc.ok()) << doc.error().format();
  const JsonNode* findings = doc->root.find("findings");
  ASSERT_TRUE(findings && findings->is_array());
  ASSERT_EQ(findings->items.size(), 2u);
  EXPECT_EQ(findings->items[0].find("account")->text, format_account(f.key.account));
  EXPECT_EQ(findings->items[1].find("rule")->text, "aws_temporary_credentials");
}

TEST(Report, SarifParsesAndIsRedacted) {
  Fixture f;
  std::string sarif = format_sarif(f.result);
  expect_redacted(sarif, f);
  Result<JsonDocument> doc = parse_json(sarif, "report.sarif");
  ASSERT_TRUE(doc.ok()) << doc.error().format();
  EXPECT_EQ(doc->root.find("version")->text, "2.1.0");
  const JsonNode& run = doc->root.find("runs")->items.at(0);
  EXPECT_EQ(run.find("tool")->find("driver")->find("rules")->items.size(), all_rules().size());
  const JsonNode& result = run.find("results")->items.at(0);
  EXPECT_EQ(result.find("ruleId")->text, "aws_access_key_pair");
  EXPECT_EQ(result.find("level")->text, "error");
}

TEST(Suppress, JsonReportAsBaselineSuppressesItsFindings) {
  Fixture f;
  testing::TempDir dir;
  std::string baseline = dir.write("baseline.json", format_json(f.result));
  Suppressions s;
  ASSERT_TRUE(s.add_baseline(baseline).ok());
  std::vector<Finding> findings = f.result.findings;
  testing::FakeCredential fresh = fake_credential(3);
  Result<ScanResult> more = scan_text("key " + fresh.id + "\n", "new.txt", {});
  ASSERT_TRUE(more.ok());
  findings.push_back(more->findings.at(0));
  EXPECT_EQ(s.apply(findings), 2u);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "new.txt");
}

TEST(Suppress, IgnoreFileTakesFingerprintsAndHashes) {
  Fixture f;
  testing::TempDir dir;
  std::string file = dir.write(".iamwardenignore", "# reviewed 2024-05-01\n" + f.result.findings[0].fingerprint() +
                                                       "  # test fixture\n\n" + f.result.findings[1].hash + "\n");
  Suppressions s;
  ASSERT_TRUE(s.add_ignore_file(file).ok());
  std::vector<Finding> findings = f.result.findings;
  findings[1].path = "elsewhere.txt";  // a bare hash matches the secret in any file
  EXPECT_EQ(s.apply(findings), 2u);
}

TEST(Suppress, MalformedIgnoreLinesAreLocatedWarnings) {
  Fixture f;
  testing::TempDir dir;
  std::string file = dir.write(".iamwardenignore", "# header\n" + f.result.findings[1].hash + "\nnot-a-hash\n" +
                                                       f.result.findings[1].hash.substr(1) + "\n");
  Suppressions s;
  ASSERT_TRUE(s.add_ignore_file(file).ok());
  ASSERT_EQ(s.warnings().size(), 2u);
  EXPECT_EQ(s.warnings()[0].loc.file, file);
  EXPECT_EQ(s.warnings()[0].loc.line, 3u);
  EXPECT_EQ(s.warnings()[0].message.find("not-a-hash"), std::string::npos);  // never quoted whole
  EXPECT_NE(s.warnings()[0].message.find("ignored line (10 characters, no...sh)"), std::string::npos)
      << s.warnings()[0].message;
  EXPECT_EQ(s.warnings()[1].loc.line, 4u);
  std::vector<Finding> findings = f.result.findings;
  EXPECT_EQ(s.apply(findings), 1u);  // the good hash still applies
}

TEST(Report, TextEscapesControlCharactersInPathsAndAuthors) {
  // The attack: a file name with a newline forged a clean-looking second line; ESC/OSC/BEL in a name or a git
  // author reached the terminal raw.
  ScanResult r;
  Finding f;
  f.rule = Rule::kAccessKeyId;
  f.severity = Severity::kMedium;
  f.path = "evil\x1b[31m\nok.txt:1:1: info clean\r";
  f.line = 1;
  f.column = 5;
  f.offset = 4;
  f.key_id = "AKIAQWADE5R42RDZ4JEM";
  f.key_kind = KeyKind::kLongTermKey;
  f.origin = GitOrigin{std::string(40, 'a'), "Eve \x1b]0;pwned\x07 <eve@example.org>", 0, {}};
  r.findings.push_back(f);
  EXPECT_EQ(format_text(r),
            "evil\\x1b[31m\\nok.txt:1:1: info clean\\r:1:5: medium aws_access_key_id: AWS access key ID: "
            "AKIAQWADE5R42RDZ4JEM (long-term access key, account unknown); introduced in aaaaaaaaaaaa by "
            "Eve \\x1b]0;pwned\\x07 <eve@example.org> on 1970-01-01\n");
  r.unread.push_back(Unread{"bad\x1b[2Jref\n", "bad_ref", "cannot resolve ref"});
  EXPECT_EQ(format_unread(r), "warning: bad\\x1b[2Jref\\n: not fully read: cannot resolve ref\n");
}

TEST(Suppress, ASecretPastedIntoTheIgnoreFileIsNeverEchoed) {
  testing::FakeCredential c = testing::fake_credential(11);
  testing::TempDir dir;
  // The attack: the ignore-file warning quoted the whole line, so a pasted secret reached the terminal and CI logs.
  std::string file = dir.write(".iamwardenignore", "aws_secret_access_key = " + c.secret + "\n" + c.secret + "\n");
  Suppressions s;
  ASSERT_TRUE(s.add_ignore_file(file).ok());
  ASSERT_EQ(s.warnings().size(), 2u);
  for (const Error& w : s.warnings()) {
    std::string shown = w.format();
    EXPECT_EQ(shown.find(c.secret), std::string::npos) << shown;
    EXPECT_EQ(shown.find(c.secret.substr(0, 8)), std::string::npos) << shown;
  }
  EXPECT_EQ(s.warnings()[1].format(),
            file + ":2:1: ignored line (40 characters, " + c.secret.substr(0, 2) + "..." + c.secret.substr(38) +
                "): neither a fingerprint (path:rule:hash) nor a 16-digit hex hash");
}

TEST(Suppress, FingerprintsIgnoreHowThePathIsSpelled) {
  Finding a, b, c;
  a.path = "src/app.env";
  b.path = "./src/app.env";
  c.path = "./src/../src//app.env";
  a.hash = b.hash = c.hash = "0123456789abcdef";
  EXPECT_EQ(a.fingerprint(), "src/app.env:aws_access_key_id:0123456789abcdef");
  EXPECT_EQ(b.fingerprint(), a.fingerprint());
  EXPECT_EQ(c.fingerprint(), a.fingerprint());
  EXPECT_EQ(normalize_fingerprint("./src/app.env:aws_access_key_id:0123456789abcdef"), a.fingerprint());
  EXPECT_EQ(fingerprint_path("<stdin>"), "<stdin>");
  EXPECT_EQ(fingerprint_path("/abs/./x"), "/abs/x");
}

TEST(Report, JsonListsUnreadInputs) {
  ScanResult r;
  r.unread = {Unread{"a.bin", "too_large", "only the ends"}, Unread{"b\"c.bin", "bad_ref", "cannot resolve"}};
  Result<JsonDocument> doc = parse_json(format_json(r), "report.json");
  ASSERT_TRUE(doc.ok()) << doc.error().format();
  const JsonNode* skipped = doc->root.find("skipped");
  ASSERT_TRUE(skipped && skipped->is_array());
  ASSERT_EQ(skipped->items.size(), 2u);
  const JsonNode* path = skipped->items[1].find("path");
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(path->text, "b\"c.bin");
  const JsonNode* reason = skipped->items[0].find("reason");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text, "too_large");
}

TEST(Suppress, BadBaselineIsALocatedError) {
  testing::TempDir dir;
  std::string file = dir.write("b.json", "{\"findings\": [{\"rule\": \"x\"}]}");
  Suppressions s;
  Result<void> r = s.add_baseline(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().loc.file, file);
  EXPECT_EQ(r.error().loc.line, 1u);
  EXPECT_FALSE(s.add_baseline(dir.path() + "/missing.json").ok());
}

}  // namespace
}  // namespace iamwarden::secrets
