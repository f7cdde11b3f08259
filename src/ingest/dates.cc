#include "ingest/dates.h"

#include <array>
#include <cstdio>

namespace casus::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// A forward-only reader over the input.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return pos_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
  size_t pos() const { return pos_; }
  void reset(size_t pos) { pos_ = pos; }
  void skip_spaces() {
    while (!done() && is_space(s_[pos_])) ++pos_;
  }
  bool eat(char c) {
    if (peek() != c || done()) return false;
    ++pos_;
    return true;
  }
  // Reads up to `max` digits (at least `min`); fails without moving when fewer.
  bool number(size_t min, size_t max, int* out) {
    size_t n = 0;
    int v = 0;
    while (n < max && is_digit(peek(n))) v = v * 10 + (peek(n++) - '0');
    if (n < min || is_digit(peek(n))) return false;
    pos_ += n;
    *out = v;
    return true;
  }
  // Reads a run of ASCII letters (possibly empty).
  std::string_view word() {
    const size_t begin = pos_;
    while (!done() && is_alpha(s_[pos_])) ++pos_;
    return s_.substr(begin, pos_ - begin);
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_weekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  static constexpr std::string_view kShort[] = {"mon",  "tue",   "tues", "wed", "thu",
                                                "thur", "thurs", "fri",  "sat", "sun"};
  for (auto d : kDays) {
    if (iequals(w, d)) return true;
  }
  for (auto d : kShort) {
    if (iequals(w, d)) return true;
  }
  return false;
}

// Skips "st", "nd", "rd", "th" after a day number.
void skip_ordinal(Cursor& c) {
  const size_t at = c.pos();
  const std::string_view w = c.word();
  if (!(iequals(w, "st") || iequals(w, "nd") || iequals(w, "rd") || iequals(w, "th"))) c.reset(at);
}

// Reads a month name (and an optional period after it).
bool month_name(Cursor& c, int* month) {
  const size_t at = c.pos();
  const int m = month_from_name(c.word());
  if (m == 0) {
    c.reset(at);
    return false;
  }
  c.eat('.');
  *month = m;
  return true;
}

bool year4(Cursor& c, int* year) { return c.number(4, 4, year); }

// After the date itself: nothing, or a time of day with an optional zone. Consumes to the end on
// success.
bool time_tail(Cursor& c) {
  c.skip_spaces();
  if (c.done()) return true;
  // Separators between date and time.
  if (c.peek() == ',' || c.peek() == '|' || c.peek() == '-' || c.peek() == 'T' || c.peek() == 't' ||
      c.peek() == '@') {
    // "T" must be followed by a digit (ISO); a "-" or "|" by a time.
    if ((c.peek() == 'T' || c.peek() == 't') && !is_digit(c.peek(1))) {
      // Could be a zone-less word like "Thursday"; not a time.
      return false;
    }
    c.reset(c.pos() + 1);
    c.skip_spaces();
  } else {
    const size_t at = c.pos();
    if (!iequals(c.word(), "at")) c.reset(at);
    c.skip_spaces();
  }
  int h = 0, m = 0, sec = 0;
  if (!c.number(1, 2, &h) || h > 24) return false;
  bool have_minutes = false;
  if (c.eat(':') || c.eat('.')) {
    if (!c.number(2, 2, &m) || m > 59) return false;
    have_minutes = true;
    if (c.eat(':')) {
      if (!c.number(2, 2, &sec) || sec > 60) return false;
      if (c.eat('.') || c.eat(',')) {
        int frac = 0;
        if (!c.number(1, 9, &frac)) return false;
      }
    }
  }
  c.skip_spaces();
  // am / pm / a.m. / p.m.
  bool have_ampm = false;
  {
    const size_t at = c.pos();
    const char a = to_lower(c.peek());
    if (a == 'a' || a == 'p') {
      c.reset(at + 1);
      c.eat('.');
      if (to_lower(c.peek()) == 'm' && !is_alpha(c.peek(1))) {
        c.reset(c.pos() + 1);
        c.eat('.');
        have_ampm = true;
      } else {
        c.reset(at);
      }
    }
  }
  if (!have_minutes && !have_ampm) return false;  // a bare number is not a time
  c.skip_spaces();
  // Zone: Z, +hh:mm, -hhmm, letters (EDT, GMT, UTC, ET, AEST) optionally with an offset, or
  // any of these in parentheses.
  const bool paren = c.eat('(');
  c.skip_spaces();
  if (c.peek() == 'Z' && !is_alpha(c.peek(1))) {
    c.reset(c.pos() + 1);
  } else {
    const size_t at = c.pos();
    const std::string_view zone = c.word();
    if (zone.size() > 5) c.reset(at);
    for (char ch : zone) {
      if (!(ch >= 'A' && ch <= 'Z')) {
        c.reset(at);
        break;
      }
    }
  }
  if (c.peek() == '+' || c.peek() == '-' || c.peek() == '\xE2') {
    // U+2212 MINUS SIGN is E2 88 92.
    if (c.peek() == '\xE2') {
      if (c.peek(1) != '\x88' || c.peek(2) != '\x92') return false;
      c.reset(c.pos() + 2);
    }
    c.reset(c.pos() + 1);
    int offset = 0;
    if (c.number(4, 4, &offset)) {
      // +hhmm
    } else {
      if (!c.number(1, 2, &offset)) return false;
      if (c.eat(':') && !c.number(2, 2, &offset)) return false;
    }
  }
  c.skip_spaces();
  if (paren && !c.eat(')')) return false;
  c.skip_spaces();
  return c.done();
}

bool finish(Cursor& c, const DateParts& d, bool year_optional, DateParts* out) {
  if (d.year == 0 && !year_optional) return false;
  if (!is_valid_date(d)) return false;
  if (!time_tail(c)) return false;
  *out = d;
  return true;
}

// ISO 8601 and year-first numeric forms: 2023-05-03, 2023/05/03, 2023.05.03.
bool parse_year_first(Cursor c, DateParts* out) {
  DateParts d;
  if (!year4(c, &d.year)) return false;
  const char sep = c.peek();
  if (sep != '-' && sep != '/' && sep != '.') return false;
  c.reset(c.pos() + 1);
  if (!c.number(1, 2, &d.month) || !c.eat(sep) || !c.number(1, 2, &d.day)) return false;
  return finish(c, d, false, out);
}

// "3 May 2023", "3rd of May, 2023", "3 May" (year optional).
bool parse_day_first(Cursor c, bool year_optional, DateParts* out) {
  DateParts d;
  if (!c.number(1, 2, &d.day)) return false;
  skip_ordinal(c);
  c.eat('.');
  c.skip_spaces();
  {
    const size_t at = c.pos();
    if (iequals(c.word(), "of")) {
      c.skip_spaces();
    } else {
      c.reset(at);
    }
  }
  if (!month_name(c, &d.month)) return false;
  const size_t after_month = c.pos();
  c.eat(',');
  c.skip_spaces();
  if (!year4(c, &d.year)) {
    c.reset(after_month);
    d.year = 0;
  }
  return finish(c, d, year_optional, out);
}

// "May 3, 2023", "Sept. 1 2015", "May 3rd, 2023", "May 3" (year optional).
bool parse_month_first(Cursor c, bool year_optional, DateParts* out) {
  DateParts d;
  if (!month_name(c, &d.month)) return false;
  c.skip_spaces();
  if (!c.number(1, 2, &d.day)) return false;
  skip_ordinal(c);
  const size_t after_day = c.pos();
  c.eat(',');
  c.skip_spaces();
  if (!year4(c, &d.year)) {
    c.reset(after_day);
    d.year = 0;
  }
  return finish(c, d, year_optional, out);
}

// "25/12/2015", "12/25/2015", "25.12.2015": only when exactly one reading is valid.
bool parse_numeric(Cursor c, DateParts* out) {
  int a = 0, b = 0;
  DateParts d;
  if (!c.number(1, 2, &a)) return false;
  const char sep = c.peek();
  if (sep != '/' && sep != '.' && sep != '-') return false;
  c.reset(c.pos() + 1);
  if (!c.number(1, 2, &b) || !c.eat(sep) || !year4(c, &d.year)) return false;
  const DateParts dm{d.year, b, a};
  const DateParts md{d.year, a, b};
  const bool dm_ok = is_valid_date(dm), md_ok = is_valid_date(md);
  if (dm_ok == md_ok) return false;  // ambiguous (01/09/2015) or invalid
  return finish(c, dm_ok ? dm : md, false, out);
}

}  // namespace

int month_from_name(std::string_view word) {
  if (word.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    const std::string_view full = kMonths[i];
    if (iequals(word, full)) return static_cast<int>(i) + 1;
    // Abbreviations: the first three letters, and "Sept".
    if (word.size() == 3 && iequals(word, full.substr(0, 3))) return static_cast<int>(i) + 1;
  }
  if (iequals(word, "sept")) return 9;
  return 0;
}

bool is_valid_date(const DateParts& d) {
  if (d.year != 0 && (d.year < 1000 || d.year > 2999)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.day > kDays[d.month - 1]) return false;
  if (d.month == 2 && d.day == 29 && d.year != 0) {
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::string format_date(const DateParts& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<DateParts> parse_date_parts(std::string_view s, bool year_optional) {
  // Trim; a trailing period or comma ends many datelines ("3 May 2023.").
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == ',' || s.back() == ';'))
    s.remove_suffix(1);
  if (s.empty() || s.size() > 200) return std::nullopt;
  Cursor c(s);
  // An optional weekday: "Wednesday, ", "Wed. ".
  {
    const size_t at = c.pos();
    const std::string_view w = c.word();
    if (!w.empty() && is_weekday(w)) {
      c.eat('.');
      c.eat(',');
      c.skip_spaces();
      if (c.done()) return std::nullopt;
    } else {
      c.reset(at);
    }
  }
  // A trailing period after a year ("3 May 2023.") is dropped; after an abbreviation it is part
  // of the month and the grammar handles it.
  std::string_view rest = s.substr(c.pos());
  if (rest.size() > 1 && rest.back() == '.' && is_digit(rest[rest.size() - 2]))
    rest.remove_suffix(1);
  DateParts d;
  const Cursor r(rest);
  if (parse_year_first(r, &d) || parse_day_first(r, year_optional, &d) ||
      parse_month_first(r, year_optional, &d) || parse_numeric(r, &d))
    return d;
  return std::nullopt;
}

std::optional<std::string> parse_date(std::string_view s) {
  const auto d = parse_date_parts(s, false);
  if (!d) return std::nullopt;
  return format_date(*d);
}

}  // namespace casus::ingest
