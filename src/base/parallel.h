// A parallel for-loop over indexes (mold-style data parallelism), shared by batch simulation, scans and collect.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace iamwarden {

/// Most workers ever started, whatever a --threads option asks for: more only add memory.
inline constexpr unsigned kMaxWorkers = 256;

/// Number of workers for a requested count (0: one per core), never more than items or kMaxWorkers (at least 1).
inline unsigned worker_count(unsigned requested, size_t items) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>({n, items, kMaxWorkers})));
}

/// Starts thread(worker) for worker = first, first + 1, ... up to count, and returns how many started: when the
/// system refuses a thread (std::system_error), the ones already running do the work instead of terminating.
template <class Thread>
unsigned start_threads(std::vector<std::thread>& threads, unsigned first, unsigned count, Thread thread) {
  unsigned started = 0;
  for (unsigned w = first; w < count; ++w, ++started) {
    try {
      threads.emplace_back(thread, w);
    } catch (const std::system_error&) {
      break;
    }
  }
  return started;
}

/// Runs body(worker, index) for every index in [0, count) on up to workers threads (the caller is worker 0).
template <class Body>
void parallel_for(size_t count, unsigned workers, Body body) {
  std::atomic<size_t> next{0};
  auto run = [&](unsigned worker) {
    for (size_t i = next++; i < count; i = next++) body(worker, i);
  };
  std::vector<std::thread> threads;
  start_threads(threads, 1, workers, run);
  run(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace iamwarden
