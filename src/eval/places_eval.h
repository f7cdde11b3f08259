// Places evaluation (`casus eval places`): toponym resolution on the place mentions of GUM
// documents, against casus's gold table data/places/gum_gold.tsv (Wikipedia identity -> country
// ISO3 and GeoNames id, docs/places.md).
//
// Gold mentions: GUM mentions of entity type `place` that carry a Wikipedia identity and whose
// syntactic head is a proper noun (XPOS NNP/NNPS): the named toponyms. casus runs its whole
// pipeline on the document text (rebuilt from the gold tokens); a gold mention is found when a
// casus place overlaps its head token inside the mention. Scores: the share of gold mentions
// (with a gold country, resp. GeoNames id, in the table) whose casus place has that country, resp.
// id; a mention casus did not resolve counts as wrong. Thread-compatible; runs on the calling
// thread.
#ifndef CASUS_EVAL_PLACES_EVAL_H_
#define CASUS_EVAL_PLACES_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "casus/status.h"

namespace casus::eval {

// One row of the gold table: "" for "-" (not scored on that field), geonameid 0 for "-".
struct PlaceGold {
  std::string country;
  uint32_t geonameid = 0;
};

// Reads the gold table (identity <tab> country <tab> geonameid; '#' comments, one header line).
Status read_place_gold(const std::string& path, std::map<std::string, PlaceGold>* gold);

struct PlaceScores {
  size_t documents = 0;
  size_t mentions = 0;  // named gold place mentions with a row in the gold table
  size_t found = 0;     // ... overlapped by a casus place
  size_t country_gold = 0, country_correct = 0;
  size_t geonames_gold = 0, geonames_correct = 0;
  size_t unknown_identities = 0;  // named place mentions whose identity has no gold row
  double country_accuracy() const {
    return country_gold ? 100.0 * country_correct / country_gold : 0;
  }
  double geonames_accuracy() const {
    return geonames_gold ? 100.0 * geonames_correct / geonames_gold : 0;
  }
  double recall() const { return mentions ? 100.0 * found / mentions : 0; }
  void add(const PlaceScores& o);
};

// Scores casus on the GUM CoNLL-U `files`. With `errors`, appends one line per wrong or missed
// mention ("doc<TAB>mention<TAB>identity<TAB>gold<TAB>system").
Status evaluate_places_gum(const std::vector<std::string>& files,
                           const std::map<std::string, PlaceGold>& gold, PlaceScores* scores,
                           std::string* errors = nullptr);

}  // namespace casus::eval

#endif  // CASUS_EVAL_PLACES_EVAL_H_
