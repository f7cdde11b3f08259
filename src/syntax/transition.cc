#include "syntax/transition.h"

#include <algorithm>
#include <cstdlib>

namespace casus::syntax {

void ParseState::init(int num_words) {
  n = num_words;
  const size_t size = static_cast<size_t>(n) + 1;
  stack.clear();
  stack.push_back(0);
  b = 1;
  head.assign(size, -1);
  label.assign(size, -1);
  lc1.assign(size, -1);
  lc2.assign(size, -1);
  rc1.assign(size, -1);
  rc2.assign(size, -1);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
  in_stack.assign(size, 0);
  in_stack[0] = 1;
}

bool ParseState::valid(int action, int root_label) const {
  if (action == kShift) return can_shift();
  const int l = action_label(action);
  if (is_left(action)) return can_left() && l != root_label;
  if (!can_right()) return false;
  return (stack.size() == 2) == (l == root_label);
}

void ParseState::apply(int action) {
  if (action == kShift) {
    in_stack[b] = 1;
    stack.push_back(b++);
    return;
  }
  const int d = stack.back();
  stack.pop_back();
  in_stack[d] = 0;
  const int h = is_left(action) ? b : stack.back();
  const int l = action_label(action);
  head[d] = h;
  label[d] = l;
  const uint64_t bit = uint64_t{1} << (l & 63);
  if (d < h) {
    // d is left of h; arcs are added right to left among h's left children.
    if (lc1[h] == -1 || d < lc1[h]) {
      lc2[h] = lc1[h];
      lc1[h] = d;
    } else if (lc2[h] == -1 || d < lc2[h]) {
      lc2[h] = d;
    }
    if (nl[h] < 255) ++nl[h];
    lset[h] |= bit;
  } else {
    if (rc1[h] == -1 || d > rc1[h]) {
      rc2[h] = rc1[h];
      rc1[h] = d;
    } else if (rc2[h] == -1 || d > rc2[h]) {
      rc2[h] = d;
    }
    if (nr[h] < 255) ++nr[h];
    rset[h] |= bit;
  }
}

void GoldTree::build(const std::vector<int>& heads, const std::vector<int>& labels) {
  head = heads;
  label = labels;
  children.assign(heads.size(), {});
  for (size_t d = 1; d < heads.size(); ++d) children[heads[d]].push_back(static_cast<int>(d));
}

int action_cost(const ParseState& st, const GoldTree& gold, int action) {
  if (action == kShift) {
    const int b0 = st.b;
    int cost = 0;
    for (int c : gold.children[b0]) cost += st.in_stack[c];
    const int h = gold.head[b0];
    if (st.in_stack[h] && h != st.s(0)) ++cost;
    return cost;
  }
  const int s0 = st.s(0);
  int cost = 0;
  for (int c : gold.children[s0]) cost += c >= st.b;
  const int h = gold.head[s0];
  const int l = action_label(action);
  if (is_left(action)) {
    if (h == st.s(1) || (h > st.b && h <= st.n)) ++cost;
    if (h == st.b && gold.label[s0] != l) ++cost;
  } else {
    if (h >= st.b && h <= st.n) ++cost;
    if (h == st.s(1) && gold.label[s0] != l) ++cost;
  }
  return cost;
}

namespace {

// True when every word strictly between h and d descends from h.
bool arc_projective(const std::vector<int>& heads, int h, int d) {
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int x = k, guard = 0;
    while (x != h && x != 0 && guard++ < static_cast<int>(heads.size())) x = heads[x];
    if (x != h) return false;
  }
  return true;
}

}  // namespace

bool is_projective(const std::vector<int>& heads) {
  for (size_t d = 1; d < heads.size(); ++d)
    if (!arc_projective(heads, heads[d], static_cast<int>(d))) return false;
  return true;
}

void projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;
  for (int round = 0; round < 1000; ++round) {
    int best = -1, best_len = 0;
    for (size_t d = 1; d < h.size(); ++d) {
      if (h[d] == 0 || arc_projective(h, h[d], static_cast<int>(d))) continue;
      const int len = std::abs(h[d] - static_cast<int>(d));
      if (best == -1 || len < best_len) {
        best = static_cast<int>(d);
        best_len = len;
      }
    }
    if (best == -1) return;
    h[best] = h[h[best]];
  }
}

}  // namespace casus::syntax
