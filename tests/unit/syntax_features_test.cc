#include <gtest/gtest.h>

#include <set>

#include "syntax/features.h"

namespace casus::syntax {
namespace {

TEST(SyntaxFeatures, WordInfo) {
  WordInfo a, b, c;
  word_info("Obama", &a);
  word_info("obama", &b);
  word_info("Putin", &c);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_NE(a.form, b.form);
  EXPECT_EQ(a.shape, c.shape);  // "Xxx" after collapsing runs
  EXPECT_NE(a.shape, b.shape);
  EXPECT_TRUE(a.flags & kUpperInitial);
  EXPECT_FALSE(b.flags & kUpperInitial);
  EXPECT_EQ(a.lower, lower_hash("OBAMA"));
  WordInfo d;
  word_info("1990s", &d);
  EXPECT_TRUE(d.flags & kHasDigit);
  WordInfo e;
  word_info("", &e);  // no crash, no suffixes
  EXPECT_EQ(e.suf[0], 0u);
}

TEST(SyntaxFeatures, TaggerFeaturesAreBoundedAndContextual) {
  std::vector<WordInfo> w(3);
  word_info("The", &w[0]);
  word_info("cat", &w[1]);
  word_info("sat", &w[2]);
  uint64_t keys[kMaxTaggerFeatures], keys2[kMaxTaggerFeatures];
  for (int i = 0; i < 3; ++i) {
    const size_t n = tagger_features(w.data(), 3, i, kNoTag, kNoTag, nullptr, keys);
    EXPECT_LE(n, kMaxTaggerFeatures);
    EXPECT_GT(n, 10u);
    std::set<uint64_t> distinct(keys, keys + n);
    EXPECT_EQ(distinct.size(), n) << "duplicate feature keys at " << i;
    for (size_t k = 0; k < n; ++k) EXPECT_NE(keys[k], 0u);
  }
  // The previous tag changes the tag-history features only.
  const size_t n1 = tagger_features(w.data(), 3, 1, 4, kNoTag, nullptr, keys);
  const size_t n2 = tagger_features(w.data(), 3, 1, 5, kNoTag, nullptr, keys2);
  ASSERT_EQ(n1, n2);
  int differ = 0;
  for (size_t k = 0; k < n1; ++k) differ += keys[k] != keys2[k];
  EXPECT_GE(differ, 3);
  EXPECT_LE(differ, 6);
  // The second pass adds features of the first pass's tags.
  const uint16_t first[3] = {1, 2, 3};
  const size_t n3 = tagger_features(w.data(), 3, 1, 4, kNoTag, first, keys2);
  EXPECT_GT(n3, n1);
  EXPECT_LE(n3, kMaxTaggerFeatures);
}

TEST(SyntaxFeatures, ParserFeaturesAreBounded) {
  ParseState st;
  st.init(4);
  const uint64_t words[5] = {1, 2, 3, 4, 5};
  const uint16_t tags[5] = {9, 1, 2, 3, 1};
  const uint16_t coarse[5] = {5, 1, 2, 3, 1};
  const uint16_t clusters[5] = {7, 0xffff, 2, 3, 4};
  const NodeAttrs nodes{words, tags, coarse, clusters};
  uint64_t keys[kMaxParserFeatures];
  std::set<uint64_t> seen_states;
  while (!st.terminal()) {
    const size_t n = parser_features(st, nodes, keys);
    EXPECT_LE(n, kMaxParserFeatures);
    std::set<uint64_t> distinct(keys, keys + n);
    EXPECT_EQ(distinct.size(), n);
    seen_states.insert(keys[0] ^ keys[n - 1] ^ keys[n / 2]);
    // The decoder's two parts together are exactly the full feature set.
    uint64_t part[kMaxParserFeatures];
    size_t m = parser_features(st, nodes, part, ParserFeatures::kBufferOnly);
    EXPECT_GT(m, 5u);
    m += parser_features(st, nodes, part + m, ParserFeatures::kState);
    EXPECT_EQ(std::set<uint64_t>(part, part + m), distinct);
    st.apply(st.can_shift() ? kShift : right_action(st.stack.size() == 2 ? 0 : 1));
  }
  EXPECT_GT(seen_states.size(), 3u);
}

}  // namespace
}  // namespace casus::syntax
