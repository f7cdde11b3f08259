// Evaluation against gold data (`casus eval ...`). Every metric is a percentage 0-100.
#ifndef CASUS_EVAL_EVAL_H_
#define CASUS_EVAL_EVAL_H_

#include <cstdio>
#include <string>
#include <vector>

#include "casus/status.h"

namespace casus::eval {

// The shared data folder: $CASUS_DATA, else ../shared/data from the working directory, else
// ../../shared/data from the executable's folder. Empty when none exists.
std::string find_shared_data();

struct Prf {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? 100.0 * correct / system : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void add(const Prf& o) {
    gold += o.gold;
    system += o.system;
    correct += o.correct;
  }
};

struct SegmentScores {
  Prf tokens;
  Prf sentences;
  size_t documents = 0;
};

// Segmentation of casus against CoNLL-U gold, as the CoNLL 2018 shared task measures it: the raw
// text is rebuilt from the `# text` lines (sentences of a paragraph joined by one space,
// paragraphs separated by a blank line), segmented by casus, and tokens and sentences are
// matched by exact character span. Adds to *scores. When `errors` is set, writes one line per
// missed or spurious sentence end to it ("MISS|SPURIOUS <tab> file:line <tab> context").
Status evaluate_segmentation(const std::string& conllu_path, SegmentScores* scores,
                             std::FILE* errors = nullptr);

}  // namespace casus::eval

#endif  // CASUS_EVAL_EVAL_H_
