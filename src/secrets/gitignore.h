// .gitignore semantics: patterns per directory, last match wins, "!" re-includes, "**" spans directories.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iamwarden::secrets {

/// Matches text against a gitignore glob: '*' and '?' stop at '/', "[...]" classes, '\' escapes, and
/// "**/", "/**/", "/**" span directories.
bool glob_match(std::string_view pattern, std::string_view text);

/// The patterns in force at one point of a directory walk (outer directories first).
class IgnoreStack {
 public:
  /// Adds the patterns of one .gitignore text found in directory base ("" or "dir/sub/", relative to the
  /// repository top).
  void push(std::string_view text, const std::string& base);

  /// Number of patterns; pass it to truncate() when leaving the directory.
  size_t size() const { return patterns_.size(); }

  /// Drops the patterns added after size() returned count.
  void truncate(size_t count) { patterns_.resize(count); }

  /// Whether path (relative to the repository top, '/'-separated) is ignored.
  bool ignored(std::string_view path, bool is_dir) const;

 private:
  struct Pattern {
    std::string glob;
    std::string base;
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;  ///< contains a '/' before its end: matched against the whole path below base
  };
  std::vector<Pattern> patterns_;
};

}  // namespace iamwarden::secrets
