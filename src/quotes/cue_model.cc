#include "quotes/cue_model.h"

#include <cstdlib>
#include <cstring>

#include "quotes/cues.h"

namespace casus::quotes {

extern const unsigned char kBuiltinCueModel[];
extern const size_t kBuiltinCueModelSize;

namespace {

// "nsubj:pass" -> "nsubj:pass"; relations are kept whole (subtypes carry voice).
const std::string& rel(const TokenSyntax& s) { return s.deprel; }

}  // namespace

uint64_t feature_hash(std::string_view s) {
  // 8 bytes at a time (the strings are 10-30 bytes; a byte-serial hash was a visible share of
  // the stage's time).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    uint64_t w = 0;
    for (size_t k = 0; i + k < s.size(); ++k)
      w |= static_cast<uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

CueFeatures::CueFeatures(const Document& doc) : doc_(doc) {
  const size_t n = doc.tokens.size();
  children_.resize(n);
  quote_mark_.resize(n);
  lower_.resize(n);
  for (uint32_t t = 0; t < n; ++t) {
    lower_[t] = doc.slice(doc.tokens[t].span);
    for (char& c : lower_[t])
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    quote_mark_[t] = is_quote_word(doc.slice(doc.tokens[t].span));
    if (doc.syntax.size() == n && doc.syntax[t].head < n)
      children_[doc.syntax[t].head].push_back(t);
  }
}

bool CueFeatures::candidate(uint32_t t) const {
  if (doc_.syntax.size() != doc_.tokens.size()) return false;
  const TokenSyntax& s = doc_.syntax[t];
  return s.upos == "VERB" || (s.upos == "AUX" && s.lemma == "say");
}

void CueFeatures::extract(uint32_t t, std::vector<std::string>* out) const {
  out->clear();
  const TokenSyntax& s = doc_.syntax[t];
  const Sentence& sent = doc_.sentences[doc_.tokens[t].sentence];
  std::string lemma = s.lemma;
  for (char& c : lemma)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const std::string& w = lower(t);
  const std::string prev = t > sent.first_token ? lower(t - 1) : "<s>";
  const std::string next = t + 1 < sent.end_token ? lower(t + 1) : "</s>";
  const std::string next2 = t + 2 < sent.end_token ? lower(t + 2) : "</s>";
  auto add = [&](std::string f) { out->push_back(std::move(f)); };
  add("bias");
  add("l=" + lemma);
  add("w=" + w);
  add("x=" + s.xpos);
  add("d=" + rel(s));
  add("ld=" + lemma + "|" + rel(s));
  add("lx=" + lemma + "|" + s.xpos);
  add("p=" + prev);
  add("n=" + next);
  add("lp=" + lemma + "|" + prev);
  add("ln=" + lemma + "|" + next);
  add("lnn=" + lemma + "|" + next + "|" + next2);
  if (const CueEntry* e = find_cue(w)) add("lex=" + std::to_string(e->flags & 0xff));
  if (t + 1 < sent.end_token) {
    if (const CueEntry* e = find_cue_phrase(w, next)) add("lexp=" + std::string(e->lemma));
  }
  const uint32_t h = s.head;
  if (h < doc_.tokens.size()) {
    add("hu=" + doc_.syntax[h].upos);
    add("dhu=" + rel(s) + "|" + doc_.syntax[h].upos);
  } else {
    add("root");
  }
  bool subj = false, comp = false;
  for (uint32_t c : children_[t]) {
    const std::string& r = rel(doc_.syntax[c]);
    add("c=" + r);
    add("lc=" + lemma + "|" + r);
    if (r.starts_with("nsubj")) {
      subj = true;
      add("subj=" + doc_.syntax[c].upos);
      add("lsubj=" + lemma + "|" + doc_.syntax[c].upos);
    }
    if (r == "ccomp" || r == "xcomp") {
      comp = true;
      for (uint32_t g : children_[c])
        if (rel(doc_.syntax[g]) == "mark") add("cmark=" + r + "|" + lower(g));
    }
    if (r == "aux" || r == "aux:pass") add("aux=" + lower(c));
    if (r == "obl" || r == "obj") {
      for (uint32_t g : children_[c])
        if (rel(doc_.syntax[g]) == "case") add("case=" + r + "|" + lower(g));
      add("lo=" + lemma + "|" + r + "|" + doc_.syntax[c].upos);
    }
  }
  add(std::string("sc=") + (subj ? "1" : "0") + (comp ? "1" : "0"));
  add(std::string("lsc=") + lemma + "|" + (subj ? "1" : "0") + (comp ? "1" : "0"));
  // Quote marks near the verb, and whether it sits at a sentence edge.
  bool qb = false, qa = false;
  for (uint32_t k = t; k > sent.first_token && k + 4 > t; --k)
    if (quote_mark_[k - 1]) qb = true;
  for (uint32_t k = t + 1; k < sent.end_token && k < t + 4; ++k)
    if (quote_mark_[k]) qa = true;
  if (qb) add("qb");
  if (qa) add("qa");
  if (qb) add("lqb=" + lemma);
  bool that = false;
  for (uint32_t k = t + 1; k < sent.end_token && k < t + 6; ++k)
    if (lower(k) == "that") that = true;
  if (that) add("that=" + lemma);
  if (t == sent.first_token) add("first");
  if (t + 2 >= sent.end_token) add("last");
}

void CueFeatures::extract_end(uint32_t b, uint32_t e, std::vector<std::string>* out) const {
  out->clear();
  const Sentence& sent = doc_.sentences[doc_.tokens[b].sentence];
  uint32_t se = sent.end_token;
  while (se > b + 1) {
    const std::string& w = lower(se - 1);
    if (w != "." && w != "!" && w != "?" && w != ";") break;
    --se;
  }
  auto add = [&](std::string f) { out->push_back("E:" + std::move(f)); };
  const bool at_end = e >= se;
  const std::string& last = lower(e - 1);
  const TokenSyntax& ls = doc_.syntax[e - 1];
  add("l.w=" + last);
  add("l.u=" + ls.upos);
  if (at_end) {
    add("end");
  } else {
    const TokenSyntax& es = doc_.syntax[e];
    const std::string& next = lower(e);
    add("e.w=" + next);
    add("e.u=" + es.upos);
    add("e.d=" + es.deprel);
    add("e.wl=" + next + "|" + ls.upos);
    const bool out_head = es.head == kNoHead || es.head < b || es.head >= e;
    add(std::string("e.h=") + (out_head ? "out|" : "in|") + es.deprel);
    add(std::string("e.hw=") + (out_head ? "out|" : "in|") + next);
    if (e + 1 < sent.end_token) add("e.w2=" + next + "|" + lower(e + 1));
  }
  // Dependencies from inside the clause to words after the cut.
  uint32_t crossing = 0;
  for (uint32_t t = b; t < e; ++t) {
    const uint32_t h = doc_.syntax[t].head;
    if (h != kNoHead && h >= e && h < sent.end_token) ++crossing;
  }
  // Dependents after the cut whose head is inside the clause.
  uint32_t dangling = 0;
  for (uint32_t t = e; t < se; ++t) {
    const uint32_t h = doc_.syntax[t].head;
    if (h != kNoHead && h >= b && h < e) ++dangling;
  }
  add("cross=" + std::to_string(std::min<uint32_t>(crossing, 3)));
  add("dang=" + std::to_string(std::min<uint32_t>(dangling, 3)));
  if (!at_end) add("dang|w=" + std::to_string(std::min<uint32_t>(dangling, 2)) + "|" + lower(e));
  uint32_t marks = 0;
  for (uint32_t t = b; t < e; ++t) marks += quote_mark_[t];
  if (marks % 2) add("openq");
  const uint32_t len = e - b;
  add("len=" + std::to_string(len < 4 ? len : len < 8 ? 4 : len < 16 ? 8 : len < 32 ? 16 : 32));
  add("bias");
}

CueModel CueModel::parse(std::string_view text) {
  std::vector<std::pair<uint64_t, float>> entries;
  CueModel m;
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find('\n', p);
    if (q == std::string_view::npos) q = text.size();
    const std::string_view line = text.substr(p, q - p);
    p = q + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) continue;
    const std::string weight(line.substr(tab + 1));
    if (line.starts_with("E:")) m.has_end_ = true;
    const uint64_t h = feature_hash(line.substr(0, tab));
    entries.push_back({h == 0 ? 1 : h, std::strtof(weight.c_str(), nullptr)});
  }
  if (entries.empty()) return m;
  size_t cap = 16;
  while (cap < 2 * entries.size()) cap *= 2;
  m.keys_.assign(cap, 0);
  m.values_.assign(cap, 0.0f);
  m.mask_ = cap - 1;
  m.filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  for (const auto& [key, value] : entries) {
    const uint64_t bit = key >> (64 - kFilterBits);
    m.filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = key & m.mask_;
    while (m.keys_[i] != 0 && m.keys_[i] != key) i = (i + 1) & m.mask_;
    m.keys_[i] = key;
    m.values_[i] = value;
  }
  return m;
}

const float* CueModel::find(uint64_t key) const {
  if (keys_.empty()) return nullptr;
  if (key == 0) key = 1;
  const uint64_t bit = key >> (64 - kFilterBits);
  if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == key) return &values_[i];
    if (keys_[i] == 0) return nullptr;
  }
}

const CueModel& CueModel::builtin() {
  static const CueModel m = parse(
      std::string_view(reinterpret_cast<const char*>(kBuiltinCueModel), kBuiltinCueModelSize));
  return m;
}

float CueModel::score(const std::vector<std::string>& features) const {
  float s = 0;
  for (const std::string& f : features)
    if (const float* w = find(feature_hash(f))) s += *w;
  return s;
}

}  // namespace casus::quotes
