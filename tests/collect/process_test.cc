// Tests for running child processes without a shell, with output capture and a timeout.
#include "collect/process.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace iamwarden::collect {
namespace {

using std::chrono::milliseconds;

TEST(Process, CapturesBothStreamsAndExitStatus) {
  ProcessOutput p = run_process({"sh", "-c", "printf out; printf err >&2; exit 7"}, milliseconds(10000));
  EXPECT_EQ(p.spawn_errno, 0);
  EXPECT_EQ(p.out, "out");
  EXPECT_EQ(p.err, "err");
  EXPECT_EQ(p.exit_status, 7);
  EXPECT_FALSE(p.timed_out);
}

TEST(Process, PassesArgumentsVerbatim) {
  ProcessOutput p = run_process({"printf", "%s|", "a b", "$HOME", "; rm -rf /"}, milliseconds(10000));
  EXPECT_EQ(p.out, "a b|$HOME|; rm -rf /|");
  EXPECT_EQ(p.exit_status, 0);
}

TEST(Process, LargeOutput) {
  ProcessOutput p = run_process({"head", "-c", "3000000", "/dev/zero"}, milliseconds(10000));
  EXPECT_EQ(p.out.size(), 3000000u);
}

TEST(Process, MissingProgram) {
  ProcessOutput p = run_process({"iamwarden-no-such-program-xyz"}, milliseconds(1000));
  EXPECT_EQ(p.spawn_errno, ENOENT);
}

TEST(Process, KillsOnTimeout) {
  auto start = std::chrono::steady_clock::now();
  ProcessOutput p = run_process({"sleep", "10"}, milliseconds(200));
  EXPECT_TRUE(p.timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace iamwarden::collect
