// Progress of a long run on a terminal: "label 1234/60000" on standard error, redrawn a few times
// a second, erased at the end; silent when standard error is not a terminal (CI logs, pipes).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iamwarden {

class Progress {
 public:
  /// Shows progress only on a terminal, only for at least min_total items, and only once the run has
  /// lasted half a second (short runs never flicker). total 0: unknown (a streamed walk), shown as a count.
  Progress(std::string_view label, size_t total, size_t min_total = 1000);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Counts n more items done; thread-safe and cheap (an atomic add; a redraw at most every 100 ms).
  void advance(size_t n = 1);

  /// Whether anything is drawn (a terminal and enough items).
  bool active() const { return active_; }

 private:
  void draw(size_t done);

  std::string label_;
  size_t total_;
  bool active_;
  std::atomic<size_t> done_{0};
  std::atomic<int64_t> last_draw_ms_{0};
  std::atomic<bool> drawn_{false};
};

}  // namespace iamwarden
