# Entry points for people and CI; on a bare machine ./build.sh installs make and then runs these.
# `make run` builds the CLI alone and audits the bundled demo account; `make test` runs the whole
# suite (a -Werror build with every test, then unit, corpus and CLI tests under ASan+UBSan).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local
# build/ holds the CLI people run (and install, and package): no tests, fuzzers or benchmarks, no
# debug information. -O2 as Debian builds packages: GCC 12's -O3 prints false -Wstringop-overflow
# warnings in the CLI and takes longer (docs/performance.md, "Building").
CLI_CONFIG = -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DIAMWARDEN_BUILD_TESTS=OFF \
  -DIAMWARDEN_BUILD_FUZZ=OFF -DIAMWARDEN_BUILD_BENCH=OFF

.PHONY: all deps build run install package test test-release test-sanitize bench bench-snapshot bench-secrets fuzz clean

all: build

deps:
	@scripts/install-deps test

# Only what `run` needs: the iamwarden target, then its manual page and completions (a second).
build:
	@scripts/install-deps build
	cmake -S . -B $(BUILD) $(CLI_CONFIG) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target iamwarden
	cmake --build $(BUILD) -j $(JOBS) --target iamwarden_manual

run: build
	$(BUILD)/iamwarden audit examples/demo-account --now 2026-11-20T09:00:00Z --format html --output audit-report.html
	$(BUILD)/iamwarden audit examples/demo-account --now 2026-11-20T09:00:00Z

# `make build && sudo make install`: installs, never builds (so root does not write into build/).
install:
	@test -f $(BUILD)/manual/_iamwarden || { echo "make install: run 'make build' first" >&2; exit 1; }
	cmake --install $(BUILD) --prefix $(PREFIX) --strip

# build/iamwarden_<version>_<arch>.deb: stripped binary, manual page, completions, library dependencies.
package: build
	@scripts/install-deps package
	cd $(BUILD) && cpack -G DEB

test: deps test-release test-sanitize

test-release:
	cmake -S . -B $(BUILD)-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIAMWARDEN_WERROR=ON -DIAMWARDEN_BUILD_BENCH=ON >/dev/null
	cmake --build $(BUILD)-ci -j $(JOBS)
	cd $(BUILD)-ci && ctest --output-on-failure -j $(JOBS)

test-sanitize:
	cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DIAMWARDEN_WERROR=ON -DIAMWARDEN_SANITIZE="address;undefined" >/dev/null
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS) -L "unit|corpus|cli"

bench:
	@scripts/install-deps bench
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DIAMWARDEN_BUILD_BENCH=ON >/dev/null
	cmake --build $(BUILD)-bench -j $(JOBS) --target bench_eval bench_catalog
	$(BUILD)-bench/bench/bench_eval
	$(BUILD)-bench/bench/bench_catalog

# Snapshot load, `access --all --admin` and audit on a generated organisation-sized account
# (10,000 users, 50,000 roles, 20,000 policies, ~530 MB) and on a ~1 MB one (docs/performance.md).
bench-snapshot:
	@scripts/install-deps bench
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DIAMWARDEN_BUILD_BENCH=ON >/dev/null
	cmake --build $(BUILD)-bench -j $(JOBS) --target gen_snapshot bench_snapshot bench_access bench_audit bench_paths
	$(BUILD)-bench/bench/gen_snapshot $(BUILD)-bench/org-snapshot >/dev/null
	$(BUILD)-bench/bench/gen_snapshot $(BUILD)-bench/small-snapshot --scale 0.002 >/dev/null
	$(BUILD)-bench/bench/bench_snapshot $(BUILD)-bench/org-snapshot
	$(BUILD)-bench/bench/bench_access $(BUILD)-bench/org-snapshot
	$(BUILD)-bench/bench/bench_paths $(BUILD)-bench/org-snapshot
	$(BUILD)-bench/bench/bench_audit $(BUILD)-bench/org-snapshot
	$(BUILD)-bench/bench/bench_audit $(BUILD)-bench/small-snapshot --repeat 10
	$(BUILD)-bench/bench/bench_audit examples/demo-account --repeat 10

# `iamwarden secrets` against ripgrep and git-secrets on a generated ~200 MB tree (docs/performance.md).
bench-secrets:
	@scripts/install-deps bench
	bench/bench_secrets.sh

fuzz:
	@scripts/install-deps fuzz
	CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIAMWARDEN_FUZZ_LIBFUZZER=ON \
	  -DIAMWARDEN_BUILD_TESTS=OFF -DIAMWARDEN_SANITIZE="address;undefined" >/dev/null
	cmake --build $(BUILD)-fuzz -j $(JOBS)
	$(BUILD)-fuzz/fuzz/fuzz_policy_parser -max_total_time=60 fuzz/corpus/policy_parser
	$(BUILD)-fuzz/fuzz/fuzz_evaluator -max_total_time=60 fuzz/corpus/evaluator

clean:
	rm -rf $(BUILD) $(BUILD)-ci $(BUILD)-asan $(BUILD)-bench $(BUILD)-fuzz
