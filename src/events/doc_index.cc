#include "events/doc_index.h"

#include <algorithm>
#include <string>

namespace casus::events {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool in_list(std::string_view lemma, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (iequals(lemma, w)) return true;
  }
  return false;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

std::string_view base_rel(std::string_view deprel) {
  const size_t colon = deprel.find(':');
  return colon == std::string_view::npos ? deprel : deprel.substr(0, colon);
}

DocIndex::DocIndex(const Document& doc) : doc_(doc) {
  const size_t n = doc.syntax.size();
  child_start_.assign(n + 2, 0);
  for (size_t t = 0; t < n; ++t) {
    const uint32_t h = doc.syntax[t].head;
    if (h < n) ++child_start_[h + 1];
  }
  for (size_t t = 1; t <= n + 1; ++t) child_start_[t] += child_start_[t - 1];
  child_list_.assign(child_start_[n], 0);
  std::vector<uint32_t> fill(child_start_.begin(), child_start_.begin() + n);
  for (size_t t = 0; t < n; ++t) {
    const uint32_t h = doc.syntax[t].head;
    if (h < n) child_list_[fill[h]++] = static_cast<uint32_t>(t);
  }
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    for (const Span& piece : doc.quotes[q].content) {
      quote_pieces_.push_back(Piece{piece, static_cast<uint32_t>(q)});
    }
  }
  std::stable_sort(quote_pieces_.begin(), quote_pieces_.end(),
                   [](const Piece& a, const Piece& b) { return a.span.begin < b.span.begin; });
  token_mention_.assign(n, kNoIndex);
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    for (uint32_t t = mention.first_token; t < mention.end_token && t < n; ++t) {
      const uint32_t cur = token_mention_[t];
      if (cur == kNoIndex || doc.mentions[cur].end_token - doc.mentions[cur].first_token <
                                 mention.end_token - mention.first_token) {
        token_mention_[t] = static_cast<uint32_t>(m);
      }
    }
  }
}

bool DocIndex::lemma_is(uint32_t t, std::string_view lemma) const {
  return iequals(doc_.syntax[t].lemma, lemma);
}

uint32_t DocIndex::child(uint32_t t, std::string_view rel) const {
  for (const uint32_t* c = children_begin(t); c != children_end(t); ++c) {
    if (deprel(*c) == rel) return *c;
  }
  return kNoIndex;
}

bool DocIndex::case_of(uint32_t t, std::string* out) const {
  for (const uint32_t* c = children_begin(t); c != children_end(t); ++c) {
    const std::string_view rel = deprel(*c);
    if (rel == "case" || (rel == "mark" && syn(*c).upos == "SCONJ")) {
      out->clear();
      for (char ch : syn(*c).lemma) out->push_back(lower_ascii(ch));
      return true;
    }
  }
  return false;
}

uint32_t DocIndex::prep_child(uint32_t t, std::string_view prep) const {
  std::string c;
  for (const uint32_t* k = children_begin(t); k != children_end(t); ++k) {
    const std::string_view rel = deprel(*k);
    const std::string_view base = base_rel(rel);
    if ((base == "obl" || base == "nmod" || base == "advcl") && rel != "nmod:poss" &&
        case_of(*k, &c) && c == prep) {
      return *k;
    }
  }
  return kNoIndex;
}

bool DocIndex::dominates(uint32_t a, uint32_t t) const {
  for (size_t steps = 0; t != kNoHead && steps < 256; ++steps) {
    if (t == a) return true;
    t = head(t);
  }
  return false;
}

uint32_t DocIndex::quote_at(uint32_t pos) const {
  auto it = std::upper_bound(quote_pieces_.begin(), quote_pieces_.end(), pos,
                             [](uint32_t p, const Piece& piece) { return p < piece.span.begin; });
  // Pieces do not normally overlap; look back a few in case some nest.
  for (int k = 0; k < 4 && it != quote_pieces_.begin(); ++k) {
    --it;
    if (pos < it->span.end) return it->quote;
  }
  return kNoIndex;
}

uint32_t DocIndex::token_at(uint32_t pos) const {
  const auto& toks = doc_.tokens;
  auto it = std::upper_bound(toks.begin(), toks.end(), pos,
                             [](uint32_t p, const Token& t) { return p < t.span.begin; });
  if (it != toks.begin()) {
    auto prev = std::prev(it);
    if (pos < prev->span.end) return static_cast<uint32_t>(prev - toks.begin());
  }
  if (it == toks.end()) return kNoIndex;
  return static_cast<uint32_t>(it - toks.begin());
}

uint32_t DocIndex::clause_verb(uint32_t t) const {
  if (syn(t).upos == "VERB") return t;
  const std::string_view base = base_rel(deprel(t));
  const uint32_t h = head(t);
  if (h != kNoHead && (base == "obj" || base == "nsubj" || base == "obl") &&
      syn(h).upos == "VERB") {
    return h;
  }
  return t;
}

bool DocIndex::negated(uint32_t t) const {
  auto has_neg_child = [&](uint32_t v, bool noun) {
    for (const uint32_t* c = children_begin(v); c != children_end(v); ++c) {
      const std::string_view rel = deprel(*c);
      if ((rel == "advmod" || rel == "neg" || base_rel(rel) == "advmod") &&
          in_list(syn(*c).lemma, {"not", "never", "n't"}))
        return true;
      if (noun && rel == "det" && lemma_is(*c, "no")) return true;
    }
    return false;
  };
  if (has_neg_child(t, syn(t).upos != "VERB")) return true;
  uint32_t v = clause_verb(t);
  if (v != t && has_neg_child(v, false)) return true;
  // Through control verbs: "did not try to X", "refused to X", "failed to X".
  for (int depth = 0; depth < 3 && deprel(v) == "xcomp" && head(v) != kNoHead; ++depth) {
    v = head(v);
    if (has_neg_child(v, false)) return true;
    if (in_list(syn(v).lemma, {"refuse", "fail", "decline"})) return true;
  }
  return false;
}

EventMood DocIndex::mood(uint32_t t, bool threat) const {
  // Denied: the predicate sits (through complement links) under deny / reject / dismiss.
  uint32_t v = t;
  bool threatened = threat;
  bool future = false, hypothetical = false;
  for (int depth = 0; depth < 4 && v != kNoHead; ++depth) {
    for (const uint32_t* c = children_begin(v); c != children_end(v); ++c) {
      const std::string_view rel = deprel(*c);
      if (rel == "aux") {
        const std::string_view lemma = syn(*c).lemma;
        if (in_list(lemma, {"will", "shall", "'ll"})) future = true;
        if (in_list(lemma, {"would", "could", "might", "may", "should", "can", "must", "'d"}))
          hypothetical = true;
      } else if (rel == "mark" && in_list(syn(*c).lemma, {"if", "unless", "whether"})) {
        hypothetical = true;
      }
    }
    const uint32_t h = head(v);
    if (h == kNoHead) break;
    const std::string_view rel = deprel(v);
    const std::string_view base = base_rel(rel);
    const bool complement = rel == "xcomp" || rel == "ccomp" || base == "obj" ||
                            (depth == 0 && (base == "nsubj" || base == "obl"));
    if (!complement) break;
    const std::string_view hl = syn(h).lemma;
    if (rel != "nsubj" && in_list(hl, {"deny", "reject", "dismiss", "refute"})) {
      return EventMood::kDenied;
    }
    if (rel != "nsubj" && in_list(hl, {"threaten", "warn"})) threatened = true;
    if (rel == "xcomp" && in_list(hl, {"plan", "intend", "prepare", "aim"})) future = true;
    if (rel == "xcomp" && iequals(hl, "go") && syn(h).xpos == "VBG") future = true;
    if (base == "obj" && in_list(hl, {"plan", "prepare", "threaten"})) {
      if (iequals(hl, "threaten"))
        threatened = true;
      else
        future = true;
    }
    // Only control complements inherit the matrix verb's auxiliaries.
    if (rel == "ccomp") break;
    v = h;
  }
  // Questions: the sentence ends with '?' (before closing quotes).
  const Sentence& s = doc_.sentences[doc_.tokens[t].sentence];
  for (uint32_t k = s.end_token; k > s.first_token; --k) {
    const std::string_view w = doc_.slice(doc_.tokens[k - 1].span);
    if (w == "?") {
      hypothetical = true;
      break;
    }
    if (w != "\"" && w != "\u201D" && w != "'" && w != "\u2019" && w != ")") break;
  }
  if (threatened) return EventMood::kThreatened;
  if (hypothetical) return EventMood::kHypothetical;
  if (future) return EventMood::kFuture;
  return EventMood::kAsserted;
}

}  // namespace casus::events
