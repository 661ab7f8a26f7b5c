#!/usr/bin/env bash
# actions and managed-policy: pattern listing, access-level filter, --describe, managed policy documents.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" actions 's3:GetObject*' >"$tmp/out" || fail "actions exits 0"
grep -qE '^s3:GetObject +Read$' "$tmp/out" || fail "s3:GetObject listed with its level: $(head -3 "$tmp/out")"
grep -qv '^s3:GetObject' "$tmp/out" && fail "only matching actions: $(cat "$tmp/out")"

"$bin" actions --access-level "Permissions management" 'iam:*' >"$tmp/out"
grep -qE '^iam:AttachRolePolicy +Permissions management$' "$tmp/out" || fail "level filter keeps AttachRolePolicy"
grep -q '^iam:GetRole ' "$tmp/out" && fail "level filter drops GetRole"
"$bin" actions --access-level permissions-management 'iam:AttachRolePolicy' | grep -q AttachRolePolicy || fail "level names are forgiving"
"$bin" actions --access-level Destroy 'iam:*' >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown level exits 2"

"$bin" actions --describe s3:getobject >"$tmp/out" || fail "describe exits 0"
grep -q '^s3:GetObject (' "$tmp/out" || fail "canonical name: $(head -1 "$tmp/out")"
grep -q '^access level: Read$' "$tmp/out" || fail "access level"
grep -qF 'object  arn:${Partition}:s3:::${BucketName}/${ObjectName}' "$tmp/out" || fail "ARN format: $(cat "$tmp/out")"
grep -qF 's3:ExistingObjectTag/${key}  String' "$tmp/out" || fail "condition keys with types"
"$bin" actions --describe s3:GetObjekt >/dev/null 2>"$tmp/err"; [ $? -eq 1 ] || fail "unknown action exits 1"
grep -q 'did you mean s3:GetObject' "$tmp/err" || fail "suggestion: $(cat "$tmp/err")"
"$bin" actions --format json 's3:GetObject' | grep -qF '[{"action":"s3:GetObject","access_level":"Read"}]' || fail "JSON listing"
"$bin" actions 's3:Nothing*' >/dev/null 2>&1; [ $? -eq 1 ] || fail "no match exits 1"
[ "$("$bin" actions | wc -l)" -gt 20000 ] || fail "all actions by default"

"$bin" managed-policy ReadOnlyAccess >"$tmp/out" || fail "managed-policy exits 0"
grep -q '^  "Version": "2012-10-17",$' "$tmp/out" || fail "document printed: $(head -3 "$tmp/out")"
"$bin" managed-policy arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole | grep -q 'logs:CreateLogGroup' \
  || fail "resolves an ARN with a path"
"$bin" managed-policy NoSuchPolicy >/dev/null 2>&1; [ $? -eq 1 ] || fail "unknown policy exits 1"
"$bin" managed-policy --list | grep -qx 'arn:aws:iam::aws:policy/AdministratorAccess' || fail "--list"

"$bin" actions --data-dir "$src/data" 'iam:PassRole' | grep -q PassRole || fail "--data-dir"
"$bin" actions --data-dir "$tmp" 'iam:PassRole' >/dev/null 2>&1; [ $? -eq 3 ] || fail "empty --data-dir exits 3"
exit 0
