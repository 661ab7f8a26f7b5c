// Tests for wildcard patterns and policy variables (spec §3.2, §4.7).
#include "eval/pattern.h"

#include <gtest/gtest.h>

namespace iamwarden::eval {
namespace {

constexpr PatternOptions kLike{true, true, false};
constexpr PatternOptions kEquals{false, true, false};

TEST(PatternTest, Wildcards) {
  Pattern p("iam:*AccessKey*", {true, false, true});
  EXPECT_TRUE(p.match_plain("iam:listaccesskeys"));
  EXPECT_FALSE(p.match_plain("iam:listusers"));
  EXPECT_TRUE(Pattern("get?bject", {true, false, true}).match_plain("getobject"));
  EXPECT_FALSE(Pattern("get?bject", {true, false, true}).match_plain("getbject"));
  EXPECT_TRUE(Pattern("*", kLike).match_plain(""));
  EXPECT_TRUE(Pattern("a*b*c", kLike).match_plain("aXXbYYbZc"));
  EXPECT_FALSE(Pattern("a*b*c", kLike).match_plain("aXXbYYbZ"));
  EXPECT_TRUE(Pattern("bkt/*/test/*", kLike).match_plain("bkt//test/obj"));
  EXPECT_FALSE(Pattern("bkt/*/test/*", kLike).match_plain("bkt/test/obj"));
}

TEST(PatternTest, EqualsTreatsWildcardsLiterally) {
  EXPECT_FALSE(Pattern("*", kEquals).match_plain("abc"));
  EXPECT_TRUE(Pattern("*", kEquals).match_plain("*"));
}

TEST(PatternTest, IgnoreCase) {
  EXPECT_TRUE(Pattern("John", kEquals).match_plain("jOHN", true));
  EXPECT_FALSE(Pattern("John", kEquals).match_plain("jOHN", false));
}

TEST(PatternTest, VariablesResolveFromContextAsLiteralText) {
  Context ctx;
  ASSERT_TRUE(ctx.set("aws:username", "martha").ok());
  ASSERT_TRUE(ctx.set("aws:PrincipalTag/p", "a*").ok());
  Pattern home("home/${aws:username}/*", kLike);
  EXPECT_EQ(home.match("home/martha/x", ctx), MatchResult::kMatch);
  EXPECT_EQ(home.match("home/bob/x", ctx), MatchResult::kNoMatch);
  // A '*' that comes from a variable value is literal (C26).
  Pattern tag("home/${aws:PrincipalTag/p}", kLike);
  EXPECT_EQ(tag.match("home/abc", ctx), MatchResult::kNoMatch);
  EXPECT_EQ(tag.match("home/a*", ctx), MatchResult::kMatch);
  // Keys are case-insensitive.
  EXPECT_EQ(Pattern("${AWS:USERNAME}", kEquals).match("martha", ctx), MatchResult::kMatch);
}

TEST(PatternTest, UnresolvedDefaultsAndEscapes) {
  Context ctx;
  ASSERT_TRUE(ctx.set_list("aws:TagKeys", {"a"}).ok());
  EXPECT_EQ(Pattern("${aws:username}", kEquals).match("x", ctx), MatchResult::kUnresolved);
  EXPECT_EQ(Pattern("${aws:TagKeys}", kEquals).match("a", ctx), MatchResult::kUnresolved);  // multivalued (C25)
  Pattern with_default("bkt-${aws:PrincipalTag/team, 'company-wide'}", kLike);
  EXPECT_EQ(with_default.match("bkt-company-wide", ctx), MatchResult::kMatch);
  EXPECT_EQ(Pattern("a${*}", kLike).match("a*", ctx), MatchResult::kMatch);  // C24
  EXPECT_EQ(Pattern("a${*}", kLike).match("ab", ctx), MatchResult::kNoMatch);
  EXPECT_EQ(Pattern("${$}{x}${?}", kLike).match("${x}?", ctx), MatchResult::kMatch);
  // Without variables (2008 policies) the text is literal but '*' stays a wildcard.
  EXPECT_EQ(Pattern("a${*}", {true, false, false}).match("a${zz}", ctx), MatchResult::kMatch);
  // Malformed variable syntax is literal.
  EXPECT_EQ(Pattern("${aws:username", kEquals).match("${aws:username", ctx), MatchResult::kMatch);
}

TEST(PatternTest, RenderSubstitutes) {
  Context ctx;
  ASSERT_TRUE(ctx.set("aws:username", "bob").ok());
  std::string out;
  EXPECT_TRUE(Pattern("home/${aws:username}/*", kLike).render(ctx, out));
  EXPECT_EQ(out, "home/bob/*");
}

TEST(ContextTest, KeysDifferingOnlyInCaseAreAmbiguous) {
  Context ctx;
  ASSERT_TRUE(ctx.set("aws:RequestTag/EC2", "a").ok());
  EXPECT_FALSE(ctx.set("aws:requesttag/ec2", "b").ok());
  ASSERT_NE(ctx.find("AWS:REQUESTTAG/ec2"), nullptr);
}

}  // namespace
}  // namespace iamwarden::eval
