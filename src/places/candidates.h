// Toponym candidates of a document for the places stage (docs/places.md#candidates): name
// mentions of places, places inside organization, person and nominal mentions, and cautious text
// matches after place prepositions and commas, with the hints disambiguation uses (qualifiers,
// "state", prepositions, acronyms).
//
// Reads: Document::text, sentences, tokens, mentions, entities. Pure function of the document and
// the (const) gazetteer; thread-safe.
#ifndef CASUS_PLACES_CANDIDATES_H_
#define CASUS_PLACES_CANDIDATES_H_

#include <cstdint>
#include <vector>

#include "casus/document.h"
#include "places/gazetteer.h"
#include "places/resolve.h"

namespace casus::places {

// Where a toponym candidate is written: tokens [first, end) of one sentence.
struct Candidate {
  Span span;
  uint32_t first = 0, end = 0;
  uint32_t sentence = 0;
  uint32_t mention = kNoIndex;  // the mention it is (not one it lies inside), or kNoIndex
};

struct Candidates {
  std::vector<Candidate> spans;
  std::vector<Toponym> toponyms;  // parallel to spans
  // GPE/LOC/FAC name mentions the gazetteer does not know ("the Adler Planetarium"): they may
  // be located through a place they are said to be in.
  std::vector<uint32_t> unknown_places;
};

Candidates find_candidates(const Document& doc, const Gazetteer& gaz);

// A direction or area word, capitalized or not: part of the place that follows inside a name
// ("Southern Indiana") or between a locating preposition and its place ("near downtown Taipei",
// "in upstate New York").
bool is_direction(std::string_view w);

}  // namespace casus::places

#endif  // CASUS_PLACES_CANDIDATES_H_
