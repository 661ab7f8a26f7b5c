// Reading the timestamp spellings of the AWS CLI, boto3 and the raw API (see timestamp.h).
#include "snapshot/timestamp.h"

#include <fmt/format.h>

#include <chrono>

#include "policy/values.h"

namespace iamwarden::snapshot {

std::optional<int64_t> parse_timestamp(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::string normal(text);
  // boto3's str(datetime) writes a space where ISO 8601 has a 'T'.
  if (normal.size() > 10 && normal[10] == ' ') normal[10] = 'T';
  std::optional<int64_t> millis = policy::parse_date_millis(normal);
  if (!millis) return std::nullopt;
  int64_t ms = *millis;
  return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

Timestamp make_timestamp(std::string_view text) {
  Timestamp t;
  t.text = std::string(text);
  t.unix_seconds = parse_timestamp(text);
  return t;
}

std::string format_timestamp(int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds tp{seconds{unix_seconds}};
  sys_days day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss<seconds> hms{tp - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

}  // namespace iamwarden::snapshot
