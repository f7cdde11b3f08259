// In-article coreference over the mentions of one document (rule-based, deterministic):
//  1. names: same normalized name; a shorter person name that is the surname or given name of
//     a fuller one ("Blinken" -> "Antony Blinken"); acronyms of organization names ("NATO");
//     the same actor lexicon entry or, for places, the same country ("US" = "United States");
//  2. group nominals ("US officials") by normalized text;
//  3. title nominals ("the secretary") to the latest person whose title holds the noun;
//  4. pronouns (he, she, they, it and their forms) to the most salient compatible antecedent:
//     gender (given-name list, Mr./Ms., titles, earlier pronouns), number and type, recency
//     (sentence distance), subject preference (a mention headed by nsubj in Document::syntax, or
//     the first mention of its sentence without that layer), mention count, and, for a pronoun
//     inside a quotation, mentions inside the same quotation;
//     a non-reflexive object pronoun does not take a mention of its own clause.
// Unresolved title nominals and pronouns are dropped. Pure function of its inputs; thread-safe.
#ifndef CASUS_ENTITIES_COREF_H_
#define CASUS_ENTITIES_COREF_H_

#include <string>
#include <vector>

#include "casus/document.h"

namespace casus::entities {

// A candidate mention before clustering.
struct MentionCandidate {
  Mention mention;
  std::vector<std::string> titles;  // lower-case title words before a person name
  bool male_hint = false, female_hint = false;  // Mr. / Ms. / Mrs. before the name
};

// Clusters `cands` (name and nominal mentions, any order) plus the document's pronouns into
// doc.mentions and doc.entities (actor fields left empty). Entities are numbered by first
// mention; canonical names are the fullest proper names.
void resolve_coreference(Document& doc, std::vector<MentionCandidate> cands);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_COREF_H_
