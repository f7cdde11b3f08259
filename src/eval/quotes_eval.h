// casus eval quotes: attribution (source, cue, content) against PolNeAR's BRAT standoff gold.
#ifndef CASUS_EVAL_QUOTES_EVAL_H_
#define CASUS_EVAL_QUOTES_EVAL_H_

#include <string>

#include "casus/status.h"
#include "eval/eval.h"

namespace casus::eval {

struct QuoteScores {
  Prf source;          // exact token span of each Source fragment
  Prf cue;             // exact token span of each Cue fragment
  Prf content;         // exact token span of each Content fragment
  Prf content_tokens;  // tokens inside Content spans
  Prf joint;           // attributions: content overlaps >= 50% of the gold content's tokens,
                       // source and cue fragments equal
  size_t documents = 0;
  size_t skipped = 0;  // articles whose text casus changed (offsets could not be mapped)
};

// Scores casus's quotes layer on the PolNeAR articles of `split_dir` (a folder with text/*.txt and
// attributions/*.ann). Articles annotated by several annotators are scored against the first
// .ann file in file-name order. Spans are compared as token ranges of casus's tokenizer (a span
// covers every token it overlaps), which is the sequence-labelling view of CofeNet; each
// fragment of a discontinuous span is one item. Term quotes are not attributions and are not
// scored. `threads` articles are processed at once.
Status evaluate_polnear_quotes(const std::string& split_dir, int threads, QuoteScores* scores);

}  // namespace casus::eval

#endif  // CASUS_EVAL_QUOTES_EVAL_H_
