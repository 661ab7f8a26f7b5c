// Running a program with an argument vector (no shell), capturing its output, within a time and size bound.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace iamwarden::collect {

/// Largest standard output kept from one call. The biggest answer collect asks for is the merged
/// get-account-authorization-details of a large account (tens to a few hundred MB); the snapshot
/// loader reads files up to 1 GiB, and two calls may run at once.
inline constexpr size_t kMaxProcessOutput = size_t{512} << 20;

/// Largest standard error kept (only a one-line excerpt of it is ever used); the rest is read and dropped.
inline constexpr size_t kMaxProcessError = size_t{64} << 10;

/// How long and how much a child may run and write.
struct ProcessLimits {
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};  ///< from start to exit, pipes closed or not
  std::chrono::milliseconds grace{std::chrono::seconds(2)};     ///< between SIGTERM and SIGKILL
  size_t max_out = kMaxProcessOutput;
  size_t max_err = kMaxProcessError;
};

/// What a finished (or killed) child process produced.
struct ProcessOutput {
  int spawn_errno = 0;     ///< non-zero when the program could not be started (ENOENT: not on PATH)
  int exit_status = -1;    ///< exit code, or 128 + signal number when killed by a signal
  bool timed_out = false;  ///< killed because it ran longer than the timeout
  bool too_large = false;  ///< killed because its standard output passed max_out (out holds the first max_out bytes)
  std::string out;         ///< standard output
  std::string err;         ///< standard error, at most max_err bytes
};

/// Runs argv[0] (searched on PATH) with argv through posix_spawnp, with standard input from /dev/null, no
/// descriptor but the two pipes inherited, default signal handling, in a process group of its own. Returns
/// when the child has exited and its pipes are closed, or when a limit is passed: then the whole group gets
/// SIGTERM and, after the grace period, SIGKILL. The child is always reaped; what it left running in its
/// group is killed when it exits.
ProcessOutput run_process(const std::vector<std::string>& argv, const ProcessLimits& limits);

}  // namespace iamwarden::collect
