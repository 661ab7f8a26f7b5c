#!/bin/sh
# Entry point on a bare Debian 12 / Ubuntu 24.04 machine: installs what the target needs (make,
# the compiler, CMake, the libraries, the test tools) with scripts/install-deps, then runs make.
#   ./build.sh run      build the CLI, audit the demo account, write audit-report.html
#   ./build.sh test     the whole test suite (what CI runs)
#   ./build.sh TARGET   any other Makefile target (build, package, install, bench, fuzz, clean, ...)
# Run as root or as a user with sudo. Arguments after the target are passed to make (VAR=value).
set -eu
cd "$(dirname "$0")"

[ $# -gt 0 ] || set -- run
target=$1
case "$target" in
  run|build|install) group=build ;;
  package) group=package ;;
  fuzz) group=fuzz ;;
  bench|bench-snapshot|bench-secrets) group=bench ;;
  clean) group= ;;
  *) group=test ;;
esac
# install-deps is bash, which every Debian and Ubuntu system has (it is an essential package).
if [ -n "$group" ]; then
  bash scripts/install-deps "$group"
fi
exec make "$@"
