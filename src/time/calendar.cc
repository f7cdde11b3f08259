#include "time/calendar.h"

#include <cstdio>

namespace casus::time {

// Era-based conversion: a 400-year era has 146097 days; years start on March 1 so that the leap
// day is the last day of the computational year.
int64_t days_from_civil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                          // [0, 399]
  const int64_t mp = (month + 9) % 12;                        // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Ymd{static_cast<int>(y), m, d};
}

int iso_weekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void iso_week(int64_t days, int* iso_year, int* week) {
  const int64_t thursday = days + (4 - iso_weekday(days));
  const Ymd t = civil_from_days(thursday);
  *iso_year = t.year;
  *week = static_cast<int>((thursday - days_from_civil(t.year, 1, 1)) / 7) + 1;
}

int64_t iso_week_monday(int iso_year, int week) {
  const int64_t jan4 = days_from_civil(iso_year, 1, 4);
  const int64_t week1_monday = jan4 - (iso_weekday(jan4) - 1);
  return week1_monday + 7 * static_cast<int64_t>(week - 1);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

void add_months(int* year, int* month, int months) {
  int total = *year * 12 + (*month - 1) + months;
  int y = total / 12, m = total % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  *year = y;
  *month = m + 1;
}

bool parse_iso_date(std::string_view s, Ymd* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  if (!is_valid_date(v[0], v[1], v[2])) return false;
  *out = Ymd{v[0], v[1], v[2]};
  return true;
}

std::string format_day(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string format_month(int year, int month) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string format_year(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string format_week(int iso_year, int week) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", iso_year, week);
  return buf;
}

std::string format_week_of(int64_t days) {
  int y = 0, w = 0;
  iso_week(days, &y, &w);
  return format_week(y, w);
}

}  // namespace casus::time
