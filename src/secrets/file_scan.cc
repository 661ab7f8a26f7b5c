// `secrets PATH...`: walk, then read and scan the files on a pool of workers, each with its own buffer.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <condition_variable>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>

#include "secrets/buffer_scanner.h"
#include "base/parallel.h"
#include "base/progress.h"
#include "secrets/scan.h"
#include "secrets/walker.h"

namespace iamwarden::secrets {
namespace {

Error file_error(const std::string& path, std::string message) {
  return Error{ErrorCode::kIo, std::move(message), SourceLoc{path, 0, 0, ""}, ""};
}

// Reads up to count bytes at offset into out; false (and an error in result) when reading fails.
bool read_at(int fd, const std::string& path, uint64_t offset, size_t count, char* out, size_t& got,
             ScanResult& result) {
  got = 0;
  while (got < count) {
    ssize_t n = ::pread(fd, out + got, count - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.errors.push_back(file_error(path, fmt::format("cannot read: {}", std::strerror(errno))));
      return false;
    }
    if (n == 0) break;  // the file shrank while we read it
    got += static_cast<size_t>(n);
  }
  return true;
}

// Reads a regular file into buffer and scans it; of a file over the size limit, only its two ends.
void scan_file(const std::string& path, BufferScanner& scanner, std::string& buffer, const ScanOptions& options,
               ScanResult& result) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a fifo put in its place must not block
  if (fd < 0) {
    result.errors.push_back(file_error(path, fmt::format("cannot open: {}", std::strerror(errno))));
    return;
  }
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    result.errors.push_back(file_error(path, fmt::format("cannot stat: {}", std::strerror(errno))));
    return;
  }
  if (!S_ISREG(st.st_mode)) {  // replaced since the walk saw it
    result.errors.push_back(file_error(path, "not a regular file"));
    return;
  }
  auto size = static_cast<uint64_t>(st.st_size);
  bool ends_only = size > options.max_file_size && size > 2 * kEndBytes;
  size_t want = ends_only ? static_cast<size_t>(2 * kEndBytes) : static_cast<size_t>(size);
  // The buffer only grows, so workers stop allocating once they have seen their largest file.
  if (buffer.size() < want) buffer.resize(want);
  size_t got = 0;
  if (!ends_only) {
    if (read_at(fd, path, 0, want, buffer.data(), got, result)) scanner.scan(std::string_view(buffer.data(), got), path, result);
    return;
  }
  size_t head = 0, tail = 0;
  if (!read_at(fd, path, 0, kEndBytes, buffer.data(), head, result) ||
      !read_at(fd, path, size - kEndBytes, kEndBytes, buffer.data() + kEndBytes, tail, result))
    return;
  scanner.scan_ends(std::string_view(buffer.data(), head), std::string_view(buffer.data() + kEndBytes, tail), size,
                    path, result);
}

// Paths handed from the walking thread to the scanning workers, in batches to keep locking rare.
class PathQueue {
 public:
  void push(std::string path) {
    batch_.push_back(std::move(path));
    if (batch_.size() >= kBatch) flush();
  }

  void close() {
    flush();
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_cv_.notify_all();
  }

  // Takes the next batch; false once the queue is closed and empty.
  bool pop(std::vector<std::string>& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_cv_.wait(lock, [&] { return !ready_.empty() || closed_; });
    if (ready_.empty()) return false;
    batch = std::move(ready_.back());
    ready_.pop_back();
    return true;
  }

 private:
  static constexpr size_t kBatch = 32;

  void flush() {
    if (batch_.empty()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    ready_.push_back(std::move(batch_));
    batch_.clear();
    ready_cv_.notify_one();
  }

  std::vector<std::string> batch_;  // filled by the walking thread only
  std::mutex mutex_;
  std::condition_variable ready_cv_;
  std::vector<std::vector<std::string>> ready_;
  bool closed_ = false;
};

}  // namespace

Result<ScanResult> scan_paths(const std::vector<std::string>& paths, const ScanOptions& options) {
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::create();
  if (!matcher) return matcher.error();
  unsigned workers = worker_count(options.threads, std::numeric_limits<size_t>::max());
  std::vector<BufferScanner> scanners;
  for (unsigned w = 0; w < workers; ++w) {
    Result<BufferScanner> scanner = BufferScanner::create(**matcher, options);
    if (!scanner) return scanner.error();
    scanners.push_back(scanner.take());
  }

  // The walk runs on this thread while the workers read and scan, so directory reading overlaps scanning.
  PathQueue queue;
  std::vector<ScanResult> partial(workers);
  Progress progress("iamwarden secrets: files scanned", 0);  // on a terminal, for long scans only
  auto work = [&](unsigned w) {
    std::string buffer;
    std::vector<std::string> batch;
    while (queue.pop(batch)) {
      for (const std::string& path : batch) scan_file(path, scanners[w], buffer, options, partial[w]);
      progress.advance(batch.size());
    }
  };
  std::vector<std::thread> threads;
  unsigned started = start_threads(threads, 0, workers, work);
  WalkResult walked = walk_paths(paths, !options.no_ignore, [&](std::string path) { queue.push(std::move(path)); });
  queue.close();
  if (started == 0) work(0);  // no thread could be started: scan on this one once the walk is done
  for (std::thread& t : threads) t.join();

  ScanResult result;
  if (started < workers)
    result.warnings.push_back(Error{ErrorCode::kInternal,
                                    fmt::format("could start only {} of {} worker threads; scanned with {}", started,
                                                workers, std::max(started, 1u)),
                                    {}, ""});
  result.errors = std::move(walked.errors);
  result.unread = std::move(walked.unread);
  result.stats.skipped_ignored = walked.ignored;
  result.stats.skipped_symlinks = walked.symlinks;
  for (ScanResult& p : partial) result.merge(std::move(p));
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  auto by_location = [](const Error& a, const Error& b) { return a.loc.file < b.loc.file; };
  std::stable_sort(result.warnings.begin(), result.warnings.end(), by_location);
  std::stable_sort(result.errors.begin(), result.errors.end(), by_location);
  std::stable_sort(result.unread.begin(), result.unread.end(),
                   [](const Unread& a, const Unread& b) { return a.path < b.path; });
  return result;
}

}  // namespace iamwarden::secrets
