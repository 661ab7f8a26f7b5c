// Statement facts used by the security rules: which Resource entries count as "every resource of a type".
#include "lint/statement_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"

namespace iamwarden::lint {
namespace {

TEST(StatementFacts, StarResourceCoversEveryRole) {
  for (const char* r : {"*", "arn:aws:iam::123456789012:*", "arn:aws:iam::123456789012:role/*",
                        "arn:aws:iam::123456789012:role*", "arn:aws:iam::*:role*", "arn:aws:iam::123456789012:ro*",
                        "arn:aws-cn:iam::123456789012:role*", "arn:aws:s3:::bucket/*"})
    EXPECT_TRUE(is_star_resource(r)) << r;
  for (const char* r : {"arn:aws:iam::123456789012:role/app-*", "arn:aws:iam::123456789012:role/path/*",
                        "arn:aws:iam::123456789012:role/admin", "arn:aws:iam::123456789012:role*/x",
                        "arn:aws:iam::123456789012:r?le*", "arn:aws:s3:::bucket*", "arn:aws:sns:us-east-1:1:topic*"})
    EXPECT_FALSE(is_star_resource(r)) << r;
}

TEST(StatementFacts, PassRoleOnRoleStarIsReported) {
  Result<catalog::Catalog> catalog = catalog::load_catalog();
  ASSERT_TRUE(catalog.ok()) << catalog.error().format();
  for (const char* action : {"iam:PassRole", "iam:CreateServiceLinkedRole"}) {
    std::string text = std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":")") + action +
                       R"(","Resource":"arn:aws:iam::123456789012:role*"}]})";
    LintResult r = lint_text(text, "p.json", {policy::PolicyKind::kIdentity, &*catalog, false, {}, {}});
    std::vector<std::string> codes;
    for (const Finding& f : r.findings) codes.push_back(f.code);
    std::string expected = std::string_view(action) == "iam:PassRole" ? "pass_role_with_star_in_resource"
                                                                       : "create_slr_with_star_in_resource";
    EXPECT_NE(std::find(codes.begin(), codes.end(), expected), codes.end()) << action;
  }
}

}  // namespace
}  // namespace iamwarden::lint
