// Risk categories (data/risk-categories.json): the embedded data loads, every listed action exists
// in the catalog, membership by name and by access level, and malformed files are located errors.
#include "catalog/risk_categories.h"

#include <gtest/gtest.h>

#include "catalog/catalog.h"

namespace iamwarden::catalog {
namespace {

const Catalog& the_catalog() {
  static const Catalog instance = [] {
    Result<Catalog> loaded = load_catalog();
    EXPECT_TRUE(loaded.ok()) << loaded.error().format();
    return loaded.take();
  }();
  return instance;
}

TEST(RiskCategories, EveryListedActionIsInTheCatalog) {
  Result<RiskCategories> loaded = load_risk_categories();
  ASSERT_TRUE(loaded.ok()) << loaded.error().format();
  ASSERT_EQ(loaded->all().size(), 4u);
  for (const RiskCategory& c : loaded->all())
    for (const std::string& a : c.actions) EXPECT_NE(the_catalog().find_action(a), nullptr) << c.id << ": " << a;
}

TEST(RiskCategories, MembershipByNameAndByAccessLevel) {
  Result<RiskCategories> loaded = load_risk_categories();
  ASSERT_TRUE(loaded.ok());
  const Catalog& cat = the_catalog();
  auto covers = [&](std::string_view id, std::string_view action) {
    const Action* a = cat.find_action(action);
    EXPECT_NE(a, nullptr) << action;
    return a && loaded->find(id)->covers(*a, cat.service_of(*a).prefix);
  };
  EXPECT_TRUE(covers("data_exfiltration", "s3:GetObject"));
  EXPECT_TRUE(covers("data_exfiltration", "S3:getobject"));
  EXPECT_FALSE(covers("data_exfiltration", "s3:PutObject"));
  EXPECT_TRUE(covers("credentials_exposure", "ecr:GetAuthorizationToken"));
  EXPECT_FALSE(covers("credentials_exposure", "iam:ListAccessKeys"));
  EXPECT_TRUE(covers("resource_exposure", "s3:PutBucketPolicy"));   // Permissions management
  EXPECT_FALSE(covers("resource_exposure", "s3:GetBucketPolicy"));  // Read
  EXPECT_TRUE(covers("infrastructure_modification", "ec2:TerminateInstances"));
  EXPECT_TRUE(covers("infrastructure_modification", "ec2:CreateTags"));  // Tagging
  EXPECT_FALSE(covers("infrastructure_modification", "ec2:DescribeInstances"));
}

TEST(RiskCategories, MalformedDataIsALocatedError) {
  auto error_of = [](std::string_view json) {
    Result<RiskCategories> r = RiskCategories::from_json(json, "bad.json");
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string() : r.error().loc.json_pointer + " " + r.error().message;
  };
  EXPECT_EQ(error_of(R"({"format":2,"categories":[]})"), "/format the risk category data is malformed: format must be 1");
  EXPECT_EQ(error_of(R"({"format":1,"categories":[{"id":"x","title":"X","what":"w","actions":["s3:Get*"]}]})"),
            "/categories/0/actions/0 the risk category data is malformed: \"s3:Get*\" is not one \"service:Action\"");
  EXPECT_EQ(error_of(R"({"format":1,"categories":[{"id":"x","title":"X","what":"w","access_levels":["Admin"]}]})"),
            "/categories/0/access_levels/0 the risk category data is malformed: \"Admin\" is not an access level");
  EXPECT_EQ(error_of(R"({"format":1,"categories":[{"id":"x","title":"X","what":"w"}]})"),
            "/categories/0 the risk category data is malformed: a category has either actions or access_levels");
  EXPECT_EQ(error_of(R"({"format":1,"categories":[{"id":"x","title":"X","what":"w","actions":["s3:GetObject","S3:getObject"]}]})"),
            "/categories/0/actions the risk category data is malformed: \"S3:getObject\" is listed twice");
}

}  // namespace
}  // namespace iamwarden::catalog
