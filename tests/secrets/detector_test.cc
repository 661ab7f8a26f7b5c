// Detection in every supported context (recall on planted keys), decoys that must stay silent, pairing,
// examples, placeholders and the inline allow marker.
#include "secrets/detector.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "secrets/scan.h"
#include "test_keys.h"

namespace iamwarden::secrets {
namespace {

using testing::fake_credential;
using testing::FakeCredential;

ScanResult scan(const std::string& text, DetectOptions detect = {}) {
  ScanOptions options;
  options.detect = detect;
  Result<ScanResult> r = scan_text(text, "input", options);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r.take() : ScanResult{};
}

std::string fill(std::string_view pattern, const FakeCredential& c) {
  return fmt::format(fmt::runtime(pattern), fmt::arg("id", c.id), fmt::arg("secret", c.secret),
                     fmt::arg("token", c.token));
}

struct Context {
  const char* name;
  const char* text;
  Rule rule;
  uint32_t line;
};

// One planted credential per context; every one must be found, once, with the expected rule and line.
const Context kContexts[] = {
    {"credentials ini", "[default]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n", Rule::kAccessKeyPair, 2},
    {"dotenv", "AWS_ACCESS_KEY_ID={id}\nAWS_SECRET_ACCESS_KEY={secret}\n", Rule::kAccessKeyPair, 1},
    {"json", "{{\"AccessKeyId\": \"{id}\", \"SecretAccessKey\": \"{secret}\"}}\n", Rule::kAccessKeyPair, 1},
    {"json-escaped", "{{\"cfg\": \"aws_access_key_id = \\\"{id}\\\"\\naws_secret_access_key = \\\"{secret}\\\"\"}}\n",
     Rule::kAccessKeyPair, 1},
    {"json escaped slash", "{{\"secret_access_key\": \"{secret}\"}}\n", Rule::kSecretAccessKey, 1},
    {"yaml", "aws:\n  access_key_id: {id}\n  secret_access_key: '{secret}'\n", Rule::kAccessKeyPair, 2},
    {"shell", "export AWS_ACCESS_KEY_ID={id}\nexport AWS_SECRET_ACCESS_KEY=\"{secret}\"\n", Rule::kAccessKeyPair, 1},
    {"python", "s3 = boto3.client('s3', aws_access_key_id='{id}', aws_secret_access_key='{secret}')\n",
     Rule::kAccessKeyPair, 1},
    {"java positional", "new BasicAWSCredentials(\"{id}\", \"{secret}\");\n", Rule::kAccessKeyPair, 1},
    {"go positional", "credentials.NewStaticCredentials(\"{id}\", \"{secret}\", \"\")\n", Rule::kAccessKeyPair, 1},
    {"terraform", "provider \"aws\" {{\n  access_key = \"{id}\"\n  secret_key = \"{secret}\"\n}}\n", Rule::kAccessKeyPair, 2},
    {"xml", "<AccessKeyId>{id}</AccessKeyId>\n<SecretAccessKey>{secret}</SecretAccessKey>\n", Rule::kAccessKeyPair, 1},
    {"properties", "aws.accessKeyId={id}\naws.secretKey={secret}\n", Rule::kAccessKeyPair, 1},
    {"powershell", "$Env:AWS_SECRET_ACCESS_KEY=\"{secret}\"\n", Rule::kSecretAccessKey, 1},
    {"secret before id", "aws_secret_access_key={secret}\naws_access_key_id={id}\n", Rule::kAccessKeyPair, 2},
    {"lone key id", "the key {id} was rotated\n", Rule::kAccessKeyId, 1},
    {"lone secret", "deploy:\n  aws_secret_access_key: {secret}\n", Rule::kSecretAccessKey, 2},
    {"presigned url",
     "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={id}%2F20240501%2Fus-east-1%2Fs3%2F"
     "aws4_request&X-Amz-Signature=ab12\n",
     Rule::kPresignedUrl, 1},
};

TEST(Detector, FindsEveryPlantedContext) {
  uint64_t seed = 1;
  for (const Context& context : kContexts) {
    FakeCredential c = fake_credential(seed++);
    std::string text = fill(context.text, c);
    if (std::string_view(context.name) == "json escaped slash") {
      size_t slash = text.find('/');
      text.replace(slash, 1, "\\/");  // PHP's json_encode writes '/' as "\/"
    }
    ScanResult r = scan(text);
    ASSERT_EQ(r.findings.size(), 1u) << context.name << "\n" << text;
    const Finding& f = r.findings[0];
    EXPECT_EQ(f.rule, context.rule) << context.name;
    EXPECT_EQ(f.line, context.line) << context.name;
    if (context.rule != Rule::kSecretAccessKey) {
      EXPECT_EQ(f.key_id, c.id) << context.name;
      EXPECT_EQ(f.account, c.account) << context.name;
    }
    if (context.rule == Rule::kAccessKeyPair || context.rule == Rule::kSecretAccessKey) {
      EXPECT_EQ(f.secret, c.secret.substr(0, 2) + "..." + c.secret.substr(38)) << context.name;
    }
  }
}

TEST(Detector, TemporaryCredentialsWithSessionToken) {
  FakeCredential c = fake_credential(42, "ASIA");
  ScanResult r = scan(fill("{{\"Credentials\": {{\n  \"AccessKeyId\": \"{id}\",\n  \"SecretAccessKey\": \"{secret}\",\n"
                           "  \"SessionToken\": \"{token}\"\n}}}}\n", c));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kTemporaryCredentials);
  EXPECT_EQ(r.findings[0].token_length, c.token.size());
  EXPECT_EQ(r.findings[0].token, "IQ...==");
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.findings[0].secret_line, 3u);
}

TEST(Detector, LoneSessionTokenByNameOrShape) {
  FakeCredential c = fake_credential(43, "ASIA");
  EXPECT_EQ(scan(fill("AWS_SESSION_TOKEN={token}\n", c)).findings.at(0).rule, Rule::kSessionToken);
  EXPECT_EQ(scan(fill("blob {token} end\n", c)).findings.at(0).rule, Rule::kSessionToken);
}

TEST(Detector, DecoysProduceNothing) {
  const char* decoys[] = {
      "id = AKIAXXXXXXXXXXXXXXXX\n",
      "id = AKIATESTTESTTESTTEST\n",
      "MOTTO = ONCEINASIAASACKOFRICEFELLOVER\n",
      "x = AKIA1234567890ABCDEF\n",                         // 0, 1, 8, 9 never occur
      "x = AKIAQWADE5R42RDZ4JE\n",                          // 19 characters
      "x = AKIAQWADE5R42RDZ4JEMQ\n",                        // 21 characters
      "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n",
      "aws_secret_access_key: <your-secret-access-key>\n",
      "secret_key = \"0123456789abcdef0123456789abcdef01234567\"\n",  // hex: a SHA, not a key
      "aws_secret_access_key = \"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN\"\n",
      "aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
      "checksum = \"Jy0fHl7UpGJw+9nHYF61rXl0l0bQIbBb/m3S73KE\"\n",   // 40 base64 without context
      "session_token = os.environ.get(\"AWS_SESSION_TOKEN\")\n",
      "commit 3f2a9c0d4b5e6f708192a3b4c5d6e7f8091a2b3c\n",
  };
  for (const char* text : decoys) EXPECT_TRUE(scan(text).findings.empty()) << text;
}

TEST(Detector, UnnamedFortyCharactersCountOnlyNextToAnId) {
  FakeCredential c = fake_credential(7);
  // The checksum is closer to the ID than the named secret; the named one wins and the checksum is dropped.
  ScanResult r = scan(fill("checksum = \"Jy0fHl7UpGJw+9nHYF61rXl0l0bQIbBb/m3S73KE\"\naws_access_key_id = {id}\n\n\n"
                           "aws_secret_access_key = {secret}\n", c));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kAccessKeyPair);
  EXPECT_EQ(r.findings[0].secret_line, 5u);
}

TEST(Detector, TwoProfilesPairWithTheirOwnSecrets) {
  FakeCredential a = fake_credential(10), b = fake_credential(11);
  ScanResult r = scan(fill("[a]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n", a) +
                      fill("[b]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n", b));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].secret, a.secret.substr(0, 2) + "..." + a.secret.substr(38));
  EXPECT_EQ(r.findings[1].secret, b.secret.substr(0, 2) + "..." + b.secret.substr(38));
  EXPECT_EQ(r.findings[1].line, 5u);
}

TEST(Detector, WordBoundaries) {
  FakeCredential c = fake_credential(12);
  EXPECT_TRUE(scan("X" + c.id + "\n").findings.empty());
  EXPECT_TRUE(scan(c.id + "9\n").findings.empty());
  EXPECT_EQ(scan("key_" + c.id + ".\n").findings.size(), 1u);  // '_' and '.' are boundaries
}

TEST(Detector, DocumentedExamplesOnlyOnRequest) {
  std::string text = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
                     "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
  ScanResult hidden = scan(text);
  EXPECT_TRUE(hidden.findings.empty());
  EXPECT_EQ(hidden.stats.detect.examples, 1u);
  ScanResult shown = scan(text, DetectOptions{true, Severity::kLow});
  ASSERT_EQ(shown.findings.size(), 1u);
  EXPECT_TRUE(shown.findings[0].example);
  EXPECT_EQ(shown.findings[0].severity, Severity::kInfo);
  EXPECT_FALSE(shown.findings[0].account.has_value());  // old-format ID
}

TEST(Detector, ExampleKeyIdDoesNotHideRealSecret) {
  FakeCredential c = fake_credential(15);
  ScanResult r = scan("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + c.secret + "\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kSecretAccessKey);
  EXPECT_FALSE(r.findings[0].example);
  EXPECT_EQ(r.findings[0].severity, rule_info(Rule::kSecretAccessKey).severity);
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.findings[0].secret, c.secret.substr(0, 2) + "..." + c.secret.substr(38));
  EXPECT_EQ(r.stats.detect.examples, 1u);  // the example ID alone
}

TEST(Detector, ExampleSecretDoesNotHideRealKeyId) {
  FakeCredential c = fake_credential(16);
  ScanResult r = scan("aws_access_key_id = " + c.id + "\naws_secret_access_key = "
                      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kAccessKeyId);
  EXPECT_FALSE(r.findings[0].example);
  EXPECT_EQ(r.findings[0].key_id, c.id);
  EXPECT_EQ(r.findings[0].secret, "");
  EXPECT_EQ(r.stats.detect.examples, 1u);  // the example secret alone
}

TEST(Detector, ExampleTokenDoesNotHideRealPair) {
  FakeCredential c = fake_credential(17, "ASIA");
  std::string example_token = c.token;
  example_token.replace(40, 7, "EXAMPLE");
  ScanResult r = scan("AccessKeyId: " + c.id + "\nSecretAccessKey: " + c.secret + "\nSessionToken: " +
                      example_token + "\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kTemporaryCredentials);
  EXPECT_FALSE(r.findings[0].example);
  EXPECT_EQ(r.findings[0].token_length, 0u);
}

// A named secret with letters and a random look is reported even without a digit, '+' or '/', or with a
// placeholder word that happens to sit inside the random run.
TEST(Detector, RandomNamedSecretsSurviveShapeFilters) {
  FakeCredential c = fake_credential(18);
  std::string letters = c.secret;
  for (size_t i = 0; i < letters.size(); ++i)
    if (!std::isalpha(static_cast<unsigned char>(letters[i]))) letters[i] = static_cast<char>('a' + i % 26);
  letters[0] = 'Q';
  std::string with_word = c.secret;
  with_word.replace(10, 6, "qfakem");
  for (const std::string& secret : {letters, with_word}) {
    ScanResult r = scan("aws_secret_access_key = " + secret + "\n");
    ASSERT_EQ(r.findings.size(), 1u) << secret;
    EXPECT_EQ(r.findings[0].rule, Rule::kSecretAccessKey) << secret;
    EXPECT_EQ(r.stats.detect.placeholders, 0u) << secret;
  }
  // Templates still fall: the words stand on their own.
  for (const char* text : {"aws_secret_access_key = FakeSecretKeyForTestingPurposesOnly12345\n",
                           "aws_secret_access_key = SampleSecretKey/ReplaceMe/WithYourOwn123\n",
                           "aws_secret_access_key = ThisIsAFakeSecretAccessKeyForUnitTests01\n"}) {
    ScanResult r = scan(text);
    EXPECT_TRUE(r.findings.empty()) << text;
    EXPECT_EQ(r.stats.detect.placeholders, 1u) << text;
  }
}

// Every repeat of the prefix is a hit; each must not re-read the run the previous one already read.
TEST(Detector, RepeatedTokenPrefixIsReadOnce) {
  std::string text;
  text.reserve(2u << 20);
  while (text.size() < (2u << 20)) text += "AQoDYXdz";
  ScanResult r = scan(text);
  EXPECT_TRUE(r.findings.empty());
  // One low-entropy "token" per 8 KiB read, not one per hit (262,144 hits).
  EXPECT_LE(r.stats.detect.placeholders, text.size() / 8000);
  EXPECT_GE(r.stats.detect.placeholders, 1u);
}

TEST(Detector, InlineAllowMarker) {
  FakeCredential c = fake_credential(13);
  ScanResult r = scan(fill("key = \"{id}\"  # iamwarden:allow\nother = \"{id}\"\n", c));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.stats.detect.allowed_inline, 1u);
}

TEST(Detector, IdentifiersAreInfoAndHiddenByDefault) {
  std::string text = "\"principalId\": \"" + encode_key_id("AROA", 123456789012, 99) + ":session\"\n";
  EXPECT_TRUE(scan(text).findings.empty());
  ScanResult r = scan(text, DetectOptions{false, Severity::kInfo});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kUniqueId);
  EXPECT_EQ(r.findings[0].account, 123456789012u);
}

TEST(Detector, RedactionKeepsTwoCharactersEachSide) {
  EXPECT_EQ(redact("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "wJ...EY");
  EXPECT_EQ(redact("short"), "...");
}

TEST(Detector, FingerprintIgnoresLineMoves) {
  FakeCredential c = fake_credential(14);
  std::string pair = fill("aws_access_key_id = {id}\naws_secret_access_key = {secret}\n", c);
  ScanResult a = scan(pair), b = scan("\n\n\n" + pair);
  ASSERT_EQ(a.findings.size(), 1u);
  ASSERT_EQ(b.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].fingerprint(), b.findings[0].fingerprint());
  EXPECT_EQ(a.findings[0].hash.size(), 16u);
}

// The attack: a one-line (minified) file of key IDs took 53 s for 2 MB because every finding re-read its line
// for the allow marker. Locations and the marker must come out exactly as for short lines.
TEST(Detector, ManyFindingsOnOneLineAreLocatedExactly) {
  std::string line, ids;
  std::vector<std::string> planted;
  for (uint64_t i = 0; i < 2000; ++i) {
    FakeCredential c = fake_credential(100 + i);
    planted.push_back(c.id);
    line += c.id + ",";
  }
  ScanResult r = scan("x\n" + line + "\n" + line + " # iamwarden:allow\n");
  ASSERT_EQ(r.findings.size(), planted.size());  // the second copy is on an allowed line
  EXPECT_EQ(r.stats.detect.allowed_inline, planted.size());
  for (size_t i = 0; i < planted.size(); ++i) {
    EXPECT_EQ(r.findings[i].key_id, planted[i]);
    EXPECT_EQ(r.findings[i].line, 2u);
    EXPECT_EQ(r.findings[i].column, 1 + 21 * i);
    EXPECT_EQ(r.findings[i].offset, 2 + 21 * i);
  }
}

// Key IDs joined by '+' (a base64 character but not alphanumeric) form one long base64 run: each ID used to read
// that run to its end looking for a secret next to it. The IDs are still found, and a real secret after the run
// still pairs with the last ID.
TEST(Detector, KeyIdsInOneLongBase64RunAreFoundAndTheNearestSecretPairs) {
  std::string run;
  std::vector<std::string> planted;
  for (uint64_t i = 0; i < 3000; ++i) {
    FakeCredential c = fake_credential(7000 + i);
    planted.push_back(c.id);
    run += (i ? "+" : "") + c.id;
  }
  FakeCredential last = fake_credential(7000 + 2999);
  ScanResult r = scan(run + " \"" + last.secret + "\"\n");
  std::vector<std::string> found;
  for (const Finding& f : r.findings) found.push_back(f.key_id);
  std::erase_if(planted, [](const std::string& id) { return inspect_key_id(id).shape != KeyShape::kReal; });
  EXPECT_EQ(found, planted);
  EXPECT_EQ(r.findings.back().key_id, last.id);
  EXPECT_EQ(r.findings.back().rule, Rule::kAccessKeyPair);
  for (size_t i = 0; i + 1 < r.findings.size(); ++i) EXPECT_EQ(r.findings[i].rule, Rule::kAccessKeyId) << i;
}

}  // namespace
}  // namespace iamwarden::secrets
