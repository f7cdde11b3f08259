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

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "casus/status.h"
#include "eval/eval.h"

namespace casus::entities {
class NerModel;
}

namespace casus::eval {

struct NerScores {
  Prf all;
  std::map<std::string, Prf> by_type;
  size_t sentences = 0;
  size_t tokens = 0;
  void add(const NerScores& o);
};

struct NerEvalOptions {
  const entities::NerModel* model = nullptr;  // null: the model built into casus
  // harmonize_names over each document's sentences, as the entities stage does; else sentence
  // by sentence (the tagger and its rules alone).
  bool documents = true;
  // Cross-validation: with folds > 0, only documents d (0-based, file order) with
  // d % folds == fold are scored (casus_train_ner --uner-fold trains without them).
  int fold = 0;
  int folds = 0;
  std::ostream* errors = nullptr;  // MISS/FALSE lines: type, span text, sentence (tab-separated)
};

// Scores casus on one UNER IOB2 file; adds to *scores.
Status evaluate_ner_iob2(const std::string& path, NerScores* scores,
                         const NerEvalOptions& options = {});
// Scores casus on GUM CoNLL-U files (six casus types); adds to *scores.
// `model`: null for the model built into casus.
Status evaluate_ner_gum(const std::vector<std::string>& files, NerScores* scores,
                        const entities::NerModel* model = nullptr);

}  // namespace casus::eval

#endif  // CASUS_EVAL_NER_EVAL_H_
