// The audit renderers on a hand-made report: exact CSV, JSON and SARIF structure (parsed back),
// an HTML page that fetches nothing and cannot be broken out of, Markdown tables, text grouping.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "audit/report.h"
#include "base/json.h"
#include "report_fixture.h"

namespace iamwarden::audit::testing {
namespace {

const JsonNode& member(const JsonNode& node, std::string_view key) {
  const JsonNode* n = node.find(key);
  EXPECT_NE(n, nullptr) << "no member " << key;
  static const JsonNode kMissing;
  return n ? *n : kMissing;
}

JsonDocument parse(const std::string& text) {
  Result<JsonDocument> doc = parse_json(text, "report");
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().format()) << "\n" << text;
  return doc.ok() ? doc.take() : JsonDocument{};
}

size_t count(const std::string& text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(ReportCsv, ExactOutputWithQuoting) {
  SampleReport s;
  EXPECT_EQ(render_csv(s.report, {}),
            "check,title,status,severity,service,resource,resource_name,message,evidence,mute_reason\r\n"
            "iam_no_root_access_key,Root user has no access keys,FAIL,critical,iam,arn:aws:iam::111122223333:root,"
            "<root_account>,the root user has an active access key,access_key_1_active: true; last used 2026-10-01,\r\n"
            "iam_no_root_access_key,Root user has no access keys,MUTED,critical,iam,arn:aws:iam::444455556666:root,"
            "<root_account>,active access key,,\"break-glass account, reviewed\"\r\n"
            "test_odd_text,\"Title, with \"\"quotes\"\"\",FAIL,medium,iam,arn:aws:iam::111122223333:user/bob,bob,"
            "\"has, a comma and \"\"quotes\"\"\nand a second line </script><script>alert(1)</script>\",one; two | three,\r\n"
            "test_odd_text,\"Title, with \"\"quotes\"\"\",PASS,medium,iam,arn:aws:iam::111122223333:user/alice,alice,fine,,\r\n"
            "test_odd_text,\"Title, with \"\"quotes\"\"\",NOT_EVALUATED,medium,iam,111122223333,,"
            "credential-report.csv is missing from the snapshot,,\r\n");
}

TEST(ReportCsv, CarriageReturnIsQuoted) {
  SampleReport s;
  s.report.results.resize(1);
  s.report.results[0].message = "a\rb";
  std::string csv = render_csv(s.report, {});
  EXPECT_NE(csv.find(",\"a\rb\","), std::string::npos) << csv;
}

TEST(ReportJson, EveryDocumentedFieldIsPresent) {
  SampleReport s;
  JsonDocument doc = parse(render_json(s.report, {}));
  const JsonNode& root = doc.root;
  EXPECT_EQ(member(root, "schema_version").text, "1");
  EXPECT_EQ(member(member(root, "tool"), "name").text, "iamwarden");
  EXPECT_FALSE(member(member(root, "tool"), "version").text.empty());
  EXPECT_EQ(member(member(root, "account"), "id").text, "111122223333");
  EXPECT_EQ(member(member(root, "account"), "source").text, "snap");
  EXPECT_EQ(member(member(root, "account"), "config").kind, JsonNode::Kind::kNull);
  EXPECT_EQ(member(root, "generated_at").text, "2026-11-20T00:00:00Z");

  const JsonNode& summary = member(root, "summary");
  EXPECT_EQ(member(summary, "results").text, "5");
  EXPECT_EQ(member(member(summary, "by_status"), "FAIL").text, "2");
  EXPECT_EQ(member(member(summary, "by_status"), "PASS").text, "1");
  EXPECT_EQ(member(member(summary, "by_status"), "NOT_EVALUATED").text, "1");
  EXPECT_EQ(member(member(summary, "by_status"), "MUTED").text, "1");
  EXPECT_EQ(member(member(summary, "fail_by_severity"), "critical").text, "1");
  EXPECT_EQ(member(member(summary, "fail_by_severity"), "medium").text, "1");
  EXPECT_EQ(member(member(summary, "fail_by_severity"), "info").text, "0");
  ASSERT_EQ(member(summary, "frameworks").items.size(), 1u);
  EXPECT_EQ(member(member(summary, "frameworks").items[0], "score_percent").text, "0.0");

  const JsonNode& results = member(root, "results");
  ASSERT_EQ(results.items.size(), 5u);
  for (const JsonNode& r : results.items)
    for (std::string_view key : {"check", "title", "status", "severity", "service", "resource", "resource_name", "message", "evidence"})
      EXPECT_NE(r.find(key), nullptr) << key;
  EXPECT_EQ(member(results.items[0], "status").text, "FAIL");
  EXPECT_EQ(member(results.items[0], "evidence").items.size(), 2u);
  EXPECT_EQ(member(member(results.items[0], "location"), "file").text, "snap/credential-report.csv");
  EXPECT_EQ(member(member(results.items[0], "location"), "line").text, "2");
  EXPECT_EQ(member(results.items[1], "mute_reason").text, "break-glass account, reviewed");
  EXPECT_EQ(results.items[2].find("mute_reason"), nullptr);
  EXPECT_EQ(results.items[2].find("location"), nullptr);
  EXPECT_EQ(member(results.items[2], "message").text, s.report.results[2].message);
  EXPECT_EQ(member(results.items[4], "status").text, "NOT_EVALUATED");

  const JsonNode& checks = member(root, "checks");
  ASSERT_EQ(checks.items.size(), 2u);
  EXPECT_EQ(member(member(checks.items[0], "remediation"), "cli").text, "aws iam fix-thing --name <name>");

  const JsonNode& fw = member(root, "frameworks").items.at(0);
  EXPECT_EQ(member(fw, "id").text, "iam-best-practices");
  EXPECT_EQ(member(fw, "version").text, "1.0");
  ASSERT_EQ(member(fw, "requirements").items.size(), 3u);
  EXPECT_EQ(member(member(fw, "requirements").items[0], "status").text, "FAIL");
  EXPECT_EQ(member(member(fw, "requirements").items[2], "status").text, "MANUAL");
  EXPECT_EQ(member(member(fw, "requirements").items[0], "checks").items.at(0).text, "iam_no_root_access_key");

  EXPECT_EQ(member(root, "notes").items.size(), 1u);
  EXPECT_EQ(root.find("baseline"), nullptr);
}

TEST(ReportJson, BaselineSection) {
  SampleReport s;
  BaselineDiff diff = diff_baseline(
      s.report, {{"test_odd_text", "arn:aws:iam::111122223333:user/bob", "medium", ""}, {"gone", "arn:x", "high", "was bad"}},
      "old.json");
  ReportOptions options;
  options.baseline = &diff;
  JsonDocument doc = parse(render_json(s.report, options));
  const JsonNode& b = member(doc.root, "baseline");
  EXPECT_EQ(member(b, "file").text, "old.json");
  EXPECT_EQ(member(b, "unchanged").text, "1");
  ASSERT_EQ(member(b, "new").items.size(), 1u);
  EXPECT_EQ(member(member(b, "new").items[0], "check").text, "iam_no_root_access_key");
  ASSERT_EQ(member(b, "resolved").items.size(), 1u);
  EXPECT_EQ(member(member(b, "resolved").items[0], "message").text, "was bad");
  EXPECT_EQ(member(doc.root, "results").items.size(), 5u) << "every result stays in the report";
}

TEST(ReportSarif, StructureForCodeScanning) {
  SampleReport s;
  JsonDocument doc = parse(render_sarif(s.report, {}));
  EXPECT_EQ(member(doc.root, "version").text, "2.1.0");
  const JsonNode& run = member(doc.root, "runs").items.at(0);
  const JsonNode& rules = member(member(member(run, "tool"), "driver"), "rules");
  ASSERT_EQ(rules.items.size(), 2u);
  const JsonNode& rule = rules.items[0];
  EXPECT_EQ(member(rule, "id").text, "iam_no_root_access_key");
  EXPECT_EQ(member(member(rule, "shortDescription"), "text").text, "Root user has no access keys");
  EXPECT_EQ(member(member(rule, "fullDescription"), "text").text, "Checks that the thing is right.");
  EXPECT_NE(member(member(rule, "help"), "markdown").text.find("aws iam fix-thing --name <name>"), std::string::npos);
  EXPECT_NE(member(member(rule, "help"), "text").text.find("Make the thing right."), std::string::npos);
  EXPECT_EQ(member(member(rule, "properties"), "security-severity").text, "9.5");
  EXPECT_EQ(member(member(rules.items[1], "properties"), "security-severity").text, "5.5");
  bool mapped = false;
  for (const JsonNode& tag : member(member(rule, "properties"), "tags").items)
    mapped = mapped || tag.text == "iam-best-practices/root-access-keys";
  EXPECT_TRUE(mapped) << "framework requirements are tags";

  const JsonNode& results = member(run, "results");
  ASSERT_EQ(results.items.size(), 3u) << "the FAILs and the MUTED one";
  std::set<std::string> fingerprints;
  for (const JsonNode& r : results.items) {
    const JsonNode& loc = member(r, "locations").items.at(0);
    EXPECT_FALSE(member(member(member(loc, "physicalLocation"), "artifactLocation"), "uri").text.empty());
    EXPECT_FALSE(member(loc, "logicalLocations").items.empty());
    fingerprints.insert(member(member(r, "partialFingerprints"), "iamwardenFinding/v1").text);
  }
  EXPECT_EQ(fingerprints.size(), 3u);
  const JsonNode& root = results.items[0];
  EXPECT_EQ(member(root, "level").text, "error");
  const JsonNode& physical = member(member(root, "locations").items[0], "physicalLocation");
  EXPECT_EQ(member(member(physical, "artifactLocation"), "uri").text, "snap/credential-report.csv");
  EXPECT_EQ(member(member(physical, "region"), "startLine").text, "2");
  const JsonNode& muted = results.items[1];
  EXPECT_EQ(member(member(muted, "suppressions").items.at(0), "kind").text, "external");
  EXPECT_EQ(member(member(muted, "suppressions").items.at(0), "justification").text, "break-glass account, reviewed");
  const JsonNode& bob = results.items[2];
  EXPECT_EQ(member(bob, "level").text, "warning");
  EXPECT_EQ(member(bob, "ruleIndex").text, "1");
  // No origin: the check's input, in the snapshot directory.
  EXPECT_EQ(member(member(member(member(bob, "locations").items[0], "physicalLocation"), "artifactLocation"), "uri").text,
            "snap/authorization-details.json");
}

TEST(ReportSarif, LevelsFollowSeverity) {
  SampleReport s;
  const Severity severities[] = {Severity::kHigh, Severity::kLow, Severity::kInfo};
  const char* levels[] = {"error", "note", "note"};
  for (size_t i = 0; i < 3; ++i) {
    s.report.results[0].severity = severities[i];
    JsonDocument doc = parse(render_sarif(s.report, {}));
    EXPECT_EQ(member(member(member(doc.root, "runs").items.at(0), "results").items.at(0), "level").text, levels[i]);
  }
}

TEST(ReportHtml, SelfContainedAndEscaped) {
  SampleReport s;
  std::string html = render_html(s.report, {});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase)))
      << "no external fetch";
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(@import|url\()", std::regex::icase)));
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(count(html, "<script"), 2u) << "the data and the code, nothing injected";
  EXPECT_EQ(count(html, "</script>"), 2u);
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), std::string::npos);
  EXPECT_NE(html.find("Root access keys &lt;deleted&gt;"), std::string::npos) << "static text is escaped";
  EXPECT_NE(html.find("id=\"filter-text\""), std::string::npos);
  EXPECT_NE(html.find("id=\"filter-severity\""), std::string::npos);
  EXPECT_NE(html.find("id=\"filter-status\""), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);

  // The embedded data is the JSON report.
  size_t start = html.find("<script type=\"application/json\" id=\"report-data\">");
  ASSERT_NE(start, std::string::npos);
  start = html.find('>', start) + 1;
  std::string data = html.substr(start, html.find("</script>", start) - start);
  JsonDocument doc = parse(data);
  ASSERT_EQ(member(doc.root, "results").items.size(), 5u);
  EXPECT_EQ(member(member(doc.root, "results").items[2], "message").text, s.report.results[2].message);
}

TEST(ReportHtml, ChecklistMarksAndBaseline) {
  SampleReport s;
  BaselineDiff diff = diff_baseline(s.report, {{"gone", "arn:x<y>", "high", "was bad"}}, "old.json");
  ReportOptions options;
  options.baseline = &diff;
  std::string html = render_html(s.report, options);
  EXPECT_NE(html.find("<span class=\"mark m-FAIL\" title=\"FAIL\">&#10007;</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"mark m-MANUAL\" title=\"MANUAL\">"), std::string::npos);
  EXPECT_NE(html.find("id=\"baseline-new\""), std::string::npos);
  EXPECT_NE(html.find("arn:x&lt;y&gt;"), std::string::npos);
}

TEST(ReportMarkdown, SummaryTablesAndEscaping) {
  SampleReport s;
  std::string md = render_markdown(s.report, {});
  EXPECT_EQ(md.substr(0, md.find('\n')),
            "**iamwarden audit** of account `111122223333`: **2 failing** (1 critical, 0 high, 1 medium, 0 low, 0 info); "
            "1 passed, 1 not evaluated, 1 muted (2026-11-20T00:00:00Z)");
  EXPECT_NE(md.find("| Severity | Failing |\n|:--|--:|\n| critical | 1 |\n| high | 0 |\n| medium | 1 |\n"), std::string::npos);
  EXPECT_NE(md.find("| critical | `iam_no_root_access_key` | &lt;root\\_account&gt; | the root user has an active access key |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| medium | `test_odd_text` | bob | has, a comma and \"quotes\" and a second line &lt;/script&gt;"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| iamwarden IAM best-practice checklist 1.0 | 0.0% | 0 | 2 | 0 | 1 |"), std::string::npos) << md;
  EXPECT_EQ(md.find("<details>"), std::string::npos);
  EXPECT_NE(render_markdown(s.report, {false, true, nullptr}).find("<details><summary>Passed (1)</summary>"), std::string::npos);
}

TEST(ReportMarkdown, AtMostTwentyFailures) {
  SampleReport s;
  for (int i = 0; i < 24; ++i) s.add(s.odd, Status::kFail, "arn:aws:iam::111122223333:user/u" + std::to_string(i), "", "bad");
  recount(s.report);
  std::string md = render_markdown(s.report, {});
  EXPECT_NE(md.find("### Failing (20 of 26)"), std::string::npos) << md;
  EXPECT_NE(md.find("_6 more in the full report._"), std::string::npos);
  EXPECT_EQ(count(md, "| medium | `test_odd_text` |"), 19u) << "one critical first, then 19 medium";
}

TEST(ReportMarkdown, BaselineShowsNewAndResolved) {
  SampleReport s;
  BaselineDiff diff = diff_baseline(
      s.report, {{"test_odd_text", "arn:aws:iam::111122223333:user/bob", "medium", ""}, {"gone", "arn:x", "high", ""}}, "old.json");
  std::string md = render_markdown(s.report, {false, false, &diff});
  EXPECT_NE(md.find("Compared with `old.json`: **1 new**, 1 resolved, 1 still failing."), std::string::npos) << md;
  EXPECT_NE(md.find("### New failures (1)"), std::string::npos);
  EXPECT_EQ(md.find("| medium | `test_odd_text` | bob"), std::string::npos) << "unchanged failures are not listed";
  EXPECT_NE(md.find("### Resolved (1)\n\n| Severity | Check | Resource |\n|:--|:--|:--|\n| high | `gone` | arn:x |"),
            std::string::npos);
}

TEST(ReportText, GroupsFailuresBySeverityWithTheFix) {
  SampleReport s;
  std::string text = render_text(s.report, {});
  EXPECT_EQ(text.find('\033'), std::string::npos) << "no colour unless asked";
  EXPECT_NE(text.find("iamwarden audit of account 111122223333\n"), std::string::npos);
  EXPECT_NE(text.find("  time       2026-11-20T00:00:00Z\n"), std::string::npos);
  EXPECT_NE(text.find("iam-best-practices     0.0%  0 passed, 2 failed, 0 not evaluated, 1 manual"), std::string::npos) << text;
  EXPECT_NE(text.find("Results    2 FAIL, 1 PASS, 1 NOT_EVALUATED, 1 MUTED\n"), std::string::npos);
  size_t critical = text.find("\nCRITICAL (1)\n"), medium = text.find("\nMEDIUM (1)\n");
  ASSERT_NE(critical, std::string::npos);
  ASSERT_NE(medium, std::string::npos);
  EXPECT_LT(critical, medium);
  EXPECT_NE(text.find("      resource  <root_account> (arn:aws:iam::111122223333:root)\n"
                      "      why       the root user has an active access key\n"
                      "      evidence  access_key_1_active: true\n"
                      "                last used 2026-10-01\n"
                      "      fix       Make the thing right.\n"
                      "      cli       aws iam fix-thing --name <name>\n"
                      "      at        snap/credential-report.csv:2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Not evaluated (1)\n  test_odd_text: credential-report.csv is missing from the snapshot\n"),
            std::string::npos);
  EXPECT_NE(text.find("Muted (1)\n  iam_no_root_access_key  <root_account>: break-glass account, reviewed\n"), std::string::npos);
  EXPECT_NE(text.find("Notes\n  - suppression of x for * expired"), std::string::npos);
  EXPECT_EQ(text.find("Passed"), std::string::npos);
  EXPECT_NE(render_text(s.report, {false, true, nullptr}).find("Passed (1)\n  test_odd_text  alice: fine\n"), std::string::npos);
  EXPECT_NE(render_text(s.report, {true, false, nullptr}).find("\033[1;31mCRITICAL (1)\033[0m"), std::string::npos);
}

// Hostile names from an account: a spreadsheet formula in CSV, a mention in a PR comment, terminal
// escapes in the text report.
TEST(ReportCsv, FormulaLikeFieldsArePrefixed) {
  SampleReport s;
  s.report.results.resize(1);
  s.report.results[0].resource_name = "=HYPERLINK(\"http://evil\",\"x\")";
  s.report.results[0].message = "+1";
  s.report.results[0].evidence = {"@SUM(A1)"};
  s.report.results[0].mute_reason = "-2, minus";
  std::string csv = render_csv(s.report, {});
  std::string row = csv.substr(csv.find("\r\n") + 2);
  EXPECT_EQ(row,
            "iam_no_root_access_key,Root user has no access keys,FAIL,critical,iam,arn:aws:iam::111122223333:root,"
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1,'@SUM(A1),\"'-2, minus\"\r\n");
  s.report.results[0].message = "\tcmd";
  csv = render_csv(s.report, {});
  EXPECT_NE(csv.find(",'\tcmd,"), std::string::npos) << csv;
}

TEST(ReportMarkdown, MentionsAndControlsAreDefused) {
  SampleReport s;
  s.report.results[0].message = "owned by @octocat and @org/team\x1b[31m";
  std::string md = render_markdown(s.report, {});
  EXPECT_EQ(md.find("@octocat"), std::string::npos) << md;
  EXPECT_NE(md.find("owned by @\u2060octocat and @\u2060org/team\\\\x1b\\[31m"), std::string::npos) << md;
  EXPECT_EQ(md.find('\x1b'), std::string::npos);
}

TEST(ReportText, UntrustedStringsAreEscaped) {
  SampleReport s;
  s.report.results[0].resource_name = "evil\x1b]0;pwned\x07";
  s.report.results[0].message = "line one\n  PASS forged line\r";
  s.report.results[0].evidence = {"\xc2\x9b" "2J"};
  s.report.source = "snap\x1b[2K";
  std::string text = render_text(s.report, {});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_NE(text.find("  snapshot   snap\\x1b[2K\n"), std::string::npos) << text;
  EXPECT_NE(text.find("      resource  evil\\x1b]0;pwned\\x07 (arn:aws:iam::111122223333:root)\n"
                      "      why       line one\\n  PASS forged line\\r\n"
                      "      evidence  \\u{9b}2J\n"),
            std::string::npos)
      << text;
}

TEST(ReportText, BaselineShowsOnlyWhatChanged) {
  SampleReport s;
  BaselineDiff diff = diff_baseline(s.report, {{"test_odd_text", "arn:aws:iam::111122223333:user/bob", "medium", ""},
                                                {"gone", "arn:x", "high", "was bad"}},
                                    "old.json");
  std::string text = render_text(s.report, {false, false, &diff});
  EXPECT_NE(text.find("Baseline old.json: 1 new, 1 resolved, 1 still failing\n"), std::string::npos) << text;
  EXPECT_NE(text.find("New failures (1)"), std::string::npos);
  EXPECT_NE(text.find("iam_no_root_access_key: Root user has no access keys"), std::string::npos);
  EXPECT_EQ(text.find("test_odd_text: Title"), std::string::npos) << "unchanged failure not repeated";
  EXPECT_NE(text.find("Resolved (1)\n  high     gone  arn:x: was bad\n"), std::string::npos);
  EXPECT_EQ(text.find("Not evaluated"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::audit::testing
