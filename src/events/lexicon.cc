#include "events/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace casus::events {

extern const unsigned char kEventsCameoTsv[];
extern const size_t kEventsCameoTsvSize;
extern const unsigned char kEventsVerbsTsv[];
extern const size_t kEventsVerbsTsvSize;
extern const unsigned char kEventsNounsTsv[];
extern const size_t kEventsNounsTsvSize;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string_view> split_space(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A lemma or slot word: no spaces or control characters, no '|' or '=' (the pattern syntax),
// not starting with '+'. Symbols are lemmas too ("$" in "pledged $5 billion").
bool is_word(std::string_view s) {
  if (s.empty() || s.front() == '+') return false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= ' ' || c == 0x7F || c == '|' || c == '=') return false;
  }
  return true;
}

// Iterates over the data lines of `text`: calls fn(line_number, line) for each non-blank,
// non-comment line.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view t = trim(line);
    if (!t.empty() && t.front() != '#') fn(line_no, line);
    if (end == text.size()) break;
    start = end + 1;
  }
}

std::string where(std::string_view file, size_t line) {
  return std::string(file) + ":" + std::to_string(line) + ": ";
}

// Parses "a|b|c" into words; false when any is empty or not a word.
bool parse_alternatives(std::string_view value, std::vector<std::string>* out, bool slots) {
  for (std::string_view part : split(value, '|')) {
    if (slots && part == "-") {
      out->emplace_back("-");
      continue;
    }
    if (!is_word(part)) return false;
    out->push_back(lower(part));
  }
  return !out->empty();
}

}  // namespace

bool is_event_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20;
}

uint8_t quad_class(std::string_view code) {
  if (!is_event_code(code)) return 0;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

void parse_codebook(std::string_view file, std::string_view text, Lexicon& lex) {
  for_each_line(text, [&](size_t line_no, std::string_view line) {
    const auto fields = split(line, '\t');
    if (fields.size() < 3 || fields.size() > 5) {
      lex.errors.push_back(where(file, line_no) + "expected code, label, goldstein[, plover_type" +
                           "[, plover_mode]] separated by tabs");
      return;
    }
    const std::string_view code = trim(fields[0]);
    if (!is_event_code(code)) {
      lex.errors.push_back(where(file, line_no) + "not a CAMEO event code: '" + std::string(code) +
                           "'");
      return;
    }
    const std::string_view label = trim(fields[1]);
    if (label.empty()) {
      lex.errors.push_back(where(file, line_no) + "empty label");
      return;
    }
    const std::string_view g = trim(fields[2]);
    double goldstein = 0;
    const auto [ptr, ec] = std::from_chars(g.data(), g.data() + g.size(), goldstein);
    if (g.empty() || ec != std::errc() || ptr != g.data() + g.size() || goldstein < -10 ||
        goldstein > 10) {
      lex.errors.push_back(where(file, line_no) + "goldstein is not a number in -10..10: '" +
                           std::string(g) + "'");
      return;
    }
    if (lex.codes.count(std::string(code))) {
      lex.errors.push_back(where(file, line_no) + "duplicate code " + std::string(code));
      return;
    }
    CodeInfo info;
    info.label = std::string(label);
    info.goldstein = goldstein;
    if (fields.size() > 3) info.plover_type = std::string(trim(fields[3]));
    if (fields.size() > 4) info.plover_mode = std::string(trim(fields[4]));
    lex.codes.emplace(std::string(code), std::move(info));
  });
}

void parse_patterns(std::string_view file, std::string_view text, bool noun, Lexicon& lex) {
  auto& table = noun ? lex.nouns : lex.verbs;
  for_each_line(text, [&](size_t line_no, std::string_view line) {
    const auto fields = split(line, '\t');
    auto fail = [&](const std::string& why) { lex.errors.push_back(where(file, line_no) + why); };
    if (fields.size() < 2) return fail("expected code <TAB> pattern [<TAB> comment]");
    const std::string_view code = trim(fields[0]);
    if (!is_event_code(code) || code.size() < 3) {
      return fail("not a 3- or 4-digit CAMEO event code: '" + std::string(code) + "'");
    }
    if (!lex.codes.empty() && !lex.codes.count(std::string(code))) {
      return fail("code " + std::string(code) + " is not in the codebook");
    }
    const auto elements = split_space(fields[1]);
    if (elements.empty()) return fail("empty pattern");
    Pattern p;
    p.code = std::string(code);
    p.noun = noun;
    p.id = std::string(file) + ":" + std::to_string(line_no);
    if (!is_word(elements[0])) {
      return fail("the head must be a lemma: '" + std::string(elements[0]) + "'");
    }
    p.head = lower(elements[0]);
    bool has_target = false, has_source = false;
    for (size_t i = 1; i < elements.size(); ++i) {
      const std::string_view e = elements[i];
      const size_t eq = e.find('=');
      if (e.front() == '+') {
        if (!is_word(e.substr(1))) return fail("bad particle '" + std::string(e) + "'");
        p.particles.push_back(lower(e.substr(1)));
        continue;
      }
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == e.size()) {
        return fail("unknown pattern element '" + std::string(e) + "'");
      }
      const std::string_view key = e.substr(0, eq), value = e.substr(eq + 1);
      if (key == "prep") {
        if (!is_word(value)) return fail("bad preposition '" + std::string(value) + "'");
        p.preps.push_back(lower(value));
      } else if (key == "obj") {
        if (noun) return fail("obj= is for verbs.tsv only");
        if (!p.objects.empty()) return fail("obj= given twice");
        if (!parse_alternatives(value, &p.objects, false)) {
          return fail("bad object list '" + std::string(value) + "'");
        }
      } else if (key == "T" || key == "S") {
        bool& seen = key == "T" ? has_target : has_source;
        if (seen) return fail(std::string(key) + "= given twice");
        seen = true;
        auto& slots = key == "T" ? p.target : p.source;
        if (!parse_alternatives(value, &slots, true)) {
          return fail("bad slot list '" + std::string(value) + "'");
        }
      } else if (key == "mood") {
        if (value != "threat") return fail("unknown mood '" + std::string(value) + "'");
        p.threat = true;
      } else {
        return fail("unknown pattern element '" + std::string(e) + "'");
      }
    }
    if (!has_target) {
      if (noun) {
        p.target = {"on", "against", "of", "with", "to"};
      } else {
        p.target = {"obj"};
      }
    }
    p.specificity =
        static_cast<uint32_t>(p.particles.size() + p.preps.size() + (p.objects.empty() ? 0 : 1));
    auto& list = table[p.head];
    // Most specific first; stable among equals (file order).
    auto pos = std::find_if(list.begin(), list.end(),
                            [&](const Pattern& q) { return q.specificity < p.specificity; });
    list.insert(pos, std::move(p));
    ++lex.patterns;
  });
}

Lexicon embedded_lexicon() {
  Lexicon lex;
  auto view = [](const unsigned char* data, size_t size) {
    return std::string_view(reinterpret_cast<const char*>(data), size);
  };
  parse_codebook("cameo.tsv", view(kEventsCameoTsv, kEventsCameoTsvSize), lex);
  parse_patterns("verbs.tsv", view(kEventsVerbsTsv, kEventsVerbsTsvSize), false, lex);
  parse_patterns("nouns.tsv", view(kEventsNounsTsv, kEventsNounsTsvSize), true, lex);
  return lex;
}

}  // namespace casus::events
