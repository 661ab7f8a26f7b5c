// A small hand-made audit report for the renderer and baseline tests: two fake checks, five
// results (FAIL critical and medium, PASS, NOT_EVALUATED, MUTED), one framework, one note.
#pragma once

#include <string>
#include <vector>

#include "audit/audit.h"
#include "audit/compliance.h"
#include "snapshot/timestamp.h"

namespace iamwarden::audit::testing {

inline CheckMeta make_meta(std::string_view id, std::string_view title, Severity severity) {
  CheckMeta m;
  m.id = id;
  m.title = title;
  m.severity = severity;
  m.service = "iam";
  m.resource_type = "AwsIamUser";
  m.description = "Checks that the thing is right.";
  m.risk = "Attackers like it when the thing is wrong.";
  m.remediation = "Make the thing right.";
  m.remediation_cli = "aws iam fix-thing --name <name>";
  m.remediation_terraform = "resource \"aws_thing\" \"x\" {\n  right = true\n}";
  m.references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"};
  m.inputs = {"credential-report.csv"};
  return m;
}

struct SampleReport {
  CheckMeta root_keys = make_meta("iam_no_root_access_key", "Root user has no access keys", Severity::kCritical);
  CheckMeta odd = make_meta("test_odd_text", "Title, with \"quotes\"", Severity::kMedium);
  Check root_check{&root_keys, nullptr, "iam_no_root_access_key.cc"};
  Check odd_check{&odd, nullptr, "test_odd_text.cc"};
  Framework framework;
  AuditReport report;

  SampleReport() {
    odd.inputs = {"authorization-details.json"};
    report.account_id = "111122223333";
    report.partition = "aws";
    report.source = "snap";
    report.generated_at = *snapshot::parse_timestamp("2026-11-20T00:00:00Z");
    report.checks_run = {&root_check, &odd_check};
    report.results.reserve(8);  // add() returns references that must stay valid
    Finding& root = add(root_keys, Status::kFail, "arn:aws:iam::111122223333:root", "<root_account>",
                        "the root user has an active access key");
    root.evidence = {"access_key_1_active: true", "last used 2026-10-01"};
    root.origin = snapshot::Origin{"snap/credential-report.csv", "", 2, 0};
    add(root_keys, Status::kMuted, "arn:aws:iam::444455556666:root", "<root_account>", "active access key")
        .mute_reason = "break-glass account, reviewed";
    Finding& bob = add(odd, Status::kFail, "arn:aws:iam::111122223333:user/bob", "bob",
                       "has, a comma and \"quotes\"\nand a second line </script><script>alert(1)</script>");
    bob.evidence = {"one", "two | three"};
    add(odd, Status::kPass, "arn:aws:iam::111122223333:user/alice", "alice", "fine");
    add(odd, Status::kNotEvaluated, "111122223333", "", "credential-report.csv is missing from the snapshot");
    report.notes = {"suppression of x for * expired on 2026-01-01: old"};
    recount(report);

    framework.id = "iam-best-practices";
    framework.name = "iamwarden IAM best-practice checklist";
    framework.version = "1.0";
    framework.requirements = {
        Requirement{"root-access-keys", "Root access keys <deleted>", "", "", {"iam_no_root_access_key"}, false, {}},
        Requirement{"odd", "Odd text", "", "", {"test_odd_text"}, false, {}},
        Requirement{"review", "Reviewed by hand", "", "", {}, true, {}},
    };
    report.frameworks.push_back(evaluate_framework(framework, report.results));
  }
  SampleReport(const SampleReport&) = delete;
  SampleReport& operator=(const SampleReport&) = delete;

  Finding& add(const CheckMeta& meta, Status status, std::string resource, std::string name, std::string message) {
    Finding& f = report.results.emplace_back();
    f.check = &meta;
    f.status = status;
    f.severity = meta.severity;
    f.resource = std::move(resource);
    f.resource_name = std::move(name);
    f.message = std::move(message);
    return f;
  }
};

}  // namespace iamwarden::audit::testing
