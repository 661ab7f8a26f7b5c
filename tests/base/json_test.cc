// Tests for the located JSON tree: offsets, duplicates kept, and located errors.
#include "base/json.h"

#include <gtest/gtest.h>

namespace iamwarden {
namespace {

TEST(JsonTest, KeepsOffsetsAndDuplicateMembers) {
  Result<JsonDocument> doc = parse_json("{\n  \"a\": 1,\n  \"a\": [true, \"x\"]\n}", "f.json");
  ASSERT_TRUE(doc.ok());
  const JsonNode& root = doc->root;
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.members[0].key, "a");
  EXPECT_EQ(root.members[0].value.text, "1");
  EXPECT_EQ(root.members[1].value.items[1].text, "x");
  SourceLoc loc = doc->locate(root.members[1].key_offset, "/a");
  EXPECT_EQ(loc.line, 3u);
  EXPECT_EQ(loc.column, 3u);
}

TEST(JsonTest, NumbersKeepTheirText) {
  Result<JsonDocument> doc = parse_json("[10.50, -3, 1e3]", "f");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->root.items[0].text, "10.50");
  EXPECT_EQ(doc->root.items[1].text, "-3");
  EXPECT_EQ(doc->root.items[2].text, "1e3");
}

TEST(JsonTest, MalformedJsonIsLocated) {
  Result<JsonDocument> doc = parse_json("{\"a\": 1,\n \"b\": }", "bad.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().loc.file, "bad.json");
  EXPECT_NE(doc.error().message.find("not valid JSON"), std::string::npos);
}

TEST(JsonTest, InvalidUtf8IsLocatedAtTheByte) {
  Result<JsonDocument> doc = parse_json("{\"a\":\n \"\xC3\x28\"}", "u.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().message, "invalid UTF-8 in input");
  EXPECT_EQ(doc.error().loc.line, 2u);
  EXPECT_EQ(doc.error().loc.column, 3u);
}

TEST(JsonTest, TrailingContentIsAnError) {
  EXPECT_FALSE(parse_json("{} {}", "t").ok());
  EXPECT_FALSE(parse_json("{\"a\": 1} x", "t").ok());
}

TEST(JsonTest, TruncatedAndScalarDocumentsAreErrors) {
  EXPECT_FALSE(parse_json("{\"a\": ", "t").ok());
  EXPECT_FALSE(parse_json("", "t").ok());
  EXPECT_FALSE(parse_json("42", "t").ok());
}

TEST(JsonTest, BrokenLiteralsAreErrorsNotExceptions) {  // found by fuzz_policy_parser
  EXPECT_FALSE(parse_json("{\"a\":n 2}", "t").ok());
  EXPECT_FALSE(parse_json("[tru]", "t").ok());
  EXPECT_FALSE(parse_json("[nul]", "t").ok());
}

TEST(JsonTest, DeepNestingIsRefusedNotACrash) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  Result<JsonDocument> doc = parse_json(deep, "deep");
  EXPECT_FALSE(doc.ok());
}

TEST(JsonTest, PointerTokensAreEscaped) {
  EXPECT_EQ(json_pointer_token("a/b~c"), "a~1b~0c");
}

TEST(ErrorTest, FormatsLocationPointerAndHint) {
  Error e{ErrorCode::kPolicy, "bad thing", SourceLoc{"p.json", 3, 7, "/Statement/0"}, "do this"};
  EXPECT_EQ(e.format(), "p.json:3:7: bad thing (at /Statement/0)\n  hint: do this");
}

}  // namespace
}  // namespace iamwarden

#include "base/json_writer.h"

namespace iamwarden {
namespace {

TEST(JsonWriterTest, EscapesControlsAndKeepsValidUtf8) {
  EXPECT_EQ(json_quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(json_quote("caf\xC3\xA9 \xE2\x98\x83"), "\"caf\xC3\xA9 \xE2\x98\x83\"");
}

TEST(JsonWriterTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(json_quote("Jos\xE9 \xC3"), "\"Jos\xEF\xBF\xBD \xEF\xBF\xBD\"");
  EXPECT_TRUE(parse_json("[" + json_quote("\xFF\xFE/path") + "]", "t").ok());
}

}  // namespace
}  // namespace iamwarden
