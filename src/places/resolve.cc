#include "places/resolve.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

namespace casus::places {
namespace {

// Weights (docs/places.md). Priors put a country at the level of a city of ~40 million people,
// a first-level division at its population, a landmark of casus's list above most cities.
constexpr double kCountryPrior = 7.6;
constexpr double kCountryAliasPrior = 7.4;
constexpr double kLandmarkPrior = 7.0;
constexpr double kCityAlternatePenalty = 1.0;  // a name only listed among alternates
constexpr double kAdminAliasPenalty = 2.0;     // "Washington" for the state, "New York" likewise
constexpr double kCapitalBonus = 0.5;
constexpr double kFocusWeight = 2.5;            // times the country's share of the evidence
constexpr double kAdminFocusBonus = 1.0;        // a city of a state the article names
constexpr double kQualifierAdminBonus = 5.0;    // "Paris, Texas"
constexpr double kQualifierCountryBonus = 4.0;  // "Paris, France"
constexpr double kDatelineBonus = 1.0;
constexpr double kQualifierContainsBonus = 3.0;  // "Texas" the state, holding a Paris
constexpr double kQualifierCityPenalty = 2.0;    // a qualifier is a state or country
constexpr double kActorEvidence = 0.5;           // per entity coded with an actor country
constexpr double kAmbiguityMargin = 1.0;   // options this close to the best make a name ambiguous
constexpr double kTextMatchMinimum = 4.0;  // a city of 10,000 people, for names NER missed

double prior(const GazEntry& e, bool alternate, const Toponym& t) {
  double s = 0;
  switch (e.kind) {
    case EntryKind::kCountry:
      s = alternate ? kCountryAliasPrior : kCountryPrior;
      break;
    case EntryKind::kAdmin1:
      s = std::log10(static_cast<double>(e.population) + 10);
      if (alternate) s -= kAdminAliasPenalty;
      if (t.state_word) s += 3;
      break;
    case EntryKind::kLandmark:
      s = kLandmarkPrior;
      if (t.hint == ToponymHint::kFac) s += 1.5;
      if (t.hint == ToponymHint::kGpe) s -= 0.5;
      break;
    case EntryKind::kCity:
      s = std::log10(static_cast<double>(e.population) + 10);
      if (alternate) s -= kCityAlternatePenalty;
      if (e.capital()) s += kCapitalBonus;
      if (e.feature == "P.PPLX") s -= 1.0;  // a neighbourhood
      if (t.state_word) s -= 1.0;
      if (t.hint == ToponymHint::kFac) s -= 0.5;
      break;
  }
  return s;
}

struct Option {
  uint32_t entry;
  double score;
  bool weak;  // a reading that needs the article's support (below)
};

// A small town (fewer than 50,000 people) or a city known by an alternate name that is not a
// capital's exonym: such readings are taken only in a country the article is otherwise about or
// under a qualifier, and are no evidence of the article's countries ("Batman", "Centre", "Court").
constexpr uint32_t kWeakPopulation = 50000;
constexpr uint32_t kLocatedPopulation = 5000;  // a weak reading after a place preposition
constexpr double kIsolationEvidence = 2.0;     // evidence that makes a foreign city isolated
bool weak_reading(const GazEntry& e, bool alternate) {
  return e.kind == EntryKind::kCity &&
         ((alternate && !e.capital() && e.population < 1000000) || e.population < kWeakPopulation);
}

}  // namespace

bool reading_allowed(const GazEntry& e, bool alternate, ToponymSource source) {
  switch (source) {
    case ToponymSource::kMention:
      return true;
    case ToponymSource::kText:  // aliases of countries and divisions are curated ("US",
                                // "NSW") and the alternate names of metropolises are exonyms
                                // ("Kyiv"): allowed
      return (!alternate || e.kind == EntryKind::kCountry || e.kind == EntryKind::kAdmin1 ||
              (e.kind == EntryKind::kCity && e.population >= 1000000)) &&
             (e.kind != EntryKind::kCity || e.population >= 10000);
    case ToponymSource::kInner:
      return (!alternate || e.kind == EntryKind::kCountry || e.kind == EntryKind::kAdmin1 ||
              (e.kind == EntryKind::kCity && e.population >= 1000000)) &&
             (e.kind != EntryKind::kCity || e.population >= 50000);
    case ToponymSource::kInnerCountry:
      return e.kind == EntryKind::kCountry;
  }
  return false;
}

namespace {

// Whether `place` lies in `region` (a division or country).
bool contains(const GazEntry& region, const GazEntry& place) {
  if (region.country[0] == 0 || std::string_view(region.country) != std::string_view(place.country))
    return false;
  if (region.kind == EntryKind::kCountry) return place.kind != EntryKind::kCountry;
  return region.kind == EntryKind::kAdmin1 && place.kind != EntryKind::kAdmin1 &&
         place.admin1 == region.admin1;
}

}  // namespace

std::vector<Resolution> resolve(const Gazetteer& gaz, const std::vector<Toponym>& toponyms,
                                const ResolveContext& context) {
  const size_t n = toponyms.size();
  std::vector<std::vector<Option>> options(n);
  std::vector<GazMatch> matches;
  for (size_t i = 0; i < n; ++i) {
    matches.clear();
    gaz.lookup(toponyms[i].key, &matches);
    for (const GazMatch& m : matches) {
      const GazEntry& e = gaz.entry(m.entry);
      if (!reading_allowed(e, m.alternate, toponyms[i].source)) continue;
      if (toponyms[i].acronym && m.alternate && e.kind == EntryKind::kCity) continue;
      options[i].push_back(
          {m.entry, prior(e, m.alternate, toponyms[i]), weak_reading(e, m.alternate)});
    }
  }

  // Evidence of the article's countries and states: toponyms whose plausible readings all lie in
  // one country.
  std::map<std::string, double> focus;
  std::set<std::pair<std::string, std::string>> admins;  // (country, admin1) named in the text
  double focus_total = 0;
  for (size_t i = 0; i < n; ++i) {
    // Names the NER did not call places are no evidence, apart from countries.
    if (options[i].empty()) continue;
    if (toponyms[i].source != ToponymSource::kMention &&
        gaz.entry(options[i][0].entry).kind != EntryKind::kCountry)
      continue;
    const Option* best = &options[i][0];
    for (const Option& o : options[i])
      if (o.score > best->score) best = &o;
    const GazEntry& b = gaz.entry(best->entry);
    if (b.country[0] == 0 || best->weak) continue;
    bool one_country = true;
    for (const Option& o : options[i])
      if (o.score >= best->score - kAmbiguityMargin &&
          std::string_view(gaz.entry(o.entry).country) != std::string_view(b.country))
        one_country = false;
    if (!one_country) continue;
    const double w = b.kind == EntryKind::kCountry || b.kind == EntryKind::kAdmin1 ? 1.0 : 0.7;
    focus[b.country] += w;
    focus_total += w;
    if (b.kind == EntryKind::kAdmin1) admins.emplace(b.country, std::string(b.admin1));
  }

  for (const std::string& c : context.actor_countries) {
    focus[c] += kActorEvidence;
    focus_total += kActorEvidence;
  }

  // A mid-size city in a country without other evidence in an article that has plenty.
  auto isolated = [&](const GazEntry& e) {
    return e.kind == EntryKind::kCity && !e.capital() && e.population < 1000000 &&
           focus_total >= kIsolationEvidence && !focus.count(e.country);
  };

  auto context_score = [&](const GazEntry& e) {
    double s = 0;
    if (focus_total > 0 && e.country[0] != 0) {
      auto it = focus.find(e.country);
      if (it != focus.end()) s += kFocusWeight * it->second / focus_total;
    }
    if (e.kind == EntryKind::kCity && !e.admin1.empty() &&
        admins.count({std::string(e.country), std::string(e.admin1)}))
      s += kAdminFocusBonus;
    if (!context.dateline_country.empty() && context.dateline_country == e.country)
      s += kDatelineBonus;
    return s;
  };

  std::vector<Resolution> out(n);
  // The toponym each qualifier qualifies.
  std::vector<int32_t> qualified(n, -1);
  for (size_t i = 0; i < n; ++i)
    if (toponyms[i].qualifier >= 0) qualified[toponyms[i].qualifier] = static_cast<int32_t>(i);

  auto pick = [&](size_t i, const GazEntry* qualifier) {
    Resolution r;
    for (const Option& o : options[i]) {
      const GazEntry& e = gaz.entry(o.entry);
      // A city inside an organization's name ("Metro" of "Metro Toronto Convention Centre" is a
      // city of Indonesia) only in a country the article is about, unless it is a metropolis.
      // A city inside an organization's name: after "of" ("University of Sheffield") one of
      // 100,000 people, else a capital or a metropolis ("Edison Research" is no town).
      if (toponyms[i].source == ToponymSource::kInner && e.kind == EntryKind::kCity &&
          !e.capital() && e.population < (toponyms[i].after_of ? 100000u : 1000000u))
        continue;
      if (o.weak || isolated(e)) {
        // Weak readings ("Clinton", "Edison", "Salem": towns named like people and firms) and
        // mid-size cities in a country the article is otherwise silent about ("Carolina" in
        // Puerto Rico) need support: a qualifier, a division of theirs named in the article, or
        // a place preposition before them in a country of the article.
        const bool qualified_here = qualifier && contains(*qualifier, e);
        const bool admin_named =
            !e.admin1.empty() && admins.count({std::string(e.country), std::string(e.admin1)});
        const bool in_focus = focus.count(e.country) > 0;
        const bool located =
            toponyms[i].after_preposition && in_focus && e.population >= kLocatedPopulation;
        // Several words ("Eureka Springs", "McMurdo Station") or a qualifier ("Kibbutz
        // Kinneret, Tiberias") name a place, not a person or firm.
        const bool placelike = (toponyms[i].multiword || qualified[i] >= 0) && in_focus;
        if (!qualified_here && !admin_named && !located && !placelike) continue;
      }
      double s = o.score + context_score(e);
      if (qualified[i] >= 0) {
        if (e.kind == EntryKind::kCity) s -= kQualifierCityPenalty;
        for (const Option& x : options[qualified[i]])
          if (contains(e, gaz.entry(x.entry))) {
            s += kQualifierContainsBonus;
            break;
          }
      }
      if (qualifier && contains(*qualifier, e))
        s += qualifier->kind == EntryKind::kAdmin1 ? kQualifierAdminBonus : kQualifierCountryBonus;
      if (r.entry < 0 || s > r.score) r = {static_cast<int32_t>(o.entry), s};
    }
    if (toponyms[i].source == ToponymSource::kText && r.score < kTextMatchMinimum) r = {};
    return r;
  };
  // Qualifiers first, then the toponyms they qualify.
  for (size_t i = 0; i < n; ++i)
    if (toponyms[i].qualifier < 0) out[i] = pick(i, nullptr);
  for (size_t i = 0; i < n; ++i) {
    const int32_t q = toponyms[i].qualifier;
    if (q < 0) continue;
    const GazEntry* qe = out[q].entry >= 0 ? &gaz.entry(out[q].entry) : nullptr;
    out[i] = pick(i, qe);
  }

  // One sense per name and article: unqualified occurrences of a name take the best-supported
  // reading of that name (a qualified "Paris, Texas" carries the later bare "Paris").
  std::map<std::string_view, size_t> best_of_key;
  for (size_t i = 0; i < n; ++i) {
    // A qualifier's reading ("New York" the state in "Brooklyn, New York") is its own.
    if (out[i].entry < 0 || qualified[i] >= 0) continue;
    auto [it, fresh] = best_of_key.emplace(toponyms[i].key, i);
    if (!fresh && out[i].score > out[it->second].score) it->second = i;
  }
  for (size_t i = 0; i < n; ++i) {
    if (out[i].entry < 0 || toponyms[i].qualifier >= 0 || qualified[i] >= 0) continue;
    const size_t b = best_of_key[toponyms[i].key];
    out[i].entry = out[b].entry;
  }
  return out;
}

}  // namespace casus::places
