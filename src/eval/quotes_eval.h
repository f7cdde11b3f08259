// casus eval quotes: attribution (source, cue, content) against PolNeAR's BRAT standoff gold.
#ifndef CASUS_EVAL_QUOTES_EVAL_H_
#define CASUS_EVAL_QUOTES_EVAL_H_

#include <string>
#include <utility>
#include <vector>

#include "casus/status.h"
#include "eval/eval.h"

namespace casus {
struct Document;
}

namespace casus::eval {

// One PolNeAR attribution as token ranges [first, end) of casus's tokenizer; a discontinuous
// span has one range per fragment.
struct GoldAttribution {
  std::vector<std::pair<uint32_t, uint32_t>> source, cue, content;
};

// The PolNeAR articles of `split_dir` (text/*.txt with attributions/*.ann): (text file, the first
// annotator's .ann in file-name order), sorted by article.
std::vector<std::pair<std::string, std::string>> polnear_articles(const std::string& split_dir);

// The contents of a whole file (a PolNeAR text or .ann); false when it cannot be read.
bool read_whole_file(const std::string& path, std::string* out);

// The attributions (E lines) of a PolNeAR .ann file whose code-point offsets index doc.text.
std::vector<GoldAttribution> read_polnear_attributions(const std::string& ann, const Document& doc);

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
// When `diagnostics` is not null, one TSV line per scoring error is appended to it:
// article, role (source|cue|content), "missed" or "spurious", "boundary" when an item of the
// other side overlaps it (else "absent"), the item's text, and the overlapping item's text.
Status evaluate_polnear_quotes(const std::string& split_dir, int threads, QuoteScores* scores,
                               std::string* diagnostics = nullptr);

}  // namespace casus::eval

#endif  // CASUS_EVAL_QUOTES_EVAL_H_
