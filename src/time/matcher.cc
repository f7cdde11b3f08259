#include "time/matcher.h"

#include <cstdio>
#include <string>
#include <string_view>

#include "time/lexicon.h"
#include "time/pieces.h"
#include "time/tense.h"

namespace casus::time {
namespace {

constexpr int kVague = -1;  // "a few", "several", "years": an unspecified number (X in values)

struct Found {
  size_t begin = 0, end = 0;  // piece range
  TimexType type = TimexType::kDate;
  std::string value;
  TimeAnchor anchor = TimeAnchor::kAbsolute;
  Granularity granularity = Granularity::kNone;  // of the resolved calendar date, if any
  Ymd date;
};

char unit_letter(Unit u) {
  switch (u) {
    case Unit::kSecond:
      return 'S';
    case Unit::kMinute:
      return 'M';
    case Unit::kHour:
      return 'H';
    case Unit::kDay:
      return 'D';
    case Unit::kWeek:
      return 'W';
    case Unit::kMonth:
      return 'M';
    case Unit::kYear:
      return 'Y';
    default:
      return '?';
  }
}

// "P3Y", "PT48H", "PXD", "P2DE", "P1Q" -> quarter as 3 months.
std::string duration_value(int n, Unit u, std::string_view fraction = {}) {
  std::string num = n == kVague ? "X" : std::to_string(n);
  if (!fraction.empty()) num += "." + std::string(fraction);
  switch (u) {
    case Unit::kSecond:
    case Unit::kMinute:
    case Unit::kHour:
      return "PT" + num + unit_letter(u);
    case Unit::kDecade:
      return "P" + num + "DE";
    case Unit::kCentury:
      return "P" + num + "CE";
    case Unit::kQuarter:
      return "P" + num + "Q";
    default:
      return "P" + num + unit_letter(u);
  }
}

// Placeholder value of a relative expression of unit `u` when no anchor is known.
std::string unresolved(Unit u) {
  switch (u) {
    case Unit::kWeek:
      return "XXXX-WXX";
    case Unit::kMonth:
      return "XXXX-XX";
    case Unit::kQuarter:
      return "XXXX-QX";
    case Unit::kYear:
      return "XXXX";
    case Unit::kDecade:
      return "XXX";
    case Unit::kCentury:
      return "XX";
    default:
      return "XXXX-XX-XX";
  }
}

std::string format_decade(int decade) {  // 196 -> "196X"
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03dX", decade);
  return buf;
}

std::string format_century(int century) {  // 19 -> "19"
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", century);
  return buf;
}

// The calendar unit containing day `base` shifted by k units, as a TIMEX3 value; fills the
// resolved date and granularity of day/month/year values.
std::string shift_value(int64_t base, Unit u, int k, Found* f) {
  const Ymd d = civil_from_days(base);
  switch (u) {
    case Unit::kSecond:
    case Unit::kMinute:
    case Unit::kHour:
    case Unit::kDay: {
      int64_t days = base;
      if (u == Unit::kDay) days += k;
      if (u == Unit::kHour) days += (k <= -24 || k >= 24) ? k / 24 : 0;
      f->granularity = Granularity::kDay;
      f->date = civil_from_days(days);
      return format_day(f->date);
    }
    case Unit::kWeek:
      return format_week_of(base + 7 * static_cast<int64_t>(k));
    case Unit::kMonth: {
      int y = d.year, m = d.month;
      add_months(&y, &m, k);
      f->granularity = Granularity::kMonth;
      f->date = Ymd{y, m, 1};
      return format_month(y, m);
    }
    case Unit::kQuarter: {
      int q = d.year * 4 + (d.month - 1) / 3 + k;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-Q%d", q / 4, q % 4 + 1);
      return buf;
    }
    case Unit::kYear:
      f->granularity = Granularity::kYear;
      f->date = Ymd{d.year + k, 1, 1};
      return format_year(d.year + k);
    case Unit::kDecade:
      return format_decade(d.year / 10 + k);
    case Unit::kCentury:
      return format_century(d.year / 100 + k);
    case Unit::kNone:
      break;
  }
  return "XXXX-XX-XX";
}

// "N units ago": like shift_value, but decades and centuries shift the year (GUM and TimeML
// give "a decade ago" a year value).
std::string ago_value(int64_t base, Unit u, int k, Found* f) {
  if (u == Unit::kDecade) return shift_value(base, Unit::kYear, 10 * k, f);
  if (u == Unit::kCentury) return shift_value(base, Unit::kYear, 100 * k, f);
  return shift_value(base, u, k, f);
}

// Season intervals: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (named by its December year).
int season_start_month(std::string_view code) {
  if (code == "SP") return 3;
  if (code == "SU") return 6;
  if (code == "FA") return 9;
  return 12;
}

bool is_preposition_cue(std::string_view w) {
  return w == "in" || w == "since" || w == "until" || w == "till" || w == "by" || w == "during" ||
         w == "from" || w == "to" || w == "through" || w == "early" || w == "mid" || w == "late" ||
         w == "of" || w == "before" || w == "after" || w == "on" || w == "last" || w == "next" ||
         w == "this" || w == "throughout" || w == "between" || w == "and" || w == "or" ||
         w == "around" || w == "that";
}

// Nouns that make a preceding four-digit number a quantity rather than a year.
bool is_quantity_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "people",    "persons",   "men",          "women",      "children",   "soldiers", "troops",
      "years",     "year",      "km",           "kilometres", "kilometers", "miles",    "meters",
      "metres",    "feet",      "ft",           "tons",       "tonnes",     "dollars",  "euros",
      "pounds",    "votes",     "deaths",       "cases",      "units",      "pages",    "words",
      "acres",     "hectares",  "square",       "times",      "copies",     "members",  "pilgrims",
      "students",  "employees", "workers",      "jobs",       "homes",      "houses",   "points",
      "kg",        "mm",        "cm",           "m",          "ml",         "calories", "percent",
      "per",       "visitors",  "participants", "delegates",  "residents",  "refugees", "migrants",
      "prisoners", "victims",   "patients",     "species",    "cars",       "vehicles", "buildings",
      "hours",     "days",      "minutes",      "seconds",    "months",     "weeks",    "bc",
      "bce",       "b",         "million",      "billion",    "thousand",   "mw",       "kw",
      "gb",        "mb",        "degrees",      "yards",      "metre",      "meter",    "mile",
      "km2",       "sq",        "lbs",          "oz",         "inhabitants"};
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

class Matcher {
 public:
  Matcher(const Document& doc, uint32_t sentence, MatchContext* ctx)
      : doc_(doc), sentence_(sentence), ctx_(ctx), p_(split_pieces(doc, sentence)) {}

  void run(std::vector<Timex>* out) {
    size_t i = 0;
    while (i < p_.size()) {
      Found f;
      if (match_at(i, &f) && f.end > f.begin) {
        emit(f, out);
        i = f.end;
      } else {
        ++i;
      }
    }
  }

 private:
  // ---- piece predicates -------------------------------------------------------------------
  size_t size() const { return p_.size(); }
  std::string_view w(size_t i) const { return i < p_.size() ? std::string_view(p_[i].w) : ""; }
  bool is(size_t i, std::string_view s) const { return i < p_.size() && p_[i].w == s; }
  bool is_word(size_t i) const { return i < p_.size() && p_[i].kind == Piece::kWord; }
  bool is_num(size_t i) const { return i < p_.size() && p_[i].kind == Piece::kNumber; }
  bool is_punct(size_t i) const { return i < p_.size() && p_[i].kind == Piece::kPunct; }
  // Piece i directly follows piece i-1 with no space between.
  bool glued(size_t i) const { return i < p_.size() && !p_[i].space_before; }
  int num(size_t i) const { return is_num(i) ? p_[i].number : -1; }
  int digits(size_t i) const { return is_num(i) ? p_[i].digits : 0; }

  Tense tense(size_t b, size_t e) const {
    return governing_tense(doc_, sentence_, p_[b].token, p_[e - 1].token + 1);
  }

  // A month name at i (capitalized; "May"/"March" and abbreviations need more evidence, given
  // by `strong`: a number or year next to it). Returns 1-12 and sets *end past an abbreviation
  // dot.
  int month_at(size_t i, bool strong, size_t* end) const {
    if (!is_word(i) || !p_[i].capitalized) return 0;
    bool abbrev = false;
    const int m = month_of(w(i), &abbrev);
    if (!m) return 0;
    size_t e = i + 1;
    if (abbrev && is(e, ".") && glued(e)) ++e;
    if ((abbrev || m == 5 || m == 3) && !strong) {
      // Bare "May"/"March"/"Oct": only after a temporal preposition or modifier.
      if (i == 0 || !is_preposition_cue(w(i - 1))) return 0;
      if (abbrev && e == i + 1) return 0;
    }
    *end = e;
    return m;
  }

  // A day of month at i: 1-31 with an optional glued ordinal suffix. Sets *end.
  int day_at(size_t i, size_t* end) const {
    const int d = num(i);
    if (d < 1 || d > 31 || digits(i) > 2) return 0;
    size_t e = i + 1;
    if (is_word(e) && glued(e) && (is(e, "st") || is(e, "nd") || is(e, "rd") || is(e, "th"))) ++e;
    // Not part of a larger number or time ("8:30", "8.5", "8/11").
    if (e == i + 1 && e < size() && glued(e) && (is(e, ":") || is(e, ".") || is(e, "/")) &&
        is_num(e + 1))
      return 0;
    *end = e;
    return d;
  }

  // A four-digit year at i (1000-2099), not glued to more digits. Sets *end.
  int year_at(size_t i, size_t* end) const {
    if (!is_num(i) || digits(i) != 4) return 0;
    const int y = num(i);
    if (y < 1000 || y > 2099) return 0;
    if (i + 1 < size() && glued(i + 1) && (is(i + 1, ",") || is(i + 1, ".")) && is_num(i + 2) &&
        glued(i + 2))
      return 0;  // 2000.5, 2000,000
    *end = i + 1;
    return y;
  }

  // A number phrase at i: digits ("48", "1.5"), number words ("three", "twenty-five"),
  // "a"/"an" (when allow_article), "a few", "several", "a couple of" (kVague). Sets *end and
  // *fraction for decimals.
  int number_at(size_t i, bool allow_article, size_t* end, std::string* fraction) const {
    fraction->clear();
    if (is_num(i)) {
      const int n = num(i);
      if (n < 0) return 0;
      // Thousands separators are not durations we care about; decimals are.
      if (is(i + 1, ".") && glued(i + 1) && is_num(i + 2) && glued(i + 2)) {
        *fraction = std::string(w(i + 2));
        *end = i + 3;
        return n;
      }
      if (i + 1 < size() && glued(i + 1) && (is(i + 1, ",") || is(i + 1, ":")) && is_num(i + 2))
        return 0;
      if (i > 0 && glued(i) &&
          (is_num(i - 1) || is(i - 1, ",") || is(i - 1, ".") || is(i - 1, "$") || is(i - 1, ":")))
        return 0;
      *end = i + 1;
      return n;
    }
    if (!is_word(i)) return 0;
    const std::string_view x = w(i);
    if (x == "a" || x == "an") {
      if (is(i + 1, "few") || is(i + 1, "couple")) {
        size_t e = i + 2;
        if (is(e, "of")) ++e;
        *end = e;
        return kVague;
      }
      if (is(i + 1, "dozen")) {
        *end = i + 2;
        return 12;
      }
      if (!allow_article) return 0;
      *end = i + 1;
      return 1;
    }
    if (x == "few" || x == "several" || x == "many" || x == "some" || x == "couple") {
      size_t e = i + 1;
      if (x == "couple" && is(e, "of")) ++e;
      *end = e;
      return kVague;
    }
    int n = number_word(x);
    if (n < 0) return 0;
    size_t e = i + 1;
    if (n >= 20 && n < 100 && n % 10 == 0) {  // twenty-five, twenty five
      size_t k = e;
      if (is(k, "-") && glued(k)) ++k;
      const int units = number_word(w(k));
      if (units >= 1 && units <= 9) {
        n += units;
        e = k + 1;
      }
    }
    *end = e;
    return n;
  }

  // ---- resolution helpers ------------------------------------------------------------------
  // Day of weekday `wd` near the anchor, chosen by tense: past (and unknown) -> on or before,
  // future -> on or after, present -> the nearer.
  int64_t weekday_days(int wd, Tense t) const {
    const int aw = iso_weekday(ctx_->anchor_days);
    const int back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7;
    if (t == Tense::kFuture) return ctx_->anchor_days + fwd;
    if (t == Tense::kPresent && fwd < back) return ctx_->anchor_days + fwd;
    return ctx_->anchor_days - back;
  }

  // Year of month `m` (no year given) by tense, relative to the anchor.
  int month_year(int m, Tense t) const {
    const Ymd& a = ctx_->anchor;
    if (t == Tense::kPast && m > a.month + 1) return a.year - 1;
    if (t == Tense::kFuture && m < a.month - 1) return a.year + 1;
    return a.year;
  }

  // Year of month-day (no year given): the anchor's year, moved back for past tense when more
  // than a month ahead, forward for future tense when more than a month behind, and otherwise
  // the nearest when the tense is unknown and the date is more than six months away.
  int month_day_year(int m, int d, Tense t) const {
    const Ymd& a = ctx_->anchor;
    const int dd = std::min(d, days_in_month(a.year, m));
    const int64_t c = days_from_civil(a.year, m, dd);
    const int64_t diff = c - ctx_->anchor_days;
    if (t == Tense::kPast && diff > 31) return a.year - 1;
    if (t == Tense::kFuture && diff < -31) return a.year + 1;
    if (t != Tense::kPast && t != Tense::kFuture) {
      if (diff > 183) return a.year - 1;
      if (diff < -183) return a.year + 1;
    }
    return a.year;
  }

  // Base day for expressions relative to the previous expression ("the next day", "that year"):
  // the previous resolved date when precise enough, else the article date. False when neither.
  bool previous_base(Granularity need, int64_t* base, TimeAnchor* anchor) const {
    if (ctx_->previous >= need && ctx_->previous != Granularity::kNone) {
      *base = days_from_civil(ctx_->previous_date);
      *anchor = TimeAnchor::kPrevious;
      return true;
    }
    if (ctx_->has_anchor) {
      *base = ctx_->anchor_days;
      *anchor = TimeAnchor::kArticle;
      return true;
    }
    return false;
  }

  static Granularity unit_granularity(Unit u) {
    switch (u) {
      case Unit::kYear:
      case Unit::kDecade:
      case Unit::kCentury:
        return Granularity::kYear;
      case Unit::kMonth:
      case Unit::kQuarter:
        return Granularity::kMonth;
      default:
        return Granularity::kDay;
    }
  }

  void set_day(Found* f, int64_t days) const {
    f->date = civil_from_days(days);
    f->granularity = Granularity::kDay;
    f->value = format_day(f->date);
  }
  void set_month(Found* f, int y, int m) const {
    f->date = Ymd{y, m, 1};
    f->granularity = Granularity::kMonth;
    f->value = format_month(y, m);
  }
  void set_year(Found* f, int y) const {
    f->date = Ymd{y, 1, 1};
    f->granularity = Granularity::kYear;
    f->value = format_year(y);
  }

  // ---- the grammar --------------------------------------------------------------------------
  // Tries every rule at piece i, in priority order, each on a fresh Found.
  bool match_at(size_t i, Found* f) {
    using Rule = bool (Matcher::*)(size_t, Found*);
    static constexpr Rule kRules[] = {
        &Matcher::match_set,         &Matcher::match_absolute_with_weekday,
        &Matcher::match_decade,      &Matcher::match_relative,
        &Matcher::match_ago,         &Matcher::match_time,
        &Matcher::match_duration,    &Matcher::match_weekday,
        &Matcher::match_month_alone, &Matcher::match_season,
        &Matcher::match_year,        &Matcher::match_deictic};
    for (Rule rule : kRules) {
      *f = Found{};
      f->begin = i;
      if ((this->*rule)(i, f)) return true;
    }
    return false;
  }

  // Skips "early", "mid", "late", "mid-", "the end of", "the beginning of", "the start of";
  // returns the piece after them.
  size_t skip_modifier(size_t i) const {
    if (is(i, "early") || is(i, "late") || is(i, "mid")) {
      size_t j = i + 1;
      if (is(j, "-") && glued(j)) ++j;
      return j;
    }
    if (is(i, "the") &&
        (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start") || is(i + 1, "middle")) &&
        is(i + 2, "of"))
      return i + 3;
    return i;
  }

  // every Monday, each year, every two weeks, every other day, on Mondays, twice a week.
  bool match_set(size_t i, Found* f) {
    f->type = TimexType::kSet;
    f->anchor = TimeAnchor::kAbsolute;
    if (is(i, "every") || is(i, "each")) {
      size_t j = i + 1;
      int n = 1;
      if (is(j, "other")) {
        n = 2;
        ++j;
      } else {
        size_t e = 0;
        std::string frac;
        const int k = number_at(j, false, &e, &frac);
        if (k > 0 && unit_of(w(e)) != Unit::kNone) {
          n = k;
          j = e;
        }
      }
      bool plural = false;
      if (const int wd = weekday_of(w(j), &plural)) {
        f->value = "XXXX-WXX-" + std::to_string(wd);
        f->end = j + 1;
        return true;
      }
      if (const char* pod = part_of_day(w(j))) {
        f->value = std::string("XXXX-XX-XXT") + pod;
        f->end = j + 1;
        return true;
      }
      if (const char* season = season_of(w(j))) {
        f->value = std::string("XXXX-") + season;
        f->end = j + 1;
        return true;
      }
      size_t e = 0;
      if (const int m = month_at(j, true, &e)) {
        f->value = "XXXX-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
        f->end = e;
        return true;
      }
      const Unit u = unit_of(w(j), &plural);
      if (u != Unit::kNone && (n == 1 ? !plural : true)) {
        f->value = duration_value(n, u);
        f->end = j + 1;
        return true;
      }
      return false;
    }
    // "on Mondays"
    bool plural = false;
    if (i > 0 && is(i - 1, "on") && weekday_of(w(i), &plural) && plural) {
      f->value = "XXXX-WXX-" + std::to_string(weekday_of(w(i)));
      f->end = i + 1;
      return true;
    }
    // once a week, twice a year, three times a day, once per month
    if (is(i, "once") || is(i, "twice") || (is_num(i) || number_word(w(i)) > 0)) {
      size_t j = i + 1;
      if (!is(i, "once") && !is(i, "twice")) {
        if (!is(j, "times")) return false;
        ++j;
      }
      if (!(is(j, "a") || is(j, "an") || is(j, "per") || is(j, "each") || is(j, "every")))
        return false;
      const Unit u = unit_of(w(j + 1), &plural);
      if (u == Unit::kNone || plural) return false;
      f->value = duration_value(1, u);
      f->end = j + 2;
      return true;
    }
    if ((is(i, "annually") || is(i, "yearly") || is(i, "daily") || is(i, "weekly") ||
         is(i, "monthly") || is(i, "hourly") || is(i, "nightly")) &&
        !is_word(i + 1)) {
      const std::string_view x = w(i);
      f->value = x == "daily" || x == "nightly" ? "P1D"
                 : x == "weekly"                ? "P1W"
                 : x == "monthly"               ? "P1M"
                 : x == "hourly"                ? "PT1H"
                                                : "P1Y";
      f->end = i + 1;
      return true;
    }
    return false;
  }

  // [Weekday [,]] absolute date; a weekday without a following date is left to match_weekday.
  bool match_absolute_with_weekday(size_t i, Found* f) {
    size_t j = i;
    if (weekday_of(w(i)) && is_word(i) && p_[i].capitalized) {
      j = i + 1;
      if (is(j, ",")) ++j;
      if (j == i + 1 && !(month_at(j, true, &f->end) || is_num(j))) return false;
    }
    if (!match_absolute(j, f)) return false;
    f->begin = i;
    return true;
  }

  // Absolute dates and month-day / month-year forms.
  bool match_absolute(size_t i, Found* f) {
    f->type = TimexType::kDate;
    f->anchor = TimeAnchor::kAbsolute;
    // ISO 2022-10-08 and 2022/10/08
    if (is_num(i) && digits(i) == 4 && (is(i + 1, "-") || is(i + 1, "/")) && glued(i + 1) &&
        is_num(i + 2) && glued(i + 2) && is(i + 3, w(i + 1)) && glued(i + 3) && is_num(i + 4) &&
        glued(i + 4) && digits(i + 2) <= 2 && digits(i + 4) <= 2) {
      const int y = num(i), m = num(i + 2), d = num(i + 4);
      if (is_valid_date(y, m, d)) {
        f->date = Ymd{y, m, d};
        f->granularity = Granularity::kDay;
        f->value = format_day(f->date);
        f->end = i + 5;
        return true;
      }
    }
    // Numeric M/D/YYYY (D/M/YYYY when the first part exceeds 12) and 9/11.
    if (is_num(i) && digits(i) <= 2 && is(i + 1, "/") && glued(i + 1) && is_num(i + 2) &&
        glued(i + 2) && digits(i + 2) <= 2) {
      if (is(i + 3, "/") && glued(i + 3) && is_num(i + 4) && glued(i + 4) &&
          (digits(i + 4) == 4 || digits(i + 4) == 2)) {
        int a = num(i), b = num(i + 2), y = num(i + 4);
        if (digits(i + 4) == 2) y += y < 50 ? 2000 : 1900;
        int m = a, d = b;
        if (a > 12) std::swap(m, d);
        if (is_valid_date(y, m, d)) {
          f->date = Ymd{y, m, d};
          f->granularity = Granularity::kDay;
          f->value = format_day(f->date);
          f->end = i + 5;
          return true;
        }
      }
      if (num(i) == 9 && num(i + 2) == 11 && !(is(i + 3, "/") && glued(i + 3)) &&
          !(i > 0 && glued(i) && is_punct(i - 1))) {
        f->date = Ymd{2001, 9, 11};
        f->granularity = Granularity::kDay;
        f->value = "2001-09-11";
        f->end = i + 3;
        return true;
      }
      return false;
    }
    size_t e = 0;
    // Month [day] [,] [year]
    if (const int m = month_at(i, /*strong=*/true, &e)) {
      const bool strong_ok = month_at(i, false, &f->end) != 0;
      size_t de = 0;
      const int d = day_at(e, &de);
      if (d && is_valid_date(2000, m, d)) {
        size_t k = de;
        if (is(k, ",")) ++k;
        size_t ye = 0;
        if (const int y = year_at(k, &ye); y && is_valid_date(y, m, d)) {
          f->date = Ymd{y, m, d};
          f->granularity = Granularity::kDay;
          f->value = format_day(f->date);
          f->end = ye;
          return true;
        }
        // "May 5" without a year; a lone number after "May"/"March" is strong enough.
        if (is(de, ":") || (is(de, "-") && is_num(de + 1) && glued(de + 1))) return false;
        f->end = de;
        resolve_month_day(m, d, f);
        return true;
      }
      size_t k = e;
      if (is(k, ",") || is(k, "of")) ++k;
      size_t ye = 0;
      if (const int y = year_at(k, &ye)) {
        set_month(f, y, m);
        f->end = ye;
        return true;
      }
      (void)strong_ok;
      return false;
    }
    // Day month [,] [year]; "the 8th of October"
    size_t j = i;
    if (is(j, "the") && is_num(j + 1)) ++j;
    if (const int d = day_at(j, &e)) {
      size_t k = e;
      if (is(k, "of")) ++k;
      size_t me = 0;
      if (const int m = month_at(k, true, &me); m && is_valid_date(2000, m, d)) {
        // A bare "5 May" needs the month to read as a month: capitalized already checked.
        size_t y0 = me;
        if (is(y0, ",")) ++y0;
        size_t ye = 0;
        if (const int y = year_at(y0, &ye); y && is_valid_date(y, m, d)) {
          f->date = Ymd{y, m, d};
          f->granularity = Granularity::kDay;
          f->value = format_day(f->date);
          f->end = ye;
          return true;
        }
        if (j == i && (m == 5 || m == 3) && k == e) {
          // "5 May" is fine; "5 march" was rejected by capitalization.
        }
        f->end = me;
        resolve_month_day(m, d, f);
        return true;
      }
    }
    return false;
  }

  void resolve_month_day(int m, int d, Found* f) {
    char buf[24];
    if (!ctx_->has_anchor) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
      f->value = buf;
      f->anchor = TimeAnchor::kNone;
      return;
    }
    const int y = month_day_year(m, d, tense(f->begin, f->end));
    if (!is_valid_date(y, m, d)) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
      f->value = buf;
      f->anchor = TimeAnchor::kNone;
      return;
    }
    f->date = Ymd{y, m, d};
    f->granularity = Granularity::kDay;
    f->value = format_day(f->date);
    f->anchor = TimeAnchor::kArticle;
  }

  // the 1960s, 1960s, the '60s, the sixties, the early 1990s, the 20th century, 20th-century.
  bool match_decade(size_t i, Found* f) {
    f->type = TimexType::kDate;
    f->anchor = TimeAnchor::kAbsolute;
    size_t j = i;
    const bool the = is(j, "the");
    if (the) ++j;
    j = skip_modifier(j);
    // 1960s / 1960's
    if (is_num(j) && digits(j) == 4 && num(j) % 10 == 0 && num(j) >= 1000 && num(j) <= 2090) {
      size_t e = j + 1;
      if (is(e, "'") && glued(e)) ++e;
      if (is(e, "s") && glued(e)) {
        f->value = format_decade(num(j) / 10);
        f->end = e + 1;
        return true;
      }
    }
    // '60s
    if (is(j, "'") && is_num(j + 1) && glued(j + 1) && digits(j + 1) == 2 && num(j + 1) % 10 == 0 &&
        is(j + 2, "s") && glued(j + 2)) {
      const int yy = num(j + 1);
      f->value = format_decade((yy >= 30 ? 1900 : 2000) / 10 + yy / 10);
      f->end = j + 3;
      return true;
    }
    if (the || j != i) {
      const int dw = decade_word(w(j));
      if (dw > 0) {
        f->value = format_decade(190 + dw);
        f->end = j + 1;
        return true;
      }
    }
    // Nth century
    int n = 0;
    size_t e = j;
    if (is_num(j) && num(j) >= 1 && num(j) <= 21 && is_word(j + 1) && glued(j + 1) &&
        (is(j + 1, "st") || is(j + 1, "nd") || is(j + 1, "rd") || is(j + 1, "th"))) {
      n = num(j);
      e = j + 2;
    } else if (const int o = ordinal_word(w(j)); o >= 1 && o <= 21) {
      n = o;
      e = j + 1;
    } else if (is(j, "twenty") && is(j + 1, "-") && is(j + 2, "first")) {
      n = 21;
      e = j + 3;
    }
    if (n) {
      if (is(e, "-") && glued(e)) ++e;
      if (is(e, "century")) {
        f->value = format_century(n - 1);
        f->end = e + 1;
        return true;
      }
    }
    return false;
  }

  // this/last/next/past/coming + unit|weekday|month|season|weekend|part of day; the next day,
  // the following year, that year, the same day, the day before; earlier this year, later in
  // the day, later that day.
  bool match_relative(size_t i, Found* f) {
    f->type = TimexType::kDate;
    size_t j = i;
    bool edge = false;  // "earlier"/"later" prefix
    if (is(j, "earlier") || is(j, "later")) {
      edge = true;
      ++j;
      if (is(j, "in") && is(j + 1, "the")) {
        // later in the day / earlier in the week: the article's day/week/month/year
        const Unit u = unit_of(w(j + 2));
        if (u == Unit::kDay || u == Unit::kWeek || u == Unit::kMonth || u == Unit::kYear) {
          f->end = j + 3;
          return relative_unit(u, 0, /*from_previous=*/false, f);
        }
        return false;
      }
      if (is(j, "today") || is(j, "tonight")) {
        f->end = j + 1;
        return relative_unit(Unit::kDay, 0, false, f);
      }
    }
    int k = 0;
    bool from_previous = false, known = true;
    size_t x = j;
    if (is(j, "this") || is(j, "current")) {
      if (is(j + 1, "past")) {
        k = -1;
        x = j + 2;
      } else if (is(j + 1, "coming")) {
        k = 1;
        x = j + 2;
      } else {
        k = 0;
        x = j + 1;
      }
    } else if (is(j, "last") || is(j, "past") || is(j, "previous")) {
      k = -1;
      x = j + 1;
    } else if (is(j, "next") || is(j, "coming") || is(j, "upcoming")) {
      k = 1;
      x = j + 1;
    } else if (is(j, "that")) {
      from_previous = true;
      x = j + 1;
      if (is(x, "same")) ++x;
    } else if (is(j, "the")) {
      from_previous = true;
      if (is(j + 1, "next") || is(j + 1, "following")) {
        k = 1;
        x = j + 2;
      } else if (is(j + 1, "previous") || is(j + 1, "preceding")) {
        k = -1;
        x = j + 2;
      } else if (is(j + 1, "same")) {
        k = 0;
        x = j + 2;
      } else if (is(j + 1, "coming")) {
        from_previous = false;
        k = 1;
        x = j + 2;
      } else if ((is(j + 1, "past") || is(j + 1, "last")) && is(j + 2, "century")) {
        f->end = j + 3;  // the past century: the one before the article's
        return relative_unit(Unit::kCentury, -1, false, f);
      } else if (is(j + 1, "weekend")) {
        f->end = j + 2;  // the weekend: by tense, like "this weekend"
        return relative_weekend(0, j, false, f);
      } else if (!edge && unit_of(w(j + 1)) != Unit::kNone &&
                 (is(j + 2, "before") || is(j + 2, "after")) && !is_word(j + 3)) {
        // the day before, the year after
        bool plural = false;
        const Unit u = unit_of(w(j + 1), &plural);
        if (plural) return false;
        f->end = j + 3;
        return relative_unit(u, is(j + 2, "before") ? -1 : 1, true, f);
      } else {
        known = false;
      }
    } else {
      known = false;
    }
    if (!known) return false;
    if (edge && (from_previous ? !is(j, "that") : false)) return false;
    // What follows.
    bool plural = false;
    if (is(x, "weekend")) {
      f->end = x + 1;
      return relative_weekend(k, j, from_previous, f);
    }
    const Unit u = unit_of(w(x), &plural);
    if (u != Unit::kNone) {
      if (plural) return false;  // "the past three years" is a duration
      if (is(j, "past") || (is(j, "the") && (is(j + 1, "past")))) return false;
      if ((u == Unit::kHour || u == Unit::kMinute || u == Unit::kSecond)) return false;
      f->end = x + 1;
      // "the past/last week" read as durations elsewhere; "last week" is a date.
      return relative_unit(u, k, from_previous, f);
    }
    if (const char* pod = part_of_day(w(x))) {
      // this morning, last night, that evening, the next morning
      int64_t base = 0;
      TimeAnchor anchor;
      int shift = k;
      if (is(j, "last") && std::string_view(pod) == "NI")
        shift = -1;
      else if (is(j, "last"))
        return false;
      if (from_previous) {
        if (!previous_base(Granularity::kDay, &base, &anchor)) return unresolved_part(pod, x, f);
      } else if (ctx_->has_anchor) {
        base = ctx_->anchor_days;
        anchor = TimeAnchor::kArticle;
      } else {
        return unresolved_part(pod, x, f);
      }
      f->type = TimexType::kTime;
      f->anchor = anchor;
      f->value = format_day(civil_from_days(base + shift)) + "T" + pod;
      f->end = x + 1;
      return true;
    }
    if (from_previous) return false;
    if (const int wd = weekday_of(w(x), &plural); wd && !plural) {
      f->end = x + 1;
      if (!ctx_->has_anchor) {
        f->value = "XXXX-WXX-" + std::to_string(wd);
        f->anchor = TimeAnchor::kNone;
        return true;
      }
      f->anchor = TimeAnchor::kArticle;
      const int aw = iso_weekday(ctx_->anchor_days);
      int64_t day = 0;
      if (k < 0) {
        day = ctx_->anchor_days - ((aw - wd + 7) % 7 == 0 ? 7 : (aw - wd + 7) % 7);
      } else if (k > 0) {
        day = ctx_->anchor_days + ((wd - aw + 7) % 7 == 0 ? 7 : (wd - aw + 7) % 7);
      } else {
        day = weekday_days(wd, tense(i, f->end));
      }
      set_day(f, day);
      return true;
    }
    size_t me = 0;
    if (const int m = month_at(x, true, &me)) {
      f->end = me;
      if (!ctx_->has_anchor) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
        f->value = buf;
        f->anchor = TimeAnchor::kNone;
        return true;
      }
      f->anchor = TimeAnchor::kArticle;
      const Ymd& a = ctx_->anchor;
      int y = a.year;
      if (k < 0 && m >= a.month) y = a.year - 1;
      if (k > 0 && m <= a.month) y = a.year + 1;
      set_month(f, y, m);
      return true;
    }
    if (const char* season = season_of(w(x))) {
      f->end = x + 1;
      return relative_season(season, k, i, f);
    }
    return false;
  }

  bool unresolved_part(const char* pod, size_t x, Found* f) {
    f->type = TimexType::kTime;
    f->anchor = TimeAnchor::kNone;
    f->value = std::string("XXXX-XX-XXT") + pod;
    f->end = x + 1;
    return true;
  }

  bool relative_unit(Unit u, int k, bool from_previous, Found* f) {
    int64_t base = 0;
    TimeAnchor anchor = TimeAnchor::kArticle;
    if (from_previous) {
      if (!previous_base(unit_granularity(u), &base, &anchor)) {
        f->value = unresolved(u);
        f->anchor = TimeAnchor::kNone;
        return true;
      }
    } else if (ctx_->has_anchor) {
      base = ctx_->anchor_days;
    } else {
      f->value = unresolved(u);
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = anchor;
    f->value = shift_value(base, u, k, f);
    return true;
  }

  // The weekend (Saturday-Sunday) of ISO week w is "YYYY-Www-WE".
  bool relative_weekend(int k, size_t j, bool from_previous, Found* f) {
    int64_t base = 0;
    TimeAnchor anchor = TimeAnchor::kArticle;
    if (from_previous) {
      if (!previous_base(Granularity::kDay, &base, &anchor)) {
        f->value = "XXXX-WXX-WE";
        f->anchor = TimeAnchor::kNone;
        return true;
      }
    } else if (ctx_->has_anchor) {
      base = ctx_->anchor_days;
    } else {
      f->value = "XXXX-WXX-WE";
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = anchor;
    const int wd = iso_weekday(base);
    int64_t day = base;
    if (k < 0) {
      day = base - (wd >= 6 ? 7 : wd);  // the weekend before this week's
    } else if (k > 0) {
      day = base + (13 - wd);
    } else if (!from_previous) {
      const Tense t = tense(j, f->end);
      if (t == Tense::kFuture || wd >= 6)
        day = base + (6 - wd);
      else
        day = base - wd;  // past or present: the weekend just gone
    }
    f->value = format_week_of(day) + "-WE";
    return true;
  }

  bool relative_season(const char* season, int k, size_t j, Found* f) {
    if (!ctx_->has_anchor) {
      f->value = std::string("XXXX-") + season;
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = TimeAnchor::kArticle;
    const Ymd& a = ctx_->anchor;
    const int start = season_start_month(season);
    // The season containing or most recently before the anchor, named by its start year.
    int y = a.year;
    if (start == 12) {
      if (a.month <= 2)
        y = a.year - 1;
      else if (a.month < 12)
        y = a.year - 1;  // the last winter that began
    } else if (a.month < start) {
      y = a.year - 1;
    }
    const bool contains =
        start == 12 ? (a.month == 12 || a.month <= 2) : (a.month >= start && a.month < start + 3);
    if (k < 0) {
      if (contains) --y;
    } else if (k > 0) {
      ++y;
    } else {
      const Tense t = tense(j, f->end);
      if (!contains && t == Tense::kFuture) ++y;
    }
    f->value = format_year(y) + "-" + season;
    return true;
  }

  // N units ago / back / earlier / later / from now; a few years ago -> PAST_REF.
  bool match_ago(size_t i, Found* f) {
    size_t e = 0;
    std::string frac;
    int n = number_at(i, /*allow_article=*/true, &e, &frac);
    Unit u = Unit::kNone;
    bool plural = false;
    size_t ue = 0;
    if (n != 0) {
      u = unit_of(w(e), &plural);
      ue = e + 1;
    }
    if (u == Unit::kNone) {
      // bare plural: "years ago", "decades earlier"
      u = unit_of(w(i), &plural);
      if (u == Unit::kNone || !plural) return false;
      n = kVague;
      ue = i + 1;
    }
    if (!frac.empty()) return false;
    const std::string_view x = w(ue);
    int sign = 0;
    bool from_previous = false;
    size_t end = ue + 1;
    if (x == "ago" || x == "back") {
      sign = -1;
    } else if (x == "from" && is(ue + 1, "now")) {
      sign = 1;
      end = ue + 2;
    } else if ((x == "earlier" || x == "later" || x == "before" || x == "after") &&
               !is_word(ue + 1) && !is_num(ue + 1)) {
      sign = (x == "later" || x == "after") ? 1 : -1;
      from_previous = true;
    } else {
      return false;
    }
    if (x == "back" && u < Unit::kDay) return false;
    if (n == kVague && from_previous) return false;  // "years later": no usable value
    // "six minutes later" dates an event against another event, not a calendar day: the
    // duration rule takes "six minutes".
    if (from_previous && u < Unit::kDay) return false;
    f->type = TimexType::kDate;
    f->end = end;
    if (n == kVague) {
      f->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
      f->anchor = ctx_->has_anchor ? TimeAnchor::kArticle : TimeAnchor::kNone;
      return true;
    }
    int64_t base = 0;
    TimeAnchor anchor = TimeAnchor::kArticle;
    if (from_previous) {
      if (!previous_base(unit_granularity(u), &base, &anchor)) {
        f->value = unresolved(u);
        f->anchor = TimeAnchor::kNone;
        return true;
      }
    } else if (ctx_->has_anchor) {
      base = ctx_->anchor_days;
    } else {
      f->value = unresolved(u == Unit::kDecade || u == Unit::kCentury ? Unit::kYear : u);
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = anchor;
    f->value = ago_value(base, u, sign * n, f);
    return true;
  }

  // 10:41 a.m. EDT, 22:30, 3 p.m., 3pm, noon, midnight.
  bool match_time(size_t i, Found* f) {
    int h = -1, mi = 0, s = -1;
    size_t e = i;
    if (is_num(i) && digits(i) <= 2 && num(i) <= 24 && is(i + 1, ":") && glued(i + 1) &&
        is_num(i + 2) && glued(i + 2) && digits(i + 2) == 2 && num(i + 2) < 60 &&
        !(i > 0 && glued(i) && (is_num(i - 1) || is(i - 1, ":")))) {
      h = num(i);
      mi = num(i + 2);
      e = i + 3;
      if (is(e, ":") && glued(e) && is_num(e + 1) && digits(e + 1) == 2 && num(e + 1) < 60) {
        s = num(e + 1);
        e += 2;
      }
      if (is(e, ":") || (is(e, "-") && glued(e) && is_num(e + 1))) return false;  // score, range
    } else if (is_num(i) && digits(i) <= 2 && num(i) >= 1 && num(i) <= 12 &&
               !(i > 0 && glued(i) && (is_num(i - 1) || is_punct(i - 1)))) {
      h = num(i);
      e = i + 1;
    } else if (is(i, "noon") || is(i, "midday") || is(i, "midnight")) {
      h = is(i, "midnight") ? 24 : 12;
      e = i + 1;
      if (!(i > 0 && (is(i - 1, "at") || is(i - 1, "by") || is(i - 1, "until") ||
                      is(i - 1, "before") || is(i - 1, "after") || is(i - 1, "around") ||
                      is(i - 1, "from") || is(i - 1, "till") || is(i - 1, "past"))))
        return false;
    } else {
      return false;
    }
    // a.m. / p.m. / am / pm / o'clock
    bool meridian = false;
    if (is(e, "am") || is(e, "pm")) {
      if (is(e, "pm") && h < 12) h += 12;
      if (is(e, "am") && h == 12) h = 0;
      meridian = true;
      ++e;
    } else if ((is(e, "a") || is(e, "p")) && is(e + 1, ".") && glued(e + 1) && is(e + 2, "m") &&
               glued(e + 2)) {
      if (is(e, "p") && h < 12) h += 12;
      if (is(e, "a") && h == 12) h = 0;
      meridian = true;
      e += 3;
      if (is(e, ".") && glued(e)) ++e;
    } else if (is(e, "o") && is(e + 1, "'") && is(e + 2, "clock")) {
      meridian = true;
      e += 3;
    }
    if (e == i + 1 && !meridian && !is(i, "noon") && !is(i, "midday") && !is(i, "midnight"))
      return false;
    if (!meridian && e == i + 3 &&
        !(i > 0 &&
          (is(i - 1, "at") || is(i - 1, "by") || is(i - 1, "until") || is(i - 1, "from") ||
           is(i - 1, "before") || is(i - 1, "after") || is(i - 1, "around") || is(i - 1, "to") ||
           is(i - 1, "of") || is(i - 1, "till") || is(i - 1, "since") || is(i - 1, "about"))) &&
        !(is_word(e) && p_[e].all_caps && zone_offset(w(e))))
      return false;  // a bare "3:1" is more often a score or a ratio
    std::string zone;
    if (is_word(e) && p_[e].all_caps && zone_offset(w(e))) {
      zone = zone_offset(w(e));
      ++e;
    }
    // Base day: a day-precision date earlier in this sentence, else the article date.
    std::string day;
    if (sentence_day_.granularity == Granularity::kDay) {
      day = format_day(sentence_day_.date);
      f->anchor = TimeAnchor::kPrevious;
    } else if (ctx_->has_anchor) {
      day = format_day(ctx_->anchor);
      f->anchor = TimeAnchor::kArticle;
    } else {
      day = "XXXX-XX-XX";
      f->anchor = TimeAnchor::kNone;
    }
    char buf[32];
    if (h == 24) h = 0;
    if (s >= 0)
      std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, s);
    else
      std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
    f->type = TimexType::kTime;
    f->value = day + buf + zone;
    f->end = e;
    return true;
  }

  // 48 hours, three years, a 48-hour ceasefire, for years, the past 30 days.
  bool match_duration(size_t i, Found* f) {
    f->type = TimexType::kDuration;
    f->anchor = TimeAnchor::kAbsolute;
    size_t j = i;
    bool lead = false;
    // "the past/last/next/first N units": the determiner phrase is part of the expression.
    if (is(j, "the") && (is(j + 1, "past") || is(j + 1, "last") || is(j + 1, "next") ||
                         is(j + 1, "first") || is(j + 1, "coming") || is(j + 1, "previous"))) {
      j += 2;
      lead = true;
    }
    size_t e = 0;
    std::string frac;
    const std::string_view before = i > 0 ? w(i - 1) : "";
    const bool article_ok = lead || before == "for" || before == "within" || before == "over" ||
                            before == "about" || before == "nearly" || before == "almost" ||
                            before == "than" || before == "after" || before == "just" ||
                            before == "only" || before == "least" || before == "around" ||
                            before == "roughly" || before == "entire" || before == "whole" ||
                            before == "full" || before == "some" || before == "approximately";
    int n = number_at(j, article_ok, &e, &frac);
    bool plural = false;
    if (n == 0 && lead) {
      // "the past week", "the last year": one unit back from now.
      const Unit u = unit_of(w(j), &plural);
      if (u != Unit::kNone && !plural && u != Unit::kCentury) {
        f->value = duration_value(1, u);
        f->end = j + 1;
        return true;
      }
      return false;
    }
    if (n == 0) {
      // "for years", "for decades", "the past few days" handled by number_at's vague forms.
      if (!lead && (before == "for" || before == "over" || before == "within")) {
        const Unit u = unit_of(w(j), &plural);
        if (u != Unit::kNone && plural && u >= Unit::kHour) {
          f->value = duration_value(kVague, u);
          f->end = j + 1;
          return true;
        }
      }
      return false;
    }
    if (n == kVague && !lead && !article_ok && !is(j, "a") && !is(j, "several") && !is(j, "few"))
      return false;  // "some years", "many days" stay untagged outside duration contexts
    // A year is not a number of units ("2003 years" is rare; "1,426 pilgrims" has no unit).
    size_t u_at = e;
    bool hyphen = false;
    if (is(u_at, "-") && glued(u_at) && n != kVague) {
      ++u_at;
      hyphen = true;
    }
    const Unit u = unit_of(w(u_at), &plural);
    if (u == Unit::kNone) return false;
    if (hyphen && plural) return false;
    if (is_num(j) && digits(j) >= 4 && !plural) return false;  // "2018 day five"
    // Ages: "13-year-old", "a 13 year old"
    if (is(u_at + 1, "old") || (is(u_at + 1, "-") && is(u_at + 2, "old"))) return false;
    if (n == 1 && plural && !is_num(j)) return false;  // "a years" is not English
    f->value = duration_value(n, u, frac);
    f->end = u_at + 1;
    if (!lead) f->begin = i;
    return true;
  }

  // Friday, on Friday, early Friday, Thursday night.
  bool match_weekday(size_t i, Found* f) {
    size_t j = skip_modifier(i);
    bool plural = false;
    const int wd = weekday_of(w(j), &plural);
    if (!wd || plural || !is_word(j) || !p_[j].capitalized) return false;
    if (i > 0 && is(i - 1, "a")) return false;  // "on a Monday": generic
    size_t e = j + 1;
    const char* pod = part_of_day(w(e));
    if (pod && p_[e].capitalized && is_word(e + 1) && p_[e + 1].capitalized) return false;
    if (pod) ++e;
    f->end = e;
    f->type = pod ? TimexType::kTime : TimexType::kDate;
    const std::string suffix = pod ? std::string("T") + pod : std::string();
    if (!ctx_->has_anchor) {
      f->value = "XXXX-WXX-" + std::to_string(wd) + suffix;
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = TimeAnchor::kArticle;
    set_day(f, weekday_days(wd, tense(i, e)));
    f->value += suffix;
    return true;
  }

  // In July, early March, the end of May: the month's year by tense.
  bool match_month_alone(size_t i, Found* f) {
    const size_t j = skip_modifier(i);
    size_t e = 0;
    const int m = month_at(j, /*strong=*/j != i, &e);
    if (!m) return false;
    // "May" as a modal or name without a cue was rejected by month_at; plain months need a
    // capital, which month_at required.
    f->type = TimexType::kDate;
    f->end = e;
    // "July of 2014" was handled by match_absolute; "July 2014" likewise.
    if (!ctx_->has_anchor) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
      f->value = buf;
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = TimeAnchor::kArticle;
    set_month(f, month_year(m, tense(i, e)), m);
    return true;
  }

  // (the) summer (of) 2014, in the winter, in spring.
  bool match_season(size_t i, Found* f) {
    size_t j = i;
    const bool the = is(j, "the");
    if (the) ++j;
    j = skip_modifier(j);
    const char* season = season_of(w(j));
    if (!season) return false;
    bool plural = w(j).back() == 's';
    // "the Summer Olympics", "Winter Paralympics": a capitalized season before a capitalized
    // word is a name.
    if (p_[j].capitalized && is_word(j + 1) && p_[j + 1].capitalized) return false;
    size_t e = j + 1;
    size_t k = e;
    if (is(k, "of")) ++k;
    size_t ye = 0;
    f->type = TimexType::kDate;
    if (const int y = year_at(k, &ye); y && !plural) {
      f->anchor = TimeAnchor::kAbsolute;
      f->value = format_year(y) + "-" + season;
      f->end = ye;
      return true;
    }
    // A bare season needs a temporal cue before it: "in (the) summer", "during the winter".
    const size_t cue = i > 0 ? i - 1 : size();
    if (is(e, "of")) return false;  // "the fall of Rome"
    if (plural || !(the || j != i ||
                    (cue < size() && (is(cue, "in") || is(cue, "during") || is(cue, "since") ||
                                      is(cue, "until") || is(cue, "by")))))
      return false;
    if (cue < size() &&
        !(is(cue, "in") || is(cue, "during") || is(cue, "since") || is(cue, "until") ||
          is(cue, "by") || is(cue, "through") || is(cue, "this") || is(cue, "over")))
      return false;
    f->end = e;
    return relative_season(season, 0, i, f);
  }

  // in 2003, the 2003 invasion, mid-2020, early 2016.
  bool match_year(size_t i, Found* f) {
    const size_t j = skip_modifier(i);
    size_t e = 0;
    const int y = year_at(j, &e);
    if (!y) return false;
    if (i > 0 && glued(j) && j == i && (is_num(j - 1) || is_punct(j - 1)) && !is(j - 1, "(") &&
        !is(j - 1, "\"") && !is(j - 1, "'") &&
        !(is(j - 1, "-") && j >= 2 && is_num(j - 2) && digits(j - 2) == 4))
      return false;  // "$2000", "#2003", "1-2000"; "1997-1998" keeps both years
    if (i > 0 && (is(i - 1, "$") || is(i - 1, "£") || is(i - 1, "€") || is(i - 1, "usd") ||
                  is(i - 1, "number") || is(i - 1, "no") || is(i - 1, "route") ||
                  is(i - 1, "flight") || is(i - 1, "room") || is(i - 1, "page") ||
                  is(i - 1, "pages") || is(i - 1, "model") || is(i - 1, "version")))
      return false;
    if (is(e, "%") || is(e, "+") || is_quantity_noun(w(e))) return false;
    // "over 1000 featured articles", "of 1709 schoolchildren": a count before a plural noun,
    // unless a determiner or temporal preposition makes it a year ("the 2014 protests").
    const std::string_view prev = i > 0 ? w(i - 1) : "";
    const bool year_context =
        prev.empty() || prev == "the" || prev == "in" || prev == "since" || prev == "until" ||
        prev == "by" || prev == "during" || prev == "from" || prev == "to" || prev == "through" ||
        prev == "and" || prev == "or" || prev == "s" || prev == "its" || prev == "their" ||
        prev == "his" || prev == "her" || prev == "before" || prev == "after" || prev == "of" ||
        prev == "(" || prev == "," || prev == "-";
    for (size_t k = e; k < e + 2 && is_word(k); ++k) {
      const std::string_view nx = w(k);
      const bool plural_noun = !p_[k].capitalized && nx.size() > 3 && nx.back() == 's' &&
                               nx[nx.size() - 2] != 's' && nx[nx.size() - 2] != 'u';
      if (plural_noun && !year_context) return false;
    }
    if (is(e, "-") && (is(e + 1, "year") || is(e + 1, "old"))) return false;
    f->type = TimexType::kDate;
    f->anchor = TimeAnchor::kAbsolute;
    set_year(f, y);
    f->end = e;
    return true;
  }

  // today, tonight, yesterday, tomorrow (+ morning/afternoon/evening/night), overnight.
  bool match_deictic(size_t i, Found* f) {
    int shift = 0;
    const char* pod = nullptr;
    if (is(i, "today")) {
      shift = 0;
    } else if (is(i, "yesterday")) {
      shift = -1;
    } else if (is(i, "tomorrow")) {
      shift = 1;
    } else if (is(i, "tonight")) {
      pod = "NI";
    } else if (is(i, "overnight")) {
      // The night before the article's day, or the coming night in a future clause.
      pod = "NI";
      shift = tense(i, i + 1) == Tense::kFuture ? 0 : -1;
    } else {
      return false;
    }
    size_t e = i + 1;
    if (!pod) {
      if (const char* p = part_of_day(w(e))) {
        pod = p;
        ++e;
      }
    }
    f->type = pod ? TimexType::kTime : TimexType::kDate;
    f->end = e;
    const std::string suffix = pod ? std::string("T") + pod : std::string();
    if (!ctx_->has_anchor) {
      f->value = "XXXX-XX-XX" + suffix;
      f->anchor = TimeAnchor::kNone;
      return true;
    }
    f->anchor = TimeAnchor::kArticle;
    if (is(i, "today") && !pod && tense(i, e) == Tense::kPresent) {
      f->value = "PRESENT_REF";  // "as strong today as ever": nowadays, not the article's day
      return true;
    }
    set_day(f, ctx_->anchor_days + shift);
    f->value += suffix;
    return true;
  }

  void emit(const Found& f, std::vector<Timex>* out) {
    Timex t;
    t.span = Span{p_[f.begin].span.begin, p_[f.end - 1].span.end};
    t.type = f.type;
    t.value = f.value;
    t.anchor = f.anchor;
    t.sentence = sentence_;
    out->push_back(std::move(t));
    if (f.type == TimexType::kDate && f.granularity != Granularity::kNone) {
      ctx_->previous = f.granularity;
      ctx_->previous_date = f.date;
      if (f.granularity == Granularity::kDay) sentence_day_ = f;
    }
  }

  const Document& doc_;
  uint32_t sentence_;
  MatchContext* ctx_;
  std::vector<Piece> p_;
  Found sentence_day_;  // the last day-precision date of this sentence
};

}  // namespace

void match_sentence(const Document& doc, uint32_t sentence, MatchContext* context,
                    std::vector<Timex>* out) {
  Matcher(doc, sentence, context).run(out);
}

}  // namespace casus::time
