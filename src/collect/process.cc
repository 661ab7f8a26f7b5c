// Child processes through posix_spawnp in their own process group, read with poll until exit, a
// deadline or an output cap; the group is stopped with SIGTERM then SIGKILL, the child always reaped.
#include "collect/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

extern char** environ;

namespace iamwarden::collect {
namespace {

using Clock = std::chrono::steady_clock;

/// A pipe whose ends are closed on destruction; both ends are close-on-exec.
struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
};

/// A descriptor that becomes readable when the child exits (pidfd, Linux 5.3+); -1 when unavailable,
/// and then exits are noticed by polling every few milliseconds.
struct ExitFd {
  int fd = -1;
  explicit ExitFd(pid_t pid) {
#ifdef SYS_pidfd_open
    fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));  // close-on-exec by definition
#else
    (void)pid;
#endif
  }
  ~ExitFd() {
    if (fd >= 0) ::close(fd);
  }
};

/// Spawn attributes and file actions for a child that inherits nothing it should not.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;

  SpawnSetup(int out_fd, int err_fd) {
    posix_spawn_file_actions_init(&actions);
    // No terminal input: a child in its own process group would be stopped (SIGTTIN) reading it.
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 34)
    // Descriptors some library opened without O_CLOEXEC, or that our own parent leaked to us.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
#endif
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);  // a group of its own: a timeout stops everything it started
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT}) sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attr, &defaults);  // an ignored SIGTERM is not inherited
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};

/// Reads what is available on fd, keeping at most cap bytes in out (overflow is set when more came);
/// false at end of file or on error.
bool drain(int fd, std::string& out, size_t cap, bool& overflow) {
  char buffer[65536];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  size_t room = cap > out.size() ? cap - out.size() : 0;
  size_t keep = std::min(room, static_cast<size_t>(n));
  out.append(buffer, keep);
  if (keep < static_cast<size_t>(n)) overflow = true;
  return true;
}

/// True once the child has exited; it is left a zombie (WNOWAIT), so its pid, and with it the
/// process group id, cannot be reused before we signal the group.
bool has_exited(pid_t pid) {
  siginfo_t info{};
  if (::waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) return errno != EINTR;
  return info.si_pid == pid;
}

/// Waits until the child exits or until `until`, without reaping it.
void wait_exit(pid_t pid, int exit_fd, Clock::time_point until) {
  while (!has_exited(pid)) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return;
    pollfd fd{exit_fd, POLLIN, 0};
    ::poll(&fd, exit_fd >= 0 ? 1 : 0, static_cast<int>(std::min<long long>(left, exit_fd >= 0 ? 1000 : 10)));
  }
}

/// SIGTERM to the child's group, then SIGKILL once the child has gone or the grace period is over.
void stop_group(pid_t pid, int exit_fd, std::chrono::milliseconds grace) {
  ::kill(-pid, SIGTERM);
  wait_exit(pid, exit_fd, Clock::now() + grace);
  ::kill(-pid, SIGKILL);
}

int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ProcessOutput run_process(const std::vector<std::string>& argv, const ProcessLimits& limits) {
  ProcessOutput result;
  if (argv.empty()) {
    result.spawn_errno = EINVAL;
    return result;
  }
  Pipe out, err;
  if (!out.open() || !err.open()) {
    result.spawn_errno = errno;
    return result;
  }
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = 0;
  {
    SpawnSetup setup(out.fd[1], err.fd[1]);
    rc = ::posix_spawnp(&pid, args[0], &setup.actions, &setup.attr, args.data(), environ);
  }
  out.close_end(1);
  err.close_end(1);
  if (rc != 0) {
    result.spawn_errno = rc;
    return result;
  }

  const ExitFd exit_fd(pid);
  const auto deadline = Clock::now() + limits.timeout;
  bool out_open = true, err_open = true, exited = false, err_overflow = false;
  std::optional<Clock::time_point> stop_reading_at;  // set once the child has exited
  for (;;) {
    if (!exited && has_exited(pid)) {
      exited = true;
      ::kill(-pid, SIGKILL);  // whatever the call left running in its group
      // Data already in the pipes is still read; a process outside the group holding them is not waited for.
      stop_reading_at = std::min(deadline, Clock::now() + limits.grace);
    }
    if (exited && !out_open && !err_open) break;
    auto now = Clock::now();
    if (stop_reading_at && now >= *stop_reading_at) break;
    if (now >= deadline) {
      result.timed_out = true;
      break;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(stop_reading_at.value_or(deadline) - now);
    long long wait_ms = std::clamp<long long>(left.count(), 1, exit_fd.fd >= 0 || exited ? 1000 : 10);
    pollfd fds[3] = {{out_open ? out.fd[0] : -1, POLLIN, 0},
                     {err_open ? err.fd[0] : -1, POLLIN, 0},
                     {exited ? -1 : exit_fd.fd, POLLIN, 0}};
    int ready = ::poll(fds, 3, static_cast<int>(wait_ms));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      out_open = drain(out.fd[0], result.out, limits.max_out, result.too_large);
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      err_open = drain(err.fd[0], result.err, limits.max_err, err_overflow);
    }
    if (result.too_large) break;
  }
  if (!exited) stop_group(pid, exit_fd.fd, limits.grace);
  result.exit_status = reap(pid);
  return result;
}

}  // namespace iamwarden::collect
