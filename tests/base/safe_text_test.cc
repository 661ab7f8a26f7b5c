// Tests for the one escaping function every text renderer uses.
#include "base/safe_text.h"

#include <gtest/gtest.h>

#include <string>

namespace iamwarden {
namespace {

TEST(SafeTextTest, PrintableTextAndUnicodeAreCopied) {
  EXPECT_EQ(safe_text("arn:aws:iam::111122223333:user/alice"), "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(safe_text("Zoë – 東京"), "Zoë – 東京");
  EXPECT_EQ(safe_text("a\\b"), "a\\b");
  EXPECT_TRUE(is_safe_text("Zoë – 東京"));
}

TEST(SafeTextTest, ControlCharactersBecomeVisibleEscapes) {
  EXPECT_EQ(safe_text("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(safe_text("\x1b[2K\x1b]0;title\x07"), "\\x1b[2K\\x1b]0;title\\x07");
  EXPECT_EQ(safe_text(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(safe_text("del\x7f"), "del\\x7f");
  EXPECT_FALSE(is_safe_text("a\nb"));
  EXPECT_FALSE(is_safe_text("\x1b"));
}

TEST(SafeTextTest, C1ControlsBidiOverridesAndBadBytes) {
  EXPECT_EQ(safe_text("\xc2\x9b" "31m"), "\\u{9b}31m");     // 8-bit CSI
  EXPECT_EQ(safe_text("\xe2\x80\xae" "txt"), "\\u{202e}txt");  // right-to-left override
  EXPECT_EQ(safe_text("\xe2\x80\xa8"), "\\u{2028}");           // line separator
  EXPECT_EQ(safe_text("\x9b" "31m"), "\\x9b31m");             // a lone C1 byte is invalid UTF-8
  EXPECT_EQ(safe_text("\xc0\xaf"), "\\xc0\\xaf");              // overlong encoding
  EXPECT_EQ(safe_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");      // surrogate
  EXPECT_EQ(safe_text("\xe6\x9d"), "\\xe6\\x9d");              // truncated sequence
  EXPECT_FALSE(is_safe_text("\xc2\x9b"));
}

TEST(SafeTextTest, ExcerptIsBoundedEscapedAndCutOnCharacters) {
  std::string long_text(1000, 'a');
  long_text[0] = '\x1b';
  std::string excerpt = safe_excerpt(long_text, 20);
  EXPECT_EQ(excerpt, "\\x1baaaaaaaaa…[980 bytes]…aaaaaaaaaa");
  EXPECT_EQ(safe_excerpt("short\n", 20), "short\\n");
  std::string wide;
  for (int i = 0; i < 20; ++i) wide += "é";  // two bytes each
  std::string cut = safe_excerpt(wide, 11);
  EXPECT_EQ(cut, "éé…[30 bytes]…ééé");
}

TEST(SafeTextTest, BoundedTextKeepsBothEndsUnescaped) {
  std::string text = "head\n" + std::string(100, 'x') + "tail";
  EXPECT_EQ(bounded_text(text, 10), "head\n…[99 bytes]…xtail");
  EXPECT_EQ(bounded_text("short", 10), "short");
}

}  // namespace
}  // namespace iamwarden
