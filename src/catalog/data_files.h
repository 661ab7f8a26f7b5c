// Where the data files (catalog, managed policies, caller restrictions) come from: the embedded copies or a --data-dir.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace iamwarden::catalog {

/// Reads data file `name` ("catalog.json"): from data_dir when it is not empty (name.gz or name), else
/// the embedded name.gz (or name, for the small files embedded uncompressed). Returns the uncompressed text.
Result<std::string> read_data_file(std::string_view name, const std::string& data_dir);

/// The file read_data_file reads for name, as error messages name it ("embedded catalog.json.gz", "DIR/name").
std::string data_file_label(std::string_view name, const std::string& data_dir);

/// The error for a malformed hand-maintained data file ("the risk category data"): what is wrong, where
/// (file and JSON pointer), and that data/README.md has the layout.
Error malformed_data(std::string_view data_name, std::string_view file, std::string pointer, std::string_view what);

}  // namespace iamwarden::catalog
