// Toponym disambiguation: picks one gazetteer entry for each toponym of an article from its
// candidates, by prior (kind of place, population, primary vs alternate name) and article
// context (countries and states the article is about, "X, Y" qualifiers, the dateline, one sense
// per name and article). Method and weights: docs/places.md.
//
// Pure function over its arguments; thread-safe.
#ifndef CASUS_PLACES_RESOLVE_H_
#define CASUS_PLACES_RESOLVE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "places/gazetteer.h"

namespace casus::places {

// What the entities stage said the toponym is, when it is a mention.
enum class ToponymHint : uint8_t { kNone, kGpe, kLoc, kFac };

// Where a toponym was found, which limits the readings it may take.
enum class ToponymSource : uint8_t {
  kMention,       // a GPE/LOC/FAC name mention: any reading
  kText,          // a name NER missed, after a place preposition or as a qualifier: primary names
                  // only, cities of at least 10,000 people, a minimum score
  kInner,         // a name inside a longer organization or facility name ("University of
                  // Sheffield"): primary names of countries, divisions, landmarks, cities of at
                  // least 50,000 people
  kInnerCountry,  // a country inside a person's name ("US President Barack Obama"): countries
};

struct Toponym {
  std::string key;  // normalize_key of the text
  ToponymHint hint = ToponymHint::kNone;
  int32_t qualifier = -1;   // index of the toponym qualifying it ("Texas" in "Paris, Texas")
  bool qualifies = false;   // this toponym qualifies the previous one
  bool state_word = false;  // followed by "state" ("Washington state")
  ToponymSource source = ToponymSource::kMention;
  bool acronym = false;            // written in capitals ("LA", "USI"): no alternate city names
  bool after_of = false;           // inside a name after "of"/"in" ("University of Sheffield"), or
                                   // before a municipal word ("Irving Police Department")
  bool after_preposition = false;  // after in/at/near/from/to/... ("a rally in Salem")
  bool multiword = false;          // written as several words ("Eureka Springs")
};

// Whether a toponym found by `source` may take the reading `e` (found by an alternate name or
// not).
bool reading_allowed(const GazEntry& e, bool alternate, ToponymSource source);

struct ResolveContext {
  std::string dateline_country;  // ISO3 of the dateline place, "" when none
  // Countries of the article's coded actors ("Israeli", "Hebrew University of Jerusalem" -> ISR),
  // one entry per entity: weaker evidence of the article's countries than its toponyms.
  std::vector<std::string> actor_countries;
};

struct Resolution {
  int32_t entry = -1;  // gazetteer entry, -1 when unresolved
  double score = 0;
};

// One Resolution per toponym, parallel to `toponyms`.
std::vector<Resolution> resolve(const Gazetteer& gaz, const std::vector<Toponym>& toponyms,
                                const ResolveContext& context);

}  // namespace casus::places

#endif  // CASUS_PLACES_RESOLVE_H_
