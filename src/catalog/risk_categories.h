// Risk categories of allowed actions (data/risk-categories.json): data exfiltration, credentials
// exposure, resource exposure, infrastructure modification. `lint` reports them per statement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/access_level.h"

namespace iamwarden::catalog {

class Catalog;
struct Action;

/// One category: named actions, or every action of some access levels.
struct RiskCategory {
  std::string id;     ///< the lint code ("data_exfiltration")
  std::string title;  ///< "Data exfiltration"
  std::string what;   ///< what its actions do, one phrase
  std::vector<std::string> actions;         ///< "service:Action" as written (sorted, compared ignoring case)
  std::vector<AccessLevel> access_levels;   ///< or: every action of these levels

  /// True when the catalog action (of service `prefix`) belongs to the category.
  bool covers(const Action& action, std::string_view prefix) const;
};

/// The categories of one data file.
class RiskCategories {
 public:
  /// Parses format 1 (data/README.md). Errors name the file and the JSON pointer of the problem.
  static Result<RiskCategories> from_json(std::string_view json, std::string_view file);

  const std::vector<RiskCategory>& all() const { return categories_; }
  const RiskCategory* find(std::string_view id) const;

 private:
  std::vector<RiskCategory> categories_;
};

/// data/risk-categories.json: from data_dir when it is not empty, else the embedded copy.
Result<RiskCategories> load_risk_categories(const std::string& data_dir = "");

}  // namespace iamwarden::catalog
