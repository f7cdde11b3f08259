#include <gtest/gtest.h>

#include <random>

#include "syntax/transition.h"

namespace casus::syntax {
namespace {

constexpr int kRoot = 0;

// Follows the cheapest valid action (the static oracle derived from the dynamic one) to the end
// and returns the heads and labels it built.
void run_oracle(const std::vector<int>& heads, const std::vector<int>& labels, int num_labels,
                std::vector<int>* out_heads, std::vector<int>* out_labels) {
  GoldTree gold;
  gold.build(heads, labels);
  ParseState st;
  st.init(static_cast<int>(heads.size()) - 1);
  int steps = 0;
  while (!st.terminal()) {
    int best = -1, best_cost = 1 << 30;
    for (int a = 0; a < num_actions(num_labels); ++a) {
      if (!st.valid(a, kRoot)) continue;
      const int c = action_cost(st, gold, a);
      if (c < best_cost) {
        best = a;
        best_cost = c;
      }
    }
    ASSERT_GE(best, 0);
    ASSERT_EQ(best_cost, 0) << "no zero-cost action at step " << steps;
    st.apply(best);
    ASSERT_LT(++steps, 10000);
  }
  EXPECT_EQ(steps, 2 * st.n);
  *out_heads = st.head;
  *out_labels = st.label;
}

// A random projective tree over words 1..n with one root: every subtree is a contiguous span.
void random_tree(std::mt19937& rng, int lo, int hi, int parent, int num_labels,
                 std::vector<int>* heads, std::vector<int>* labels) {
  if (lo > hi) return;
  const int h = std::uniform_int_distribution<int>(lo, hi)(rng);
  (*heads)[h] = parent;
  (*labels)[h] = parent == 0 ? kRoot : std::uniform_int_distribution<int>(1, num_labels - 1)(rng);
  random_tree(rng, lo, h - 1, h, num_labels, heads, labels);
  random_tree(rng, h + 1, hi, h, num_labels, heads, labels);
}

TEST(SyntaxTransition, OracleReproducesHandWrittenTree) {
  // "John saw a dog which was barking yesterday": heads (1-based), 0 = root.
  const std::vector<int> heads = {-1, 2, 0, 4, 2, 7, 7, 4, 2};
  const std::vector<int> labels = {-1, 1, kRoot, 2, 3, 1, 5, 6, 4};
  ASSERT_TRUE(is_projective(heads));
  std::vector<int> h, l;
  run_oracle(heads, labels, 7, &h, &l);
  for (size_t i = 1; i < heads.size(); ++i) {
    EXPECT_EQ(h[i], heads[i]) << i;
    EXPECT_EQ(l[i], labels[i]) << i;
  }
}

TEST(SyntaxTransition, OracleReproducesRandomProjectiveTrees) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 500; ++trial) {
    const int n = std::uniform_int_distribution<int>(1, 30)(rng);
    std::vector<int> heads(n + 1, -1), labels(n + 1, -1);
    random_tree(rng, 1, n, 0, 6, &heads, &labels);
    ASSERT_TRUE(is_projective(heads));
    std::vector<int> h, l;
    run_oracle(heads, labels, 6, &h, &l);
    for (int i = 1; i <= n; ++i) {
      ASSERT_EQ(h[i], heads[i]) << "trial " << trial << " word " << i;
      ASSERT_EQ(l[i], labels[i]) << "trial " << trial << " word " << i;
    }
  }
}

TEST(SyntaxTransition, Preconditions) {
  ParseState st;
  st.init(2);
  EXPECT_TRUE(st.can_shift());
  EXPECT_FALSE(st.can_left());  // only the root on the stack
  EXPECT_FALSE(st.can_right());
  st.apply(kShift);  // stack: root 1; buffer: 2
  EXPECT_TRUE(st.can_left());
  EXPECT_FALSE(st.can_right());  // the root takes its dependent only at the end
  EXPECT_FALSE(st.valid(left_action(kRoot), kRoot));
  EXPECT_TRUE(st.valid(left_action(3), kRoot));
  st.apply(kShift);  // stack: root 1 2; buffer empty
  EXPECT_FALSE(st.can_shift());
  EXPECT_FALSE(st.can_left());
  EXPECT_TRUE(st.valid(right_action(3), kRoot));
  EXPECT_FALSE(st.valid(right_action(kRoot), kRoot));  // 1 is not the root
  st.apply(right_action(3));
  EXPECT_EQ(st.head[2], 1);
  EXPECT_EQ(st.rc1[1], 2);
  EXPECT_EQ(st.nr[1], 1);
  EXPECT_TRUE(st.valid(right_action(kRoot), kRoot));
  EXPECT_FALSE(st.valid(right_action(3), kRoot));
  st.apply(right_action(kRoot));
  EXPECT_TRUE(st.terminal());
  EXPECT_EQ(st.head[1], 0);
}

TEST(SyntaxTransition, ActionEncoding) {
  for (int l = 0; l < 5; ++l) {
    EXPECT_TRUE(is_left(left_action(l)));
    EXPECT_FALSE(is_right(left_action(l)));
    EXPECT_TRUE(is_right(right_action(l)));
    EXPECT_EQ(action_label(left_action(l)), l);
    EXPECT_EQ(action_label(right_action(l)), l);
  }
  EXPECT_FALSE(is_left(kShift));
  EXPECT_FALSE(is_right(kShift));
  EXPECT_EQ(num_actions(5), 11);
}

TEST(SyntaxTransition, ProjectivizeLiftsCrossingArcs) {
  // 1 <- 3 (root), 2 -> 4 crosses 1..3? Words: 1 2 3 4; heads: 1->3, 2->4? build a crossing:
  // heads[2] = 4 and heads[3] = 1 with root 1: arc 4->2 spans 3, which descends from 1 not 4.
  std::vector<int> heads = {-1, 0, 4, 1, 1};
  EXPECT_FALSE(is_projective(heads));
  projectivize(&heads);
  EXPECT_TRUE(is_projective(heads));
  EXPECT_EQ(heads[2], 1);  // lifted from 4 to 4's head
  std::vector<int> labels = {-1, kRoot, 1, 2, 3};
  std::vector<int> h, l;
  run_oracle(heads, labels, 4, &h, &l);
  for (size_t i = 1; i < heads.size(); ++i) EXPECT_EQ(h[i], heads[i]);
}

TEST(SyntaxTransition, DynamicOracleCostsCountLostArcs) {
  // Words 1 2 3; gold: 2 is the root, 1 <- 2, 3 <- 2.
  GoldTree gold;
  gold.build({-1, 2, 0, 2}, {-1, 1, kRoot, 1});
  ParseState st;
  st.init(3);
  st.apply(kShift);  // stack root 1; buffer 2 3
  EXPECT_EQ(action_cost(st, gold, left_action(1)), 0);
  EXPECT_EQ(action_cost(st, gold, left_action(2)), 1);  // wrong label
  // 1 can no longer get head 2, and 2 can no longer reach the root past 1.
  EXPECT_EQ(action_cost(st, gold, kShift), 2);
}

}  // namespace
}  // namespace casus::syntax
