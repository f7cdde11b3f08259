// Article metadata heuristics shared by the readers: title lines, bylines, date lines, news
// datelines ("MOSCOW (Reuters) - ") and trailing boilerplate.
//
// Every function takes plain text (markup already removed by the caller) and is a pure function of
// its arguments: stateless, thread-safe, never throws, cost linear in the input (each looks at
// one short line or paragraph). Inputs may hold invalid UTF-8; bytes >= 0x80 are treated as
// letters, and nothing is ever cut inside a multi-byte sequence.
#ifndef CASUS_INGEST_METADATA_H_
#define CASUS_INGEST_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/dates.h"

namespace casus::ingest {

// A byline: "By Jane Doe, John Roe and Ann Smith", "Andre Damon", "Wikinews",
// "Jane Doe, Reuters" (agency "Reuters"), "By Jane Doe | AP".
struct Byline {
  std::vector<std::string> authors;  // names as written, in order
  std::string agency;                // a news agency named in the byline, else empty
};

// Parses one line as a byline. A byline is short (<= 120 bytes) and, after an optional "By",
// "By:", "Written by", "Author:" prefix, consists only of names separated by ",", ";", "&" or
// "and", plus an optional agency or role ("Reuters", "staff writer") after a comma or "|". A name
// is 1-6 name-like words: capitalized words ("O'Brien", "Jean-Pierre", "McGuire", "ŽIŽEK"),
// initials ("J.", "J.R.R."), particles (de, van, der, von, bin, al, da, ...) and suffixes (Jr.,
// III). Sentences, dates and section words ("Analysis", "Interview") are not bylines.
std::optional<Byline> parse_byline(std::string_view line);

// A date line of an article header: a date with an optional "Updated", "Published:", "Posted on",
// "Last updated" prefix ("Updated 3 May 2023", "Published: May 3, 2023 10:41 AM EDT").
struct DateLine {
  std::string date;      // "YYYY-MM-DD"
  bool updated = false;  // the line gives a modification date ("Updated ...")
};
std::optional<DateLine> parse_date_line(std::string_view line);

// True when `line` can be an article title on its own line: 1..200 bytes, at most 25 words,
// starts with a letter, digit or quote, does not end with sentence punctuation (. , ; : ! ?),
// and is neither a date nor a bare URL.
bool looks_like_title_line(std::string_view line);

// A news dateline at the start of the body: "MOSCOW (Reuters) - ", "WASHINGTON, May 3 (AP) — ",
// "LONDON — ", "Taipei, Taiwan — ", "KYIV, Ukraine, May 3, 2023 (AFP) -". The place is in capitals,
// or in title case with at least one comma or an agency; the separator is "-", "--", "–" or "—"
// between spaces (or directly after the agency's parenthesis).
struct NewsDateline {
  std::string raw;     // the dateline as written, separator included: "MOSCOW (Reuters) -"
  std::string place;   // "MOSCOW", "Taipei, Taiwan"
  std::string agency;  // "Reuters", "AP"; empty when none
  DateParts date;      // month/day 0 when the dateline has no date; year 0 when not given
};
std::optional<NewsDateline> parse_news_dateline(std::string_view paragraph);

// True when a paragraph is boilerplate by its own words: contact, subscribe, newsletter,
// "Share this", "Follow us", copyright, licence notes, "Sources", "Related news", "Reporting by".
// Only meant for paragraphs at the end of an article (see boilerplate_tail_start).
bool is_boilerplate_paragraph(std::string_view paragraph);

// The index of the first paragraph of the trailing boilerplate of an article made of
// `paragraphs` (== paragraphs.size() when there is none). The tail is: a closing section headed
// "Sources", "Related news", "External links", "References", "See also" (a paragraph of its own
// among the last 40, followed only by short paragraphs), then, walking back from there,
// paragraphs that match is_boilerplate_paragraph, together with bare link paragraphs
// ("wsws.org/contact", "Share", "Tweet") that follow such a paragraph. The first paragraph is
// never boilerplate.
size_t boilerplate_tail_start(const std::vector<std::string_view>& paragraphs);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_METADATA_H_
