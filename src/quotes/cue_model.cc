#include "quotes/cue_model.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "quotes/cues.h"
#include "quotes/model_text.h"

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

std::vector<std::string> FeatureList::strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
  return out;
}

namespace {

// Decimal digits of a small number, without allocating.
struct Digits {
  explicit Digits(uint32_t v) {
    char tmp[10];
    size_t k = 0;
    do {
      tmp[k++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    while (k) buf[n++] = tmp[--k];
  }
  std::string_view view() const { return std::string_view(buf, n); }
  char buf[10];
  size_t n = 0;
};

void lowercase(std::string* s) {
  for (char& c : *s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace

CueFeatures::CueFeatures(const Document& doc) : doc_(doc) {
  const size_t n = doc.tokens.size();
  const bool syntax = doc.syntax.size() == n;
  quote_mark_.resize(n);
  lower_.resize(n);
  if (syntax) lemma_.resize(n);
  child_start_.assign(n + 2, 0);
  for (uint32_t t = 0; t < n; ++t) {
    const std::string_view w = doc.slice(doc.tokens[t].span);
    lower_[t] = w;
    lowercase(&lower_[t]);
    quote_mark_[t] = is_quote_word(w);
    if (syntax) {
      lemma_[t] = doc.syntax[t].lemma;
      lowercase(&lemma_[t]);
      if (doc.syntax[t].head < n) ++child_start_[doc.syntax[t].head + 2];
    }
  }
  // Counting sort by head: each token's dependents in token order.
  for (size_t i = 2; i < n + 2; ++i) child_start_[i] += child_start_[i - 1];
  children_.resize(child_start_[n + 1]);
  if (syntax)
    for (uint32_t t = 0; t < n; ++t)
      if (doc.syntax[t].head < n) children_[child_start_[doc.syntax[t].head + 1]++] = t;
  child_start_.pop_back();
}

bool CueFeatures::candidate(uint32_t t) const {
  if (doc_.syntax.size() != doc_.tokens.size()) return false;
  const TokenSyntax& s = doc_.syntax[t];
  return s.upos == "VERB" || (s.upos == "AUX" && s.lemma == "say");
}

void CueFeatures::extract(uint32_t t, std::vector<std::string>* out) const {
  FeatureList f;
  extract(t, &f);
  *out = f.strings();
}

void CueFeatures::extract(uint32_t t, FeatureList* out) const {
  out->clear();
  const TokenSyntax& s = doc_.syntax[t];
  const Sentence& sent = doc_.sentences[doc_.tokens[t].sentence];
  const std::string_view lemma = lemma_[t];
  const std::string_view w = lower(t);
  const std::string_view prev = t > sent.first_token ? std::string_view(lower(t - 1)) : "<s>";
  const std::string_view next = t + 1 < sent.end_token ? std::string_view(lower(t + 1)) : "</s>";
  const std::string_view next2 =
      t + 2 < sent.end_token ? std::string_view(lower(t + 2)) : "</s>";
  const std::string_view r = rel(s);
  out->add({"bias"});
  out->add({"l=", lemma});
  out->add({"w=", w});
  out->add({"x=", s.xpos});
  out->add({"d=", r});
  out->add({"ld=", lemma, "|", r});
  out->add({"lx=", lemma, "|", s.xpos});
  out->add({"p=", prev});
  out->add({"n=", next});
  out->add({"lp=", lemma, "|", prev});
  out->add({"ln=", lemma, "|", next});
  out->add({"lnn=", lemma, "|", next, "|", next2});
  if (const CueEntry* e = find_cue(w)) out->add({"lex=", Digits(e->flags & 0xff).view()});
  if (t + 1 < sent.end_token) {
    if (const CueEntry* e = find_cue_phrase(w, next)) out->add({"lexp=", e->lemma});
  }
  const uint32_t h = s.head;
  if (h < doc_.tokens.size()) {
    out->add({"hu=", doc_.syntax[h].upos});
    out->add({"dhu=", r, "|", doc_.syntax[h].upos});
  } else {
    out->add({"root"});
  }
  bool subj = false, comp = false;
  for (const uint32_t* pc = children_begin(t); pc != children_end(t); ++pc) {
    const uint32_t c = *pc;
    const std::string& cr = rel(doc_.syntax[c]);
    out->add({"c=", cr});
    out->add({"lc=", lemma, "|", cr});
    if (cr.starts_with("nsubj")) {
      subj = true;
      out->add({"subj=", doc_.syntax[c].upos});
      out->add({"lsubj=", lemma, "|", doc_.syntax[c].upos});
    }
    if (cr == "ccomp" || cr == "xcomp") {
      comp = true;
      for (const uint32_t* pg = children_begin(c); pg != children_end(c); ++pg)
        if (rel(doc_.syntax[*pg]) == "mark") out->add({"cmark=", cr, "|", lower(*pg)});
    }
    if (cr == "aux" || cr == "aux:pass") out->add({"aux=", lower(c)});
    if (cr == "obl" || cr == "obj") {
      for (const uint32_t* pg = children_begin(c); pg != children_end(c); ++pg)
        if (rel(doc_.syntax[*pg]) == "case") out->add({"case=", cr, "|", lower(*pg)});
      out->add({"lo=", lemma, "|", cr, "|", doc_.syntax[c].upos});
    }
  }
  const std::string_view sc = subj ? (comp ? "11" : "10") : (comp ? "01" : "00");
  out->add({"sc=", sc});
  out->add({"lsc=", lemma, "|", sc});
  // Quote marks near the verb, and whether it sits at a sentence edge.
  bool qb = false, qa = false;
  for (uint32_t k = t; k > sent.first_token && k + 4 > t; --k)
    if (quote_mark_[k - 1]) qb = true;
  for (uint32_t k = t + 1; k < sent.end_token && k < t + 4; ++k)
    if (quote_mark_[k]) qa = true;
  if (qb) out->add({"qb"});
  if (qa) out->add({"qa"});
  if (qb) out->add({"lqb=", lemma});
  bool that = false;
  for (uint32_t k = t + 1; k < sent.end_token && k < t + 6; ++k)
    if (lower(k) == "that") that = true;
  if (that) out->add({"that=", lemma});
  if (t == sent.first_token) out->add({"first"});
  if (t + 2 >= sent.end_token) out->add({"last"});
}

void CueFeatures::extract_end(uint32_t b, uint32_t e, std::vector<std::string>* out) const {
  FeatureList f;
  extract_end(b, e, &f);
  *out = f.strings();
}

void CueFeatures::extract_end(uint32_t b, uint32_t e, FeatureList* out) const {
  out->clear();
  const Sentence& sent = doc_.sentences[doc_.tokens[b].sentence];
  uint32_t se = sent.end_token;
  while (se > b + 1) {
    const std::string& w = lower(se - 1);
    if (w != "." && w != "!" && w != "?" && w != ";") break;
    --se;
  }
  const bool at_end = e >= se;
  const std::string_view last = lower(e - 1);
  const TokenSyntax& ls = doc_.syntax[e - 1];
  out->add({"E:l.w=", last});
  out->add({"E:l.u=", ls.upos});
  if (at_end) {
    out->add({"E:end"});
  } else {
    const TokenSyntax& es = doc_.syntax[e];
    const std::string_view next = lower(e);
    out->add({"E:e.w=", next});
    out->add({"E:e.u=", es.upos});
    out->add({"E:e.d=", es.deprel});
    out->add({"E:e.wl=", next, "|", ls.upos});
    const bool out_head = es.head == kNoHead || es.head < b || es.head >= e;
    const std::string_view io = out_head ? "out|" : "in|";
    out->add({"E:e.h=", io, es.deprel});
    out->add({"E:e.hw=", io, next});
    if (e + 1 < sent.end_token) out->add({"E:e.w2=", next, "|", lower(e + 1)});
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
  out->add({"E:cross=", Digits(std::min<uint32_t>(crossing, 3)).view()});
  out->add({"E:dang=", Digits(std::min<uint32_t>(dangling, 3)).view()});
  if (!at_end)
    out->add({"E:dang|w=", Digits(std::min<uint32_t>(dangling, 2)).view(), "|", lower(e)});
  uint32_t marks = 0;
  for (uint32_t t = b; t < e; ++t) marks += quote_mark_[t];
  if (marks % 2) out->add({"E:openq"});
  const uint32_t len = e - b;
  out->add({"E:len=",
            Digits(len < 4 ? len : len < 8 ? 4 : len < 16 ? 8 : len < 32 ? 16 : 32).view()});
  out->add({"E:bias"});
}

CueModel CueModel::parse(std::string_view text) {
  std::vector<std::pair<uint64_t, float>> entries;
  CueModel m;
  for_each_model_line(text, true, [&](std::string_view name, std::string_view value) {
    const std::string weight(value);
    if (name.starts_with("E:")) m.has_end_ = true;
    const uint64_t h = feature_hash(name);
    entries.push_back({h == 0 ? 1 : h, std::strtof(weight.c_str(), nullptr)});
  });
  if (entries.empty()) return m;
  size_t cap = 16;
  while (cap < 2 * entries.size()) cap *= 2;
  m.slots_.assign(cap, Slot{});
  m.mask_ = cap - 1;
  m.filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  for (const auto& [key, value] : entries) {
    const uint64_t bit = key >> (64 - kFilterBits);
    m.filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = key & m.mask_;
    while (m.slots_[i].key != 0 && m.slots_[i].key != key) i = (i + 1) & m.mask_;
    m.slots_[i].key = key;
    m.slots_[i].value = value;
  }
  return m;
}

const float* CueModel::find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  if (key == 0) key = 1;
  const uint64_t bit = key >> (64 - kFilterBits);
  if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return &slots_[i].value;
    if (slots_[i].key == 0) return nullptr;
  }
}

const CueModel& CueModel::builtin() {
  static const CueModel m = parse(
      std::string_view(reinterpret_cast<const char*>(kBuiltinCueModel), kBuiltinCueModelSize));
  return m;
}

float CueModel::score(const FeatureList& features) const {
  if (slots_.empty()) return 0;
  // All keys first, their filter words and first slots requested before any is read: the
  // tables are larger than the caches and the misses overlap. The weights are summed in
  // feature order, as score() over strings does.
  constexpr size_t kBatch = 64;
  uint64_t keys[kBatch];
  float s = 0;
  for (size_t b = 0; b < features.size(); b += kBatch) {
    const size_t n = std::min(kBatch, features.size() - b);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t h = feature_hash(features[b + i]);
      keys[i] = h == 0 ? 1 : h;
      __builtin_prefetch(&filter_[(keys[i] >> (64 - kFilterBits)) >> 6]);
    }
    size_t hits = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t bit = keys[i] >> (64 - kFilterBits);
      if (filter_[bit >> 6] >> (bit & 63) & 1) {
        __builtin_prefetch(&slots_[keys[i] & mask_]);
        keys[hits++] = keys[i];
      }
    }
    for (size_t i = 0; i < hits; ++i)
      if (const float* w = find(keys[i])) s += *w;
  }
  return s;
}

float CueModel::score(const std::vector<std::string>& features) const {
  float s = 0;
  for (const std::string& f : features)
    if (const float* w = find(feature_hash(f))) s += *w;
  return s;
}

}  // namespace casus::quotes
