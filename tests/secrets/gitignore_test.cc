// gitignore(5) semantics: globs, anchoring, directory-only patterns, negation and "**".
#include "secrets/gitignore.h"

#include <gtest/gtest.h>

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
