// Proleptic Gregorian calendar arithmetic and TIMEX3 value formatting for the time stage.
// Pure functions; no state; thread-safe.
#ifndef CASUS_TIME_CALENDAR_H_
#define CASUS_TIME_CALENDAR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casus::time {

struct Ymd {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// Days since 1970-01-01 of a valid date (negative before). O(1).
int64_t days_from_civil(int year, int month, int day);
inline int64_t days_from_civil(const Ymd& d) { return days_from_civil(d.year, d.month, d.day); }
Ymd civil_from_days(int64_t days);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int iso_weekday(int64_t days);
// ISO 8601 week-numbering year and week (1-53) of a day.
void iso_week(int64_t days, int* iso_year, int* week);
// Days since 1970-01-01 of the Monday of ISO week `week` of `iso_year`.
int64_t iso_week_monday(int iso_year, int week);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);
// Adds `months` months to (year, month).
void add_months(int* year, int* month, int months);

// Parses exactly "YYYY-MM-DD" (a valid date). Returns false otherwise.
bool parse_iso_date(std::string_view s, Ymd* out);

// TIMEX3 values: "2023-05-03", "2023-05", "2023", "2023-W18", zero-padded; negative years are
// written as "BC" + year ("BC0044") would be, but the stage does not produce them.
std::string format_day(int year, int month, int day);
inline std::string format_day(const Ymd& d) { return format_day(d.year, d.month, d.day); }
std::string format_month(int year, int month);
std::string format_year(int year);
std::string format_week(int iso_year, int week);
// The ISO week value ("2023-W18") of a day.
std::string format_week_of(int64_t days);

}  // namespace casus::time

#endif  // CASUS_TIME_CALENDAR_H_
