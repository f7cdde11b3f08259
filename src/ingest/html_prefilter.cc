#include "ingest/html_prefilter.h"

#include <cstring>

namespace casus::ingest {
namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `s` at `pos` starts with the lower-case ASCII `word`, compared case-insensitively.
bool starts_with_ci(std::string_view s, size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower_ascii(s[pos + i]) != word[i]) return false;
  return true;
}

bool ends_tag_name(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  const char c = s[pos];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Position just after the '>' closing the tag that starts at `pos` (quoted attribute values may
// hold '>'); npos when the tag never ends.
size_t tag_end(std::string_view s, size_t pos) {
  char quote = 0;
  for (size_t i = pos; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Position of the "</name" that closes a raw text element, searching from `pos`; npos if none.
size_t find_close(std::string_view s, size_t pos, std::string_view name) {
  while (pos < s.size()) {
    const void* p = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (!p) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (at + 1 < s.size() && s[at + 1] == '/' && starts_with_ci(s, at + 2, name) &&
        (at + 2 + name.size() == s.size() || ends_tag_name(s, at + 2 + name.size())))
      return at;
    pos = at + 1;
  }
  return std::string_view::npos;
}

bool contains_ci(std::string_view s, std::string_view word) {
  for (size_t i = 0; i + word.size() <= s.size(); ++i)
    if (starts_with_ci(s, i, word)) return true;
  return false;
}

}  // namespace

std::string strip_scripts_and_comments(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;  // html[0, copied) has been handled
  size_t pos = 0;
  while (pos < html.size()) {
    const void* p = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (!p) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(p) - html.data());
    pos = at + 1;
    if (starts_with_ci(html, at + 1, "!--")) {
      const size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      out.append(html.substr(copied, at - copied));
      copied = pos = end + 3;
      continue;
    }
    std::string_view name;
    if (starts_with_ci(html, at + 1, "script") && ends_tag_name(html, at + 7)) {
      name = "script";
    } else if (starts_with_ci(html, at + 1, "style") && ends_tag_name(html, at + 6)) {
      name = "style";
    } else {
      continue;
    }
    const size_t open_end = tag_end(html, at + 1 + name.size());
    if (open_end == std::string_view::npos) break;
    const std::string_view open_tag = html.substr(at, open_end - at);
    const size_t close = find_close(html, open_end, name);
    if (close == std::string_view::npos) break;
    if (name == "script" && contains_ci(open_tag, "ld+json")) {
      pos = close + 1;
      continue;
    }
    out.append(html.substr(copied, open_end - copied));
    copied = pos = close;  // the end tag is copied with what follows
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace casus::ingest
