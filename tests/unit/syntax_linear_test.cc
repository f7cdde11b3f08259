#include <gtest/gtest.h>

#include <vector>

#include "syntax/linear.h"

namespace casus::syntax {
namespace {

// A small trained model: feature k votes for class k % 3.
LinearModel toy_model() {
  LinearTrainer t(3);
  float scores[3];
  for (int round = 0; round < 20; ++round) {
    for (uint64_t k = 1; k <= 30; ++k) {
      const uint64_t keys[2] = {feature_key(1, k), feature_key(2, 0)};
      t.score(keys, 2, scores);
      int best = 0;
      for (int c = 1; c < 3; ++c)
        if (scores[c] > scores[best]) best = c;
      const int gold = static_cast<int>(k % 3);
      if (best != gold) {
        t.update(gold, 1.0f);
        t.update(best, -1.0f);
      }
      t.tick();
    }
  }
  return t.compile(0.0f);
}

std::vector<int32_t> score(const LinearModel& m, uint64_t k) {
  std::vector<int32_t> s(m.num_classes(), 0);
  const uint64_t keys[3] = {feature_key(1, k), feature_key(2, 0), feature_key(99, 99)};
  m.score(keys, 3, s.data());
  return s;
}

TEST(SyntaxLinear, LearnsAndRoundTrips) {
  const LinearModel m = toy_model();
  for (uint64_t k = 1; k <= 30; ++k) {
    const auto s = score(m, k);
    EXPECT_EQ(std::max_element(s.begin(), s.end()) - s.begin(), static_cast<long>(k % 3)) << k;
  }
  ByteWriter w;
  m.save(w);
  ByteReader r(w.data());
  LinearModel copy;
  ASSERT_TRUE(copy.load(r));
  for (uint64_t k = 1; k <= 30; ++k) EXPECT_EQ(score(copy, k), score(m, k));
}

TEST(SyntaxLinear, MergeKeepsEachHalf) {
  const LinearModel m = toy_model();
  const LinearModel with_empty = LinearModel::merge(m, LinearModel::empty(3));
  ASSERT_EQ(with_empty.num_classes(), 6);
  const LinearModel both = LinearModel::merge(m, m);
  for (uint64_t k = 1; k <= 30; ++k) {
    const auto a = score(m, k);
    const auto e = score(with_empty, k);
    const auto b = score(both, k);
    for (int c = 0; c < 3; ++c) {
      EXPECT_EQ(e[c], a[c]);  // exact: an empty model must not change the scale
      EXPECT_EQ(e[3 + c], 0);
      EXPECT_EQ(b[c], a[c]);
      EXPECT_EQ(b[3 + c], a[c]);
    }
  }
}

TEST(SyntaxLinear, PruneDropsSmallWeights) {
  const LinearModel m = toy_model();
  const float t = m.threshold_for(m.num_weights() / 2);
  const LinearModel p = m.pruned(t);
  EXPECT_LE(p.num_weights(), m.num_weights() / 2 + 1);
  EXPECT_LT(p.num_features(), m.num_features() + 1);
}

}  // namespace
}  // namespace casus::syntax
