#include "places/candidates.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace casus::places {
namespace {

template <size_t N>
bool one_of(std::string_view w, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

bool is_upper_start(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c == 0xC3;  // Latin-1 capitals (É, Ö, ...)
}

bool is_lower_word(std::string_view w, std::string_view word) {
  if (w.size() != word.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return true;
}

// Prepositions after which a capitalized name the NER missed may be looked up.
bool place_preposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "in", "at", "near", "from", "to", "outside", "across", "into", "toward", "towards", "via"};
  return one_of(w, kWords);
}

std::string_view strip_possessive(std::string_view s) {
  if (s.size() > 2 && (s.substr(s.size() - 2) == "'s")) return s.substr(0, s.size() - 2);
  if (s.size() > 4 && s.substr(s.size() - 4) == "\xE2\x80\x99s") return s.substr(0, s.size() - 4);
  return s;
}

uint32_t sent_first(const Document& doc, const Mention& m) {
  return doc.sentences[m.sentence].first_token;
}

// Words after a town's name in the names of its institutions ("Irving Police Department").
bool is_municipal(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Police",  "Fire",    "City",        "County",
                                                "School",  "Schools", "Independent", "Unified",
                                                "Public",  "Council", "Municipal",   "Metropolitan",
                                                "Airport", "Port",    "Transit",     "Mayor"};
  return one_of(w, kWords);
}

// The title of an office of a state, province or city ("Governor of Texas").
bool is_local_office(std::string_view w) {
  static constexpr std::string_view kTitles[] = {"Governor", "Mayor", "Premier", "Lieutenant"};
  return one_of(w, kTitles);
}

bool is_month(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  return one_of(w, kMonths);
}

// Capital letters and dots only, at most 5 letters ("LA", "U.S.", "NSW").
bool is_acronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != '.')
      return false;
  }
  return letters > 0 && letters <= 5;
}

// "texas" for "state of texas" and "texas state", else "".
std::string state_base(const std::string& key) {
  if (key.rfind("state of ", 0) == 0) return key.substr(9);
  if (key.size() > 6 && key.compare(key.size() - 6, 6, " state") == 0)
    return key.substr(0, key.size() - 6);
  return {};
}

// The run of capitalized tokens from `first` (at most 4, inside the sentence, outside any covered
// token) when the gazetteer knows it as a whole; 0 tokens otherwise.
uint32_t longest_known(const Document& doc, const Gazetteer& gaz, uint32_t first,
                       uint32_t sentence_end, const std::vector<bool>& covered, std::string* key) {
  uint32_t run = 0;
  while (first + run < sentence_end && run < 4 && !covered[first + run] &&
         is_upper_start(doc.slice(doc.tokens[first + run].span)))
    ++run;
  // The whole run or nothing: "Metro" of "Metro Toronto Convention Centre" is no place.
  if (run == 0 || (first + run < sentence_end && run == 4 &&
                   is_upper_start(doc.slice(doc.tokens[first + run].span))))
    return 0;
  if (run == 1) {
    const std::string_view w = doc.slice(doc.tokens[first].span);
    if (is_month(w) || (w.size() <= 3 && !is_acronym(w))) return 0;  // "in March", "to La"
  }
  const Span s{doc.tokens[first].span.begin, doc.tokens[first + run - 1].span.end};
  std::string k = normalize_key(doc.slice(s));
  std::vector<GazMatch> matches;
  gaz.lookup(k, &matches);
  if (matches.empty()) return 0;
  *key = std::move(k);
  return run;
}

}  // namespace

bool is_direction(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "north",     "south",     "east",      "west",      "northern", "southern",
      "eastern",   "western",   "central",   "upstate",   "downtown", "greater",
      "northeast", "northwest", "southeast", "southwest", "suburban", "rural",
      "coastal"};
  if (w.empty() || w.size() > 9) return false;
  char lower[9];
  for (size_t i = 0; i < w.size(); ++i)
    lower[i] = i == 0 && w[0] >= 'A' && w[0] <= 'Z' ? static_cast<char>(w[0] - 'A' + 'a') : w[i];
  return one_of(std::string_view(lower, w.size()), kWords);
}

Candidates find_candidates(const Document& doc, const Gazetteer& gaz) {
  Candidates out;
  if (doc.tokens.empty()) return out;
  std::vector<Candidate>& cands = out.spans;
  std::vector<Toponym>& tops = out.toponyms;
  std::vector<bool> covered(doc.tokens.size(), false);
  std::vector<GazMatch> matches;
  auto known = [&](const std::string& key, ToponymSource source) {
    matches.clear();
    gaz.lookup(key, &matches);
    return std::any_of(matches.begin(), matches.end(), [&](const GazMatch& m) {
      return reading_allowed(gaz.entry(m.entry), m.alternate, source);
    });
  };
  std::vector<uint32_t>& facilities = out.unknown_places;
  auto add = [&](Span span, uint32_t first, uint32_t end, uint32_t sentence, uint32_t mention,
                 Toponym t) {
    cands.push_back({span, first, end, sentence, mention});
    tops.push_back(std::move(t));
    for (uint32_t k = first; k < end && k < covered.size(); ++k) covered[k] = true;
  };
  // Known names inside tokens [first, end) of a longer name, longest first, not the whole name.
  auto scan_inner = [&](const Mention& m, ToponymSource source, std::string_view only_country) {
    uint32_t last_end = m.first_token;  // end of the previous match
    for (uint32_t i = m.first_token; i < m.end_token;) {
      uint32_t found = 0;
      // A name starts a run of capitalized words ("Wales" in "New South Wales" is not one) or
      // follows another name ("Australia New Zealand").
      const bool starts_run = i == last_end || !is_upper_start(doc.slice(doc.tokens[i - 1].span)) ||
                              is_direction(doc.slice(doc.tokens[i - 1].span));
      if (starts_run && is_upper_start(doc.slice(doc.tokens[i].span))) {
        for (uint32_t len = std::min<uint32_t>(4, m.end_token - i); len > 0 && !found; --len) {
          if (len == m.end_token - m.first_token) continue;
          const Span span{doc.tokens[i].span.begin, doc.tokens[i + len - 1].span.end};
          std::string key = normalize_key(doc.slice(span));
          if (!known(key, source)) continue;
          if (!only_country.empty()) {
            bool match = false;
            for (const GazMatch& g : matches)
              match |= std::string_view(gaz.entry(g.entry).country) == only_country &&
                       gaz.entry(g.entry).kind == EntryKind::kCountry;
            if (!match) continue;
          }
          Toponym t;
          t.key = std::move(key);
          t.source = source;
          if (i > m.first_token) {
            const std::string_view before = doc.slice(doc.tokens[i - 1].span);
            t.after_of = before == "of" || before == "in";
          }
          if (i + len < m.end_token && is_municipal(doc.slice(doc.tokens[i + len].span)))
            t.after_of = true;
          // A place inside a longer name is not that name's entity ("US" in "US President
          // Barack Obama").
          add(span, i, i + len, m.sentence, kNoIndex, std::move(t));
          found = len;
        }
      }
      i += found ? found : 1;
      if (found) last_end = i;
    }
  };
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.kind == MentionKind::kPronoun || m.end_token > doc.tokens.size()) continue;
    const Entity* entity = m.entity < doc.entities.size() ? &doc.entities[m.entity] : nullptr;
    const auto index = static_cast<uint32_t>(mi);
    if (m.kind == MentionKind::kNominal) continue;  // below, after every name
    for (uint32_t k = m.first_token; k < m.end_token; ++k) covered[k] = true;
    EntityType type = m.type;
    if (type != EntityType::kGpe && type != EntityType::kLoc && type != EntityType::kFac &&
        entity && (entity->type == EntityType::kGpe || entity->type == EntityType::kLoc))
      type = entity->type;  // a place entity mentioned through a name NER typed otherwise
    if (type == EntityType::kPer) {
      const size_t before = cands.size();
      if (entity && !entity->actor_country.empty())
        scan_inner(m, ToponymSource::kInnerCountry, entity->actor_country);
      // "Carlo De Benedetti of Italy": a country after "of" or "from" inside the name.
      // "Governor of Washington Chris Gregoire", "Mayor of London Sadiq Khan": after the
      // title of a state's or city's office, a division or city.
      // The title may sit just before the name ("Governor of [Washington Chris Gregoire]").
      const uint32_t from = m.first_token >= sent_first(doc, m) + 2 &&
                                    doc.slice(doc.tokens[m.first_token - 1].span) == "of" &&
                                    is_local_office(doc.slice(doc.tokens[m.first_token - 2].span))
                                ? m.first_token - 1
                                : m.first_token;
      for (uint32_t k = from; cands.size() == before && k + 1 < m.end_token; ++k) {
        const std::string_view w = doc.slice(doc.tokens[k].span);
        if (w != "of" && w != "from") continue;
        const ToponymSource source =
            w == "of" && k > sent_first(doc, m) && is_local_office(doc.slice(doc.tokens[k - 1].span))
                ? ToponymSource::kInner
                : ToponymSource::kInnerCountry;
        for (uint32_t len = std::min<uint32_t>(3, m.end_token - k - 1); len > 0; --len) {
          const Span span{doc.tokens[k + 1].span.begin, doc.tokens[k + len].span.end};
          std::string key = normalize_key(doc.slice(span));
          if (!known(key, source)) continue;
          Toponym t;
          t.key = std::move(key);
          t.source = source;
          t.after_of = source == ToponymSource::kInner;
          // A governor's or premier's place is a state or province ("Governor of Washington").
          t.state_word = source == ToponymSource::kInner &&
                         doc.slice(doc.tokens[k - 1].span) != "Mayor";
          add(span, k + 1, k + 1 + len, m.sentence, kNoIndex, std::move(t));
          break;
        }
      }
      continue;
    }
    if (type == EntityType::kOrg) {
      // An organization named by a place ("Ontario", "Chicago" for its team or government) is
      // still that place; otherwise look for places inside the name.
      std::string key = normalize_key(strip_possessive(doc.slice(m.span)));
      const std::string state = state_base(key);
      if (!state.empty() && known(state, ToponymSource::kInner)) {
        Toponym t;  // "the State of Texas" as an organization: the state
        t.key = state;
        t.source = ToponymSource::kInner;
        t.state_word = true;
        add(m.span, m.first_token, m.end_token, m.sentence, index, std::move(t));
      } else if (known(key, ToponymSource::kInner)) {
        Toponym t;
        t.key = std::move(key);
        t.source = ToponymSource::kInner;
        add(m.span, m.first_token, m.end_token, m.sentence, index, std::move(t));
      } else {
        scan_inner(m, ToponymSource::kInner, {});
      }
      continue;
    }
    if (type == EntityType::kNorp) continue;
    // "Clinton" of an entity that is a person ("Hillary Clinton") is no town.
    if (entity && entity->type == EntityType::kPer) continue;
    // Lower-case words ("central", "jersey") and month names are no toponyms here.
    const std::string_view written = doc.slice(m.span);
    if (!is_upper_start(written.rfind("the ", 0) == 0 ? written.substr(4) : written) ||
        (m.end_token - m.first_token == 1 && is_month(written)))
      continue;
    Toponym t;
    t.acronym = is_acronym(written);
    t.multiword = m.end_token - m.first_token > 1 && written.rfind("the ", 0) != 0 &&
                  written.rfind("The ", 0) != 0;
    if (written.size() <= 3 && !t.acronym) continue;  // "La", "Us": not "LA", "US"
    {
      uint32_t k = m.first_token;  // the word before, skipping one "the"
      if (k > sent_first(doc, m) && doc.slice(doc.tokens[k - 1].span) == "the") --k;
      t.after_preposition =
          k > sent_first(doc, m) && place_preposition(doc.slice(doc.tokens[k - 1].span));
    }
    t.hint = type == EntityType::kGpe   ? ToponymHint::kGpe
             : type == EntityType::kLoc ? ToponymHint::kLoc
                                        : ToponymHint::kFac;
    t.key = normalize_key(strip_possessive(doc.slice(m.span)));
    // A capitalized word the NER left out ("Western" of "Western Australia") when the longer
    // name is known.
    Span span = m.span;
    uint32_t first = m.first_token, end = m.end_token;
    const Sentence& sent = doc.sentences[m.sentence];
    if (first > sent.first_token && !covered[first - 1] &&
        is_upper_start(doc.slice(doc.tokens[first - 1].span))) {
      const Span wider{doc.tokens[first - 1].span.begin, span.end};
      std::string key = normalize_key(doc.slice(wider));
      if (key != t.key && known(key, ToponymSource::kMention)) {  // not "The" + "US"
        t.key = std::move(key);
        span = wider;
        --first;
      }
    }
    if (end < sent.end_token && is_upper_start(doc.slice(doc.tokens[end].span))) {
      const Span wider{span.begin, doc.tokens[end].span.end};
      std::string key = normalize_key(doc.slice(wider));
      if (known(key, ToponymSource::kMention)) {
        t.key = std::move(key);
        span = wider;
        ++end;
      }
    }
    if (!known(t.key, ToponymSource::kMention)) {
      const std::string base = state_base(t.key);
      if (!base.empty() && known(base, ToponymSource::kMention)) {
        t.key = base;
        t.state_word = true;
      } else {
        scan_inner(m, ToponymSource::kInner, {});
        facilities.push_back(index);
        continue;
      }
    }
    add(span, first, end, m.sentence, index, std::move(t));
  }
  // "New Zealand government", "US officials": the country or division inside a nominal, when the
  // entities stage did not list it as a name mention of its own.
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.kind != MentionKind::kNominal || m.end_token > doc.tokens.size()) continue;
    bool any_covered = false;
    for (uint32_t k = m.first_token; k < m.end_token; ++k) any_covered |= covered[k];
    if (!any_covered) scan_inner(m, ToponymSource::kInner, {});
  }
  // Names the NER missed after a place preposition ("flew to Kerch"), looked up cautiously.
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.first_token; i + 1 < s.end_token; ++i) {
      if (!place_preposition(doc.slice(doc.tokens[i].span)) || covered[i + 1]) continue;
      std::string key;
      const uint32_t len = longest_known(doc, gaz, i + 1, s.end_token, covered, &key);
      if (len == 0) continue;
      Toponym t;
      t.key = std::move(key);
      t.source = ToponymSource::kText;
      t.after_preposition = true;
      t.multiword = len > 1;
      const Span span{doc.tokens[i + 1].span.begin, doc.tokens[i + len].span.end};
      add(span, i + 1, i + 1 + len, doc.tokens[i].sentence, kNoIndex, std::move(t));
    }
  }
  // A country, first-level division, capital or city of a million people the NER missed at the
  // start of a sentence, right before its verb ("Tasmania was excluded", "Kyiv was shelled"):
  // common words that are towns somewhere ("Nice work", "Reading is") are neither.
  if (doc.syntax.size() == doc.tokens.size()) {
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      const uint32_t i = s.first_token;
      if (i >= s.end_token || covered[i]) continue;
      std::string key;
      const uint32_t len = longest_known(doc, gaz, i, s.end_token, covered, &key);
      if (len == 0 || i + len >= s.end_token) continue;
      const std::string& next = doc.syntax[i + len].upos;
      if (next != "VERB" && next != "AUX") continue;
      matches.clear();
      gaz.lookup(key, &matches);
      const bool major = std::any_of(matches.begin(), matches.end(), [&](const GazMatch& m) {
        const GazEntry& e = gaz.entry(m.entry);
        return e.kind == EntryKind::kCountry || e.kind == EntryKind::kAdmin1 ||
               (!m.alternate && e.kind == EntryKind::kCity &&
                (e.capital() || e.population >= 1000000));
      });
      if (!major) continue;
      Toponym t;
      t.key = std::move(key);
      t.source = ToponymSource::kText;
      t.multiword = len > 1;
      add(Span{doc.tokens[i].span.begin, doc.tokens[i + len - 1].span.end}, i, i + len, si,
          kNoIndex, std::move(t));
    }
  }
  // "Eureka Springs, Arkansas", "the Evergreen Aviation & Space Museum of McMinnville, Oregon":
  // a town of any size named right before a division that has a town of that name. The
  // division says which one, so the cautious population limits do not apply.
  {
    std::vector<bool> in_candidate(doc.tokens.size(), false);
    for (const Candidate& c : cands)
      for (uint32_t k = c.first; k < c.end; ++k) in_candidate[k] = true;
    std::vector<GazMatch> divisions, towns;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      for (uint32_t c = s.first_token + 1; c + 1 < s.end_token; ++c) {
        if (doc.slice(doc.tokens[c].span) != "," || in_candidate[c - 1]) continue;
        // The division: one or two capitalized words after the comma.
        int32_t division = -1;
        uint32_t div_len = 0;
        for (uint32_t len = std::min<uint32_t>(2, s.end_token - c - 1); len > 0 && division < 0;
             --len) {
          bool capitals = true;
          for (uint32_t k = c + 1; k <= c + len; ++k)
            capitals &= is_upper_start(doc.slice(doc.tokens[k].span));
          if (!capitals) continue;
          divisions.clear();
          gaz.lookup(normalize_key(doc.slice(
                         Span{doc.tokens[c + 1].span.begin, doc.tokens[c + len].span.end})),
                     &divisions);
          for (const GazMatch& g : divisions)
            if (gaz.entry(g.entry).kind == EntryKind::kAdmin1) {
              division = static_cast<int32_t>(g.entry);
              div_len = len;
              break;
            }
        }
        if (division < 0) continue;
        const GazEntry& d = gaz.entry(static_cast<uint32_t>(division));
        // The town: the longest run of one to three capitalized words ending before the comma.
        for (uint32_t len = std::min<uint32_t>(3, c - s.first_token); len > 0; --len) {
          const uint32_t first = c - len;
          bool capitals = true;
          for (uint32_t k = first; k < c; ++k)
            capitals &= is_upper_start(doc.slice(doc.tokens[k].span)) && !in_candidate[k];
          if (!capitals) continue;
          const Span span{doc.tokens[first].span.begin, doc.tokens[c - 1].span.end};
          std::string key = normalize_key(doc.slice(span));
          towns.clear();
          gaz.lookup(key, &towns);
          const bool in_division = std::any_of(towns.begin(), towns.end(), [&](const GazMatch& g) {
            const GazEntry& e = gaz.entry(g.entry);
            return !g.alternate && e.kind == EntryKind::kCity &&
                   std::string_view(e.country) == std::string_view(d.country) &&
                   e.admin1 == d.admin1;
          });
          if (!in_division) continue;
          Toponym town;
          town.key = std::move(key);
          town.multiword = len > 1;
          add(span, first, c, si, kNoIndex, std::move(town));
          const size_t town_index = tops.size() - 1;
          // The division: a candidate already (a mention) or added here.
          int32_t q = -1;
          for (size_t j = 0; j < cands.size() && q < 0; ++j)
            if (cands[j].first == c + 1 && cands[j].end == c + 1 + div_len)
              q = static_cast<int32_t>(j);
          if (q < 0) {
            Toponym region;
            const Span rspan{doc.tokens[c + 1].span.begin, doc.tokens[c + div_len].span.end};
            region.key = normalize_key(doc.slice(rspan));
            add(rspan, c + 1, c + 1 + div_len, si, kNoIndex, std::move(region));
            q = static_cast<int32_t>(tops.size() - 1);
          }
          tops[town_index].qualifier = q;
          tops[static_cast<size_t>(q)].qualifies = true;
          for (uint32_t k = first; k <= c + div_len; ++k) in_candidate[k] = true;
          break;
        }
      }
    }
  }
  // Qualifiers: "Paris, Texas", "Portland, Maine" - the toponym after the comma, a candidate
  // already or a known name the NER missed.
  const size_t base = cands.size();
  std::vector<int32_t> starting_at(doc.tokens.size(), -1);  // the last candidate starting there
  for (size_t j = 0; j < base; ++j) starting_at[cands[j].first] = static_cast<int32_t>(j);
  for (size_t i = 0; i < base; ++i) {
    const uint32_t comma = cands[i].end;
    const Sentence& s = doc.sentences[cands[i].sentence];
    if (comma + 1 >= s.end_token || doc.slice(doc.tokens[comma].span) != ",") continue;
    int32_t q = starting_at[comma + 1];
    if (q < 0) {
      std::string key;
      const uint32_t len = longest_known(doc, gaz, comma + 1, s.end_token, covered, &key);
      if (len == 0) continue;
      Toponym t;
      t.key = std::move(key);
      t.source = ToponymSource::kText;
      const Span span{doc.tokens[comma + 1].span.begin, doc.tokens[comma + len].span.end};
      add(span, comma + 1, comma + 1 + len, cands[i].sentence, kNoIndex, std::move(t));
      q = static_cast<int32_t>(cands.size() - 1);
      starting_at[comma + 1] = q;
    }
    if (q != static_cast<int32_t>(i)) {
      tops[i].qualifier = q;
      tops[q].qualifies = true;
    }
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    const uint32_t next = cands[i].end;
    if (next < doc.sentences[cands[i].sentence].end_token &&
        is_lower_word(doc.slice(doc.tokens[next].span), "state"))
      tops[i].state_word = true;
  }

  return out;
}

}  // namespace casus::places
