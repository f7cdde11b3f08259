#include "entities/actor_coder.h"

#include <algorithm>
#include <mutex>

#include "entities/country_table.h"
#include "entities/names.h"

namespace casus::entities {
namespace {

// Words dropped at the start of a mention.
bool is_article(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

// Honorifics and qualifiers that neither name nor code anyone.
bool is_filler(std::string_view w) {
  static constexpr std::string_view kWords[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam",
                                       "mme", "m", "herr", "former", "ex", "late", "then",
                                       "acting", "interim", "outgoing", "incoming", "new", "top",
                                       "senior", "of", "and", "the", "retired", "deputy"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Person words that take their role from a more specific role word before them.
bool is_generic_role(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "leader", "leaders", "leadership", "spokesman", "spokesmen", "spokeswoman",
      "spokeswomen", "spokesperson", "spokespersons", "official", "officials", "commander",
      "commanders", "chief", "chiefs", "head", "heads", "aide", "aides", "adviser", "advisers",
      "advisor", "advisors", "officer", "officers", "ruler", "rulers", "representative",
      "representatives", "secretary", "minister", "ministers"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

size_t letters_of(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if (c >= 'A' && c <= 'Z') ++n;
  return n;
}

size_t token_count(std::string_view key) {
  return key.empty() ? 0 : static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::string raw_span(const std::vector<NameToken>& t, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (k > b) out += ' ';
    out += t[k].raw;
  }
  return out;
}

// English plural of a demonym ("Russian" -> "Russians"); "" when it has none ("British").
std::string demonym_plural(std::string_view d) {
  auto ends = [&](std::string_view s) {
    return d.size() > s.size() && d.substr(d.size() - s.size()) == s;
  };
  if (d.empty() || ends("ese") || ends("ish") || ends("ch") || ends("s") || ends("x")) return "";
  return std::string(d) + "s";
}

}  // namespace

const char* actor_basis_name(ActorBasis basis) {
  switch (basis) {
    case ActorBasis::kLexicon: return "lexicon";
    case ActorBasis::kRoleCountry: return "role+country";
    case ActorBasis::kCountry: return "country";
  }
  return "?";
}

uint32_t ActorCoder::add_country(CountryInfo info) {
  auto it = country_by_iso3_.find(info.iso3);
  if (it != country_by_iso3_.end()) return it->second;
  uint32_t idx = static_cast<uint32_t>(countries_.size());
  country_by_iso3_.emplace(info.iso3, idx);
  countries_.push_back(std::move(info));
  return idx;
}

void ActorCoder::add_country_name(uint32_t country, std::string_view name, CountryNameKind kind) {
  std::string key = normalize_name(name);
  if (key.empty()) return;
  uint8_t acronym = is_acronym(name) ? static_cast<uint8_t>(letters_of(name)) : 0;
  auto& hits = country_names_[key];
  for (const CountryHit& h : hits)
    if (h.country == country && h.kind == kind) return;
  hits.push_back(CountryHit{country, kind, acronym});
  max_country_tokens_ = std::max(max_country_tokens_, token_count(key));
}

ActorCoder::ActorCoder(Lexicon lexicon) : lexicon_(std::move(lexicon)) {
  // Countries from the compiled npm table.
  for (size_t i = 0; i < kCountryRecordCount; ++i) {
    const CountryRecord& r = kCountryRecords[i];
    CountryInfo info;
    info.iso3 = r.iso3;
    info.iso2 = r.iso2;
    info.name = r.common_name;
    info.official_name = r.official_name;
    info.capital = r.capital;
    info.demonym = r.demonym_m;
    info.region = r.region;
    info.lat = r.lat;
    info.lng = r.lng;
    info.has_coordinates = true;
    info.independent = r.independent;
    uint32_t c = add_country(std::move(info));
    add_country_name(c, r.common_name, CountryNameKind::kName);
    add_country_name(c, r.official_name, CountryNameKind::kName);
    std::string_view alts = r.alt_names;
    while (!alts.empty()) {
      size_t bar = alts.find('|');
      add_country_name(c, alts.substr(0, bar), CountryNameKind::kName);
      if (bar == std::string_view::npos) break;
      alts.remove_prefix(bar + 1);
    }
    for (const char* d : {r.demonym_m, r.demonym_f}) {
      add_country_name(c, d, CountryNameKind::kDemonym);
      std::string p = demonym_plural(d);
      if (!p.empty()) add_country_name(c, p, CountryNameKind::kDemonym);
    }
    if (*r.capital) add_country_name(c, r.capital, CountryNameKind::kCapital);
  }
  // casus's extra names (and historical states).
  for (const CountryNameEntry& e : lexicon_.country_names) {
    auto it = country_by_iso3_.find(e.iso3);
    uint32_t c;
    if (it == country_by_iso3_.end()) {
      CountryInfo info;
      info.iso3 = e.iso3;
      info.name = e.names.front();
      c = add_country(std::move(info));
    } else {
      c = it->second;
    }
    CountryNameKind kind = e.kind == "demonym"   ? CountryNameKind::kDemonym
                           : e.kind == "capital" ? CountryNameKind::kCapital
                                                 : CountryNameKind::kName;
    for (const std::string& n : e.names) add_country_name(c, n, kind);
  }
  // Actors.
  for (uint32_t i = 0; i < lexicon_.actors.size(); ++i) {
    const ActorEntry& e = lexicon_.actors[i];
    entry_by_id_.emplace(e.id, i);
    std::vector<std::string> forms = e.aliases;
    forms.insert(forms.begin(), e.name);
    for (const std::string& form : forms) {
      std::string key = normalize_name(form);
      // Mentions lose a leading article before lookup; so do the aliases ("the EU").
      for (const char* article : {"the ", "a ", "an "}) {
        if (key.rfind(article, 0) == 0) key.erase(0, std::char_traits<char>::length(article));
      }
      if (key.empty()) continue;
      uint8_t acronym = is_acronym(form) ? static_cast<uint8_t>(letters_of(form)) : 0;
      auto& hits = aliases_[key];
      bool dup = false;
      for (const AliasHit& h : hits) dup = dup || h.entry == i;
      if (!dup) hits.push_back(AliasHit{i, acronym});
      if (e.type == ActorType::kPerson) {
        auto toks = tokenize_name(form);
        if (toks.size() >= 2) given_names_.insert(toks.front().norm);
        if (toks.size() >= 2) {
          const std::string& last = toks.back().norm;
          if (last.size() >= 3 && last != "jr" && last != "snr" && last != "iii") {
            auto& s = surnames_[last];
            if (std::find(s.begin(), s.end(), i) == s.end()) s.push_back(i);
          }
        }
      }
    }
    for (uint32_t t = 0; t < e.terms.size(); ++t) {
      const CodeTerm& term = e.terms[t];
      if (term.office.empty()) continue;
      std::string country, role;
      split_code(term.code, &country, &role);
      std::string owner = country.empty() ? term.code : country;
      offices_[owner + "/" + term.office].push_back(OfficeTerm{i, t});
    }
  }
  // Roles.
  for (uint32_t i = 0; i < lexicon_.roles.size(); ++i) {
    for (const std::string& phrase : lexicon_.roles[i].phrases) {
      std::string key = normalize_name(phrase);
      if (key.empty()) continue;
      if (!roles_.emplace(key, i).second && roles_[key] != i) {
        const RoleEntry& r = lexicon_.roles[i];
        lexicon_.errors.push_back(r.file + ":" + std::to_string(r.line) +
                                  ": role phrase '" + phrase + "' already defined");
      }
      max_role_tokens_ = std::max(max_role_tokens_, token_count(key));
    }
  }
}

std::shared_ptr<const ActorCoder> ActorCoder::builtin() {
  static const std::shared_ptr<const ActorCoder> coder =
      std::make_shared<const ActorCoder>(parse_embedded_lexicon());
  return coder;
}

void ActorCoder::split_code(std::string_view code, std::string* country, std::string* role) const {
  if (code.size() >= 3 && country_by_iso3_.count(std::string(code.substr(0, 3)))) {
    *country = std::string(code.substr(0, 3));
    *role = code.size() >= 6 ? std::string(code.substr(3, 3)) : "";
  } else {
    country->clear();
    *role = std::string(code.substr(0, 3));
  }
}

ActorCoder::Resolved ActorCoder::resolve(const ActorEntry& e, Day day) const {
  Resolved r;
  int best = -1;
  if (day == 0) {
    for (uint32_t t = 0; t < e.terms.size(); ++t)
      if (e.terms[t].dated && (best < 0 || e.terms[t].range.from > e.terms[best].range.from))
        best = static_cast<int>(t);
    r.term = best < 0 ? 0 : static_cast<uint32_t>(best);
    return r;
  }
  for (uint32_t t = 0; t < e.terms.size(); ++t) {
    const CodeTerm& term = e.terms[t];
    if (term.dated && term.range.contains(day) &&
        (best < 0 || term.range.from > e.terms[best].range.from))
      best = static_cast<int>(t);
  }
  if (best >= 0) {
    r.term = static_cast<uint32_t>(best);
    return r;
  }
  for (uint32_t t = 0; t < e.terms.size(); ++t)
    if (!e.terms[t].dated) {
      r.term = t;
      return r;
    }
  r.in_term = false;
  for (uint32_t t = 0; t < e.terms.size(); ++t)  // the last term that ended before the date
    if (e.terms[t].range.to < day && (best < 0 || e.terms[t].range.to > e.terms[best].range.to))
      best = static_cast<int>(t);
  if (best < 0)
    for (uint32_t t = 0; t < e.terms.size(); ++t)  // else the first term after it
      if (best < 0 || e.terms[t].range.from < e.terms[best].range.from) best = static_cast<int>(t);
  r.term = static_cast<uint32_t>(best);
  return r;
}

std::optional<std::pair<uint32_t, ActorCoder::Resolved>> ActorCoder::choose(
    const std::vector<uint32_t>& candidates, Day day) const {
  std::optional<std::pair<uint32_t, Resolved>> in, any;
  bool in_conflict = false, any_conflict = false;
  for (uint32_t c : candidates) {
    Resolved r = resolve(lexicon_.actors[c], day);
    const std::string& code = lexicon_.actors[c].terms[r.term].code;
    auto same = [&](const std::optional<std::pair<uint32_t, Resolved>>& x) {
      return lexicon_.actors[x->first].terms[x->second.term].code == code;
    };
    if (r.in_term) {
      if (!in) in.emplace(c, r);
      else if (!same(in)) in_conflict = true;
    }
    if (!any) any.emplace(c, r);
    else if (!same(any)) any_conflict = true;
  }
  if (in) return in_conflict ? std::nullopt : in;
  return any_conflict ? std::nullopt : any;
}

std::optional<std::pair<uint32_t, ActorCoder::Resolved>> ActorCoder::lookup_alias(
    std::string_view key, std::string_view raw, Day day, bool orgs_only) const {
  auto it = aliases_.find(std::string(key));
  if (it == aliases_.end()) return std::nullopt;
  std::vector<uint32_t> candidates;
  for (const AliasHit& h : it->second) {
    if (h.acronym_letters && !acronym_case_ok(raw, h.acronym_letters)) continue;
    if (orgs_only && lexicon_.actors[h.entry].type == ActorType::kPerson) continue;
    candidates.push_back(h.entry);
  }
  if (candidates.empty()) return std::nullopt;
  return choose(candidates, day);
}

ActorCode ActorCoder::make_code(uint32_t entry, const Resolved& r) const {
  const ActorEntry& e = lexicon_.actors[entry];
  const CodeTerm& term = e.terms[r.term];
  ActorCode out;
  out.code = term.code;
  split_code(term.code, &out.country, &out.role);
  out.entry_id = e.id;
  out.canonical_name = e.name;
  out.basis = ActorBasis::kLexicon;
  out.in_term = r.in_term;
  out.office = term.office;
  return out;
}

std::optional<std::pair<uint32_t, uint32_t>> ActorCoder::holder(std::string_view owner,
                                                                std::string_view office,
                                                                Day day) const {
  auto it = offices_.find(std::string(owner) + "/" + std::string(office));
  if (it == offices_.end()) return std::nullopt;
  std::optional<std::pair<uint32_t, uint32_t>> best;
  Day best_from = -1;
  for (const OfficeTerm& ot : it->second) {
    const CodeTerm& t = lexicon_.actors[ot.entry].terms[ot.term];
    bool ok = day == 0 ? (t.range.to == kMaxDay) : t.range.contains(day);
    if (ok && t.range.from > best_from) {
      best.emplace(ot.entry, ot.term);
      best_from = t.range.from;
    }
  }
  return best;
}

const ActorEntry* ActorCoder::office_holder(std::string_view owner, std::string_view office,
                                            std::string_view date) const {
  auto h = holder(owner, office, parse_day(date));
  return h ? &lexicon_.actors[h->first] : nullptr;
}

const ActorEntry* ActorCoder::entry(std::string_view id) const {
  auto it = entry_by_id_.find(std::string(id));
  return it == entry_by_id_.end() ? nullptr : &lexicon_.actors[it->second];
}

const CountryInfo* ActorCoder::country_info(std::string_view iso3) const {
  auto it = country_by_iso3_.find(std::string(iso3));
  return it == country_by_iso3_.end() ? nullptr : &countries_[it->second];
}

std::optional<uint32_t> ActorCoder::pick_country(const std::vector<CountryHit>& hits,
                                                 std::string_view raw,
                                                 CountryNameKind* kind) const {
  std::vector<const CountryHit*> ok;
  for (const CountryHit& h : hits) {
    if (h.acronym_letters && !acronym_case_ok(raw, h.acronym_letters)) continue;
    bool dup = false;
    for (const CountryHit* o : ok) dup = dup || o->country == h.country;
    if (!dup) ok.push_back(&h);
  }
  if (ok.empty()) return std::nullopt;
  if (ok.size() > 1) {
    // A sovereign state wins over a dependency sharing its demonym ("French", "American").
    std::vector<const CountryHit*> independent;
    for (const CountryHit* h : ok)
      if (countries_[h->country].independent) independent.push_back(h);
    if (independent.size() != 1) return std::nullopt;
    ok = independent;
  }
  if (kind) *kind = ok[0]->kind;
  return ok[0]->country;
}

std::optional<std::pair<std::string, CountryNameKind>> ActorCoder::match_country(
    std::string_view text) const {
  auto toks = tokenize_name(text);
  size_t b = (!toks.empty() && is_article(toks[0].norm)) ? 1 : 0;
  auto it = country_names_.find(join_tokens(toks, b, toks.size()));
  if (it == country_names_.end()) return std::nullopt;
  CountryNameKind kind = CountryNameKind::kName;
  auto c = pick_country(it->second, raw_span(toks, b, toks.size()), &kind);
  if (!c) return std::nullopt;
  return std::make_pair(countries_[*c].iso3, kind);
}

std::optional<std::string> ActorCoder::country_of(std::string_view text) const {
  auto m = match_country(text);
  if (!m) return std::nullopt;
  return m->first;
}

std::optional<std::string> ActorCoder::country_of_capital(std::string_view text) const {
  auto toks = tokenize_name(text);
  auto it = country_names_.find(join_tokens(toks, 0, toks.size()));
  if (it == country_names_.end()) return std::nullopt;
  std::vector<CountryHit> capitals;
  for (const CountryHit& h : it->second)
    if (h.kind == CountryNameKind::kCapital) capitals.push_back(h);
  auto c = pick_country(capitals, text, nullptr);
  if (!c) return std::nullopt;
  return countries_[*c].iso3;
}

struct ActorCoder::Parse {
  std::vector<NameToken> tok;
};

std::optional<uint32_t> ActorCoder::country_at(const Parse& p, size_t begin, size_t end,
                                               size_t* len, bool* capital) const {
  // Longest country name starting at `begin` and ending by `end`.
  for (size_t l = std::min(max_country_tokens_, end - begin); l >= 1; --l) {
    auto it = country_names_.find(join_tokens(p.tok, begin, begin + l));
    if (it == country_names_.end()) continue;
    CountryNameKind kind;
    auto c = pick_country(it->second, raw_span(p.tok, begin, begin + l), &kind);
    if (!c) continue;
    *len = l;
    *capital = kind == CountryNameKind::kCapital;
    return c;
  }
  return std::nullopt;
}

std::optional<ActorCode> ActorCoder::code_mention(std::string_view mention_text,
                                                  std::string_view left_context,
                                                  std::string_view date) const {
  Parse p;
  p.tok = tokenize_name(mention_text);
  while (!p.tok.empty() && is_article(p.tok.front().norm)) p.tok.erase(p.tok.begin());
  const size_t n = p.tok.size();
  if (n == 0) return std::nullopt;
  const Day day = parse_day(date);

  // Role phrases and country names along the mention.
  struct RoleMatch {
    size_t begin, len;
    uint32_t role;
  };
  std::vector<RoleMatch> roles;
  std::optional<uint32_t> country;
  bool country_by_capital = false;
  std::vector<size_t> name_tokens;
  auto role_at = [&](size_t pos, size_t* len) -> std::optional<uint32_t> {
    for (size_t l = std::min(max_role_tokens_, n - pos); l >= 1; --l) {
      auto it = roles_.find(join_tokens(p.tok, pos, pos + l));
      if (it != roles_.end()) {
        *len = l;
        return it->second;
      }
    }
    return std::nullopt;
  };

  // 1. The mention or its longest suffix is a lexicon alias.
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && p.tok[i - 1].possessive) break;  // "Putin's spokesman": not the suffix's actor
    auto hit = lookup_alias(join_tokens(p.tok, i, n), raw_span(p.tok, i, n), day, false);
    if (!hit) continue;
    ActorCode code = make_code(hit->first, hit->second);
    // Words before a suffix match must not name another country ("Brazilian Senate").
    bool conflict = false;
    for (size_t k = 0; k < i && !conflict && !code.country.empty(); ++k) {
      size_t len = 0;
      bool capital = false;
      auto c = country_at(p, k, i, &len, &capital);
      if (c && countries_[*c].iso3 != code.country) conflict = true;
    }
    // A one-word suffix counts only after titles, fillers and country words ("President
    // Putin"), not after another name word ("Hindustan Times" is not "The Times").
    bool ok = !conflict;
    if (ok && i > 0 && i + 1 == n) {
      for (size_t k = 0; k < i && ok;) {
        size_t len = 0;
        bool capital = false;
        if (role_at(k, &len) && k + len <= i) { k += len; continue; }
        if (country_at(p, k, i, &len, &capital)) { k += len; continue; }
        if (is_filler(p.tok[k].norm)) { ++k; continue; }
        ok = false;
      }
    }
    if (ok) return code;
  }

  // 2. An organization alias followed only by role words ("NATO forces").
  for (size_t j = n - 1; j >= 1; --j) {
    auto org = lookup_alias(join_tokens(p.tok, 0, j), raw_span(p.tok, 0, j), day, true);
    if (!org) continue;
    size_t pos = j;
    std::optional<uint32_t> last_role;
    while (pos < n) {
      size_t len = 0;
      auto r = role_at(pos, &len);
      if (r) {
        last_role = r;
        pos += len;
      } else if (is_filler(p.tok[pos].norm)) {
        ++pos;
      } else {
        break;
      }
    }
    if (pos < n) break;
    ActorCode code = make_code(org->first, org->second);
    if (last_role && !lexicon_.roles[*last_role].office.empty()) {
      auto h = holder(code.code, lexicon_.roles[*last_role].office, day);
      if (h) return make_code(h->first, Resolved{h->second, true});
    }
    return code;
  }

  // 3. Roles, countries and remaining name words.
  for (size_t pos = 0; pos < n;) {
    // The longer of a role phrase and a country name starting here; a country wins ties
    // ("State of Palestine", "United Arab Emirates").
    size_t role_len = 0, country_len = 0;
    bool capital = false;
    auto r = role_at(pos, &role_len);
    auto c = country_at(p, pos, n, &country_len, &capital);
    if (c && (!r || country_len >= role_len)) {
      if (!country) {
        country = c;
        country_by_capital = capital;
      }
      pos += country_len;
      continue;
    }
    if (r) {
      roles.push_back(RoleMatch{pos, role_len, *r});
      pos += role_len;
      continue;
    }
    if (!is_filler(p.tok[pos].norm)) name_tokens.push_back(pos);
    ++pos;
  }

  // A lone surname left after titles and countries ("President Putin", "Mr. Blinken").
  if (name_tokens.size() == 1) {
    auto it = surnames_.find(p.tok[name_tokens[0]].norm);
    if (it != surnames_.end()) {
      std::vector<uint32_t> persons;
      for (uint32_t e : it->second) {
        if (!country) { persons.push_back(e); continue; }
        // A country in the mention must agree with the person's code at that date.
        Resolved r = resolve(lexicon_.actors[e], day);
        std::string c, role;
        split_code(lexicon_.actors[e].terms[r.term].code, &c, &role);
        if (c == countries_[*country].iso3) persons.push_back(e);
      }
      // Unique person: the one with a dated term covering the date, else the one in term
      // (dated or by an undated default code), else the only candidate.
      std::vector<uint32_t> dated, in;
      for (uint32_t e : persons) {
        Resolved r = resolve(lexicon_.actors[e], day);
        if (!r.in_term) continue;
        in.push_back(e);
        if (day != 0 && lexicon_.actors[e].terms[r.term].dated) dated.push_back(e);
      }
      std::optional<uint32_t> person;
      if (dated.size() == 1) person = dated[0];
      else if (in.size() == 1) person = in[0];
      else if (in.empty() && persons.size() == 1 &&
               !given_names_.count(p.tok[name_tokens[0]].norm))
        person = persons[0];  // a former office holder ("Milosevic"), unless the word also
                              // starts other names ("Kim": Kim Jong Un, Kim Yo Jong, ...)
      if (person) {
        ActorCode code = make_code(*person, resolve(lexicon_.actors[*person], day));
        // "Putin's spokesman", "Zelensky's office": the person's country, the role's code.
        std::optional<uint32_t> after;
        for (const RoleMatch& r : roles)
          if (r.begin > name_tokens[0]) after = r.role;
        if (after && !code.country.empty()) {
          ActorCode role_code;
          role_code.country = code.country;
          role_code.role = lexicon_.roles[*after].role;
          role_code.code = role_code.country + role_code.role;
          role_code.basis = ActorBasis::kRoleCountry;
          return role_code;
        }
        return code;
      }
    }
  }

  if (roles.empty()) {
    if (!country || !name_tokens.empty()) return std::nullopt;
    ActorCode code;
    code.country = countries_[*country].iso3;
    code.code = code.country;
    code.basis = ActorBasis::kCountry;
    code.via_capital = country_by_capital;
    return code;
  }

  // The head role: the longest phrase; among equals the rightmost, except that a generic
  // person word ("leader", "spokesman", "official", "commander") yields to a more specific
  // role before it ("rebel leader" -> REB, "army spokesman" -> MIL).
  auto generic = [&](const RoleMatch& r) {
    return r.len == 1 && is_generic_role(p.tok[r.begin].norm);
  };
  RoleMatch head = roles[0];
  for (const RoleMatch& r : roles) {
    if (r.len > head.len || (r.len == head.len && (!generic(r) || generic(head)))) head = r;
  }
  const RoleEntry& role = lexicon_.roles[head.role];

  if (!country && !left_context.empty()) {
    // The nearest country word among the last four words before the mention.
    Parse ctx;
    ctx.tok = tokenize_name(left_context);
    const size_t m = ctx.tok.size();
    for (size_t end = m; end > 0 && end + 4 > m && !country; --end) {
      for (size_t l = std::min(max_country_tokens_, end); l >= 1 && !country; --l) {
        size_t len = 0;
        bool capital = false;
        auto c = country_at(ctx, end - l, end, &len, &capital);
        if (c && len == l) {
          country = c;
          country_by_capital = capital;
        }
      }
    }
  }
  std::string iso3;
  if (country) iso3 = countries_[*country].iso3;
  else if (!role.country.empty()) iso3 = role.country;
  else return std::nullopt;

  ActorCode code;
  code.country = iso3;
  code.role = role.role;
  code.code = iso3 + role.role;
  code.basis = ActorBasis::kRoleCountry;
  code.via_capital = country && country_by_capital;
  code.office = role.office;
  if (!role.office.empty() && name_tokens.empty()) {
    if (auto h = holder(iso3, role.office, day)) {
      const ActorEntry& e = lexicon_.actors[h->first];
      code.entry_id = e.id;
      code.canonical_name = e.name;
    }
  }
  return code;
}

}  // namespace casus::entities
