// `casus eval html`: article body extraction measured on the Scrapinghub article extraction
// benchmark (../shared/data/html-articles: ground-truth.json and html/<sha256>.html.gz), with the
// benchmark's own metric.
//
// Metric (as the benchmark's evaluate.py defines it):
//   - tokens: maximal runs of Unicode word characters, the `\w+` of Python's `re` on str: a code
//     point is a word character when its general category is a letter (L*) or a number (N*), or it
//     is '_' (ICU u_charType). Case is kept. Invalid UTF-8 bytes are separators.
//   - shingles: the multiset of token 4-grams; a text of 1-3 tokens has one shingle holding all of
//     its tokens (so short bodies still count), a text without tokens has none.
//   - per page: TP = sum of min(true count, predicted count) over shingles, FP and FN the excess
//     counts, then TP, FP and FN are divided by TP+FP+FN (every page weighs the same).
//   - precision = mean over pages with TP+FP > 0 of TP/(TP+FP) (1 when FP = FN = 0); recall =
//     mean over pages with TP+FN > 0 of TP/(TP+FN); F1 = harmonic mean of the two means.
//   - accuracy = share of pages whose predicted token sequence equals the true one exactly.
// All figures are percentages.
//
// Honest evaluation: pages are split by the first hex digit of their sha256 into a development
// half (0-7) and a held-out half (8-f). Extraction is tuned on the development half only.
#ifndef CASUS_EVAL_HTML_EVAL_H_
#define CASUS_EVAL_HTML_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "casus/status.h"

namespace casus::eval {

enum class HtmlSplit { kAll, kDev, kHeldout };

// True when the page named by `sha256` (hex) belongs to `split`.
bool in_html_split(std::string_view sha256, HtmlSplit split);

// Word tokens of UTF-8 `text` (definition above).
std::vector<std::string_view> word_tokens(std::string_view text);

// Normalized (TP, FP, FN) of one page, summing to 1 (all 0 when both texts have no token).
struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;
  double precision() const;  // 0..1, as the benchmark defines it
  double recall() const;     // 0..1
};
ShingleMatch match_shingles(std::string_view truth, std::string_view predicted);

struct HtmlPageResult {
  std::string id;   // sha256 of the page
  std::string url;  // from the ground truth
  ShingleMatch match;
  bool exact = false;       // same token sequence
  size_t true_tokens = 0;
  size_t predicted_tokens = 0;
  double seconds = 0;       // extraction time (decoding, parsing, extraction)
  std::string predicted;    // the extracted body
};

struct HtmlScores {
  size_t pages = 0;
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;  // percentages
};

// Scores of the pages in `results` that belong to `split`.
HtmlScores score_html(const std::vector<HtmlPageResult>& results, HtmlSplit split);

// Reads every page of the benchmark in `dir` that belongs to `split`, extracts its body with the
// HTML reader (the ground-truth URL given as the document URL) and matches it against the truth.
// Results are in the order of the page ids.
Status evaluate_html(const std::string& dir, HtmlSplit split, std::vector<HtmlPageResult>* out);

}  // namespace casus::eval

#endif  // CASUS_EVAL_HTML_EVAL_H_
