// Whole-document validation of snapshot JSON: what it refuses and exactly where it says the fault is.
#include "snapshot/json_check.h"

#include <gtest/gtest.h>

#include <string>

namespace iamwarden::snapshot {
namespace {

std::string check(const std::string& text) {
  Result<void> r = check_json_document(text, "f.json");
  return r ? "ok" : r.error().format();
}

TEST(JsonCheck, AcceptsValidDocuments) {
  EXPECT_EQ(check(R"({"a": [1, -2.5e+3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}})"), "ok");
  EXPECT_EQ(check(" [ ] "), "ok");
  EXPECT_EQ(check("\"just a string\""), "ok");
  EXPECT_EQ(check("{\"\":1, \"a\":{\"\":2}}"), "ok");  // the empty name, once per object
  // The same name in different objects is fine.
  EXPECT_EQ(check(R"([{"UserDetailList": []}, {"UserDetailList": []}])"), "ok");
}

TEST(JsonCheck, JunkInUnusedMembersIsLocated) {
  EXPECT_EQ(check("{\"UserDetailList\": [],\n \"Junk\": {\"a\": tru}}"),
            "f.json:2:16: not valid JSON: invalid literal (expected true, false or null) (at /Junk/a)");
  EXPECT_EQ(check("{\"a\": [1, 2, 01]}"), "f.json:1:14: not valid JSON: invalid number (at /a/2)");
  EXPECT_EQ(check("{\"a\": 1.}"), "f.json:1:7: not valid JSON: invalid number (digits expected after '.') (at /a)");
  EXPECT_EQ(check("{\"a\": [1,]}"),
            "f.json:1:10: not valid JSON: expected a value (object, array, string, number, true, false or null) (at /a/1)");
  EXPECT_EQ(check("{\"a\": 1,}"), "f.json:1:9: not valid JSON: expected a member name in double quotes");
  EXPECT_EQ(check("{\"a\" 1}"), "f.json:1:6: not valid JSON: expected ':' after a member name (at /a)");
  EXPECT_EQ(check("{\"a\": \"x\\q\"}"), "f.json:1:9: not valid JSON: invalid escape sequence in a string (at /a)");
  EXPECT_EQ(check("{\"a\": \"\\ud800x\"}"),
            "f.json:1:8: not valid JSON: invalid \\u escape: a high surrogate without a low one (at /a)");
  EXPECT_EQ(check("{\"a\": \"tab\there\"}"),
            "f.json:1:11: not valid JSON: control character U+0009 inside a string (it must be escaped) (at /a)");
  EXPECT_EQ(check("{} x"), "f.json:1:4: not valid JSON: unexpected content after the top-level value");
  EXPECT_EQ(check("  \n "), "f.json:2:2: not valid JSON: the file is empty (expected a JSON value)");
}

TEST(JsonCheck, FaultDeepInALargeFileIsReportedAtItsLine) {
  std::string text = "[\n";
  for (int i = 0; i < 2000; ++i) text += "  {\"PolicyName\": \"p\", \"n\": 1},\n";
  text += "  {\"PolicyName\": \"p\", \"n\": nul}\n]\n";
  EXPECT_EQ(check(text), "f.json:2002:28: not valid JSON: invalid literal (expected true, false or null) (at /2000/n)");
}

TEST(JsonCheck, TruncationAndInvalidUtf8) {
  EXPECT_EQ(check("{\"a\": [1, 2"),
            "f.json:1:12: not valid JSON: unexpected end of file inside an object or array (at /a/1)\n"
            "  hint: the file looks truncated; collect it again");
  EXPECT_EQ(check("{\"a\": \"abc"), "f.json:1:7: not valid JSON: unterminated string (at /a)\n"
                                    "  hint: the file looks truncated; collect it again");
  EXPECT_EQ(check("{\"a\": \"\xC3\x28\"}"), "f.json:1:8: not valid JSON: invalid UTF-8\n  hint: save the file as UTF-8");
}

TEST(JsonCheck, DuplicateMembersAreRefused) {
  EXPECT_EQ(check("{\"UserDetailList\": [],\n \"UserDetailList\": []}"),
            "f.json:2:2: member \"UserDetailList\" appears more than once in this object (first at 1:2) "
            "(at /UserDetailList)");
  // Compared after unescaping.
  EXPECT_EQ(check(R"({"a": 1, "\u0061": 2})"),
            "f.json:1:10: member \"a\" appears more than once in this object (first at 1:2) (at /a)");
  // Past the linear scan: objects with many members use an index.
  std::string many = "{";
  for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  EXPECT_EQ(check(many + "\"k99\": 0}").substr(0, 34), "f.json:1:982: member \"k99\" appears");
  EXPECT_EQ(check(many + "\"k100\": 0}"), "ok");
}

TEST(JsonCheck, EscapedNamesSurviveDeeperNesting) {
  // The outer name has an escape, so the checker keeps its unescaped copy; opening the array
  // added a frame, which once moved that copy and left the pointer's view dangling (ASan: the
  // fuzz corpus entry escaped_key_then_nesting.json).
  EXPECT_EQ(check("{\"Us\\rDetailList\": [1 2]}"),
            "f.json:1:23: not valid JSON: expected ',' or ']' after an array element (at /Us\\rDetailList/0)");
  std::string nested = "{\"k\\u0041\": ";
  std::string pointer = "/kA";
  for (int i = 0; i < 40; ++i) nested += "{\"x\\u0042\": ", pointer += "/xB";
  nested += "tru";
  EXPECT_EQ(check(nested), "f.json:1:" + std::to_string(nested.size() - 2) +
                               ": not valid JSON: invalid literal (expected true, false or null) (at " + pointer + ")");
}

TEST(JsonCheck, DepthIsBoundedWithoutRecursion) {
  std::string deep(kMaxSnapshotJsonDepth, '[');
  deep += std::string(kMaxSnapshotJsonDepth, ']');
  EXPECT_EQ(check(deep), "ok");
  // Far deeper than any stack would survive with recursion: refused at the limit, no crash.
  std::string too_deep(1'000'000, '[');
  std::string r = check(too_deep);
  EXPECT_EQ(r.substr(0, 52), "f.json:1:513: not valid JSON: nested deeper than 512");
}

}  // namespace
}  // namespace iamwarden::snapshot
