// Evaluation of the syntax model against CoNLL-U gold data, with the CoNLL 2018 shared task
// definitions: UPOS, XPOS, UFeats and Lemma compare the whole value; UAS compares heads; LAS
// compares heads and the universal part of the relation (subtypes after ':' ignored). With gold
// tokens every word is aligned; with `raw`, casus segments the raw text itself (text::prepare and
// text::segment on the `# text` lines, sentences joined by a space, paragraphs by a blank line)
// and words are aligned by identical character span, as the shared task aligns tokens.
#ifndef CASUS_SYNTAX_EVALUATE_H_
#define CASUS_SYNTAX_EVALUATE_H_

#include <cstddef>
#include <iosfwd>
#include <string>

#include "casus/status.h"
#include "syntax/model.h"

namespace casus::syntax {

struct SyntaxScores {
  size_t gold_words = 0, system_words = 0, aligned = 0;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;  // correct counts
  size_t gold_sentences = 0, system_sentences = 0, sentences_matched = 0;
  double seconds = 0;  // CPU time spent tagging and parsing
  // F1 of a count of correct aligned words (equals accuracy with gold tokens).
  double f1(size_t correct) const {
    if (!gold_words || !system_words || !correct) return 0;
    const double p = static_cast<double>(correct) / system_words;
    const double r = static_cast<double>(correct) / gold_words;
    return 100.0 * 2 * p * r / (p + r);
  }
  void add(const SyntaxScores& o);
};

// Scores `model` on `gold_path`; adds to *scores. When `conllu_out` is set, the system analysis is
// written to it as CoNLL-U (gold-token mode only).
Status evaluate_syntax(const SyntaxModel& model, const std::string& gold_path, bool raw,
                       SyntaxScores* scores, std::ostream* conllu_out = nullptr);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_EVALUATE_H_
