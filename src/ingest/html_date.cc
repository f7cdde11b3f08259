#include "ingest/html_date.h"

#include <cctype>
#include <cstdio>

namespace casus::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool valid_ymd(int y, int m, int d, int min_year, int max_year) {
  if (y < min_year || y > max_year || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) days = 29;
  return d <= days;
}

std::string format_ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads 1..max_digits digits at s[i]; returns -1 when there is none.
int read_number(std::string_view s, size_t& i, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (i < s.size() && is_digit(s[i]) && n < max_digits) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (n == 0) return -1;
  if (i < s.size() && is_digit(s[i])) return -1;  // more digits than allowed
  return v;
}

// Month from an English month name or abbreviation at s[i]; 0 when there is none.
int read_month_name(std::string_view s, size_t& i) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t end = i;
  while (end < s.size() && is_alpha(s[end])) ++end;
  if (end - i < 3) return 0;
  std::string word;
  for (size_t k = i; k < end; ++k) word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  for (int m = 0; m < 12; ++m) {
    if (word.compare(0, 3, kMonths[m]) == 0) {
      i = end;
      if (i < s.size() && s[i] == '.') ++i;
      return m + 1;
    }
  }
  return 0;
}

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '\n')) ++i;
}

}  // namespace

std::string normalize_date(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.size() < 6 || s.size() > 64) return {};
  size_t i = 0;
  if (is_digit(s[0])) {
    // Compact YYYYMMDD.
    if (s.size() >= 8 && (s.size() == 8 || !is_digit(s[8]))) {
      bool all = true;
      for (size_t k = 0; k < 8; ++k) all = all && is_digit(s[k]);
      if (all) {
        const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        const int m = (s[4] - '0') * 10 + (s[5] - '0');
        const int d = (s[6] - '0') * 10 + (s[7] - '0');
        if ((s.size() == 8 || s[8] == 'T' || s[8] == 't' || s[8] == ' ') &&
            valid_ymd(y, m, d, 1800, 2200))
          return format_ymd(y, m, d);
        return {};
      }
    }
    const int first = read_number(s, i, 4);
    if (first < 0) return {};
    if (i == 4 && i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
      // Y-M-D
      const char sep = s[i++];
      const int m = read_number(s, i, 2);
      if (m < 0 || i >= s.size() || s[i] != sep) return {};
      ++i;
      const int d = read_number(s, i, 2);
      if (d < 0) return {};
      if (i < s.size() && s[i] != 'T' && s[i] != 't' && s[i] != ' ' && s[i] != 'Z' &&
          s[i] != '+' && s[i] != ',')
        return {};
      return valid_ymd(first, m, d, 1800, 2200) ? format_ymd(first, m, d) : std::string();
    }
    // D Month YYYY
    if (i <= 2) {
      if (i + 1 < s.size() && (s.compare(i, 2, "st") == 0 || s.compare(i, 2, "nd") == 0 ||
                               s.compare(i, 2, "rd") == 0 || s.compare(i, 2, "th") == 0))
        i += 2;
      skip_spaces(s, i);
      if (i < s.size() && (s[i] == '-')) ++i;
      const int m = read_month_name(s, i);
      if (m == 0) return {};
      if (i < s.size() && s[i] == '-') ++i;
      skip_spaces(s, i);
      const int y = read_number(s, i, 4);
      if (i < s.size() && is_digit(s[i])) return {};
      return valid_ymd(y, m, first, 1800, 2200) ? format_ymd(y, m, first) : std::string();
    }
    return {};
  }
  // Optional weekday ("Wed, "), then "03 May 2023" or "May 3, 2023".
  size_t j = 0;
  while (j < s.size() && is_alpha(s[j])) ++j;
  {
    size_t k = 0;
    if (read_month_name(s, k) == 0 && j < s.size() && (s[j] == ',' || s[j] == ' ')) {
      i = j;
      skip_spaces(s, i);
    }
  }
  if (i < s.size() && is_digit(s[i])) return normalize_date(s.substr(i));
  const int m = read_month_name(s, i);
  if (m == 0) return {};
  skip_spaces(s, i);
  const int d = read_number(s, i, 2);
  if (d < 0) return {};
  if (i + 1 < s.size() && (s.compare(i, 2, "st") == 0 || s.compare(i, 2, "nd") == 0 ||
                           s.compare(i, 2, "rd") == 0 || s.compare(i, 2, "th") == 0))
    i += 2;
  skip_spaces(s, i);
  const int y = read_number(s, i, 4);
  return valid_ymd(y, m, d, 1800, 2200) ? format_ymd(y, m, d) : std::string();
}

std::string date_from_url(std::string_view url) {
  // Only the path: skip "scheme://host".
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  const size_t query = url.find_first_of("?#", start);
  const std::string_view path = url.substr(start, query == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : query - start);
  for (size_t i = 0; i + 5 <= path.size(); ++i) {
    if (path[i] != '/') continue;
    size_t k = i + 1;
    const int y = read_number(path, k, 4);
    if (y < 0 || k != i + 5 || k >= path.size() || (path[k] != '/' && path[k] != '-')) continue;
    const char sep = path[k++];
    const int m = read_number(path, k, 2);
    if (m < 0 || k >= path.size() || path[k] != sep) continue;
    ++k;
    const int d = read_number(path, k, 2);
    if (d < 0) continue;
    if (k < path.size() && path[k] != '/' && path[k] != '-' && path[k] != '.' && path[k] != '_')
      continue;
    if (valid_ymd(y, m, d, 1990, 2100)) return format_ymd(y, m, d);
  }
  return {};
}

}  // namespace casus::ingest
