// gitignore(5) semantics: globs, anchoring, directory-only patterns, negation and "**".
#include "secrets/gitignore.h"

#include <gtest/gtest.h>

#include <string>

namespace iamwarden::secrets {
namespace {

TEST(Glob, Basics) {
  EXPECT_TRUE(glob_match("*.log", "debug.log"));
  EXPECT_FALSE(glob_match("*.log", "logs/debug.log"));  // '*' stops at '/'
  EXPECT_TRUE(glob_match("debug?.log", "debug1.log"));
  EXPECT_TRUE(glob_match("debug[0-9].log", "debug7.log"));
  EXPECT_FALSE(glob_match("debug[!0-9].log", "debug7.log"));
  EXPECT_TRUE(glob_match("**/logs", "a/b/logs"));
  EXPECT_TRUE(glob_match("**/logs", "logs"));
  EXPECT_TRUE(glob_match("logs/**", "logs/a/b.txt"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/**/b", "a/x/c"));
  EXPECT_TRUE(glob_match("\\*literal", "*literal"));
}

TEST(Glob, EscapedSlashMatchesASlashAsInGit) { EXPECT_TRUE(glob_match("a\\/b", "a/b")); }

// The attack: a .gitignore line like "*a*a*a...*b" made the backtracking matcher take exponential time, and its
// recursion (one frame per '*') exhausted the stack on a 1 MB line. The matcher now runs the pattern as a set of
// positions, with no recursion.
TEST(Glob, HostilePatternsNeitherRecurseNorBacktrack) {
  std::string pattern;
  for (int i = 0; i < 200000; ++i) pattern += "*a";
  EXPECT_FALSE(glob_match(pattern + "b", std::string(4000, 'a')));
  EXPECT_TRUE(glob_match(pattern.substr(0, 4000), std::string(4000, 'a')));  // paths are at most ~4 KiB
  std::string dirs;
  for (int i = 0; i < 50000; ++i) dirs += "**/";
  EXPECT_TRUE(glob_match(dirs + "x", "a/b/c/x"));
  EXPECT_FALSE(glob_match(dirs + "x", std::string(3000, 'a') + "/y"));
}

TEST(IgnoreStack, LastMatchWinsAndNegation) {
  IgnoreStack stack;
  stack.push("# comment\n*.log\n!keep.log\nbuild/\n/rooted.txt\ndocs/*.md\n", "");
  EXPECT_TRUE(stack.ignored("x/debug.log", false));
  EXPECT_FALSE(stack.ignored("x/keep.log", false));
  EXPECT_TRUE(stack.ignored("build", true));
  EXPECT_FALSE(stack.ignored("build", false));  // directory-only
  EXPECT_TRUE(stack.ignored("rooted.txt", false));
  EXPECT_FALSE(stack.ignored("sub/rooted.txt", false));
  EXPECT_TRUE(stack.ignored("docs/a.md", false));
  EXPECT_FALSE(stack.ignored("docs/sub/a.md", false));
}

TEST(IgnoreStack, NestedFilesApplyBelowTheirDirectory) {
  IgnoreStack stack;
  stack.push("*.tmp\n", "");
  size_t mark = stack.size();
  stack.push("!important.tmp\nsecret.txt\n", "sub/");
  EXPECT_FALSE(stack.ignored("sub/important.tmp", false));
  EXPECT_TRUE(stack.ignored("important.tmp", false));
  EXPECT_TRUE(stack.ignored("sub/secret.txt", false));
  EXPECT_FALSE(stack.ignored("secret.txt", false));
  stack.truncate(mark);
  EXPECT_TRUE(stack.ignored("sub/important.tmp", false));
}

}  // namespace
}  // namespace iamwarden::secrets
