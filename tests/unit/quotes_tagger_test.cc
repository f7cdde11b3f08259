// The attribution tagger of the quotes stage (src/quotes/tagger.h): Viterbi constraints, spans of
// tag sequences, feature hashing of names, model parsing, and how tagged spans correct and
// complete the rules' quotes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline_fixture.h"
#include "quotes/quotes.h"
#include "quotes/tagger.h"

namespace casus::quotes {
namespace {

Document run(std::string text) { return test_support::process_text(std::move(text)); }

uint32_t token_of(const Document& doc, std::string_view word, uint32_t from = 0) {
  for (uint32_t t = from; t < doc.tokens.size(); ++t)
    if (doc.slice(doc.tokens[t].span) == word) return t;
  return static_cast<uint32_t>(doc.tokens.size());
}

std::string text_of(const Document& doc, Span s) { return std::string(doc.slice(s)); }

TEST(QuotesTagger, ViterbiNeverPutsInsideAfterOutside) {
  struct Case {
    const char* name;
    std::vector<float> em;  // 3 per token: B, I, O
    std::vector<uint8_t> want;
  };
  const Case cases[] = {
      {"plain argmax", {5, 0, 0, 0, 5, 0, 0, 0, 5}, {kB, kI, kO}},
      // "I" scores best on the second token but would follow an "O": "B" (next best) instead.
      {"inside after outside", {0, 0, 20, 2, 9, 0, 0, 3, 0}, {kO, kB, kI}},
      // An "I" opening the sentence is allowed (a span continued from the previous sentence).
      {"inside at the start", {0, 5, 0, 0, 5, 0}, {kI, kI}},
  };
  const float trans[4][3] = {};
  for (const Case& c : cases) {
    std::vector<uint8_t> tags(c.want.size());
    viterbi(c.em.data(), c.want.size(), trans, tags.data());
    EXPECT_EQ(tags, c.want) << c.name;
  }
}

TEST(QuotesTagger, SpansOfTagsJoinSentencesOfAParagraphOnly) {
  const Document doc = run("One two. Three four.\n\nFive six.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  ASSERT_EQ(doc.tokens.size(), 9u);
  // "two ." | "Three" continues (same paragraph); "Five" opens a new paragraph with "I".
  const std::vector<uint8_t> tags = {kO, kB, kI, kI, kO, kO, kI, kI, kO};
  const std::vector<TokenRange> want = {{1, 4}, {6, 8}};
  EXPECT_EQ(spans_of_tags(doc, tags), want);
}

// The hash of every feature name equals the hash extract() computes for it, including parts
// with a space (the lemma "according to" is written "according_to").
TEST(QuotesTagger, FeatureNamesHashLikeTheFeatures) {
  Document doc = run("Lead.\n\nAccording to officials, the senator said that the plan would fail.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  std::vector<float> scores;
  annotate_rules(doc, &scores);
  ASSERT_EQ(scores.size(), doc.tokens.size());
  const TaggerFeatures fx(doc, scores);
  std::vector<uint64_t> hashes;
  std::vector<std::string> names;
  bool phrase = false;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    fx.extract(t, &hashes, &names);
    ASSERT_EQ(hashes.size(), names.size());
    for (size_t k = 0; k < names.size(); ++k) {
      EXPECT_EQ(tagger_hash(names[k]), hashes[k]) << names[k];
      phrase = phrase || names[k] == "lexp= according_to";
    }
  }
  EXPECT_TRUE(phrase);
}

TEST(QuotesTagger, ParsedModelTagsByItsWeights) {
  Document doc = run("Lead.\n\nThe senator said the plan would fail.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  // "said" is a Cue ("B" of the cue layer), everything else "O"; a malformed line is skipped.
  const SpanTagger m = SpanTagger::parse(
      "# test\n"
      "w= said\t50 0 0 0 0 0 0 0 0\n"
      "bias\t0 0 1 0 0 1 0 0 1\n"
      "broken\t1 2\n"
      "~trans=S\t0 0 0 0 0 0 0 0 0\n");
  ASSERT_FALSE(m.empty());
  std::vector<float> scores;
  annotate_rules(doc, &scores);
  const TaggedSpans tagged = m.tag(doc, scores);
  const uint32_t said = token_of(doc, "said");
  ASSERT_EQ(tagged.spans[kCueLayer].size(), 1u);
  EXPECT_EQ(tagged.spans[kCueLayer][0], (TokenRange{said, said + 1}));
  EXPECT_TRUE(tagged.spans[kSourceLayer].empty());
  EXPECT_TRUE(tagged.spans[kContentLayer].empty());
  EXPECT_TRUE(SpanTagger::parse("").empty());
}

// Tagged spans move the boundaries of the rules' quotes and add attributions the rules missed.
TEST(QuotesTagger, MergeCorrectsAndCompletesTheRules) {
  Document doc = run("Lead.\n\nThe senator said that the plan would fail. Critics fretted over the cost.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  annotate_rules(doc);
  const uint32_t the = token_of(doc, "The"), said = token_of(doc, "said");
  const uint32_t that = token_of(doc, "that"), fail = token_of(doc, "fail");
  const uint32_t critics = token_of(doc, "Critics"), worried = token_of(doc, "fretted");
  const uint32_t cost = token_of(doc, "cost");
  bool rule_quote = false;
  for (const Quote& q : doc.quotes)
    rule_quote = rule_quote || (!q.cue.empty() && text_of(doc, q.cue) == "said");
  ASSERT_TRUE(rule_quote) << "the rules find 'The senator said that ...'";
  TaggedSpans tagged;
  tagged.spans[kCueLayer] = {{said, said + 1}, {worried, worried + 2}};
  tagged.spans[kSourceLayer] = {{the + 1, the + 2}, {critics, critics + 1}};  // "senator" only
  tagged.spans[kContentLayer] = {{that + 1, fail + 1}, {cost - 1, cost + 1}};  // without "that"
  merge_tagged(doc, tagged);
  const Quote* senator = nullptr;
  const Quote* added = nullptr;
  for (const Quote& q : doc.quotes) {
    if (q.cue.empty()) continue;
    if (text_of(doc, q.cue) == "said") senator = &q;
    if (text_of(doc, q.cue) == "fretted over") added = &q;
  }
  ASSERT_NE(senator, nullptr);
  EXPECT_EQ(text_of(doc, senator->speaker), "senator");
  ASSERT_EQ(senator->content.size(), 1u);
  EXPECT_EQ(text_of(doc, senator->content[0]), "the plan would fail");
  ASSERT_NE(added, nullptr) << "the tagged cue the rules missed";
  EXPECT_EQ(text_of(doc, added->speaker), "Critics");
  ASSERT_EQ(added->content.size(), 1u);
  EXPECT_EQ(text_of(doc, added->content[0]), "the cost");
  EXPECT_EQ(added->kind, QuoteKind::kIndirect);
  EXPECT_EQ(added->cue_lemma, "fret");
}

// A rule speaker of an indirect quote that no tagged Source overlaps is dropped (direct quotes
// keep theirs: transcript labels, dashes); a tagged cue without any tagged
// Content in its sentence adds nothing.
TEST(QuotesTagger, MergeDropsUnsupportedSpeakersAndContentlessCues) {
  Document doc = run("Lead.\n\nThe senator said that the plan would fail. Critics worried.");
  if (doc.syntax.size() != doc.tokens.size()) GTEST_SKIP() << "no syntax model";
  annotate_rules(doc);
  const size_t before = doc.quotes.size();
  const uint32_t said = token_of(doc, "said"), worried = token_of(doc, "worried");
  TaggedSpans tagged;
  tagged.spans[kCueLayer] = {{said, said + 1}, {worried, worried + 1}};
  merge_tagged(doc, tagged);
  EXPECT_EQ(doc.quotes.size(), before);
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kIndirect) {
      EXPECT_TRUE(q.speaker.empty());
    }
  }
}

}  // namespace
}  // namespace casus::quotes
