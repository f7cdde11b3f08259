// The learned cue scorer and content-end ranker of the quotes stage (src/quotes/cue_model.h):
// model parsing, feature extraction contracts, and the shipped model's behaviour on clear cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "quotes/cue_model.h"
#include "pipeline_fixture.h"

namespace casus::quotes {
namespace {

Document run(std::string text) { return test_support::process_text(std::move(text)); }

uint32_t token_of(const Document& doc, std::string_view word) {
  for (uint32_t t = 0; t < doc.tokens.size(); ++t)
    if (doc.slice(doc.tokens[t].span) == word) return t;
  return static_cast<uint32_t>(doc.tokens.size());
}

TEST(QuotesCueModel, ParsesWeightsAndSkipsComments) {
  const CueModel m = CueModel::parse("# header\nl=say\t2.5\nbias\t-1\nE:end\t0.5\nbroken line\n");
  ASSERT_FALSE(m.empty());
  EXPECT_TRUE(m.has_end());
  EXPECT_FLOAT_EQ(m.score({"l=say", "bias"}), 1.5f);
  EXPECT_FLOAT_EQ(m.score({"unknown"}), 0.0f);
  EXPECT_FLOAT_EQ(m.score({"E:end", "l=say"}), 3.0f);
}

TEST(QuotesCueModel, EmptyModelScoresZero) {
  const CueModel m = CueModel::parse("");
  EXPECT_TRUE(m.empty());
  EXPECT_FALSE(m.has_end());
  EXPECT_FLOAT_EQ(m.score({"l=say"}), 0.0f);
}

TEST(QuotesCueModel, FeaturesOfAVerb) {
  const Document doc = run("Lead.\n\nThe senator said that the plan would fail.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  const CueFeatures fx(doc);
  const uint32_t said = token_of(doc, "said");
  ASSERT_LT(said, doc.tokens.size());
  ASSERT_TRUE(fx.candidate(said));
  EXPECT_FALSE(fx.candidate(token_of(doc, "senator")));
  std::vector<std::string> f;
  fx.extract(said, &f);
  EXPECT_NE(std::find(f.begin(), f.end(), "l=say"), f.end());
  EXPECT_NE(std::find(f.begin(), f.end(), "w=said"), f.end());
  // End features are prefixed and describe the cut.
  const uint32_t that = token_of(doc, "that");
  fx.extract_end(that, that + 3, &f);
  ASSERT_FALSE(f.empty());
  for (const std::string& x : f) EXPECT_EQ(x.rfind("E:", 0), 0u) << x;
}

// The shipped model (data/quotes/cue_model.tsv) prefers clear speech verbs to clear non-cues
// and a clause end at the sentence end to one in the middle of a noun phrase.
TEST(QuotesCueModel, BuiltinModelOnClearCases) {
  const CueModel& m = CueModel::builtin();
  if (m.empty()) GTEST_SKIP() << "built without data/quotes/cue_model.tsv";
  const Document doc =
      run("Lead.\n\nThe senator said that the old plan would fail badly.\n\n"
          "The senator walked to the car.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  const CueFeatures fx(doc);
  std::vector<std::string> f;
  fx.extract(token_of(doc, "said"), &f);
  const float said = m.score(f);
  fx.extract(token_of(doc, "walked"), &f);
  const float walked = m.score(f);
  EXPECT_GT(said, 0.0f);
  EXPECT_LT(walked, 0.0f);
  ASSERT_TRUE(m.has_end());
  const uint32_t that = token_of(doc, "that");
  const uint32_t end = token_of(doc, "badly") + 1;
  fx.extract_end(that, end, &f);
  const float full = m.score(f);
  fx.extract_end(that, token_of(doc, "old") + 1, &f);  // "that the old"
  EXPECT_GT(full, m.score(f));
}

}  // namespace
}  // namespace casus::quotes
