#include "entities/actor_lexicon.h"

#include <cctype>
#include <set>

namespace casus::entities {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view part : split(s, '|')) {
    part = trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::string slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else if (c >= 0x80) {
      // Keep non-ASCII bytes (UTF-8 letters) as they are: ids stay unique and readable.
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

bool valid_office(std::string_view office) {
  if (office.empty() || office.size() > 12) return false;
  for (char c : office)
    if (!(c >= 'a' && c <= 'z')) return false;
  return true;
}

// Parses "CODE[/office][[from:to]]". Returns an error message or "".
std::string parse_term(std::string_view text, CodeTerm& term) {
  size_t bracket = text.find('[');
  std::string_view head = text.substr(0, bracket);
  size_t slash = head.find('/');
  term.code = std::string(head.substr(0, slash));
  if (slash != std::string_view::npos) {
    term.office = std::string(head.substr(slash + 1));
    if (!valid_office(term.office)) return "bad office tag in '" + std::string(text) + "'";
  }
  if (!is_well_formed_code(term.code)) return "malformed code '" + std::string(text) + "'";
  if (bracket == std::string_view::npos) return "";
  if (text.back() != ']') return "missing ']' in '" + std::string(text) + "'";
  std::string_view range = text.substr(bracket + 1, text.size() - bracket - 2);
  size_t colon = range.find(':');
  if (colon == std::string_view::npos) return "date range needs 'from:to' in '" + std::string(text) + "'";
  std::string_view from = range.substr(0, colon), to = range.substr(colon + 1);
  term.dated = true;
  if (!from.empty()) {
    term.range.from = parse_day(from, false);
    if (term.range.from == 0) return "bad date '" + std::string(from) + "'";
  }
  if (!to.empty()) {
    term.range.to = parse_day(to, true);
    if (term.range.to == 0) return "bad date '" + std::string(to) + "'";
  }
  if (from.empty() && to.empty()) return "empty date range in '" + std::string(text) + "'";
  if (term.range.from > term.range.to) return "date range out of order in '" + std::string(text) + "'";
  return "";
}

bool valid_iso3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

}  // namespace

const char* actor_type_name(ActorType type) {
  switch (type) {
    case ActorType::kPerson: return "person";
    case ActorType::kOrg: return "org";
    case ActorType::kSeat: return "seat";
  }
  return "?";
}

Day parse_day(std::string_view text, bool upper) {
  auto digits = [&](size_t pos, size_t n, int& value) {
    if (pos + n > text.size()) return false;
    value = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = upper ? 12 : 1, d = upper ? 31 : 1;
  if (!digits(0, 4, y) || y < 1000) return 0;
  if (text.size() == 4) return y * 10000 + m * 100 + d;
  if (text.size() < 7 || text[4] != '-' || !digits(5, 2, m) || m < 1 || m > 12) return 0;
  if (text.size() == 7) {
    if (upper) {
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      d = kDays[m - 1];
    }
    return y * 10000 + m * 100 + d;
  }
  if (text.size() != 10 || text[7] != '-' || !digits(8, 2, d) || d < 1 || d > 31) return 0;
  return y * 10000 + m * 100 + d;
}

bool is_well_formed_code(std::string_view code) {
  if (code.size() < 3 || code.size() > 15 || code.size() % 3 != 0) return false;
  for (char c : code)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

std::string plural_of(std::string_view phrase) {
  size_t space = phrase.rfind(' ');
  std::string_view last = space == std::string_view::npos ? phrase : phrase.substr(space + 1);
  std::string head(phrase.substr(0, phrase.size() - last.size()));
  auto ends = [&](std::string_view suffix) {
    return last.size() > suffix.size() && last.substr(last.size() - suffix.size()) == suffix;
  };
  if (last.empty() || ends("s") || ends("ese") || ends("ish") || ends("ch") || ends("staff") ||
      ends("police") || ends("military") || ends("media") || ends("intelligence") ||
      ends("personnel") || ends("leadership") || ends("press"))
    return "";
  std::string stem(last);
  if (ends("man")) return head + stem.substr(0, stem.size() - 3) + "men";
  if (ends("y") && last.size() >= 2 && std::string_view("aeiou").find(last[last.size() - 2]) ==
                                           std::string_view::npos)
    return head + stem.substr(0, stem.size() - 1) + "ies";
  if (ends("x") || ends("sh")) return head + stem + "es";
  return head + stem + "s";
}

void parse_lexicon_file(std::string_view name, const std::vector<std::string_view>& lines,
                        Lexicon& out) {
  enum class Kind { kActors, kRoles, kCountryNames } kind = Kind::kActors;
  const char* header = "name\taliases\tcodes\ttype\tnotes";
  if (name == "roles.tsv") {
    kind = Kind::kRoles;
    header = "phrase\trole\toffice\tcountry\tnotes";
  } else if (name == "country_names.tsv") {
    kind = Kind::kCountryNames;
    header = "iso3\tkind\tnames\tnotes";
  }
  std::string stem(name.substr(0, name.rfind('.')));
  auto error = [&](uint32_t line, const std::string& message) {
    out.errors.push_back(std::string(name) + ":" + std::to_string(line) + ": " + message);
  };
  bool seen_header = false;
  std::set<std::string> ids;
  for (size_t i = 0; i < lines.size(); ++i) {
    const uint32_t line_no = static_cast<uint32_t>(i + 1);
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    if (!seen_header) {
      seen_header = true;
      if (line != header) error(line_no, "expected header '" + std::string(header) + "'");
      continue;
    }
    ++out.rows;
    std::vector<std::string_view> cols = split(line, '\t');
    const size_t want = kind == Kind::kCountryNames ? 4 : 5;
    if (cols.size() < want - 1 || cols.size() > want) {
      error(line_no, "expected " + std::to_string(want) + " tab-separated columns, got " +
                         std::to_string(cols.size()));
      continue;
    }
    for (auto& c : cols) c = trim(c);
    if (kind == Kind::kRoles) {
      RoleEntry r;
      r.phrases = split_list(cols[0]);
      r.role = std::string(cols[1]);
      r.office = std::string(cols[2]);
      r.country = std::string(cols[3]);
      r.file = std::string(name);
      r.line = line_no;
      if (r.phrases.empty()) { error(line_no, "empty phrase"); continue; }
      if (!is_well_formed_code(r.role)) { error(line_no, "malformed role '" + r.role + "'"); continue; }
      if (!r.office.empty() && !valid_office(r.office)) { error(line_no, "bad office tag"); continue; }
      if (!r.country.empty() && !valid_iso3(r.country)) { error(line_no, "bad country"); continue; }
      const size_t written = r.phrases.size();
      for (size_t k = 0; k < written; ++k) {
        std::string p = plural_of(r.phrases[k]);
        if (!p.empty()) r.phrases.push_back(std::move(p));
      }
      out.roles.push_back(std::move(r));
    } else if (kind == Kind::kCountryNames) {
      CountryNameEntry c;
      c.iso3 = std::string(cols[0]);
      c.kind = std::string(cols[1]);
      c.names = split_list(cols[2]);
      c.file = std::string(name);
      c.line = line_no;
      if (!valid_iso3(c.iso3)) { error(line_no, "bad iso3 '" + c.iso3 + "'"); continue; }
      if (c.kind != "name" && c.kind != "demonym" && c.kind != "capital") {
        error(line_no, "kind must be name, demonym or capital");
        continue;
      }
      if (c.names.empty()) { error(line_no, "no names"); continue; }
      out.country_names.push_back(std::move(c));
    } else {
      ActorEntry a;
      a.name = std::string(cols[0]);
      a.aliases = split_list(cols[1]);
      a.file = std::string(name);
      a.line = line_no;
      a.notes = cols.size() > 4 ? std::string(cols[4]) : "";
      if (a.name.empty()) { error(line_no, "empty name"); continue; }
      if (cols[3] == "person") a.type = ActorType::kPerson;
      else if (cols[3] == "org") a.type = ActorType::kOrg;
      else if (cols[3] == "seat") a.type = ActorType::kSeat;
      else { error(line_no, "type must be person, org or seat"); continue; }
      std::string bad;
      for (const std::string& t : split_list(cols[2])) {
        CodeTerm term;
        bad = parse_term(t, term);
        if (!bad.empty()) break;
        a.terms.push_back(std::move(term));
      }
      if (!bad.empty()) { error(line_no, bad); continue; }
      if (a.terms.empty()) { error(line_no, "no codes"); continue; }
      a.id = stem + ":" + slug(a.name);
      if (!ids.insert(a.id).second) { error(line_no, "duplicate id " + a.id); continue; }
      out.actors.push_back(std::move(a));
    }
  }
  if (!seen_header) out.errors.push_back(std::string(name) + ": no header line");
}

Lexicon parse_embedded_lexicon() {
  Lexicon lex;
  for (const EmbeddedFile* f = kEmbeddedActorFiles; f->name != nullptr; ++f) {
    std::vector<std::string_view> lines;
    for (const char* const* l = f->lines; *l != nullptr; ++l) lines.emplace_back(*l);
    parse_lexicon_file(f->name, lines, lex);
  }
  return lex;
}

}  // namespace casus::entities
