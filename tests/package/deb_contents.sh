#!/usr/bin/env bash
# The Debian package built by CPack from this build tree: control data (name, version, the library
# dependencies dpkg-shlibdeps found), a stripped binary that runs, the manual page and completions.
# Usage: deb_contents.sh BUILD_DIR SOURCE_DIR
set -u
build=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 \
  || fail "cpack: $(tail -n 30 "$tmp/cpack.log")"
debs=("$tmp"/out/iamwarden_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "one .deb written: $(ls "$tmp/out")"
deb=${debs[0]}

version=$(sed -n 's/^project(iamwarden VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I reads the package"
field() { sed -n "s/^ $1: //p" "$tmp/info"; }
[ "$(field Package)" = iamwarden ] || fail "Package: $(cat "$tmp/info")"
[ "$(field Version)" = "$version" ] || fail "Version $version: $(cat "$tmp/info")"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(cat "$tmp/info")"
depends=$(field Depends)
for lib in libc6 libstdc++6 libfmt libsimdjson libgit2 libdeflate libtomlplusplus libtcmalloc-minimal4; do
  [[ $depends == *"$lib"* ]] || fail "Depends names $lib: '$depends'"
done

dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x"
exe=$tmp/root/usr/bin/iamwarden
[ -x "$exe" ] || fail "usr/bin/iamwarden: $(cd "$tmp/root" && find . -type f)"
[ "$("$exe" --version | head -n1)" = "iamwarden $version" ] || fail "the packaged binary runs: $("$exe" --version 2>&1)"
if readelf -S "$exe" | grep -q -e '\.debug_info' -e '\.symtab'; then fail "the packaged binary is stripped"; fi
size=$(stat -c %s "$exe")
[ "$size" -lt 30000000 ] || fail "stripped binary is small, got $size bytes"

# The manual page: every subcommand of --help has a section; groff reads it without warnings.
man=$tmp/root/usr/share/man/man1/iamwarden.1.gz
[ -f "$man" ] || fail "man page $man: $(cd "$tmp/root" && find . -type f)"
gzip -dc "$man" >"$tmp/iamwarden.1" || fail "man page is gzip"
grep -q '^\.TH IAMWARDEN 1 ' "$tmp/iamwarden.1" || fail "man page header"
grep -q '^\.SH EXIT STATUS' "$tmp/iamwarden.1" || fail "man page exit status"
commands=$("$exe" --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "subcommands listed by --help"
for c in $commands; do
  grep -q "^\.SS iamwarden $c\$" "$tmp/iamwarden.1" || fail "man page section for $c"
done
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$tmp/iamwarden.1" 2>"$tmp/groff.err" || fail "groff renders the page"
  [ ! -s "$tmp/groff.err" ] || fail "groff warnings: $(head -n 20 "$tmp/groff.err")"
fi

# Completions where bash-completion and Debian's zsh look for them.
bash_completion=$tmp/root/usr/share/bash-completion/completions/iamwarden
zsh_completion=$tmp/root/usr/share/zsh/vendor-completions/_iamwarden
[ -f "$bash_completion" ] || fail "bash completion installed"
bash -n "$bash_completion" || fail "bash completion parses"
grep -q '^complete .* -F _iamwarden iamwarden$' "$bash_completion" || fail "bash completion registers _iamwarden"
[ "$(head -n1 "$zsh_completion")" = "#compdef iamwarden" ] || fail "zsh completion installed"
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes), Depends: $depends"
