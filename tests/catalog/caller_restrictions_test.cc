// Caller restrictions: the embedded data, lookups by action, caller kinds, and malformed files.
#include "catalog/caller_restrictions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "eval/request.h"

namespace iamwarden::catalog {
namespace {

using eval::CallerKind;

const CallerRestrictions& builtin() {
  static const CallerRestrictions instance = [] {
    Result<CallerRestrictions> loaded = load_caller_restrictions();
    EXPECT_TRUE(loaded.ok()) << loaded.error().format();
    return loaded.ok() ? loaded.take() : CallerRestrictions{};
  }();
  return instance;
}

Error parse_error(std::string_view json) {
  Result<CallerRestrictions> r = CallerRestrictions::from_json(json, "bad.json");
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

TEST(CallerRestrictions, BuiltinDataHasTheDocumentedActions) {
  const CallerRestriction* token = builtin().find("sts:GetSessionToken");
  ASSERT_NE(token, nullptr);
  EXPECT_EQ(builtin().find("STS:getsessiontoken"), token);  // actions compare ignoring case
  EXPECT_TRUE(caller_allowed(*token, CallerKind::kUser));
  EXPECT_TRUE(caller_allowed(*token, CallerKind::kRoot));
  EXPECT_FALSE(caller_allowed(*token, CallerKind::kRoleSession));
  EXPECT_FALSE(caller_allowed(*token, CallerKind::kFederatedUser));
  EXPECT_FALSE(caller_allowed(*token, CallerKind::kAnonymous));
  const CallerRestriction* federation = builtin().find("sts:GetFederationToken");
  ASSERT_NE(federation, nullptr);
  EXPECT_FALSE(caller_allowed(*federation, CallerKind::kRoleSession));
  const CallerRestriction* password = builtin().find("iam:ChangePassword");
  ASSERT_NE(password, nullptr);
  EXPECT_TRUE(caller_allowed(*password, CallerKind::kUser));
  EXPECT_FALSE(caller_allowed(*password, CallerKind::kRoot));
  EXPECT_EQ(builtin().find("s3:GetObject"), nullptr);
  EXPECT_EQ(builtin().find("sts:GetSessionTokens"), nullptr);
  for (const CallerRestriction& r : builtin().all()) {
    EXPECT_EQ(r.reference.rfind("https://docs.aws.amazon.com/", 0), 0u) << r.action;
    EXPECT_EQ(r.source, "data/caller-restrictions.json");
  }
}

TEST(CallerRestrictions, RefusalNamesActionCallerReasonAndFile) {
  const CallerRestriction* token = builtin().find("sts:GetSessionToken");
  ASSERT_NE(token, nullptr);
  EXPECT_EQ(caller_refusal(*token, CallerKind::kRoleSession),
            "sts:GetSessionToken cannot be called by a role session: " + token->reason +
                " (data/caller-restrictions.json)");
  EXPECT_EQ(caller_refusal(*token, CallerKind::kAnonymous).rfind("sts:GetSessionToken cannot be called by an anonymous", 0),
            0u);
}

TEST(CallerRestrictions, KindIdsMatchTheCallerKinds) {
  EXPECT_EQ(caller_kind_id(CallerKind::kRoot), "root");
  EXPECT_EQ(caller_kind_id(CallerKind::kUser), "user");
  EXPECT_EQ(caller_kind_id(CallerKind::kRoleSession), "role-session");
  EXPECT_EQ(caller_kind_id(CallerKind::kFederatedUser), "federated-user");
  EXPECT_EQ(caller_kind_id(CallerKind::kServicePrincipal), "service");
  EXPECT_EQ(caller_kind_id(CallerKind::kWebIdentity), "web-identity");
  EXPECT_EQ(caller_kind_id(CallerKind::kAnonymous), "anonymous");
}

TEST(CallerRestrictions, MalformedFilesNameTheFileAndPointer) {
  Error syntax = parse_error("{\"format\":1,");
  EXPECT_EQ(syntax.loc.file, "bad.json");
  EXPECT_NE(syntax.message.find("malformed"), std::string::npos);
  EXPECT_EQ(parse_error(R"({"format":2,"restrictions":[]})").loc.json_pointer, "/format");
  EXPECT_EQ(parse_error(R"({"format":1})").loc.json_pointer, "/restrictions");
  const std::string entry = R"("action":"sts:GetSessionToken","reason":"r","reference":"https://x")";
  Error kind = parse_error(R"({"format":1,"restrictions":[{)" + entry + R"(,"callers":["user","role"]}]})");
  EXPECT_EQ(kind.loc.file, "bad.json");
  EXPECT_EQ(kind.loc.json_pointer, "/restrictions/0/callers/1");
  EXPECT_NE(kind.message.find("role-session"), std::string::npos) << kind.message;  // lists the kinds
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[{)" + entry + R"(,"callers":[]}]})").loc.json_pointer,
            "/restrictions/0/callers");
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[{"action":"sts:GetSessionToken","callers":["user"]}]})")
                .loc.json_pointer,
            "/restrictions/0");
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[{)" + entry + R"(,"callers":["user"],"note":"x"}]})")
                .loc.json_pointer,
            "/restrictions/0/note");
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[{"action":"sts:*","callers":["user"],"reason":"r","reference":"u"}]})")
                .loc.json_pointer,
            "/restrictions/0/action");
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[{)" + entry + R"(,"callers":["user"]},{"action":"STS:GetSessionToken",
      "callers":["root"],"reason":"r","reference":"u"}]})")
                .loc.json_pointer,
            "/restrictions/1/action");
  EXPECT_EQ(parse_error(R"({"format":1,"restrictions":[3]})").loc.json_pointer, "/restrictions/0");
}

TEST(CallerRestrictions, DataDirIsReadInsteadOfTheBuiltinCopy) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "iamwarden_caller_restrictions_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EXPECT_FALSE(load_caller_restrictions(dir.string()).ok());  // absent: an error, not the built-in copy
  std::ofstream(dir / "caller-restrictions.json")
      << R"({"format":1,"restrictions":[{"action":"iam:ChangePassword","callers":["user","root"],"reason":"r","reference":"u"}]})";
  Result<CallerRestrictions> loaded = load_caller_restrictions(dir.string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().format();
  ASSERT_EQ(loaded->all().size(), 1u);
  EXPECT_TRUE(caller_allowed(*loaded->find("iam:changepassword"), CallerKind::kRoot));
  EXPECT_EQ(loaded->all().front().source, (dir / "caller-restrictions.json").string());
  std::ofstream(dir / "caller-restrictions.json") << R"({"format":1,"restrictions":[{"action":"iam:ChangePassword"}]})";
  Result<CallerRestrictions> bad = load_caller_restrictions(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().loc.file, (dir / "caller-restrictions.json").string());
  EXPECT_EQ(bad.error().loc.json_pointer, "/restrictions/0");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace iamwarden::catalog
