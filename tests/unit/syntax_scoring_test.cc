// LinearModel::score / add_scores against weights known in advance, for every row layout
// (inline single weight, sparse pairs, dense rows), long probe runs (many keys, most of them
// unknown), several batches per call and very wide models (sparse rows longer than the
// scorer's gathering buffer).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "syntax/linear.h"

namespace casus::syntax {
namespace {

struct Feature {
  uint64_t key;
  std::vector<std::pair<int, int32_t>> weights;  // (class, quantized weight)
};

// Feature f weighs `counts[f]` classes (f + j) % classes with +1 / -2 alternately; after one
// tick the averaged weights are +0.5 / -1, which quantize exactly to +16000 / -32000.
LinearModel build(int classes, const std::vector<int>& counts, std::vector<Feature>* features) {
  LinearTrainer t(classes);
  std::vector<float> scratch(static_cast<size_t>(classes));
  for (size_t f = 0; f < counts.size(); ++f) {
    Feature feature{feature_key(7, f + 1), {}};
    t.score(&feature.key, 1, scratch.data());
    for (int j = 0; j < counts[f]; ++j) {
      const int cls = static_cast<int>((f + static_cast<size_t>(j)) % static_cast<size_t>(classes));
      const bool plus = j % 2 == 0;
      t.update(cls, plus ? 1.0f : -2.0f);
      feature.weights.emplace_back(cls, plus ? 16000 : -32000);
    }
    features->push_back(std::move(feature));
  }
  t.tick();
  return t.compile(0.0f);
}

std::vector<int64_t> expected(int classes, const std::vector<const Feature*>& fs) {
  std::vector<int64_t> s(static_cast<size_t>(classes), 0);
  for (const Feature* f : fs)
    for (const auto& [c, w] : f->weights) s[static_cast<size_t>(c)] += w;
  return s;
}

struct Case {
  int classes;
  int features;
  std::vector<int> extra_counts;  // counts of a few more features (long rows)
};

TEST(SyntaxScoring, MatchesKnownWeights) {
  const std::vector<Case> cases = {
      {3, 40, {}},
      {16, 200, {}},
      {103, 3000, {25, 26, 103}},
      {216, 1500, {53, 54, 216}},
      {1200, 300, {299, 300, 1200}},
      {9000, 40, {2200, 2249}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.classes);
    std::vector<int> counts;
    for (int f = 0; f < c.features; ++f) {
      // 1 (inline), then a spread of sparse lengths, and now and then a dense row.
      const int n = f % 5 == 0 ? 1 : f % 17 == 0 ? c.classes : 1 + (f * 7) % (c.classes / 4 + 1);
      counts.push_back(std::min(n, c.classes));
    }
    counts.insert(counts.end(), c.extra_counts.begin(), c.extra_counts.end());
    std::vector<Feature> features;
    const LinearModel m = build(c.classes, counts, &features);
    const size_t width = m.score_width();
    ASSERT_GE(width, static_cast<size_t>(c.classes));

    // Each feature alone, through both entry points.
    for (const Feature& f : features) {
      const auto want = expected(c.classes, {&f});
      std::vector<int32_t> s(static_cast<size_t>(c.classes) + 4, 777);
      std::fill(s.begin(), s.begin() + c.classes, 0);
      m.score(&f.key, 1, s.data());
      std::vector<int32_t> a(width, 0);
      m.add_scores(&f.key, 1, a.data());
      for (int k = 0; k < c.classes; ++k) {
        ASSERT_EQ(s[static_cast<size_t>(k)], want[static_cast<size_t>(k)]) << "class " << k;
        ASSERT_EQ(a[static_cast<size_t>(k)], want[static_cast<size_t>(k)]) << "class " << k;
      }
      for (int k = c.classes; k < c.classes + 4; ++k) ASSERT_EQ(s[static_cast<size_t>(k)], 777);
      for (size_t k = static_cast<size_t>(c.classes); k < width; ++k) ASSERT_EQ(a[k], 0);
    }

    // Everything at once, interleaved with three times as many unknown keys (long probe runs
    // across the end of the slot array, many batches) and repeated keys.
    std::vector<uint64_t> keys;
    std::vector<const Feature*> used;
    for (size_t i = 0; i < features.size(); ++i) {
      keys.push_back(features[i].key);
      used.push_back(&features[i]);
      for (uint64_t u = 0; u < 3; ++u) keys.push_back(feature_key(8, i * 3 + u));
      if (i % 11 == 0) {
        keys.push_back(features[i / 2].key);
        used.push_back(&features[i / 2]);
      }
    }
    const auto want = expected(c.classes, used);
    std::vector<int32_t> a(width, 5);
    m.add_scores(keys.data(), keys.size(), a.data());
    for (int k = 0; k < c.classes; ++k)
      ASSERT_EQ(a[static_cast<size_t>(k)], want[static_cast<size_t>(k)] + 5);
    std::vector<int32_t> s(static_cast<size_t>(c.classes), -3);
    m.score(keys.data(), keys.size(), s.data());
    for (int k = 0; k < c.classes; ++k)
      ASSERT_EQ(s[static_cast<size_t>(k)], want[static_cast<size_t>(k)] - 3);

    // Only unknown keys: nothing changes.
    std::vector<uint64_t> unknown;
    for (uint64_t u = 0; u < 5000; ++u) unknown.push_back(feature_key(9, u));
    std::vector<int32_t> z(width, 0);
    m.add_scores(unknown.data(), unknown.size(), z.data());
    for (int32_t v : z) ASSERT_EQ(v, 0);
  }
}

TEST(SyntaxScoring, EmptyModelAddsNothing) {
  const LinearModel m = LinearModel::empty(103);
  std::vector<int32_t> a(m.score_width(), 4);
  const uint64_t keys[2] = {feature_key(1, 2), feature_key(3, 4)};
  m.add_scores(keys, 2, a.data());
  for (int32_t v : a) EXPECT_EQ(v, 4);
}

}  // namespace
}  // namespace casus::syntax
