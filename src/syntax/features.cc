#include "syntax/features.h"

#include <algorithm>

#include "syntax/bytes.h"

namespace casus::syntax {
namespace {

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline char shape_class(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

}  // namespace

uint64_t lower_hash(std::string_view form) {
  uint64_t h = 1469598103934665603ull;
  for (char c : form) {
    h ^= static_cast<unsigned char>(lower_ascii(c));
    h *= 1099511628211ull;
  }
  return h;
}

void word_info(std::string_view form, WordInfo* out) {
  char lower[64];
  const size_t n = std::min<size_t>(form.size(), sizeof(lower));
  for (size_t i = 0; i < n; ++i) lower[i] = lower_ascii(form[i]);
  out->lower = lower_hash(form);
  out->form = fnv1a64(form);
  char shape[16];
  size_t len = 0;
  char prev = 0;
  int run = 0;
  uint32_t flags = 0;
  bool all_upper = !form.empty();
  for (char ch : form) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const char k = shape_class(c);
    if (k == 'd') flags |= kHasDigit;
    if (c == '-') flags |= kHasHyphen;
    if (k == 'x') all_upper = false;
    run = (k == prev) ? run + 1 : 1;
    prev = k;
    if (run <= 2 && len < sizeof(shape)) shape[len++] = k;
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= kUpperInitial;
  if (all_upper && (flags & kUpperInitial)) flags |= kAllUpper;
  out->shape = fnv1a64(std::string_view(shape, len));
  out->flags = flags;
  const std::string_view lw(lower, n);
  for (size_t k = 0; k < 3; ++k) out->pre[k] = k < n ? fnv1a64(lw.substr(0, k + 1)) : 0;
  const std::string_view full = form.size() <= sizeof(lower) ? lw : std::string_view();
  for (size_t k = 0; k < 4; ++k) {
    if (k < full.size())
      out->suf[k] = fnv1a64(full.substr(full.size() - k - 1));
    else
      out->suf[k] = 0;
  }
}

const WordInfo& boundary_word_info(int offset) {
  static const WordInfo* table = [] {
    static WordInfo w[4];
    const char* names[4] = {"<s-2>", "<s-1>", "</s+1>", "</s+2>"};
    for (int i = 0; i < 4; ++i) word_info(names[i], &w[i]);
    return w;
  }();
  switch (offset) {
    case -2:
      return table[0];
    case -1:
      return table[1];
    case 1:
      return table[2];
    default:
      return table[3];
  }
}

namespace {

struct Context {
  const WordInfo& w;
  const WordInfo& p1;
  const WordInfo& p2;
  const WordInfo& n1;
  const WordInfo& n2;
};

Context context(const WordInfo* words, int n, int i) {
  auto at = [&](int k) -> const WordInfo& {
    if (k < 0) return boundary_word_info(k == -1 ? -1 : -2);
    if (k >= n) return boundary_word_info(k == n ? 1 : 2);
    return words[k];
  };
  return Context{words[i], at(i - 1), at(i - 2), at(i + 1), at(i + 2)};
}

}  // namespace

size_t tagger_static_features(const WordInfo* words, int n, int i, uint64_t* keys) {
  const Context c = context(words, n, i);
  const WordInfo& w = c.w;
  size_t k = 0;
  keys[k++] = feature_key(1, 0);
  keys[k++] = feature_key(2, w.lower);
  keys[k++] = feature_key(3, w.form);
  for (int j = 0; j < 4; ++j)
    if (w.suf[j]) keys[k++] = feature_key(4 + j, w.suf[j]);
  for (int j = 0; j < 3; ++j)
    if (w.pre[j]) keys[k++] = feature_key(8 + j, w.pre[j]);
  keys[k++] = feature_key(11, w.shape);
  keys[k++] = feature_key(12, c.p1.lower);
  keys[k++] = feature_key(13, c.n1.lower);
  keys[k++] = feature_key(14, c.p2.lower);
  keys[k++] = feature_key(15, c.n2.lower);
  keys[k++] = feature_key(19, c.n1.suf[2] ? c.n1.suf[2] : c.n1.lower);
  keys[k++] = feature_key(20, c.p1.suf[2] ? c.p1.suf[2] : c.p1.lower);
  keys[k++] = feature_key(21, c.n1.shape);
  keys[k++] = feature_key(22, c.p1.shape);
  keys[k++] = feature_key(23, w.lower, c.n1.lower);
  keys[k++] = feature_key(24, c.p1.lower, w.lower);
  keys[k++] = feature_key(25, w.flags, i == 0);
  keys[k++] = feature_key(28, w.shape, c.n1.shape, c.p1.shape);
  keys[k++] = feature_key(29, w.cluster);
  keys[k++] = feature_key(30, c.p1.cluster);
  keys[k++] = feature_key(31, c.n1.cluster);
  keys[k++] = feature_key(32, c.n2.cluster);
  keys[k++] = feature_key(34, w.cluster, c.n1.cluster);
  return k;
}

size_t tagger_history_features(const WordInfo* words, int n, int i, uint32_t t1, uint32_t t2,
                               const uint16_t* first, uint64_t* keys) {
  const WordInfo& w = words[i];
  const WordInfo& n1 = i + 1 < n ? words[i + 1] : boundary_word_info(1);
  size_t k = 0;
  keys[k++] = feature_key(16, t1);
  keys[k++] = feature_key(17, t2, t1);
  keys[k++] = feature_key(18, t1, w.lower);
  keys[k++] = feature_key(26, t1, w.suf[2] ? w.suf[2] : w.lower);
  keys[k++] = feature_key(27, t1, n1.lower);
  keys[k++] = feature_key(33, w.cluster, t1);
  if (first) {
    const uint64_t r1 = i + 1 < n ? first[i + 1] : kNoTag;
    const uint64_t r2 = i + 2 < n ? first[i + 2] : kNoTag;
    keys[k++] = feature_key(40, r1);
    keys[k++] = feature_key(41, r1, r2);
    keys[k++] = feature_key(42, r1, w.lower);
    keys[k++] = feature_key(43, t1, r1);
    keys[k++] = feature_key(44, first[i], w.lower);
    keys[k++] = feature_key(45, first[i], r1, t1);
  }
  return k;
}

size_t tagger_features(const WordInfo* words, int n, int i, uint32_t t1, uint32_t t2,
                       const uint16_t* first, uint64_t* keys) {
  const size_t k = tagger_static_features(words, n, i, keys);
  return k + tagger_history_features(words, n, i, t1, t2, first, keys + k);
}

size_t parser_features(const ParseState& st, const NodeAttrs& nodes, uint64_t* keys,
                       ParserFeatures part) {
  const uint64_t* word = nodes.word;
  const uint16_t* tag = nodes.tag;
  const uint16_t* coarse = nodes.coarse;
  const uint16_t* cluster = nodes.cluster;
  constexpr uint64_t kNone = 0x7f4a7c15u;
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.buffer(0), b1 = st.buffer(1), b2 = st.buffer(2);
  auto W = [&](int x) -> uint64_t { return x < 0 ? kNone : word[x]; };
  auto P = [&](int x) -> uint64_t { return x < 0 ? kNone : tag[x]; };
  auto K = [&](int x) -> uint64_t { return x < 0 ? kNone : cluster[x]; };
  auto C = [&](int x) -> uint64_t { return x < 0 ? kNone : coarse[x]; };
  auto L = [&](int x) -> uint64_t { return x < 0 ? kNone : static_cast<uint64_t>(st.label[x]); };
  auto lc1 = [&](int x) { return x < 0 ? -1 : st.lc1[x]; };
  auto lc2 = [&](int x) { return x < 0 ? -1 : st.lc2[x]; };
  auto rc1 = [&](int x) { return x < 0 ? -1 : st.rc1[x]; };
  auto rc2 = [&](int x) { return x < 0 ? -1 : st.rc2[x]; };

  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), s2p = P(s2);
  const uint64_t b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1), b2w = W(b2), b2p = P(b2);
  const int s0l1 = lc1(s0), s0l2 = lc2(s0), s0r1 = rc1(s0), s0r2 = rc2(s0);
  const int s1l1 = lc1(s1), s1r1 = rc1(s1), b0l1 = lc1(b0), b0l2 = lc2(b0);
  uint64_t dist = kNone;
  if (s0 >= 0 && b0 >= 0) dist = std::min(b0 - s0, 10);
  uint64_t dist1 = kNone;
  if (s0 >= 0 && s1 >= 0) dist1 = std::min(s0 - s1, 10);
  const uint64_t s0vl = s0 >= 0 ? st.nl[s0] : kNone, s0vr = s0 >= 0 ? st.nr[s0] : kNone;
  const uint64_t b0vl = b0 >= 0 ? st.nl[b0] : kNone;
  const uint64_t s1vl = s1 >= 0 ? st.nl[s1] : kNone, s1vr = s1 >= 0 ? st.nr[s1] : kNone;

  size_t k = 0;
  int t = 100;  // template ids follow the order below; keep it when adding templates
  const bool want_buffer = part != ParserFeatures::kState;
  const bool want_state = part != ParserFeatures::kBufferOnly;
  // Adds template t's key (hashed only when wanted); t advances either way.
#define CASUS_ADD(buffer_only, ...)                                   \
  do {                                                                \
    if ((buffer_only) ? want_buffer : want_state)                     \
      keys[k++] = feature_key(static_cast<uint64_t>(t), __VA_ARGS__); \
    ++t;                                                              \
  } while (0)
  // Single words.
  CASUS_ADD(false, s0w, s0p);
  CASUS_ADD(false, s0w);
  CASUS_ADD(false, s0p);
  CASUS_ADD(false, s1w, s1p);
  CASUS_ADD(false, s1w);
  CASUS_ADD(false, s1p);
  CASUS_ADD(true, b0w, b0p);
  CASUS_ADD(true, b0w);
  CASUS_ADD(true, b0p);
  CASUS_ADD(true, b1w, b1p);
  CASUS_ADD(true, b1w);
  CASUS_ADD(true, b1p);
  CASUS_ADD(true, b2w, b2p);
  CASUS_ADD(true, b2p);
  CASUS_ADD(false, s2p);
  // Pairs.
  CASUS_ADD(false, s0w * 31 + s0p, b0w * 31 + b0p);
  CASUS_ADD(false, s0w * 31 + s0p, b0w);
  CASUS_ADD(false, s0w, b0w * 31 + b0p);
  CASUS_ADD(false, s0w * 31 + s0p, b0p);
  CASUS_ADD(false, s0p, b0w * 31 + b0p);
  CASUS_ADD(false, s0w, b0w);
  CASUS_ADD(false, s0p, b0p);
  CASUS_ADD(true, b0p, b1p);
  CASUS_ADD(false, s1w * 31 + s1p, s0w * 31 + s0p);
  CASUS_ADD(false, s1w, s0w);
  CASUS_ADD(false, s1p, s0p);
  CASUS_ADD(false, s1p, s0w);
  CASUS_ADD(false, s1w, s0p);
  CASUS_ADD(false, s1p, b0p);
  // Triples of tags.
  CASUS_ADD(true, b0p, b1p, b2p);
  CASUS_ADD(false, s0p, b0p, b1p);
  CASUS_ADD(false, s1p, s0p, b0p);
  CASUS_ADD(false, s2p, s1p, s0p);
  CASUS_ADD(false, s0p, P(s0l1), b0p);
  CASUS_ADD(false, s0p, P(s0r1), b0p);
  CASUS_ADD(false, s0p, b0p, P(b0l1));
  CASUS_ADD(false, s1p, P(s1r1), s0p);
  CASUS_ADD(false, s1p, P(s1l1), s0p);
  CASUS_ADD(false, s1p, s0p, P(s0r1));
  CASUS_ADD(false, s1p, s0p, P(s0l1));
  CASUS_ADD(false, s2p, s1p, b0p);
  // Distance.
  CASUS_ADD(false, s0w, dist);
  CASUS_ADD(false, s0p, dist);
  CASUS_ADD(false, b0w, dist);
  CASUS_ADD(false, b0p, dist);
  CASUS_ADD(false, s0p, b0p, dist);
  CASUS_ADD(false, s1p, s0p, dist1);
  // Valency.
  CASUS_ADD(false, s0w, s0vr);
  CASUS_ADD(false, s0p, s0vr);
  CASUS_ADD(false, s0p, s0vl);
  CASUS_ADD(false, b0w, b0vl);
  CASUS_ADD(false, b0p, b0vl);
  CASUS_ADD(false, s1p, s1vl, s1vr);
  // Children.
  CASUS_ADD(false, W(s0l1));
  CASUS_ADD(false, P(s0l1));
  CASUS_ADD(false, L(s0l1));
  CASUS_ADD(false, W(s0r1));
  CASUS_ADD(false, P(s0r1));
  CASUS_ADD(false, L(s0r1));
  CASUS_ADD(false, W(b0l1));
  CASUS_ADD(false, P(b0l1));
  CASUS_ADD(false, L(b0l1));
  CASUS_ADD(false, W(s1r1));
  CASUS_ADD(false, P(s1r1));
  CASUS_ADD(false, L(s1r1));
  CASUS_ADD(false, L(s1l1), P(s1l1));
  CASUS_ADD(false, W(s0l2), P(s0l2), L(s0l2));
  CASUS_ADD(false, W(s0r2), P(s0r2), L(s0r2));
  CASUS_ADD(false, W(b0l2), P(b0l2), L(b0l2));
  CASUS_ADD(false, s0p, L(s0l1), L(s0l2));
  CASUS_ADD(false, s0p, L(s0r1), L(s0r2));
  CASUS_ADD(false, b0p, L(b0l1), L(b0l2));
  CASUS_ADD(false, s0p, P(s0l1), P(s0l2));
  CASUS_ADD(false, s0p, P(s0r1), P(s0r2));
  CASUS_ADD(false, b0p, P(b0l1), P(b0l2));
  // Label sets.
  CASUS_ADD(false, s0p, s0 >= 0 ? st.rset[s0] : kNone);
  CASUS_ADD(false, s0p, s0 >= 0 ? st.lset[s0] : kNone);
  CASUS_ADD(false, b0p, b0 >= 0 ? st.lset[b0] : kNone);
  // Coarse tags.
  const uint64_t s0c = C(s0), s1c = C(s1), b0c = C(b0), b1c = C(b1);
  CASUS_ADD(false, s0c, b0c, b1c);
  CASUS_ADD(false, s1c, s0c, b0c);
  CASUS_ADD(false, C(s2), s1c, s0c);
  CASUS_ADD(true, b0c, b1c, C(b2));
  CASUS_ADD(false, s0w, b0c);
  CASUS_ADD(false, s1c, s0c, C(s0l1) * 131 + C(s0r1));
  CASUS_ADD(false, s0c, b0c, C(b0l1) * 131 + C(s0r1));
  // Word clusters.
  const uint64_t s0k = K(s0), s1k = K(s1), b0k = K(b0), b1k = K(b1);
  CASUS_ADD(false, s0k);
  CASUS_ADD(true, b0k);
  CASUS_ADD(false, s1k);
  CASUS_ADD(true, b1k);
  CASUS_ADD(false, s0k, b0k);
  CASUS_ADD(false, s0k, b0p);
  CASUS_ADD(false, s0p, b0k);
  CASUS_ADD(false, s1k, s0k);
  CASUS_ADD(false, s1k, s0p);
  CASUS_ADD(false, s1p, s0k);
  CASUS_ADD(false, s0k, K(s0l1), K(s0r1));
  CASUS_ADD(false, b0k, K(b0l1));
  // Buffer state.
  CASUS_ADD(false, b0<0, st.stack.size()> 2 ? 2 : st.stack.size());
#undef CASUS_ADD
  return k;
}

}  // namespace casus::syntax
