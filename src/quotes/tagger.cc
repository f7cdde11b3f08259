#include "quotes/tagger.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "quotes/cues.h"
#include "quotes/model_text.h"
#include "quotes/quotes.h"

namespace casus::quotes {

extern const unsigned char kBuiltinQuoteTagger[];
extern const size_t kBuiltinQuoteTaggerSize;

namespace {

char shape(std::string_view w) {
  if (w.empty()) return 'e';
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') {
    for (char d : w)
      if (d >= 'a' && d <= 'z') return 'C';
    return 'U';
  }
  if (c >= 'a' && c <= 'z') return 'l';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'n';
  return 'p';
}

const char kTagChar[] = {'B', 'I', 'O'};

}  // namespace

TokenRange token_range(const Document& doc, Span s) {
  const auto& t = doc.tokens;
  auto first = std::lower_bound(t.begin(), t.end(), s.begin,
                                [](const Token& tok, uint32_t x) { return tok.span.end <= x; });
  auto last = std::lower_bound(first, t.end(), s.end,
                               [](const Token& tok, uint32_t x) { return tok.span.begin < x; });
  return {static_cast<uint32_t>(first - t.begin()), static_cast<uint32_t>(last - t.begin())};
}

namespace {

constexpr uint64_t kFeatureSeed = 0x243F6A8885A308D3ull;

// FNV-1a of one part; a space counts as '_' (names separate parts by spaces, so a part with a
// space, like the lemma "according to", is written "according_to").
constexpr uint64_t part_hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c == ' ' ? '_' : c;
    h *= 1099511628211ull;
  }
  return h;
}

constexpr uint64_t combine(uint64_t h, uint64_t part) {
  h = (h ^ part) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

// One part of a feature and its hash.
struct Part {
  constexpr Part(std::string_view v, uint64_t hash) : s(v), h(hash) {}
  constexpr Part(std::string_view v) : s(v), h(part_hash(v)) {}  // NOLINT: implicit on purpose
  Part(const std::string& v) : Part(std::string_view(v)) {}  // NOLINT
  // Literals ("w=", "bias") hash at compile time where the call is inlined.
  constexpr Part(const char* v) : Part(std::string_view(v)) {}  // NOLINT
  std::string_view s;
  uint64_t h;
};

}  // namespace

uint64_t tagger_hash(std::string_view name) {
  uint64_t h = kFeatureSeed;
  size_t b = 0;
  while (true) {
    const size_t e = name.find(' ', b);
    h = combine(h, part_hash(name.substr(b, e == std::string_view::npos ? e : e - b)));
    if (e == std::string_view::npos) return h;
    b = e + 1;
  }
}

TaggerFeatures::TaggerFeatures(const Document& doc, const std::vector<float>& cue_scores)
    : doc_(doc) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  lower_.resize(n);
  lemma_.resize(n);
  rule_.assign(n, 0x2a);  // O in every layer
  in_quote_.assign(n, 0);
  mention_.assign(n, 0);
  mention_b_.assign(n, 0);
  anc_.assign(n, kNoHead);
  sent_rule_cue_.assign(doc.sentences.size(), false);
  const bool syntax = doc.syntax.size() == n;
  for (uint32_t t = 0; t < n; ++t) {
    lower_[t] = doc.slice(doc.tokens[t].span);
    for (char& c : lower_[t])
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (syntax) {
      lemma_[t] = doc.syntax[t].lemma;
      for (char& c : lemma_[t])
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  hlower_.resize(n);
  hlemma_.resize(n);
  hupos_.resize(n);
  hxpos_.resize(n);
  hdeprel_.resize(n);
  for (uint32_t t = 0; t < n; ++t) {
    hlower_[t] = part_hash(lower_[t]);
    hlemma_[t] = part_hash(lemma_[t]);
    if (syntax) {
      hupos_[t] = part_hash(doc.syntax[t].upos);
      hxpos_[t] = part_hash(doc.syntax[t].xpos);
      hdeprel_[t] = part_hash(doc.syntax[t].deprel);
    }
  }
  auto mark = [&](TokenRange r, uint32_t layer) {
    for (uint32_t t = r.first; t < r.second && t < n; ++t) {
      const uint8_t tag = t == r.first ? kB : kI;
      rule_[t] = static_cast<uint8_t>((rule_[t] & ~(3u << (2 * layer))) | (tag << (2 * layer)));
    }
  };
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kTerm) continue;
    if (!q.cue.empty()) {
      const TokenRange r = token_range(doc, q.cue);
      mark(r, kCueLayer);
      if (r.first < n) sent_rule_cue_[doc.tokens[r.first].sentence] = true;
    }
    if (!q.speaker.empty()) mark(token_range(doc, q.speaker), kSourceLayer);
    for (const Span& s : q.content) mark(token_range(doc, s), kContentLayer);
  }
  for (const MarkRun& r : pair_quote_marks(doc))
    for (const auto& [b, e] : r.pieces)
      for (uint32_t t = b; t < e && t < n; ++t) in_quote_[t] = 1;
  for (uint32_t t = 0; t < n; ++t)
    if (is_quote_word(doc.slice(doc.tokens[t].span))) in_quote_[t] = 2;
  for (const Mention& m : doc.mentions)
    for (uint32_t t = m.first_token; t < m.end_token && t < n; ++t) {
      mention_[t] = static_cast<int8_t>(static_cast<int>(m.type) + 1);
      mention_b_[t] = t == m.first_token;
    }
  lex_.resize(n);
  for (uint32_t t = 0; t < n; ++t) lex_[t] = find_cue(lower_[t]);
  cue_score_.assign(n, 0);
  cueish_.assign(n, false);
  if (!syntax) return;
  for (uint32_t t = 0; t < n; ++t) {
    cueish_[t] = lex_[t] != nullptr || (rule_[t] & 3) != kO;
    if (t >= cue_scores.size() || cue_scores[t] == kNoCueScore) continue;
    const float v = cue_scores[t];
    cue_score_[t] = static_cast<int8_t>(v < -6 ? 1 : v < -3 ? 2 : v < 0 ? 3 : v < 3 ? 4 : v < 6 ? 5 : 6);
    if (v > 0) cueish_[t] = true;
  }
  prev_cueish_.assign(n, kNoHead);
  next_cueish_.assign(n, kNoHead);
  for (uint32_t t = 1, last = kNoHead; t < n; ++t) {
    if (cueish_[t - 1]) last = t - 1;
    prev_cueish_[t] = last;
  }
  for (uint32_t t = n > 0 ? n - 1 : 0, next = kNoHead; t-- > 0;) {
    if (cueish_[t + 1]) next = t + 1;
    next_cueish_[t] = next;
  }
  top_.assign(n, kNoHead);
  left_.resize(n);
  right_.resize(n);
  for (uint32_t t = 0; t < n; ++t) left_[t] = right_[t] = t;
  for (uint32_t t = 0; t < n; ++t) {
    uint32_t a = doc.syntax[t].head;
    for (int depth = 0; depth < 40 && a < n; ++depth) {
      left_[a] = std::min(left_[a], t);
      right_[a] = std::max(right_[a], t);
      a = doc.syntax[a].head;
    }
  }
  for (uint32_t t = 0; t < n; ++t) {
    uint32_t child = t, a = doc.syntax[t].head;
    for (int depth = 0; depth < 8 && a < n; ++depth) {
      if (cueish_[a]) {
        anc_[t] = a;
        top_[t] = child;
        break;
      }
      child = a;
      a = doc.syntax[a].head;
    }
  }
}

void TaggerFeatures::extract(uint32_t t, std::vector<uint64_t>* out,
                             std::vector<std::string>* names) const {
  out->clear();
  if (names) names->clear();
  // A feature is a list of parts (its name: the parts joined by spaces); its hash combines the
  // parts' hashes, which are precomputed for the words, lemmas and tags of the tokens.
  auto feat = [&](std::initializer_list<Part> parts) {
    uint64_t h = kFeatureSeed;
    for (const Part& p : parts) h = combine(h, p.h);
    out->push_back(h);
    if (names) {
      std::string f;
      for (const Part& p : parts) {
        if (&p != parts.begin()) f.push_back(' ');
        for (char c : p.s) f.push_back(c == ' ' ? '_' : c);
      }
      names->push_back(std::move(f));
    }
  };
  auto add = [&](Part a, Part b) { feat({a, b}); };
  auto add3 = [&](Part a, Part b, Part c) { feat({a, b, c}); };
  auto W = [&](uint32_t k) { return Part(lower_[k], hlower_[k]); };
  auto L = [&](uint32_t k) { return Part(lemma_[k], hlemma_[k]); };
  auto U = [&](uint32_t k) { return Part(doc_.syntax[k].upos, hupos_[k]); };
  auto X = [&](uint32_t k) { return Part(doc_.syntax[k].xpos, hxpos_[k]); };
  auto D = [&](uint32_t k) { return Part(doc_.syntax[k].deprel, hdeprel_[k]); };
  const Sentence& sent = doc_.sentences[doc_.tokens[t].sentence];
  const TokenSyntax& s = doc_.syntax[t];
  const Part w = W(t);
  const Part p1 = t > sent.first_token ? W(t - 1) : Part("<s>");
  const Part p2 = t > sent.first_token + 1 ? W(t - 2) : Part("<s>");
  const Part n1 = t + 1 < sent.end_token ? W(t + 1) : Part("</s>");
  const Part n2 = t + 2 < sent.end_token ? W(t + 2) : Part("</s>");
  const Part pu = t > sent.first_token ? U(t - 1) : Part("<s>");
  const Part nu = t + 1 < sent.end_token ? U(t + 1) : Part("</s>");
  const Part upos = U(t), deprel = D(t), lemma = L(t);
  feat({Part("bias")});
  add("w=", w);
  add("l=", lemma);
  add("u=", upos);
  add("x=", X(t));
  add("d=", deprel);
  add3("wd=", w, deprel);
  if (s.head < doc_.tokens.size()) {
    add3("dh=", deprel, L(s.head));
    add3("dhu=", deprel, U(s.head));
  } else {
    feat({Part("root")});
  }
  add("p1=", p1);
  add("n1=", n1);
  add3("p2=", p2, p1);
  add3("n2=", n1, n2);
  add3("pu=", pu, upos);
  add3("nu=", upos, nu);
  add3("wn=", w, n1);
  add3("pw=", p1, w);
  const char sh[2] = {shape(doc_.slice(doc_.tokens[t].span)), 0};
  add("sh=", sh);
  // Rules' tags of this token and its neighbours, per layer.
  const uint8_t r = rule_[t];
  const uint8_t rp = t > sent.first_token ? rule_[t - 1] : 0x2a;
  const uint8_t rn = t + 1 < sent.end_token ? rule_[t + 1] : 0x2a;
  char rb[8];
  for (uint32_t layer = 0; layer < kLayers; ++layer) {
    rb[0] = static_cast<char>('c' + layer);
    rb[1] = kTagChar[(rp >> (2 * layer)) & 3];
    rb[2] = kTagChar[(r >> (2 * layer)) & 3];
    rb[3] = kTagChar[(rn >> (2 * layer)) & 3];
    add("r=", std::string_view(rb, 4));
    const char rc[2] = {rb[0], rb[2]};
    feat({Part("rc="), Part(std::string_view(rc, 2))});
    feat({Part("rw="), Part(std::string_view(rc, 2)), w});
  }
  rb[0] = kTagChar[r & 3];
  rb[1] = kTagChar[(r >> 2) & 3];
  rb[2] = kTagChar[(r >> 4) & 3];
  add("ra=", std::string_view(rb, 3));
  if (sent_rule_cue_[doc_.tokens[t].sentence]) feat({Part("rs")});
  const char q[2] = {static_cast<char>('0' + in_quote_[t]), 0};
  add("q=", q);
  if (mention_[t]) {
    const char m[3] = {static_cast<char>('0' + mention_[t]), mention_b_[t] ? 'B' : 'I', 0};
    add("m=", m);
  }
  if (const CueEntry* e = lex_[t]) {
    add("lex=", e->lemma);
    add3("lexd=", e->lemma, deprel);
  }
  if (t + 1 < sent.end_token) {
    // Every multiword cue ends in one of these particles (cues.cc); test them before the lookup.
    const std::string& n = lower_[t + 1];
    if (n == "to" || n == "about" || n == "for" || n == "on" || n == "out")
      if (const CueEntry* e = find_cue_phrase(lower_[t], n)) add("lexp=", e->lemma);
  }
  if (anc_[t] != kNoHead) {
    const uint32_t a = anc_[t];
    add3("a=", D(top_[t]), L(a));
    add3("ar=", D(top_[t]), a < t ? ">" : "<");
    add3("au=", D(top_[t]), upos);
  } else {
    feat({Part("a=none")});
  }
  if (cue_score_[t]) {
    const char cs[2] = {static_cast<char>('0' + cue_score_[t]), 0};
    add("cs=", cs);
    add3("csl=", cs, lemma);
  }
  // The nearest cue-ish word of the sentence: signed distance bucket.
  {
    int best = 0;
    if (prev_cueish_[t] != kNoHead && prev_cueish_[t] >= sent.first_token)
      best = static_cast<int>(prev_cueish_[t]) - static_cast<int>(t);
    if (next_cueish_[t] != kNoHead && next_cueish_[t] < sent.end_token &&
        (best == 0 || next_cueish_[t] - t < static_cast<uint32_t>(-best)))
      best = static_cast<int>(next_cueish_[t] - t);
    const int a = std::abs(best);
    const int b = a == 0 ? 0 : a == 1 ? 1 : a == 2 ? 2 : a <= 4 ? 3 : a <= 8 ? 4 : a <= 16 ? 5 : 6;
    const char cd[3] = {best < 0 ? '<' : '>', static_cast<char>('0' + b), 0};
    add("cd=", cd);
    add3("cdu=", cd, upos);
  }
  if (anc_[t] != kNoHead) {
    const bool same_next = t + 1 < sent.end_token && anc_[t + 1] == anc_[t];
    const bool same_prev = t > sent.first_token && anc_[t - 1] == anc_[t];
    const char sp[3] = {same_prev ? 'p' : '-', same_next ? 'n' : '-', 0};
    add3("as=", sp, D(top_[t]));
  }
  if (cueish_[t]) feat({Part("ci")});
  // Subtree edges: where the dependent of the cue-ish ancestor starts and ends.
  if (top_[t] != kNoHead) {
    const uint32_t c = top_[t];
    const char e[3] = {left_[c] == t ? 'L' : '-', right_[c] == t ? 'R' : '-', 0};
    add3("te=", e, D(top_[t]));
    if (left_[c] == t) add3("tl=", D(top_[t]), w);
  }
  if (t == sent.first_token) feat({Part("first")});
  if (t + 1 == sent.end_token) feat({Part("last")});
}

bool TaggerFeatures::worth_tagging(const Sentence& s) const {
  if (cueish_.size() != doc_.tokens.size()) return false;
  for (uint32_t t = s.first_token; t < s.end_token; ++t)
    if (cueish_[t] || in_quote_[t] || rule_[t] != 0x2a) return true;
  return false;
}

// ---- model ----

SpanTagger SpanTagger::parse(std::string_view text) {
  SpanTagger m;
  std::vector<std::pair<uint64_t, std::array<float, kWeightsPerFeature>>> entries;
  for_each_model_line(text, false, [&](std::string_view name, std::string_view weights) {
    std::array<float, kWeightsPerFeature> row{};
    const std::string rest(weights);
    const char* c = rest.c_str();
    for (uint32_t k = 0; k < kWeightsPerFeature; ++k) {
      char* end = nullptr;
      row[k] = std::strtof(c, &end);
      if (end == c) return;  // a malformed line is skipped
      c = end;
    }
    if (name.starts_with("~trans=")) {
      const std::string_view prev = name.substr(7);
      const int i = prev == "B" ? 0 : prev == "I" ? 1 : prev == "O" ? 2 : prev == "S" ? 3 : -1;
      if (i >= 0) std::copy(row.begin(), row.end(), m.trans_[i]);
      return;
    }
    const uint64_t h = tagger_hash(name);
    entries.push_back({h == 0 ? 1 : h, row});
  });
  if (entries.empty()) return m;
  size_t cap = 16;
  while (2 * cap < 3 * entries.size()) cap *= 2;  // load factor at most 2/3
  m.slots_.assign(cap, Slot{});
  m.mask_ = cap - 1;
  m.filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  for (const auto& [key, row] : entries) {
    const uint64_t bit = key >> (64 - kFilterBits);
    m.filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = key & m.mask_;
    while (m.slots_[i].key != 0 && m.slots_[i].key != key) i = (i + 1) & m.mask_;
    m.slots_[i].key = key;
    std::copy(row.begin(), row.end(), m.slots_[i].w);
  }
  return m;
}

bool SpanTagger::may_hold(uint64_t key) const {
  const uint64_t bit = key >> (64 - kFilterBits);
  return filter_[bit >> 6] >> (bit & 63) & 1;
}

const float* SpanTagger::find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  if (key == 0) key = 1;
  if (!may_hold(key)) return nullptr;  // most features are not in the model
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return slots_[i].w;
    if (slots_[i].key == 0) return nullptr;
  }
}

const SpanTagger& SpanTagger::builtin() {
  static const SpanTagger m = [] {
    // $CASUS_QUOTE_TAGGER names a model file to use instead (trying a retrained model without a
    // rebuild); "none" turns the tagger off.
    if (const char* path = std::getenv("CASUS_QUOTE_TAGGER")) {
      if (std::string_view(path) == "none") return SpanTagger();
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      return parse(text.str());
    }
    return parse(std::string_view(reinterpret_cast<const char*>(kBuiltinQuoteTagger),
                                  kBuiltinQuoteTaggerSize));
  }();
  return m;
}

void viterbi(const float* em, size_t n, const float trans[4][3], uint8_t* tags) {
  if (n == 0) return;
  constexpr float kForbidden = -1e30f;
  std::vector<float> score(n * 3);
  std::vector<uint8_t> back(n * 3);
  for (int c = 0; c < 3; ++c) score[c] = em[c] + trans[3][c];
  for (size_t i = 1; i < n; ++i)
    for (int c = 0; c < 3; ++c) {
      float best = kForbidden;
      uint8_t arg = kO;
      for (int p = 0; p < 3; ++p) {
        if (c == kI && p == kO) continue;
        const float v = score[(i - 1) * 3 + p] + trans[p][c];
        if (v > best) best = v, arg = static_cast<uint8_t>(p);
      }
      score[i * 3 + c] = best + em[i * 3 + c];
      back[i * 3 + c] = arg;
    }
  uint8_t c = kO;
  for (int k = 0; k < 3; ++k)
    if (score[(n - 1) * 3 + k] > score[(n - 1) * 3 + c]) c = static_cast<uint8_t>(k);
  for (size_t i = n; i-- > 0;) {
    tags[i] = c;
    if (i > 0) c = back[i * 3 + c];
  }
}

std::vector<TokenRange> spans_of_tags(const Document& doc, const std::vector<uint8_t>& tags) {
  std::vector<TokenRange> out;
  bool open = false;
  for (uint32_t t = 0; t < tags.size(); ++t) {
    const Sentence& s = doc.sentences[doc.tokens[t].sentence];
    const bool sentence_start = t == s.first_token;
    if (tags[t] == kB || (tags[t] == kI && !open)) {
      out.push_back({t, t + 1});
      open = true;
    } else if (tags[t] == kI) {
      if (sentence_start && t > 0 &&
          doc.sentences[doc.tokens[t - 1].sentence].paragraph != s.paragraph) {
        out.push_back({t, t + 1});
      } else {
        out.back().second = t + 1;
      }
    } else {
      open = false;
    }
  }
  return out;
}

TaggedSpans SpanTagger::tag(const Document& doc, const std::vector<float>& cue_scores) const {
  TaggedSpans out;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (empty() || doc.syntax.size() != n || n == 0) return out;
  const TaggerFeatures fx(doc, cue_scores);
  std::array<std::vector<uint8_t>, kLayers> tags;
  for (auto& v : tags) v.assign(n, kO);
  std::vector<float> em;
  std::vector<uint64_t> feats;
  float trans[kLayers][4][3];
  for (uint32_t layer = 0; layer < kLayers; ++layer)
    for (int p = 0; p < 4; ++p)
      for (int c = 0; c < 3; ++c) trans[layer][p][c] = trans_[p][layer * 3 + c];
  std::vector<float> lem;
  std::vector<uint64_t> keys;
  std::vector<size_t> key_end;  // per token of the sentence: end of its keys
  for (const Sentence& s : doc.sentences) {
    if (!fx.worth_tagging(s)) continue;
    const uint32_t len = s.end_token - s.first_token;
    em.assign(static_cast<size_t>(len) * kWeightsPerFeature, 0.0f);
    // The keys of the whole sentence that pass the filter, their first slots requested before
    // any is read: the table is larger than the caches and the misses overlap.
    keys.clear();
    key_end.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      fx.extract(t, &feats);
      for (const uint64_t h : feats)
        if (const uint64_t key = h == 0 ? 1 : h; may_hold(key)) {
          __builtin_prefetch(&slots_[key & mask_]);
          keys.push_back(key);
        }
      key_end.push_back(keys.size());
    }
    for (uint32_t i = 0; i < len; ++i) {
      // Summed in registers (the row may not alias the weights), stored once; in feature order.
      float acc[kWeightsPerFeature] = {};
      for (size_t j = i == 0 ? 0 : key_end[i - 1]; j < key_end[i]; ++j)
        if (const float* w = find(keys[j]))
          for (uint32_t k = 0; k < kWeightsPerFeature; ++k) acc[k] += w[k];
      float* row = &em[static_cast<size_t>(i) * kWeightsPerFeature];
      for (uint32_t k = 0; k < kWeightsPerFeature; ++k) row[k] = acc[k];
    }
    lem.resize(static_cast<size_t>(len) * 3);
    for (uint32_t layer = 0; layer < kLayers; ++layer) {
      for (uint32_t i = 0; i < len; ++i)
        for (int c = 0; c < 3; ++c) lem[i * 3 + c] = em[i * kWeightsPerFeature + layer * 3 + c];
      viterbi(lem.data(), len, trans[layer], tags[layer].data() + s.first_token);
    }
  }
  for (uint32_t layer = 0; layer < kLayers; ++layer)
    out.spans[layer] = spans_of_tags(doc, tags[layer]);
  return out;
}

}  // namespace casus::quotes
