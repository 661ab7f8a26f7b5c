// Running a program with an argument vector (no shell), capturing its output, with a timeout.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace iamwarden::collect {

/// What a finished (or killed) child process produced.
struct ProcessOutput {
  int spawn_errno = 0;     ///< non-zero when the program could not be started (ENOENT: not on PATH)
  int exit_status = -1;    ///< exit code, or 128 + signal number when killed by a signal
  bool timed_out = false;  ///< killed because it ran longer than the timeout
  std::string out;         ///< everything written to standard output
  std::string err;         ///< everything written to standard error
};

/// Runs argv[0] (searched on PATH) with argv through posix_spawnp, standard input inherited, and
/// waits at most timeout for it to finish; a child that overruns is killed with SIGKILL.
ProcessOutput run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

}  // namespace iamwarden::collect
