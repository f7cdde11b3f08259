#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
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

// Features with one weight (kept in the lookup slot), a few (sparse pairs) and many classes
// (dense rows padded to 16 classes, summed in blocks): each adds exactly its own weights, and
// scoring them together adds up the single scores.
TEST(SyntaxLinear, ScoresEveryLayout) {
  for (int classes : {3, 103, 216, 600}) {
    LinearTrainer t(classes);
    std::vector<float> fs(static_cast<size_t>(classes));
    std::vector<uint64_t> keys;
    std::vector<int> counts;
    for (uint64_t f = 1; f <= 40; ++f) {
      const int n = f == 1 ? 1 : static_cast<int>((f * 7) % static_cast<uint64_t>(classes)) + 1;
      const uint64_t key = feature_key(5, f);
      t.score(&key, 1, fs.data());
      for (int c = 0; c < n; ++c)
        t.update(static_cast<int>((static_cast<uint64_t>(c) + f) % classes),
                 (c % 2 ? -1.0f : 1.0f) * static_cast<float>(1 + c % 3));
      keys.push_back(key);
      counts.push_back(n);
    }
    t.tick();
    const LinearModel m = t.compile(0.0f);
    const int32_t kSentinel = 12345;
    std::vector<int64_t> sum(static_cast<size_t>(classes), 0);
    for (size_t i = 0; i < keys.size(); ++i) {
      std::vector<int32_t> s(static_cast<size_t>(classes) + 16, 0);
      std::fill(s.begin() + classes, s.end(), kSentinel);
      m.score(&keys[i], 1, s.data());
      int nonzero = 0;
      for (int c = 0; c < classes; ++c) {
        nonzero += s[static_cast<size_t>(c)] != 0;
        sum[static_cast<size_t>(c)] += s[static_cast<size_t>(c)];
      }
      EXPECT_EQ(nonzero, counts[i]) << classes << " classes, feature " << i;
      for (int c = classes; c < classes + 16; ++c) EXPECT_EQ(s[static_cast<size_t>(c)], kSentinel);
      // The first class updated got a positive weight.
      EXPECT_GT(s[(i + 1) % static_cast<size_t>(classes)], 0);
    }
    keys.push_back(feature_key(6, 1));  // unknown
    std::vector<int32_t> all(static_cast<size_t>(classes), 0);
    m.score(keys.data(), keys.size(), all.data());
    for (int c = 0; c < classes; ++c) EXPECT_EQ(all[static_cast<size_t>(c)], sum[static_cast<size_t>(c)]);
  }
}

TEST(SyntaxLinear, PruneDropsSmallWeights) {
  const LinearModel m = toy_model();
  const float t = m.threshold_for(m.num_weights() / 2);
  const LinearModel p = m.pruned(t);
  EXPECT_LE(p.num_weights(), m.num_weights() / 2 + 1);
  EXPECT_LT(p.num_features(), m.num_features() + 1);
}

// A trainer whose averaged weights are `weights` (key, class, weight): each is set by one update
// before a single tick, so the average over the two clock ticks is half the update.
LinearTrainer trainer_with(const std::vector<std::tuple<uint64_t, int, float>>& weights) {
  LinearTrainer t(3);
  float scores[3];
  for (const auto& [key, cls, w] : weights) {
    const uint64_t k = feature_key(7, key);
    t.score(&k, 1, scores);
    t.update(cls, 2 * w);
  }
  t.tick();
  return t;
}

std::vector<int32_t> score_key(const LinearModel& m, uint64_t key) {
  std::vector<int32_t> s(m.num_classes(), 0);
  const uint64_t k = feature_key(7, key);
  m.score(&k, 1, s.data());
  return s;
}

std::string bytes_of(const LinearModel& m) {
  ByteWriter w;
  m.save(w);
  return w.data();
}

TEST(SyntaxLinear, WeightSumOfOneTrainerIsItsCompiledModel) {
  LinearTrainer t(3);
  float scores[3];
  for (int round = 0; round < 5; ++round)
    for (uint64_t k = 1; k <= 30; ++k) {
      const uint64_t keys[2] = {feature_key(1, k), feature_key(2, k % 4)};
      t.score(keys, 2, scores);
      t.update(static_cast<int>(k % 3), 1.0f);
      t.update(static_cast<int>((k + round) % 3), -0.5f);
      t.tick();
    }
  for (float prune : {0.0f, 0.2f, 1.0f}) {
    WeightSum sum(3);
    sum.add(t, 1.0f);
    EXPECT_EQ(bytes_of(sum.compile(prune)), bytes_of(t.compile(prune))) << prune;
  }
}

TEST(SyntaxLinear, WeightSumAveragesTrainers) {
  // Averaged weights: a = {k1: c0 2}, b = {k1: c0 4, c1 -1; k2: c2 3}; their mean is
  // {k1: c0 3, c1 -0.5; k2: c2 1.5}, quantized at scale 3 / 32000.
  const LinearTrainer a = trainer_with({{1, 0, 2.0f}});
  const LinearTrainer b = trainer_with({{1, 0, 4.0f}, {1, 1, -1.0f}, {2, 2, 3.0f}});
  WeightSum sum(3);
  sum.add(a, 0.5f);
  sum.add(b, 0.5f);
  EXPECT_EQ(sum.num_features(), 2u);
  const LinearModel all = sum.compile(0.0f);
  EXPECT_EQ(score_key(all, 1), (std::vector<int32_t>{32000, -5333, 0}));
  EXPECT_EQ(score_key(all, 2), (std::vector<int32_t>{0, 0, 16000}));
  EXPECT_EQ(score_key(all, 3), (std::vector<int32_t>{0, 0, 0}));
  // Pruning applies to the mean: c1's -0.5 goes, b's -1 alone would have stayed.
  const LinearModel pruned = sum.compile(1.0f);
  EXPECT_EQ(pruned.num_weights(), 2u);
  EXPECT_EQ(score_key(pruned, 1), (std::vector<int32_t>{32000, 0, 0}));
}

}  // namespace
}  // namespace casus::syntax
