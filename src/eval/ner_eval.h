// NER evaluation (`casus eval ner`): exact-span micro precision / recall / F1 and per type.
//
// UNER (IOB2, types PER/ORG/LOC/OTH) is scored on its gold tokens: casus PER and ORG stay,
// casus GPE, LOC and FAC count as LOC, casus NORP is dropped (UNER tags nationality words O);
// gold OTH spans are not scored (removed from gold), and a system span counts against
// precision unless it matches a gold PER/ORG/LOC span exactly with the same type.
// GUM (--gum) is scored with casus's six types against the named mentions that the training
// conversion derives (entities/ner_gum.h), on gold tokens and sentences.
#ifndef CASUS_EVAL_NER_EVAL_H_
#define CASUS_EVAL_NER_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "casus/status.h"
#include "eval/eval.h"

namespace casus::eval {

struct NerScores {
  Prf all;
  std::map<std::string, Prf> by_type;
  size_t sentences = 0;
  size_t tokens = 0;
  void add(const NerScores& o);
};

// Scores casus on one UNER IOB2 file; adds to *scores.
Status evaluate_ner_iob2(const std::string& path, NerScores* scores);
// Scores casus on GUM CoNLL-U files (six casus types); adds to *scores.
Status evaluate_ner_gum(const std::vector<std::string>& files, NerScores* scores);

}  // namespace casus::eval

#endif  // CASUS_EVAL_NER_EVAL_H_
