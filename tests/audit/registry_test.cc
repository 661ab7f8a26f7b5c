// The check registry: ids unique, snake_case and equal to their file; metadata complete; every
// check id used by a framework exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "audit/check.h"
#include "audit/compliance.h"
#include "audit/parameters.h"

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

TEST(Registry, EveryCheckIdInTheComplianceDataExists) {
  Result<std::vector<Framework>> frameworks = load_frameworks();
  ASSERT_TRUE(frameworks.ok()) << frameworks.error().format();
  ASSERT_FALSE(frameworks->empty());
  for (const Framework& fw : *frameworks) {
    SCOPED_TRACE(fw.id);
    EXPECT_FALSE(fw.name.empty());
    EXPECT_FALSE(fw.requirements.empty());
    std::set<std::string> ids;
    for (const Requirement& r : fw.requirements) {
      EXPECT_TRUE(ids.insert(r.id).second) << "duplicate requirement " << r.id;
      EXPECT_EQ(r.manual, r.checks.empty()) << r.id << ": a requirement without checks must say \"manual\"";
      for (const std::string& id : r.checks) EXPECT_NE(find_check(id), nullptr) << r.id << " maps unknown check " << id;
    }
  }
}

// A requirement's parameter that no check of it honours would be shown as used but change nothing.
TEST(Registry, EveryParameterOfAnAutomatedRequirementIsHonouredByOneOfItsChecks) {
  Result<std::vector<Framework>> frameworks = load_frameworks();
  ASSERT_TRUE(frameworks.ok());
  for (const Framework& fw : *frameworks) {
    for (const Requirement& r : fw.requirements) {
      if (r.manual) continue;
      std::vector<std::pair<std::string, std::string>> applied = applied_parameters(r);
      for (const auto& [name, value] : r.parameters) {
        EXPECT_NE(find_parameter(name), nullptr) << fw.id << " " << r.id << ": unknown parameter " << name;
        EXPECT_NE(std::find(applied.begin(), applied.end(), std::pair{name, value}), applied.end())
            << fw.id << " " << r.id << ": no check honours " << name;
      }
    }
  }
  for (const Check& c : all_checks())
    for (std::string_view name : c.meta->parameters)
      EXPECT_NE(find_parameter(name), nullptr) << c.meta->id << " honours unknown parameter " << name;
}

TEST(Registry, ParameterValuesAreCheckedWhenFrameworksLoad) {
  const std::string head = R"({"framework":"F","version":"1","requirements":[{"id":"r","title":"t","checks":["iam_user_access_keys_rotated"],"parameters":)";
  Result<Framework> bad = parse_framework(head + R"({"maxAccessKeyAge":"ninety"}}]})", "f.json", "f");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "parameter \"maxAccessKeyAge\" must be an integer from 1 to 3650, not \"ninety\"");
  EXPECT_EQ(bad.error().loc.json_pointer, "/requirements/0/parameters/maxAccessKeyAge");
  Result<Framework> good = parse_framework(head + R"({"maxAccessKeyAge":"30"}}]})", "f.json", "f");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->requirements[0].parameters, (std::vector<std::pair<std::string, std::string>>{{"maxAccessKeyAge", "30"}}));
}

TEST(Registry, TheEmbeddedFrameworksAreTheFilesOfDataCompliance) {
  Result<std::vector<Framework>> embedded = load_frameworks();
  Result<std::vector<Framework>> on_disk = load_frameworks(std::string(IAMWARDEN_SOURCE_DIR) + "/data");
  ASSERT_TRUE(embedded.ok() && on_disk.ok());
  ASSERT_EQ(embedded->size(), on_disk->size());
  for (size_t i = 0; i < embedded->size(); ++i) {
    EXPECT_EQ((*embedded)[i].id, (*on_disk)[i].id);
    EXPECT_EQ((*embedded)[i].requirements.size(), (*on_disk)[i].requirements.size());
  }
}

TEST(Registry, TheBestPracticeChecklistHasItsSevenItems) {
  Result<std::vector<Framework>> frameworks = load_frameworks();
  ASSERT_TRUE(frameworks.ok());
  auto it = std::find_if(frameworks->begin(), frameworks->end(), [](const Framework& f) { return f.id == "iam-best-practices"; });
  ASSERT_NE(it, frameworks->end());
  std::vector<std::string> ids;
  for (const Requirement& r : it->requirements) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"root-mfa", "root-access-keys", "individual-identities", "least-privilege",
                                           "access-key-rotation", "cloudtrail-logging", "permission-review"}));
}

}  // namespace
}  // namespace iamwarden::audit
