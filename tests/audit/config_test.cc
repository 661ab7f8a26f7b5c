// iamwarden.toml: defaults, the cis profile, thresholds, severity overrides and suppressions; unknown
// keys and suppressions without a reason are errors located at line:column.
#include <gtest/gtest.h>

#include "audit/config.h"
#include "snapshot/timestamp.h"

namespace iamwarden::audit {
namespace {

AuditConfig parse_ok(std::string_view text) {
  Result<AuditConfig> r = parse_config(text, "iamwarden.toml");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().format());
  return r.ok() ? r.take() : AuditConfig{};
}

// Parses text expecting this error message at this line (and column, when not 0); returns the error.
Error expect_error(std::string_view text, std::string_view message, uint32_t line, uint32_t column = 0) {
  Result<AuditConfig> r = parse_config(text, "iamwarden.toml");
  EXPECT_FALSE(r.ok()) << "accepted:\n" << text;
  if (r.ok()) return Error{};
  const Error& e = r.error();
  EXPECT_EQ(e.message, message) << text;
  EXPECT_EQ(e.loc.file, "iamwarden.toml");
  EXPECT_EQ(e.loc.line, line) << e.format();
  if (column) {
    EXPECT_EQ(e.loc.column, column) << e.format();
  }
  return e;
}

TEST(Config, EmptyFileGivesTheDefaults) {
  AuditConfig c = parse_ok("");
  EXPECT_EQ(c.profile, "default");
  EXPECT_EQ(c.file, "iamwarden.toml");
  EXPECT_EQ(c.thresholds.access_key_rotation_days, 90);
  EXPECT_EQ(c.thresholds.access_key_unused_days, 45);
  EXPECT_EQ(c.thresholds.password_unused_days, 45);
  EXPECT_EQ(c.thresholds.root_usage_days, 30);
  EXPECT_EQ(c.thresholds.role_unused_days, 90);
  EXPECT_EQ(c.password.minimum_length, 14);
  EXPECT_EQ(c.password.reuse_prevention, 5);
  EXPECT_EQ(c.password.max_age_days, 90);
  EXPECT_TRUE(c.frameworks.empty());
  EXPECT_TRUE(c.suppressions.empty());
  EXPECT_TRUE(c.severity_overrides.empty());

  Result<AuditConfig> d = default_config("default");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->file, "");
  EXPECT_EQ(d->password.reuse_prevention, 5);
}

TEST(Config, CisProfile) {
  AuditConfig c = parse_ok("profile = \"cis\"\n");
  EXPECT_EQ(c.profile, "cis");
  EXPECT_EQ(c.password.reuse_prevention, 24);
  EXPECT_EQ(c.password.max_age_days, 0);
  EXPECT_EQ(c.password.minimum_length, 14);

  // A file's own settings apply on top of the profile.
  c = parse_ok("profile = \"cis\"\n[password_policy]\nreuse_prevention = 12\n");
  EXPECT_EQ(c.password.reuse_prevention, 12);

  expect_error("\nprofile = \"nis\"\n", "unknown profile \"nis\"", 2);
  EXPECT_FALSE(default_config("nis").ok());
}

TEST(Config, ThresholdsAndPasswordTarget) {
  AuditConfig c = parse_ok(
      "frameworks = [\"cis-7.0\"]\n"
      "[thresholds]\naccess_key_rotation_days = 30\nroot_usage_days = 7\n"
      "[password_policy]\nminimum_length = 20\nrequire_symbols = false\n");
  EXPECT_EQ(c.thresholds.access_key_rotation_days, 30);
  EXPECT_EQ(c.thresholds.root_usage_days, 7);
  EXPECT_EQ(c.thresholds.access_key_unused_days, 45) << "unset keys keep their default";
  EXPECT_EQ(c.password.minimum_length, 20);
  EXPECT_FALSE(c.password.require_symbols);
  EXPECT_EQ(c.frameworks, std::vector<std::string>{"cis-7.0"});

  expect_error("[thresholds]\naccess_key_rotation_days = 0\n",
               "thresholds.access_key_rotation_days must be an integer from 1 to 3650", 2);
  expect_error("[password_policy]\nrequire_symbols = \"yes\"\n", "password_policy.require_symbols must be true or false", 2);
}

TEST(Config, UnknownKeysAreErrorsWithLineAndColumn) {
  Error e = expect_error("[thresholds]\naccess_key_rotation_days = 30\n  acces_key_unused_days = 10\n",
                         "unknown key \"acces_key_unused_days\" in [thresholds]", 3, 3);
  EXPECT_NE(e.format().find("iamwarden.toml:3:3: unknown key"), std::string::npos) << e.format();
  expect_error("profile = \"default\"\nframework = [\"cis-7.0\"]\n", "unknown key \"framework\"", 2, 1);

  Result<AuditConfig> syntax = parse_config("[thresholds\n", "iamwarden.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().loc.line, 1u) << "TOML syntax errors are located too";
}

TEST(Config, SeverityOverrides) {
  AuditConfig c = parse_ok("[severity]\niam_root_mfa_enabled = \"HIGH\"\niam_user_mfa_enabled = \"info\"\n");
  EXPECT_EQ(c.severity_overrides.at("iam_root_mfa_enabled"), Severity::kHigh);
  EXPECT_EQ(c.severity_overrides.at("iam_user_mfa_enabled"), Severity::kInfo);
  expect_error("[severity]\niam_root_mfa_enabled = \"urgent\"\n",
               "severity.iam_root_mfa_enabled must be one of info, low, medium, high, critical", 2);
}

TEST(Config, SuppressionsNeedAReason) {
  AuditConfig c = parse_ok(
      "[[suppress]]\ncheck = \"iam_user_mfa_enabled\"\nresource = \"arn:aws:iam::*:user/ci-*\"\n"
      "reason = \"CI users sign in with keys only\"\n"
      "[[suppress]]\ncheck = \"*\"\nreason = \"sandbox account\"\n");
  ASSERT_EQ(c.suppressions.size(), 2u);
  EXPECT_EQ(c.suppressions[0].check, "iam_user_mfa_enabled");
  EXPECT_EQ(c.suppressions[0].resource, "arn:aws:iam::*:user/ci-*");
  EXPECT_EQ(c.suppressions[0].reason, "CI users sign in with keys only");
  EXPECT_FALSE(c.suppressions[0].expires);
  EXPECT_EQ(c.suppressions[1].resource, "*") << "resource defaults to every resource";
  EXPECT_TRUE(glob_match(c.suppressions[0].resource, "arn:aws:iam::111122223333:user/ci-deploy"));
  EXPECT_FALSE(glob_match(c.suppressions[0].resource, "arn:aws:iam::111122223333:user/alice"));

  Error e = expect_error("[[suppress]]\ncheck = \"iam_user_mfa_enabled\"\n", "a suppression needs a \"reason\"", 1);
  EXPECT_FALSE(e.hint.empty());
  expect_error("[[suppress]]\ncheck = \"x\"\nreason = \"\"\n", "a suppression needs a \"reason\"", 1);
  expect_error("[[suppress]]\nreason = \"why\"\n", "a suppression needs \"check\" (a check id, or \"*\")", 1);
  expect_error("[[suppress]]\ncheck = \"x\"\nreason = \"why\"\nuntil = 2026-01-01\n",
               "unknown key \"until\" in [suppress]", 4);
}

TEST(Config, SuppressionExpiryCoversTheWholeDay) {
  AuditConfig c = parse_ok(
      "[[suppress]]\ncheck = \"a\"\nreason = \"r\"\nexpires = 2026-12-31\n"
      "[[suppress]]\ncheck = \"b\"\nreason = \"r\"\nexpires = \"2027-01-15\"\n");
  ASSERT_EQ(c.suppressions.size(), 2u);
  EXPECT_EQ(c.suppressions[0].expires_text, "2026-12-31");
  ASSERT_TRUE(c.suppressions[0].expires);
  EXPECT_EQ(*c.suppressions[0].expires, *snapshot::parse_timestamp("2027-01-01T00:00:00Z"));
  EXPECT_EQ(c.suppressions[1].expires_text, "2027-01-15");
  EXPECT_EQ(*c.suppressions[1].expires, *snapshot::parse_timestamp("2027-01-16T00:00:00Z"));

  for (std::string_view value : {"\"soon\"", "42"})
    expect_error(std::string("[[suppress]]\ncheck = \"a\"\nreason = \"r\"\nexpires = ") + std::string(value) + "\n",
                 "suppress.expires must be a date (2026-12-31)", 4);
}

TEST(Config, GlobMatch) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("iam_*", "iam_root_mfa_enabled"));
  EXPECT_TRUE(glob_match("iam_?oot*", "iam_root_mfa_enabled"));
  EXPECT_FALSE(glob_match("iam_root", "iam_root_mfa_enabled")) << "the whole text";
  EXPECT_TRUE(glob_match("*mfa*", "iam_user_mfa_enabled"));
  EXPECT_FALSE(glob_match("cloudtrail_*", "iam_user_mfa_enabled"));
}

}  // namespace
}  // namespace iamwarden::audit
