// The arc-hybrid transition system (Kuhlmann et al. 2011) with labeled arcs, its dynamic oracle
// (Goldberg & Nivre 2013) and projectivization of training trees by lifting.
//
// Nodes are 0 (the artificial root) and the words 1..n. Actions: SHIFT moves the buffer front to
// the stack; LEFT(l) makes the buffer front the head of the stack top and pops it; RIGHT(l) makes
// the second stack item the head of the stack top and pops it. The root may receive exactly one
// dependent, with label `root_label`, and only once the buffer is empty; every other arc carries a
// label other than `root_label`. A ParseState is a plain value; its vectors are reused by init().
#ifndef CASUS_SYNTAX_TRANSITION_H_
#define CASUS_SYNTAX_TRANSITION_H_

#include <cstdint>
#include <vector>

namespace casus::syntax {

constexpr int kShift = 0;
inline int left_action(int label) { return 1 + 2 * label; }
inline int right_action(int label) { return 2 + 2 * label; }
inline bool is_left(int action) { return action > 0 && (action & 1); }
inline bool is_right(int action) { return action > 0 && !(action & 1); }
inline int action_label(int action) { return (action - 1) / 2; }
inline int num_actions(int num_labels) { return 1 + 2 * num_labels; }

struct ParseState {
  int n = 0;                            // number of words
  std::vector<int> stack;               // stack[0] is the root (node 0)
  int b = 1;                            // buffer front; the buffer is b..n (empty when b > n)
  std::vector<int> head, label;         // per node; -1 while unattached
  std::vector<int> lc1, lc2, rc1, rc2;  // leftmost/second leftmost/rightmost... children, or -1
  std::vector<uint8_t> nl, nr;          // number of left / right children (saturating)
  std::vector<uint64_t> lset, rset;     // bit (label % 64) of every left / right child label
  std::vector<uint8_t> in_stack;

  void init(int num_words);
  bool terminal() const { return b > n && stack.size() == 1; }
  int s(int i) const {  // i-th stack item from the top, or -1
    return static_cast<int>(stack.size()) > i ? stack[stack.size() - 1 - i] : -1;
  }
  int buffer(int i) const { return b + i <= n ? b + i : -1; }
  bool can_shift() const { return b <= n; }
  bool can_left() const { return b <= n && stack.size() >= 2; }
  bool can_right() const { return stack.size() >= 3 || (stack.size() == 2 && b > n); }
  bool valid(int action, int root_label) const;
  void apply(int action);
};

// Gold tree for the dynamic oracle: heads and labels per node (index 0 unused) and children.
struct GoldTree {
  std::vector<int> head, label;
  std::vector<std::vector<int>> children;
  void build(const std::vector<int>& heads, const std::vector<int>& labels);
};

// Number of gold arcs (labeled) that `action` makes unreachable from `st`; exact for projective
// gold trees. `action` must be valid.
int action_cost(const ParseState& st, const GoldTree& gold, int action);

// True when the tree (heads[1..n], heads[0] ignored) has no crossing arcs.
bool is_projective(const std::vector<int>& heads);
// Lifts non-projective arcs (shortest first) to the head's head until the tree is projective.
void projectivize(std::vector<int>* heads);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_TRANSITION_H_
