// Small closed word tables of the time stage (months, weekdays, number words, units, seasons,
// parts of day, time zones). Keys are lowercase ASCII; every lookup is O(1) on a static table
// built on first use (thread-safe). The tables are closed-class English and live in code rather
// than in data/ because they are part of the grammar, not tunable resources.
#ifndef CASUS_TIME_LEXICON_H_
#define CASUS_TIME_LEXICON_H_

#include <string_view>

namespace casus::time {

enum class Unit {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury
};

// 1-12 for "january", "jan", "sept", ...; 0 otherwise. *abbrev tells a short form.
int month_of(std::string_view w, bool* abbrev = nullptr);
// 1 (Monday) - 7 for full weekday names; *plural set for "mondays". 0 otherwise.
int weekday_of(std::string_view w, bool* plural = nullptr);
// Cardinal number words: "one" 1 ... "twenty" 20, "thirty" ... "ninety", "hundred" 100,
// "dozen" 12. -1 otherwise.
int number_word(std::string_view w);
// Ordinal words "first" 1 ... "thirty-first"'s parts ("thirtieth"); 0 otherwise.
int ordinal_word(std::string_view w);
// "year"/"years"/"yr" ... ; *plural set for plural forms.
Unit unit_of(std::string_view w, bool* plural = nullptr);
// TIMEX3 season code for "spring" "summer" "autumn"/"fall" "winter" (+ plural); nullptr otherwise.
const char* season_of(std::string_view w);
// TIMEX3 part-of-day code for "morning" "afternoon" "evening" "night"; nullptr otherwise.
const char* part_of_day(std::string_view w);
// UTC offset ("-04:00", "Z") of a time zone abbreviation given in lowercase ("edt"); nullptr
// when unknown.
const char* zone_offset(std::string_view w);
// Decade of a decade word: "sixties" 6, "twenties" 2, ...; -1 otherwise.
int decade_word(std::string_view w);

}  // namespace casus::time

#endif  // CASUS_TIME_LEXICON_H_
