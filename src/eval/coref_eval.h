// Coreference evaluation (`casus eval coref`): MUC, B-cubed and CEAF-e (entity-based, phi4),
// and their average (the CoNLL F1), on GUM documents, run from gold tokens and sentences.
//
// Mentions are matched by head: a casus mention matches the smallest gold mention of the same
// sentence that contains it and whose syntactic head it contains; unmatched casus mentions stay
// in the response as invented mentions. Singleton entities are removed from key and response
// (CoNLL-2012 practice). Two keys are scored:
//  - "all": every GUM mention (nominals, events, abstracts too: casus does not attempt most);
//  - "named_pronoun": only gold mentions headed by a proper noun or a third-person personal
//    pronoun (he, she, it, they and their forms) - the mentions casus tries to find - with
//    singletons removed after the restriction.
#ifndef CASUS_EVAL_COREF_EVAL_H_
#define CASUS_EVAL_COREF_EVAL_H_

#include <string>
#include <vector>

#include "casus/status.h"

namespace casus::eval {

struct CorefMetric {
  double p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  double precision() const { return p_den > 0 ? 100.0 * p_num / p_den : 0; }
  double recall() const { return r_den > 0 ? 100.0 * r_num / r_den : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct CorefScores {
  CorefMetric muc, b3, ceafe;
  double conll() const { return (muc.f1() + b3.f1() + ceafe.f1()) / 3; }
  size_t documents = 0, key_mentions = 0, response_mentions = 0;
};

// Scores casus on GUM CoNLL-U files; `restricted` selects the named_pronoun key.
Status evaluate_coref_gum(const std::vector<std::string>& files, bool restricted,
                          CorefScores* scores);

}  // namespace casus::eval

#endif  // CASUS_EVAL_COREF_EVAL_H_
