// A parallel for-loop over indexes: each worker pulls the next index and keeps private state.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace iamwarden::secrets {

/// Number of workers for a requested count (0: one per core), never more than items (at least 1).
inline unsigned worker_count(unsigned requested, size_t items) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(n, items)));
}

/// Runs body(worker, index) for every index in [0, count) on workers threads (the caller is worker 0).
template <class Body>
void parallel_for(size_t count, unsigned workers, Body body) {
  std::atomic<size_t> next{0};
  auto run = [&](unsigned worker) {
    for (size_t i = next++; i < count; i = next++) body(worker, i);
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace iamwarden::secrets
