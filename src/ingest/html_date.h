// Date normalization shared by the HTML, JSON Lines and WARC readers. Pure functions.
#ifndef CASUS_INGEST_HTML_DATE_H_
#define CASUS_INGEST_HTML_DATE_H_

#include <string>
#include <string_view>

namespace casus::ingest {

// "YYYY-MM-DD" for a date in a meta tag or JSON-LD field: every form the shared parser accepts
// (dates.h: ISO 8601 dates and datetimes, RFC 822/1123, "May 3, 2023", "3 May 2023", ...) plus
// compact YYYYMMDD. The calendar date is taken as written (no time zone shift). Empty when `s` is
// not a valid date between the years 1800 and 2200.
std::string normalize_date(std::string_view s);

// The date in a URL path like ".../2023/05/03/slug" or ".../2023-05-03-slug"; empty if none.
std::string date_from_url(std::string_view url);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_DATE_H_
