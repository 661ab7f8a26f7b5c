// Tests for running child processes without a shell: output capture, limits, process groups, descriptors.
#include "collect/process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <thread>

namespace iamwarden::collect {
namespace {

using std::chrono::milliseconds;

ProcessLimits limits(milliseconds timeout, milliseconds grace = milliseconds(100)) {
  ProcessLimits l;
  l.timeout = timeout;
  l.grace = grace;
  return l;
}

/// True once pid has exited (gone, or a zombie waiting for its new parent); waits up to 5 s for the kill to land.
bool gone(pid_t pid) {
  for (int i = 0; i < 500; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t paren = text.rfind(')');
    if (text.empty() || paren == std::string::npos || paren + 2 >= text.size()) return true;
    char state = text[paren + 2];
    if (state == 'Z' || state == 'X') return true;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return false;
}

pid_t first_line_pid(const std::string& out) { return static_cast<pid_t>(std::stol(out.substr(0, out.find('\n')))); }

TEST(Process, CapturesBothStreamsAndExitStatus) {
  ProcessOutput p = run_process({"sh", "-c", "printf out; printf err >&2; exit 7"}, limits(milliseconds(10000)));
  EXPECT_EQ(p.spawn_errno, 0);
  EXPECT_EQ(p.out, "out");
  EXPECT_EQ(p.err, "err");
  EXPECT_EQ(p.exit_status, 7);
  EXPECT_FALSE(p.timed_out);
  EXPECT_FALSE(p.too_large);
}

TEST(Process, PassesArgumentsVerbatim) {
  ProcessOutput p = run_process({"printf", "%s|", "a b", "$HOME", "; rm -rf /"}, limits(milliseconds(10000)));
  EXPECT_EQ(p.out, "a b|$HOME|; rm -rf /|");
  EXPECT_EQ(p.exit_status, 0);
}

TEST(Process, LargeOutput) {
  ProcessOutput p = run_process({"head", "-c", "3000000", "/dev/zero"}, limits(milliseconds(10000)));
  EXPECT_EQ(p.out.size(), 3000000u);
  EXPECT_FALSE(p.too_large);
}

TEST(Process, MissingProgram) {
  ProcessOutput p = run_process({"iamwarden-no-such-program-xyz"}, limits(milliseconds(1000)));
  EXPECT_EQ(p.spawn_errno, ENOENT);
}

TEST(Process, KillsOnTimeout) {
  ProcessOutput p = run_process({"sleep", "10"}, limits(milliseconds(200)));
  EXPECT_TRUE(p.timed_out);
  EXPECT_EQ(p.exit_status, 128 + SIGTERM);
}

TEST(Process, AChildThatClosesItsPipesAndRunsOnIsTimedOut) {
  // Without a deadline on the exit itself this waited the full 30 s and reported success.
  ProcessOutput p = run_process({"sh", "-c", "exec >&- 2>&-; sleep 30"}, limits(milliseconds(300)));
  EXPECT_TRUE(p.timed_out);
  EXPECT_NE(p.exit_status, 0);
}

TEST(Process, RunsInAProcessGroupOfItsOwn) {
  ProcessOutput p = run_process({"sh", "-c", "echo $$; cut -d' ' -f5 /proc/$$/stat"}, limits(milliseconds(10000)));
  std::istringstream lines(p.out);
  std::string pid, pgid;
  std::getline(lines, pid);
  std::getline(lines, pgid);
  EXPECT_FALSE(pid.empty());
  EXPECT_EQ(pid, pgid);
  EXPECT_NE(pgid, std::to_string(getpgrp()));
}

TEST(Process, ATimeoutKillsTheWholeGroup) {
  ProcessOutput p = run_process({"sh", "-c", "sleep 30 & echo $!; exec sleep 30"}, limits(milliseconds(500)));
  EXPECT_TRUE(p.timed_out);
  ASSERT_FALSE(p.out.empty());
  EXPECT_TRUE(gone(first_line_pid(p.out)));
}

TEST(Process, AnIgnoredSigtermIsFollowedBySigkill) {
  ProcessOutput p = run_process({"sh", "-c", "trap '' TERM; sleep 30"}, limits(milliseconds(200), milliseconds(100)));
  EXPECT_TRUE(p.timed_out);
  EXPECT_EQ(p.exit_status, 128 + SIGKILL);
}

TEST(Process, WhatTheChildLeftRunningIsKilledWhenItExits) {
  // The background sleep holds standard output open; waiting for end of file would wait 30 s (timed out).
  ProcessOutput p = run_process({"sh", "-c", "sleep 30 & echo $!; echo done"}, limits(milliseconds(10000)));
  EXPECT_FALSE(p.timed_out);
  EXPECT_EQ(p.exit_status, 0);
  ASSERT_NE(p.out.find("done\n"), std::string::npos) << p.out;
  EXPECT_TRUE(gone(first_line_pid(p.out)));
}

TEST(Process, OutputPastTheCapStopsTheChild) {
  ProcessLimits l = limits(milliseconds(10000));
  l.max_out = size_t{1} << 20;
  ProcessOutput p = run_process({"head", "-c", "100000000", "/dev/zero"}, l);
  EXPECT_TRUE(p.too_large);
  EXPECT_EQ(p.out.size(), size_t{1} << 20);
  EXPECT_NE(p.exit_status, 0);
}

TEST(Process, StandardErrorIsBoundedButDrained) {
  ProcessLimits l = limits(milliseconds(10000));
  l.max_err = 1000;
  ProcessOutput p = run_process({"sh", "-c", "head -c 1000000 /dev/zero >&2; echo ok"}, l);
  EXPECT_EQ(p.err.size(), 1000u);
  EXPECT_EQ(p.out, "ok\n");
  EXPECT_EQ(p.exit_status, 0);
  EXPECT_FALSE(p.too_large);
}

TEST(Process, TheChildInheritsNoOtherDescriptorAndNoTerminal) {
  int leaked = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(leaked, 3);
  std::string script = "if [ -e /proc/self/fd/" + std::to_string(leaked) + " ]; then echo leaked; else echo closed; fi";
  ProcessOutput p = run_process({"sh", "-c", script}, limits(milliseconds(10000)));
  ::close(leaked);
  EXPECT_EQ(p.out, "closed\n");
  ProcessOutput in = run_process({"readlink", "/proc/self/fd/0"}, limits(milliseconds(10000)));
  EXPECT_EQ(in.out, "/dev/null\n");
}

TEST(Process, AnInheritedIgnoredSigtermIsReset) {
  struct sigaction ignore {}, old{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGTERM, &ignore, &old), 0);
  ProcessOutput p = run_process({"sleep", "30"}, limits(milliseconds(200), milliseconds(5000)));
  ::sigaction(SIGTERM, &old, nullptr);
  EXPECT_TRUE(p.timed_out);
  EXPECT_EQ(p.exit_status, 128 + SIGTERM);  // not SIGKILL after the 5 s grace
}

}  // namespace
}  // namespace iamwarden::collect
