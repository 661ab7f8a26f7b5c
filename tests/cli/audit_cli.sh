#!/usr/bin/env bash
# audit: exit codes (0 done, 1 --fail-on, 2 usage, 3 input), every --format, --output written atomically,
# --config, --baseline, --framework, --checks, --gaad, and the `checks` listing.
set -u
bin=$(realpath "$1"); src=$(realpath "$2"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
snap=$src/tests/snapshot/data/account1
# account1 records a failed collection step (server-certificates.json): accepted explicitly.
audit() { "$bin" audit "$snap" --now 2026-11-20 --allow-partial "$@"; }
cd "$tmp"

# Text by default; exit 0 without --fail-on whatever fails.
audit >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "default run exits 0, got $rc: $(cat err)"
grep -q "^iamwarden audit of account 111122223333$" out || fail "text header: $(head -3 out)"
grep -q "^  time       2026-11-20T00:00:00Z$" out || fail "--now sets the time: $(head -5 out)"
grep -q "^Results    [0-9]* FAIL, [0-9]* PASS" out || fail "counts per status"
grep -q $'\033' out && fail "no colour when not a terminal"
audit --color always | grep -q $'\033\[' || fail "--color always colours"

# --fail-on over the password-policy checks (the snapshot has no policy: medium and low failures).
audit --checks 'iam_password_policy_*' --fail-on low >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "--fail-on low exits 1, got $rc"
audit --checks 'iam_password_policy_*' --fail-on critical >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "--fail-on critical exits 0 with no critical failure, got $rc"
audit --checks 'iam_password_policy_*' --fail-on none >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "--fail-on none exits 0, got $rc"
grep -q "iam_password_policy_minimum_length" out || fail "--checks runs the matching checks"
grep -q "iam_user_mfa_enabled\b" out && fail "--checks runs only the matching checks"

# Usage errors: 2.
for args in "" "--gaad x.json $snap" "--format xml $snap" "--fail-on severe $snap" "--checks nomatch_* $snap" \
            "--now yesterday $snap" "--framework nosuch $snap" "--profile strict $snap" "--color sometimes $snap"; do
  # shellcheck disable=SC2086
  "$bin" audit $args >/dev/null 2>err; rc=$?
  [ $rc -eq 2 ] || fail "usage error exits 2 for '$args', got $rc: $(cat err)"
done
"$bin" audit "$snap" --framework nosuch 2>&1 | grep -q "known: .*iam-best-practices" || fail "--framework lists the known ids"

# Input errors: 3, naming the file.
"$bin" audit "$tmp/missing" >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "missing snapshot exits 3, got $rc"
grep -q "missing" err || fail "missing snapshot named: $(cat err)"
cp -r "$snap" bad-snap
echo '{"PasswordPolicy": ' >bad-snap/password-policy.json
"$bin" audit bad-snap >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "malformed snapshot file exits 3, got $rc"
grep -q "bad-snap/password-policy.json:" err || fail "malformed file named with its location: $(cat err)"
printf '[thresholds]\nacces_key_rotation_days = 30\n' >typo.toml
audit --config typo.toml >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "bad config exits 3, got $rc"
grep -q 'typo.toml:2:1: unknown key "acces_key_rotation_days" in \[thresholds\]' err || fail "config error located: $(cat err)"
echo '{"findings": []}' >not-a-report.json
audit --baseline not-a-report.json >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "bad baseline exits 3, got $rc"
grep -q "not-a-report.json:1:1: a baseline must be a report" err || fail "bad baseline named: $(cat err)"
printf 'profile = "default"\n' >default.toml
audit --config default.toml --profile cis >/dev/null 2>err; rc=$?
[ $rc -eq 2 ] || fail "--profile contradicting the file exits 2, got $rc"

# Every format, to standard output and to --output.
audit --format json >report.json || fail "json run"
audit --format sarif >report.sarif || fail "sarif run"
grep -q '"schema_version":1' report.json || fail "json schema_version"
grep -q '"generated_at":"2026-11-20T00:00:00Z"' report.json || fail "json generated_at"
grep -q '"version":"2.1.0"' report.sarif || fail "sarif version"
grep -q '"security-severity":' report.sarif || fail "sarif security-severity"
if command -v python3 >/dev/null; then
  python3 - report.json report.sarif <<'EOF' || fail "JSON and SARIF structure"
import json, sys
report = json.load(open(sys.argv[1]))
sarif = json.load(open(sys.argv[2]))
statuses = {r["status"] for r in report["results"]}
assert {"PASS", "FAIL"} <= statuses, statuses
assert sum(report["summary"]["by_status"].values()) == len(report["results"])
failing = [r for r in report["results"] if r["status"] in ("FAIL", "MUTED")]
results = sarif["runs"][0]["results"]
assert len(results) == len(failing), (len(results), len(failing))
for r in results:
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r
    assert r["partialFingerprints"], r
EOF
fi
audit --format html --output reports/report.html 2>err && fail "--output into a missing directory must fail"
mkdir reports
audit --format html --output reports/report.html 2>err >stdout || fail "html to --output: $(cat err)"
[ -s reports/report.html ] || fail "--output file written"
[ ! -s stdout ] || fail "nothing on standard output with --output"
[ "$(ls -A reports)" = "report.html" ] || fail "no temporary file left behind: $(ls -A reports)"
# The escalation graph of iam_principal_no_privilege_escalation, drawn inline by Graphviz (account1 has no
# path; the demo account has nine).
grep -q '<section id="escalation">' reports/report.html && fail "no escalation section without paths"
"$bin" audit "$src/examples/demo-account" --format html >demo.html 2>/dev/null
grep -q '<section id="escalation"><h2>Privilege-escalation paths</h2>' demo.html || fail "html escalation section"
grep -q '<svg' demo.html || fail "html escalation drawing"
rm -f demo.html
grep -q "^reports/report.html: [0-9]* failing" err || fail "summary line on stderr: $(cat err)"
# account1 is incomplete (accepted with --allow-partial): the warning comes first in every format.
head -1 reports/report.html | grep -q '^<!-- WARNING: incomplete snapshot: server-certificates.json: collection failed' \
  || fail "html warning first: $(head -1 reports/report.html)"
sed -n 2p reports/report.html | grep -q '<!DOCTYPE html>' || fail "html doctype"
grep -Eiq '(src|href)=["'"'"']?(https?:)?//' reports/report.html && fail "html fetches nothing external"
audit --format markdown --output reports/report.md 2>/dev/null || fail "markdown run"
head -1 reports/report.md | grep -q '^> \*\*WARNING: incomplete snapshot: ' || fail "markdown warning first: $(head -1 reports/report.md)"
grep -m1 '^\*\*iamwarden audit' reports/report.md | grep -q '^\*\*iamwarden audit\*\* of account `111122223333`: \*\*[0-9]* failing\*\*' \
  || fail "markdown summary line: $(grep -m1 '^\*\*iamwarden' reports/report.md)"
grep -q '^| critical | [0-9]* |$' reports/report.md || fail "markdown severity table"
audit --format csv --output reports/report.csv 2>/dev/null || fail "csv run"
head -1 reports/report.csv | grep -q '^# WARNING: incomplete snapshot: ' || fail "csv warning first: $(head -1 reports/report.csv)"
[ "$(sed -n 2p reports/report.csv)" = $'check,title,status,severity,service,resource,resource_name,message,evidence,mute_reason\r' ] \
  || fail "csv header with CRLF: $(sed -n 2p reports/report.csv | od -c | head -2)"
[ "$(grep -c $'\r$' reports/report.csv)" -eq "$(wc -l <reports/report.csv)" ] || fail "every csv line ends with CRLF"
echo "first" >reports/keep.txt
audit --format text --output reports/keep.txt 2>/dev/null || fail "overwrite run"
grep -q "^iamwarden audit" reports/keep.txt || fail "--output replaces an existing file"

# Baseline: the same report again has nothing new, so --fail-on passes.
audit --baseline report.json --fail-on low >out.txt; rc=$?
[ $rc -eq 0 ] || fail "no new failures against the baseline exits 0, got $rc"
grep -q "^Baseline report.json: 0 new, 0 resolved, [0-9]* still failing$" out.txt || fail "baseline counts: $(cat out.txt)"
python3 - report.json <<'EOF' 2>/dev/null || true
import json, sys
r = json.load(open(sys.argv[1]))
r["results"] = [x for x in r["results"] if x["check"] != "iam_user_mfa_enabled"]
r["results"].append({"check": "gone_check", "status": "FAIL", "resource": "arn:aws:iam::111122223333:user/old",
                     "severity": "high", "message": "was failing"})
json.dump(r, open("older.json", "w"))
EOF
if [ -f older.json ]; then
  audit --baseline older.json --fail-on low >out.txt; rc=$?
  [ $rc -eq 1 ] || fail "a new failure against the baseline exits 1, got $rc"
  grep -q "^Baseline older.json: 1 new, 1 resolved" out.txt || fail "baseline diff: $(grep Baseline out.txt)"
  grep -q "gone_check  arn:aws:iam::111122223333:user/old: was failing" out.txt || fail "resolved listed"
fi

# Configuration: a suppression mutes, an expired one is a note; --framework narrows the frameworks.
cat >iamwarden.toml <<'EOF'
[[suppress]]
check = "iam_password_policy_*"
reason = "password sign-in is disabled by SSO"
[[suppress]]
check = "iam_user_mfa_enabled"
reason = "old exception"
expires = 2026-01-31
EOF
audit --config iamwarden.toml --format json >muted.json || fail "config run"
grep -q '"status":"MUTED","severity":"[a-z]*","service":"iam","resource":"[^"]*","resource_name":"[^"]*","message":"[^"]*","evidence":\[[^]]*\],"mute_reason":"password sign-in is disabled by SSO"' muted.json \
  || fail "suppressed results are MUTED with their reason"
grep -q '"config":"iamwarden.toml"' muted.json || fail "config file named in the report"
grep -q 'suppression of iam_user_mfa_enabled for \* expired on 2026-01-31' muted.json || fail "expired suppression noted"
audit --framework iam-best-practices --format json >fw.json || fail "--framework run"
[ "$(grep -o '"score_percent":' fw.json | wc -l)" -eq 2 ] || fail "one framework reported (summary + detail)"
grep -q '"id":"iam-best-practices"' fw.json || fail "the framework asked for"

# Without compliance data the audit still runs and says so; asking for a framework then is an input error.
mkdir data && ln -s "$src/data/catalog.json.gz" "$src/data/managed-policies.json.gz" data/
audit --data-dir data --format json >nofw.json 2>err; rc=$?
[ $rc -eq 0 ] || fail "no compliance data still audits, got $rc: $(cat err)"
grep -q "warning: compliance frameworks unavailable" err || fail "missing frameworks warned: $(cat err)"
grep -q '"frameworks":\[\]' nofw.json || fail "no frameworks in the report"
audit --data-dir data --framework cis-7.0 >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "--framework without compliance data exits 3, got $rc"

# One authorization-details file.
"$bin" audit --gaad "$snap/authorization-details/page-1.json" --now 2026-11-20 --format json >gaad.json; rc=$?
[ $rc -eq 0 ] || fail "--gaad exits 0, got $rc"
grep -q '"NOT_EVALUATED"' gaad.json || fail "--gaad: checks needing other files are not evaluated"

# The checks listing.
"$bin" checks >checks.txt || fail "checks text"
grep -q "^iam_no_root_access_key  *critical *Root user has no access keys$" checks.txt || fail "checks text line: $(head -3 checks.txt)"
grep -q "iam-best-practices root-access-keys" checks.txt || fail "checks lists framework mappings"
"$bin" checks --format markdown >checks.md || fail "checks markdown"
grep -q '^| Check | Severity | Service | Title | Frameworks |$' checks.md || fail "checks markdown table"
grep -q '^| `iam_no_root_access_key` | critical | iam |' checks.md || fail "checks markdown row"
"$bin" checks --format json >checks.json || fail "checks json"
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c={x["id"]: x for x in d["checks"]}; assert "root-access-keys" in c["iam_no_root_access_key"]["frameworks"]["iam-best-practices"]' checks.json \
    || fail "checks json mappings"
fi
"$bin" checks --format xml >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "checks --format xml exits 2, got $rc"
exit 0
