// The metric of `casus eval html` (eval/html_eval.h): tokens, shingles, per-page and averaged
// scores, and the development / held-out split.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/html_eval.h"

namespace casus::eval {
namespace {

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  for (auto t : word_tokens(s)) out.emplace_back(t);
  return out;
}

TEST(HtmlEvalMetric, WordTokensAreUnicodeWordRuns) {
  EXPECT_EQ(tokens("Hello, world! it's snake_case 42"),
            (std::vector<std::string>{"Hello", "world", "it", "s", "snake_case", "42"}));
  // Letters and numbers of any script; punctuation and symbols split.
  EXPECT_EQ(tokens("caf\xC3\xA9 \xE2\x80\x94 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"
                   "\xE2\x80\x99s \xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xC2\xBD"),
            (std::vector<std::string>{"caf\xC3\xA9", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
                                      "s", "\xE4\xB8\xAD\xE6\x96\x87", "\xC2\xBD"}));
  // Invalid UTF-8 separates.
  EXPECT_EQ(tokens("ab\xFF" "cd"), (std::vector<std::string>{"ab", "cd"}));
  EXPECT_TRUE(tokens("").empty());
}

TEST(HtmlEvalMetric, ShingleCounts) {
  // Identical texts.
  ShingleMatch m = match_shingles("one two three four five", "one two three four five");
  EXPECT_DOUBLE_EQ(m.tp, 1.0);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0);
  EXPECT_DOUBLE_EQ(m.recall(), 1.0);
  // truth: 2 shingles; prediction adds one word: 3 shingles, 2 shared -> tp 2, fp 1, fn 0.
  m = match_shingles("a b c d e", "a b c d e f");
  EXPECT_DOUBLE_EQ(m.tp, 2.0 / 3);
  EXPECT_DOUBLE_EQ(m.fp, 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.fn, 0.0);
  EXPECT_DOUBLE_EQ(m.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(m.recall(), 1.0);
  // Multisets: a repeated shingle counts as often as it occurs.
  m = match_shingles("x y z w x y z w", "x y z w");
  EXPECT_DOUBLE_EQ(m.recall(), 0.2);  // 5 true shingles ("x y z w" twice), 1 predicted
}

TEST(HtmlEvalMetric, ShortTextsAndEmptyPredictions) {
  // Under four tokens: one shingle of all tokens.
  ShingleMatch m = match_shingles("Breaking news", "Breaking news");
  EXPECT_DOUBLE_EQ(m.precision(), 1.0);
  m = match_shingles("Breaking news", "Breaking");
  EXPECT_DOUBLE_EQ(m.tp, 0.0);
  EXPECT_DOUBLE_EQ(m.precision(), 0.0);
  // Empty prediction: no precision (tp + fp = 0), recall 0.
  m = match_shingles("some true body text here", "");
  EXPECT_DOUBLE_EQ(m.tp + m.fp, 0.0);
  EXPECT_DOUBLE_EQ(m.recall(), 0.0);
  // Both empty: nothing to score.
  m = match_shingles("", "...");
  EXPECT_DOUBLE_EQ(m.tp + m.fp + m.fn, 0.0);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0);
}

TEST(HtmlEvalMetric, AveragesOverPagesAndSplits) {
  std::vector<HtmlPageResult> r(3);
  r[0].id = "0aa";  // dev: perfect
  r[0].match = match_shingles("a b c d e", "a b c d e");
  r[0].exact = true;
  r[1].id = "7bb";  // dev: empty prediction, counts for recall only
  r[1].match = match_shingles("a b c d e", "");
  r[2].id = "fcc";  // held out: half precision
  r[2].match = match_shingles("a b c d", "a b c d x y z");
  const HtmlScores dev = score_html(r, HtmlSplit::kDev);
  EXPECT_EQ(dev.pages, 2u);
  EXPECT_DOUBLE_EQ(dev.precision, 100.0);
  EXPECT_DOUBLE_EQ(dev.recall, 50.0);
  EXPECT_NEAR(dev.f1, 2 * 100.0 * 50 / 150, 1e-9);
  EXPECT_DOUBLE_EQ(dev.accuracy, 50.0);
  const HtmlScores held = score_html(r, HtmlSplit::kHeldout);
  EXPECT_EQ(held.pages, 1u);
  EXPECT_DOUBLE_EQ(held.precision, 25.0);
  EXPECT_EQ(score_html(r, HtmlSplit::kAll).pages, 3u);
  EXPECT_TRUE(in_html_split("7f", HtmlSplit::kDev));
  EXPECT_TRUE(in_html_split("80", HtmlSplit::kHeldout));
  EXPECT_FALSE(in_html_split("80", HtmlSplit::kDev));
}

}  // namespace
}  // namespace casus::eval
