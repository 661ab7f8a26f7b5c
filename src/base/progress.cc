// Terminal progress: one carriage-return line on stderr, rate-limited, erased when done.
#include "base/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "base/safe_text.h"

namespace iamwarden {
namespace {

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Progress::Progress(std::string_view label, size_t total, size_t min_total)
    : label_(safe_text(label)),
      total_(total),
      active_((total == 0 || total >= min_total) && isatty(STDERR_FILENO) != 0) {
  if (active_) last_draw_ms_ = now_ms() + 400;  // the first redraw after 500 ms
}

Progress::~Progress() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
}

void Progress::advance(size_t n) {
  size_t done = done_.fetch_add(n, std::memory_order_relaxed) + n;
  if (!active_) return;
  int64_t now = now_ms(), last = last_draw_ms_.load(std::memory_order_relaxed);
  // One thread wins each 100 ms slot; the others go on without touching the terminal.
  if (now - last >= 100 && last_draw_ms_.compare_exchange_strong(last, now)) draw(done);
}

void Progress::draw(size_t done) {
  drawn_ = true;
  if (total_ == 0) fmt::print(stderr, "\r\033[K{} {}", label_, done);
  else fmt::print(stderr, "\r\033[K{} {}/{} ({}%)", label_, done, total_, done * 100 / total_);
  std::fflush(stderr);
}

}  // namespace iamwarden
