// The check registry: ids unique, snake_case and equal to their file; metadata complete; every
// check id used by a framework exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "audit/check.h"
#include "audit/compliance.h"

namespace iamwarden::audit {
namespace {

bool snake_case(std::string_view id) {
  if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return id.back() != '_';
}

std::string stem(std::string_view path) { return std::filesystem::path(path).stem().string(); }

TEST(Registry, EveryCheckFileRegistersExactlyOneCheck) {
  EXPECT_EQ(all_checks().size(), static_cast<size_t>(IAMWARDEN_AUDIT_CHECK_FILES));
}

TEST(Registry, IdsAreUniqueSnakeCaseAndMatchTheirFile) {
  std::set<std::string_view> seen;
  for (const Check& c : all_checks()) {
    EXPECT_TRUE(seen.insert(c.meta->id).second) << "duplicate id " << c.meta->id;
    EXPECT_TRUE(snake_case(c.meta->id)) << c.meta->id;
    EXPECT_EQ(stem(c.file), c.meta->id) << "check registered from " << c.file;
  }
}

TEST(Registry, MetadataIsComplete) {
  for (const Check& c : all_checks()) {
    const CheckMeta& m = *c.meta;
    SCOPED_TRACE(std::string(m.id));
    EXPECT_FALSE(m.title.empty());
    EXPECT_LE(m.title.size(), 150u);
    EXPECT_NE(m.title.substr(0, 6), "Ensure");
    EXPECT_FALSE(m.service.empty());
    EXPECT_FALSE(m.resource_type.empty());
    EXPECT_FALSE(m.description.empty());
    EXPECT_FALSE(m.risk.empty());
    EXPECT_FALSE(m.remediation.empty());
    EXPECT_FALSE(m.remediation_cli.empty());
    EXPECT_FALSE(m.remediation_terraform.empty());
    EXPECT_FALSE(m.references.empty());
    EXPECT_FALSE(m.inputs.empty());
    EXPECT_NE(c.run, nullptr);
  }
}

TEST(Registry, FindCheckByIdAndAllChecksSorted) {
  std::span<const Check> checks = all_checks();
  for (size_t i = 1; i < checks.size(); ++i) EXPECT_LT(checks[i - 1].meta->id, checks[i].meta->id);
  for (const Check& c : checks) EXPECT_EQ(find_check(c.meta->id), &c);
  EXPECT_EQ(find_check("no_such_check"), nullptr);
}

}  // namespace
}  // namespace iamwarden::audit
