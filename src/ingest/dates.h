// Calendar dates as English-language news sources write them, normalized to "YYYY-MM-DD".
//
// Shared by the article readers (Markdown/text datelines, HTML meta tags, JSONL `date` fields).
// Accepted forms (case-insensitive month and weekday names, full or abbreviated, with or without a
// period: "Sept.", "Sep", "September"):
//   "2023-05-03", "2023/05/03", "2023-05-03T10:41:00Z", "2023-05-03 10:41:00+02:00"
//   "3 May 2023", "3rd May, 2023", "3 of May 2023"
//   "May 3, 2023", "May 3 2023", "May 3rd, 2023", "Sept. 1, 2015"
//   any of the above after a weekday ("Wednesday, May 3, 2023", "Wed 3 May 2023") and followed by
//   a time of day and zone ("10:41 AM EDT", "at 10:41 a.m. ET", "10:41 (UTC)")
//   "25/12/2015" and "12/25/2015" when only one reading is a valid date; "01/09/2015" is ambiguous
//   and rejected.
// Everything else is rejected: the whole string must be a date ("May I ask" is not one, nor is
// "Published 3 May 2023": strip such prefixes first, see metadata.h). Days are checked against
// the month (leap years included); years must lie in 1000..2999.
//
// Stateless, thread-safe, no allocation beyond the result; cost linear in the input.
#ifndef CASUS_INGEST_DATES_H_
#define CASUS_INGEST_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace casus::ingest {

// A calendar date; `year` is 0 when the text gave none (see parse_date_parts).
struct DateParts {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const DateParts&, const DateParts&) = default;
};

// Parses `s` (surrounding whitespace ignored) as one complete date; returns "YYYY-MM-DD".
std::optional<std::string> parse_date(std::string_view s);

// Like parse_date, but returns the parts. With `year_optional`, a month and day without a year
// ("May 3", "3 May", "Wednesday, May 3") are accepted and returned with year == 0.
std::optional<DateParts> parse_date_parts(std::string_view s, bool year_optional = false);

// "YYYY-MM-DD" of a date with a year (precondition: year != 0).
std::string format_date(const DateParts& date);

// Month number 1..12 of an English month name or abbreviation ("Sept", "sep", "SEPTEMBER"),
// without a trailing period; 0 when `word` is not one.
int month_from_name(std::string_view word);

// True for a valid Gregorian date with 1000 <= year <= 2999 (or year == 0: any year).
bool is_valid_date(const DateParts& date);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_DATES_H_
