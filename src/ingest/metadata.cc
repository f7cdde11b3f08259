#include "ingest/metadata.h"

#include <algorithm>

namespace casus::ingest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

template <typename List>
bool in_list(std::string_view word, const List& list) {
  for (std::string_view w : list) {
    if (iequals(word, w)) return true;
  }
  return false;
}

// Splits on runs of ASCII whitespace.
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const size_t b = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// Splits on a separator string; parts are trimmed.
std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(trim(s.substr(start)));
      return out;
    }
    out.push_back(trim(s.substr(start, at - start)));
    start = at + sep.size();
  }
}

constexpr std::string_view kParticles[] = {
    "de",  "da",  "di",  "del", "della", "der", "den",  "van", "von", "la",  "le",  "du",
    "dos", "das", "do",  "bin", "binti", "ibn", "al",   "el",  "y",   "ten", "ter", "zu",
    "af",  "av",  "dei", "des", "van't", "st.", "bint", "ben", "abu", "e"};

constexpr std::string_view kSuffixes[] = {"jr.", "jr",  "sr.",   "sr", "ii",  "iii",
                                          "iv",  "phd", "ph.d.", "md", "m.d."};

// Single-word lines that are section labels, not names.
constexpr std::string_view kNotNames[] = {
    "analysis", "interview",     "opinion",    "commentary", "editorial",    "news",
    "updated",  "breaking",      "exclusive",  "background", "introduction", "summary",
    "abstract", "advertisement", "contents",   "home",       "menu",         "review",
    "feature",  "comment",       "live",       "video",      "photos",       "sponsored",
    "world",    "politics",      "business",   "sport",      "sports",       "science",
    "health",   "technology",    "culture",    "europe",     "share",        "print",
    "email",    "menu",          "search",     "today",      "yesterday",    "letters",
    "by",       "obituary",      "preface",    "foreword",   "prologue",     "epilogue",
    "update",   "correction",    "transcript", "overview",   "index",        "archive",
    "archives", "blog",          "podcast"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

constexpr std::string_view kAgencies[] = {"Reuters",
                                          "AP",
                                          "Associated Press",
                                          "The Associated Press",
                                          "AFP",
                                          "Agence France-Presse",
                                          "Agence France Presse",
                                          "Bloomberg",
                                          "Bloomberg News",
                                          "dpa",
                                          "Xinhua",
                                          "TASS",
                                          "RIA Novosti",
                                          "Interfax",
                                          "ANSA",
                                          "EFE",
                                          "UPI",
                                          "United Press International",
                                          "PA",
                                          "PA Media",
                                          "Press Association",
                                          "Kyodo",
                                          "Kyodo News",
                                          "Yonhap",
                                          "ANI",
                                          "PTI",
                                          "IANS",
                                          "AAP",
                                          "The Canadian Press",
                                          "Canadian Press",
                                          "Anadolu",
                                          "Anadolu Agency",
                                          "Sputnik",
                                          "CNN",
                                          "BBC",
                                          "BBC News",
                                          "Al Jazeera"};

constexpr std::string_view kRoleWords[] = {
    "correspondent", "editor",    "reporter", "writer",    "staff",        "contributor",
    "columnist",     "chief",     "bureau",   "analyst",   "producer",     "journalist",
    "photographer",  "special",   "senior",   "associate", "contributing", "desk",
    "team",          "freelance", "intern",   "fellow",    "host",         "anchor"};

bool is_agency(std::string_view s) { return in_list(trim(s), kAgencies); }

bool is_role(std::string_view s) {
  for (std::string_view w : words(s)) {
    if (in_list(w, kRoleWords)) return true;
  }
  return false;
}

// An initial: "J.", "J.R.R.", "J.-P.".
bool is_initial(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_upper(c)) {
      if (i + 1 >= w.size() || w[i + 1] != '.') return false;
    } else if (c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

// A capitalized name word: "Damon", "O'Brien", "Jean-Pierre", "McGuire", "ŽIŽEK", "Ličen".
bool is_name_word(std::string_view w) {
  if (w.empty() || w.size() > 40) return false;
  if (!(is_upper(w[0]) || is_high(w[0]))) return false;
  size_t letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_upper(c) || is_lower(c) || is_high(c)) {
      ++letters;
    } else if (c == '-' || c == '\'') {
      if (i == 0 || i + 1 == w.size()) return false;
    } else {
      return false;
    }
  }
  return letters >= 1;
}

// "al-Assad", "d'Alembert", "bin-Laden".
bool is_particle_compound(std::string_view w) {
  for (std::string_view p : {"al-", "el-", "d'", "l'", "bin-", "ben-", "ibn-", "abu-"}) {
    if (w.size() > p.size() && istarts_with(w, p)) {
      const char c = w[p.size()];
      return (is_upper(c) || is_high(c)) && is_name_word(w.substr(p.size()));
    }
  }
  return false;
}

// One author's name: 1-6 name-like words, at least one of them a capitalized word.
bool is_name(std::string_view s) {
  const auto ws = words(s);
  if (ws.empty() || ws.size() > 6) return false;
  size_t capitalized = 0;
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string_view w = ws[i];
    // A comma-less suffix written "Doe Jr." or a trailing comma was split before; allow ","
    // inside "Jr.," never.
    if (is_name_word(w) || is_particle_compound(w)) {
      ++capitalized;
    } else if (is_initial(w)) {
      ++capitalized;
    } else if (i > 0 && in_list(w, kSuffixes)) {
      // suffix
    } else if (i + 1 < ws.size() && in_list(w, kParticles)) {
      // particle before a name word
    } else {
      return false;
    }
  }
  if (capitalized == 0) return false;
  if (ws.size() == 1) {
    const std::string_view w = ws[0];
    if (in_list(w, kNotNames) || in_list(w, kWeekdays) || month_from_name(w) != 0 || w.size() < 2 ||
        is_initial(w))
      return false;
  }
  return true;
}

// Strips a byline prefix ("By", "By:", "Written by", "Author:"). Returns true when one was found.
bool strip_byline_prefix(std::string_view* s) {
  static constexpr std::string_view kPrefixes[] = {
      "written by:", "written by ", "reported by ", "story by ", "words by ",
      "text by ",    "authors:",    "author:",      "by:",       "by "};
  for (std::string_view p : kPrefixes) {
    if (istarts_with(*s, p)) {
      *s = trim(s->substr(p.size()));
      return true;
    }
  }
  return false;
}

// Splits a names list on ",", ";", " and ", " & " into chunks.
std::vector<std::string_view> split_names(std::string_view s) {
  std::vector<std::string_view> chunks;
  size_t start = 0;
  auto push = [&](size_t end) {
    const std::string_view c = trim(s.substr(start, end - start));
    chunks.push_back(c);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == ';') {
      push(i);
      start = i + 1;
    } else if (s[i] == '&' && i > 0 && is_space(s[i - 1])) {
      push(i);
      start = i + 1;
    } else if (is_space(s[i]) && i + 4 < s.size() && iequals(s.substr(i + 1, 3), "and") &&
               is_space(s[i + 4])) {
      push(i);
      start = i + 4;
      i += 3;
    }
  }
  push(s.size());
  // ", and" leaves an empty chunk; drop "and" remnants and empties.
  std::vector<std::string_view> out;
  for (std::string_view c : chunks) {
    if (istarts_with(c, "and ")) c = trim(c.substr(4));
    if (!c.empty()) out.push_back(c);
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char last = s.back();
  if (last == '!' || last == '?' || last == ':' || last == ',' || last == ';') return true;
  if (last != '.') return false;
  // "Jr." and initials end with a period without ending a sentence.
  const auto ws = words(s);
  const std::string_view w = ws.empty() ? s : ws.back();
  return !(is_initial(w) || in_list(w, kSuffixes));
}

bool is_title_case_word(std::string_view w) {
  return !w.empty() && (is_upper(w[0]) || is_high(w[0]));
}

// A word of a place name in capitals: "MOSCOW", "NEW", "SAN", "JOSÉ", "ST.".
bool is_caps_word(std::string_view w) {
  size_t upper = 0;
  for (char c : w) {
    if (is_upper(c)) {
      ++upper;
    } else if (is_lower(c) || is_digit(c)) {
      return false;
    } else if (!(is_high(c) || c == '.' || c == '-' || c == '\'')) {
      return false;
    }
  }
  return upper >= 1;
}

// A place part: 1-4 words, capitalized, no digits.
bool is_place_part(std::string_view s, bool* all_caps) {
  const auto ws = words(s);
  if (ws.empty() || ws.size() > 4) return false;
  bool caps = true;
  size_t caps_letters = 0;
  for (std::string_view w : ws) {
    if (in_list(w, kParticles) && ws.size() > 1) continue;  // "Rio de Janeiro"
    if (!is_title_case_word(w)) return false;
    for (char c : w) {
      if (is_digit(c) || c == '(' || c == ')' || c == '"' || c == ':') return false;
    }
    if (is_caps_word(w)) {
      for (char c : w) caps_letters += is_upper(c);
    } else {
      caps = false;
    }
  }
  *all_caps = caps && caps_letters >= 2;
  return true;
}

// Finds the dateline separator (" - ", " -- ", " – ", " — ", or ")-"/")—" forms) within the first
// `limit` bytes. Returns the offset of the separator start and its end (after the dash).
bool find_dateline_separator(std::string_view p, size_t limit, size_t* sep_begin, size_t* sep_end) {
  const size_t n = std::min(p.size(), limit);
  for (size_t i = 1; i < n; ++i) {
    size_t dash_len = 0;
    if (p[i] == '-') {
      dash_len = (i + 1 < p.size() && p[i + 1] == '-') ? 2 : 1;
    } else if (p.substr(i, 3) == "\xE2\x80\x93" || p.substr(i, 3) == "\xE2\x80\x94") {
      dash_len = 3;
    } else {
      continue;
    }
    const bool before_ok = is_space(p[i - 1]) || p[i - 1] == ')';
    const bool after_ok = i + dash_len >= p.size() || is_space(p[i + dash_len]);
    if (before_ok && after_ok) {
      *sep_begin = i;
      *sep_end = i + dash_len;
      return true;
    }
    i += dash_len - 1;
  }
  return false;
}

std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// A bare link or share-button paragraph: "wsws.org/contact", "https://x.org", "Share Tweet".
bool is_bare_link_paragraph(std::string_view p) {
  p = trim(p);
  if (p.empty() || p.size() > 200) return false;
  const auto ws = words(p);
  static constexpr std::string_view kButtons[] = {
      "share",    "tweet",    "email",  "print",    "facebook",  "twitter",
      "linkedin", "whatsapp", "reddit", "telegram", "pinterest", "x",
      "|",        "·",        "copy",   "link",     "comments",  "save"};
  bool all_buttons = true;
  for (std::string_view w : ws) {
    if (!in_list(w, kButtons)) all_buttons = false;
  }
  if (all_buttons) return true;
  if (ws.size() != 1) return false;
  const std::string_view w = ws[0];
  if (istarts_with(w, "http://") || istarts_with(w, "https://") || istarts_with(w, "www.") ||
      istarts_with(w, "mailto:"))
    return true;
  // "wsws.org/contact", "example.com": a dot followed by letters, no sentence punctuation.
  const size_t dot = w.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < w.size() &&
         is_lower(to_lower(w[dot + 1])) && w.back() != '.';
}

bool is_section_heading(std::string_view p) {
  p = trim(p);
  if (!p.empty() && p.back() == ':') p.remove_suffix(1);
  static constexpr std::string_view kHeadings[] = {
      "sources",          "source",          "related news",
      "related articles", "related stories", "related coverage",
      "related",          "external links",  "references",
      "see also",         "further reading", "more on this story",
      "read more",        "notes",           "more from this author",
      "recommended"};
  return in_list(trim(p), kHeadings);
}

}  // namespace

std::optional<Byline> parse_byline(std::string_view line) {
  std::string_view s = trim(line);
  if (s.empty() || s.size() > 120) return std::nullopt;
  if (parse_date_line(s)) return std::nullopt;
  const bool had_prefix = strip_byline_prefix(&s);
  if (s.empty()) return std::nullopt;
  if (ends_sentence(s)) return std::nullopt;
  for (char c : s) {
    if (is_digit(c) || c == ':' || c == '"' || c == '?' || c == '!' || c == '@' || c == '/' ||
        c == '=' || c == '<' || c == '>' || c == '[' || c == '*' || c == '#' || c == '|')
      return std::nullopt;
  }
  Byline out;
  // "(Reuters)" at the end.
  if (s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view inner = trim(s.substr(open + 1, s.size() - open - 2));
    if (!is_agency(inner)) return std::nullopt;
    out.agency = std::string(inner);
    s = trim(s.substr(0, open));
  }
  const auto chunks = split_names(s);
  if (chunks.empty() || chunks.size() > 8) return std::nullopt;
  for (size_t i = 0; i < chunks.size(); ++i) {
    const std::string_view c = chunks[i];
    if (i > 0 && is_agency(c)) {
      if (out.agency.empty()) out.agency = std::string(c);
      continue;
    }
    if (i > 0 && is_role(c)) continue;
    if (!is_name(c)) return std::nullopt;
    out.authors.emplace_back(c);
  }
  if (out.authors.empty()) return std::nullopt;
  (void)had_prefix;
  return out;
}

std::optional<DateLine> parse_date_line(std::string_view line) {
  std::string_view s = trim(line);
  if (s.empty() || s.size() > 120) return std::nullopt;
  DateLine out;
  static constexpr std::string_view kPrefixes[] = {"last updated on",
                                                   "last updated:",
                                                   "last updated",
                                                   "last modified:",
                                                   "last modified",
                                                   "updated on",
                                                   "updated:",
                                                   "updated",
                                                   "first published on",
                                                   "first published:",
                                                   "first published",
                                                   "published on",
                                                   "published:",
                                                   "published",
                                                   "posted on",
                                                   "posted:",
                                                   "posted",
                                                   "date:",
                                                   "dated",
                                                   "on"};
  for (std::string_view p : kPrefixes) {
    if (istarts_with(s, p) &&
        (s.size() == p.size() || !is_lower(to_lower(s[p.size()])) || p.back() == ':')) {
      out.updated = istarts_with(p, "last") || istarts_with(p, "updated");
      s = trim(s.substr(p.size()));
      break;
    }
  }
  const auto date = parse_date(s);
  if (!date) return std::nullopt;
  out.date = *date;
  return out;
}

bool looks_like_title_line(std::string_view line) {
  const std::string_view s = trim(line);
  if (s.empty() || s.size() > 200) return false;
  const char first = s[0];
  if (!(is_upper(first) || is_lower(first) || is_digit(first) || is_high(first) || first == '"' ||
        first == '\''))
    return false;
  const char last = s.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?')
    return false;
  if (words(s).size() > 25) return false;
  if (parse_date_line(s)) return false;
  if (is_bare_link_paragraph(s) && words(s).size() == 1 && s.find('.') != std::string_view::npos)
    return false;
  return true;
}

std::optional<NewsDateline> parse_news_dateline(std::string_view paragraph) {
  const std::string_view p = trim(paragraph);
  size_t sep_begin = 0, sep_end = 0;
  if (!find_dateline_separator(p, 120, &sep_begin, &sep_end)) return std::nullopt;
  std::string_view head = trim(p.substr(0, sep_begin));
  if (head.empty()) return std::nullopt;
  NewsDateline out;
  if (head.back() == ')') {
    const size_t open = head.rfind('(');
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view inner = trim(head.substr(open + 1, head.size() - open - 2));
    const auto ws = words(inner);
    if (inner.empty() || inner.size() > 40 || ws.size() > 4) return std::nullopt;
    for (std::string_view w : ws) {
      if (!is_title_case_word(w) && !in_list(w, kAgencies)) return std::nullopt;
    }
    out.agency = std::string(inner);
    head = trim(head.substr(0, open));
  }
  if (head.empty() || head.find('(') != std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> parts = split(head, ",");
  // The date, if any, is a suffix of the comma-separated parts: "May 3", "May 3, 2023".
  size_t place_parts = parts.size();
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string rest = join({parts.begin() + static_cast<long>(i), parts.end()}, ", ");
    if (const auto d = parse_date_parts(rest, /*year_optional=*/true)) {
      out.date = *d;
      place_parts = i;
      break;
    }
  }
  if (place_parts == 0 || place_parts > 4) return std::nullopt;
  bool first_caps = false;
  for (size_t i = 0; i < place_parts; ++i) {
    bool caps = false;
    if (!is_place_part(parts[i], &caps)) return std::nullopt;
    if (i == 0) first_caps = caps;
  }
  const bool has_date = out.date.month != 0;
  if (!first_caps && place_parts < 2 && out.agency.empty() && !has_date) return std::nullopt;
  out.place = join({parts.begin(), parts.begin() + static_cast<long>(place_parts)}, ", ");
  out.raw = std::string(trim(p.substr(0, sep_end)));
  return out;
}

bool is_boilerplate_paragraph(std::string_view paragraph) {
  const std::string_view p = trim(paragraph);
  if (p.empty() || p.size() > 400) return false;
  const std::string l = lower(p);
  static constexpr std::string_view kStarts[] = {"to contact",
                                                 "contact us",
                                                 "contact the",
                                                 "subscribe",
                                                 "sign up",
                                                 "share this",
                                                 "share on",
                                                 "share:",
                                                 "follow us",
                                                 "follow @",
                                                 "follow the author",
                                                 "copyright",
                                                 "\xC2\xA9",
                                                 "(c) ",
                                                 "this article is licensed",
                                                 "this article was originally",
                                                 "this story was originally",
                                                 "this article first appeared",
                                                 "this story first appeared",
                                                 "originally published",
                                                 "reporting by",
                                                 "additional reporting",
                                                 "editing by",
                                                 "writing by",
                                                 "compiled by",
                                                 "related news",
                                                 "related articles",
                                                 "related stories",
                                                 "read more",
                                                 "more from",
                                                 "click here",
                                                 "advertisement",
                                                 "get the latest",
                                                 "don't miss",
                                                 "sources:",
                                                 "source:",
                                                 "tips?",
                                                 "send us a tip",
                                                 "have a news tip",
                                                 "email us",
                                                 "we want to hear",
                                                 "support our journalism",
                                                 "donate",
                                                 "join our"};
  for (std::string_view cue : kStarts) {
    if (l.compare(0, cue.size(), cue) != 0) continue;
    // Whole words only: "subscribe" but not "subscribers said".
    if (l.size() == cue.size() || !is_lower(l[cue.size()]) || !is_lower(cue.back())) return true;
  }
  static constexpr std::string_view kAnywhere[] = {
      "all rights reserved", "licensed under", "creative commons", "newsletter",
      "\xC2\xA9 ",           "unsubscribe",    "terms of use",     "privacy policy"};
  for (std::string_view cue : kAnywhere) {
    if (l.find(cue) != std::string::npos) return true;
  }
  return is_section_heading(p);
}

size_t boilerplate_tail_start(const std::vector<std::string_view>& paragraphs) {
  const size_t n = paragraphs.size();
  size_t end = n;
  // A closing section ("Sources", "Related news") followed only by short paragraphs.
  for (size_t i = (n > 40 ? n - 40 : 1); i < n; ++i) {
    if (!is_section_heading(paragraphs[i])) continue;
    bool short_after = true;
    for (size_t j = i + 1; j < n; ++j) {
      if (trim(paragraphs[j]).size() > 400) short_after = false;
    }
    if (short_after) {
      end = i;
      break;
    }
  }
  // Walk back over cue paragraphs and the bare links around them.
  size_t start = end;
  for (size_t i = end; i-- > 1;) {
    if (is_boilerplate_paragraph(paragraphs[i])) {
      start = i;
    } else if (!is_bare_link_paragraph(paragraphs[i])) {
      break;
    }
  }
  return start;
}

}  // namespace casus::ingest
