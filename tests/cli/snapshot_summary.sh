#!/usr/bin/env bash
# snapshot summary: a full directory, --gaad, JSON output, and bad input (truncated, wrong shape, no dir) exiting 3.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
dir=$src/tests/snapshot/data/account1

"$bin" snapshot summary "$dir" >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "summary exits 0, got $rc"
grep -q "account    111122223333" "$tmp/out" || fail "account shown: $(cat "$tmp/out")"
grep -q "users 1, groups 1, roles 2" "$tmp/out" || fail "counts shown"
grep -q "failed     server-certificates.json  (AccessDenied" "$tmp/out" || fail "failed file shown"
grep -q "missing    open-id-connect-providers.json" "$tmp/out" || fail "missing file shown"
grep -q "arn:aws:iam::aws:policy/NoSuchManagedPolicyAnywhere" "$tmp/out" || fail "unresolved ARN shown"
grep -q "service last accessed (Access Advisor): 2 entities" "$tmp/out" || fail "service-last-accessed count shown"

"$bin" snapshot summary "$dir" --format json >"$tmp/json"; rc=$?
[ $rc -eq 0 ] || fail "json summary exits 0, got $rc"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["account"]=="111122223333"; assert d["counts"]["roles"]==2; assert d["passwordPolicy"]=="none"; assert d["counts"]["serviceLastAccessedEntities"]==2; assert d["unresolvedPolicies"][0]["arn"].endswith("NoSuchManagedPolicyAnywhere")' "$tmp/json" \
  || fail "json summary content: $(cat "$tmp/json")"

"$bin" snapshot summary --gaad "$dir/authorization-details/page-1.json" --format json >"$tmp/json"; rc=$?
[ $rc -eq 0 ] || fail "--gaad exits 0, got $rc"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["counts"]["users"]==1; assert d["counts"]["credentialReportRows"] is None; assert d["counts"]["serviceLastAccessedEntities"] is None; assert d["passwordPolicy"]=="not_collected"' "$tmp/json" \
  || fail "--gaad marks the rest not collected: $(cat "$tmp/json")"

head -c 700 "$dir/authorization-details/page-1.json" >"$tmp/truncated.json"
"$bin" snapshot summary --gaad "$tmp/truncated.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "truncated GAAD exits 3, got $rc"
grep -q "truncated.json:[0-9]*:[0-9]*: " "$tmp/err" || fail "truncated GAAD error names file:line:col: $(cat "$tmp/err")"

mkdir "$tmp/snap"
echo '{"UserDetailList": {"UserName": "x"}}' >"$tmp/snap/authorization-details.json"
"$bin" snapshot summary "$tmp/snap" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "wrong shape exits 3, got $rc"
grep -q "authorization-details.json:1:20: expected an array (at /UserDetailList)" "$tmp/err" || fail "wrong shape located: $(cat "$tmp/err")"

rm "$tmp/snap/authorization-details.json"
printf 'user,arn\nx,y\n' >"$tmp/snap/credential-report.csv"
"$bin" snapshot summary "$tmp/snap" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "credential report with missing columns exits 3, got $rc"
grep -q "credential-report.csv:1:1: the header has no column" "$tmp/err" || fail "missing column named: $(cat "$tmp/err")"

"$bin" snapshot summary "$tmp/nope" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "missing directory exits 3, got $rc"
"$bin" snapshot summary >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "no DIR exits 2, got $rc"
"$bin" snapshot summary "$dir" --gaad x.json >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "DIR and --gaad together exit 2, got $rc"

# Every real sample authorization-details dump loads through the CLI.
samples=$src/../shared/samples
if [ -d "$samples" ]; then
  for f in "$samples"/cloudsplaining/*.json "$samples"/cloudmapper-demo/us-east-1/iam-get-account-authorization-details.json; do
    "$bin" snapshot summary --gaad "$f" >/dev/null 2>"$tmp/err" || fail "sample $f: $(cat "$tmp/err")"
  done
fi
exit 0
