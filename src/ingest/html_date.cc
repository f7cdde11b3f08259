#include "ingest/html_date.h"

#include "ingest/dates.h"

namespace casus::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at s[i]; -1 when there is none or when more digits follow.
int read_number(std::string_view s, size_t& i, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (i < s.size() && is_digit(s[i]) && n < max_digits) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (n == 0) return -1;
  if (i < s.size() && is_digit(s[i])) return -1;
  return v;
}

// A date with a year in [min_year, max_year].
bool valid_in(const DateParts& d, int min_year, int max_year) {
  return d.year >= min_year && d.year <= max_year && is_valid_date(d);
}

}  // namespace

std::string normalize_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() < 6 || s.size() > 64) return {};
  // Compact YYYYMMDD (meta tags such as "dc.date" and "sailthru.date" use it), optionally
  // followed by a time. Everything else is the shared date parser's (dates.h).
  if (s.size() >= 8 && (s.size() == 8 || s[8] == 'T' || s[8] == 't' || s[8] == ' ')) {
    bool all = true;
    for (size_t k = 0; k < 8; ++k) all = all && is_digit(s[k]);
    if (all) {
      const DateParts d{(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                        (s[4] - '0') * 10 + (s[5] - '0'), (s[6] - '0') * 10 + (s[7] - '0')};
      return valid_in(d, 1800, 2200) ? format_date(d) : std::string();
    }
  }
  const std::optional<DateParts> d = parse_date_parts(s);
  return d && valid_in(*d, 1800, 2200) ? format_date(*d) : std::string();
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
    const DateParts date{y, m, d};
    if (valid_in(date, 1990, 2100)) return format_date(date);
  }
  return {};
}

}  // namespace casus::ingest
