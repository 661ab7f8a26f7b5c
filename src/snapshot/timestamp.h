// Timestamps as AWS tools print them: ISO 8601, boto3's "2023-03-09 10:41:45+00:00", epoch seconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamwarden::snapshot {

/// A point in time from the snapshot: the text as written and, when it could be read, the
/// seconds since 1970-01-01T00:00:00Z.
struct Timestamp {
  std::string text;
  std::optional<int64_t> unix_seconds;

  bool present() const { return !text.empty(); }
};

/// Parses "2014-07-30T17:09:20Z", "2019-11-13T17:30:00+00:00", "2024-02-15T21:51:56.517000+00:00",
/// "2023-03-09 10:41:45+00:00", a date alone, or epoch seconds ("1454022144.869").
std::optional<int64_t> parse_timestamp(std::string_view text);

/// A Timestamp from text (unix_seconds empty when the text is not a date, e.g. "N/A").
Timestamp make_timestamp(std::string_view text);

/// Formats seconds since the epoch as "2023-03-09T10:41:45Z".
std::string format_timestamp(int64_t unix_seconds);

}  // namespace iamwarden::snapshot
