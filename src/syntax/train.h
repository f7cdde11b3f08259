// Training the syntax model from CoNLL-U treebanks (`casus train syntax`).
//
// Tagger: averaged perceptron over joint UPOS+XPOS tags, greedy left to right. Parser: labeled
// arc-hybrid, averaged perceptron, dynamic oracle with exploration, trained on tags predicted by
// taggers trained on the other folds (jackknifing) so that training matches test conditions.
// Lemmas and features: Lexicon::Builder over the gold training words. Deterministic for a given
// seed and input; single-threaded.
#ifndef CASUS_SYNTAX_TRAIN_H_
#define CASUS_SYNTAX_TRAIN_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "casus/status.h"
#include "syntax/clusters.h"
#include "syntax/model.h"

namespace casus::syntax {

struct TrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U
  std::string dev_file;                  // optional: scores printed after each epoch
  // Unlabeled text for the word clusters: files or folders of plain-text articles (read with
  // casus's own text stage) in addition to the training treebanks' words.
  std::vector<std::string> unlabeled;
  ClusterOptions clusters;
  // When set, the word clusters are copied from this syntax model file instead of being learned
  // (`unlabeled` is then not read): keeps them fixed while the text stage that segments the
  // unlabeled text changes, so that parser and tagger changes can be compared.
  std::string clusters_from;
  uint64_t seed = 1;
  int tagger_epochs = 12;
  int parser_epochs = 8;
  // Parsers trained with seeds seed, seed + 1000003, ...; the model keeps their mean weights.
  int parser_seeds = 1;
  int folds = 4;                // jackknife folds for the second tagging pass and the parser (>= 2)
  double explore = 0.9;         // probability of following a wrong predicted transition
  float prune = 1.0f;           // parser weights (averaged) below this magnitude are dropped
  float tagger_prune = 0.5f;    // the same for the two tagging passes
  std::ostream* log = nullptr;  // progress lines, or nullptr
};

Status train_syntax(const TrainOptions& options, SyntaxModel* out);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_TRAIN_H_
