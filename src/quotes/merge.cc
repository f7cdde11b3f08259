// merge_tagged: the rules' quotes corrected and completed by the attribution tagger's spans.
//
// 1. Terms and "In <a poll>, C" quotes (cue lemma "in") stay as the rules made them. Every
//    other rule quote keeps its place; its cue, speaker and (for indirect and mixed quotes) its
//    content pieces take the boundaries of the tagged span of the same layer that overlaps them
//    (direct quotes keep the quote marks' boundaries, which the rules get right; a clause the
//    rules open with "that" keeps that start). A speaker no tagged Source overlaps is dropped; a
//    quote without a speaker takes the nearest tagged Source of its cue's sentence outside its
//    content.
// 2. A tagged Cue that overlaps no kept cue starts a new attribution with the nearest tagged
//    Content of its sentence (not yet taken by another added cue) and the nearest tagged Source
//    outside both; without a tagged Content it is dropped.
// Cost: linear in quotes times tagged spans of a sentence (tiny).
#include <algorithm>

#include "quotes/tagger.h"

namespace casus::quotes {
namespace {

Span span_of(const Document& doc, TokenRange r) {
  return Span{doc.tokens[r.first].span.begin, doc.tokens[r.second - 1].span.end};
}

bool overlaps(TokenRange a, TokenRange b) { return a.first < b.second && b.first < a.second; }

// The sorted, non-overlapping spans that overlap range r, as a [begin, end) pointer pair.
std::pair<const TokenRange*, const TokenRange*> within(const std::vector<TokenRange>& spans,
                                                       TokenRange r) {
  auto b = std::lower_bound(spans.begin(), spans.end(), r.first,
                            [](const TokenRange& a, uint32_t x) { return a.second <= x; });
  auto e = b;
  while (e != spans.end() && e->first < r.second) ++e;
  const TokenRange* base = spans.data();
  return {base + (b - spans.begin()), base + (e - spans.begin())};
}

// Token gap between two ranges (0 when they touch or overlap).
uint32_t gap(TokenRange a, TokenRange b) {
  if (a.second <= b.first) return b.first - a.second;
  if (b.second <= a.first) return a.first - b.second;
  return 0;
}

// The tagged span overlapping r, or nullptr (the first one, spans being sorted).
const TokenRange* overlapping(const std::vector<TokenRange>& spans, TokenRange r) {
  auto it = std::lower_bound(spans.begin(), spans.end(), r,
                             [](const TokenRange& a, const TokenRange& b) {
                               return a.second <= b.first;
                             });
  if (it != spans.end() && overlaps(*it, r)) return &*it;
  return nullptr;
}

std::string lower(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The entity of a speaker phrase: a person mention inside it, else the first mention inside it;
// a personal pronoun takes the speaker of the latest earlier quote within three sentences.
uint32_t entity_of(const Document& doc, TokenRange r, const std::vector<Quote>& quotes) {
  uint32_t first = kNoEntity;
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), r.first,
                             [](const Mention& m, uint32_t x) { return m.first_token < x; });
  for (; it != doc.mentions.end(); ++it) {
    const Mention& m = *it;
    if (m.first_token >= r.second) break;
    if (m.end_token > r.second) continue;
    if (m.type == EntityType::kPer) return m.entity;
    if (first == kNoEntity) first = m.entity;
  }
  if (first != kNoEntity || r.second - r.first != 1) return first;
  const std::string w = lower(doc.slice(doc.tokens[r.first].span));
  if (w != "he" && w != "she" && w != "they" && w != "i" && w != "we") return kNoEntity;
  const uint32_t sentence = doc.tokens[r.first].sentence;
  // The quotes are in text order: look back over the last few only.
  const Quote* best = nullptr;
  const size_t lo = quotes.size() > 16 ? quotes.size() - 16 : 0;
  for (size_t i = quotes.size(); i-- > lo;) {
    const Quote& q = quotes[i];
    if (q.speaker_entity != kNoEntity && q.end_sentence <= sentence + 1 &&
        q.end_sentence + 3 >= sentence && !q.speaker.empty() &&
        q.speaker.begin < doc.tokens[r.first].span.begin &&
        (!best || q.speaker.begin > best->speaker.begin))
      best = &q;
  }
  return best ? best->speaker_entity : kNoEntity;
}

// The lemma of a cue phrase: the lemma of its last verb, else of its last word.
std::string cue_lemma(const Document& doc, TokenRange r) {
  uint32_t pick = r.second - 1;
  for (uint32_t t = r.first; t < r.second; ++t)
    if (doc.syntax[t].upos == "VERB") pick = t;
  const std::string w = lower(doc.slice(doc.tokens[r.first].span));
  if (w == "according") return "according to";
  return lower(doc.syntax[pick].lemma);
}

bool is_mark(std::string_view w) {
  return w == "\"" || w == "''" || w == "``" || w == "\u201C" || w == "\u201D" || w == "\u2018" ||
         w == "\u2019" || w == "'" || w == "\u00AB" || w == "\u00BB";
}


}  // namespace

void merge_tagged(Document& doc, const TaggedSpans& tagged) {
  const auto& C = tagged.spans[kCueLayer];
  const auto& S = tagged.spans[kSourceLayer];
  const auto& K = tagged.spans[kContentLayer];
  std::vector<Quote> out;
  std::vector<TokenRange> cues;  // cue of each quote kept, for the additions
  // 1. The rules' quotes, their spans replaced by the tagged ones that overlap them.
  for (Quote& q : doc.quotes) {
    // Terms, and "In <a poll>, CONTENT" (cue "in"), whose spans the rules take from the
    // sentence's structure, stay as they are.
    if (q.kind == QuoteKind::kTerm || q.cue_lemma == "in") {
      if (q.kind != QuoteKind::kTerm && !q.cue.empty()) cues.push_back(token_range(doc, q.cue));
      out.push_back(std::move(q));
      continue;
    }
    if (!q.cue.empty()) {
      const TokenRange r = token_range(doc, q.cue);
      if (const TokenRange* c = overlapping(C, r)) {
        if (*c != r) q.cue = span_of(doc, *c);
      }
    }
    for (Span& s : q.content) {
      const TokenRange r = token_range(doc, s);
      if (const TokenRange* k = overlapping(K, r)) {
        if (*k != r && q.kind != QuoteKind::kDirect) {
          bool clash = false;
          for (const Span& o : q.content)
            if (&o != &s && overlaps(token_range(doc, o), *k)) clash = true;
          // A reported clause the rules open with its complementizer keeps that start ("told
          // the Times and other newspapers | that ..."): only the end moves.
          TokenRange to = *k;
          if (to.first < r.first && lower(doc.slice(doc.tokens[r.first].span)) == "that")
            to.first = r.first;
          if (!clash && to.first < to.second) s = span_of(doc, to);
        }
      }
    }
    if (!q.speaker.empty()) {
      const TokenRange r = token_range(doc, q.speaker);
      if (const TokenRange* sp = overlapping(S, r); sp && *sp != r) {
        q.speaker = span_of(doc, *sp);
        const uint32_t e = entity_of(doc, *sp, out);
        if (e != kNoEntity) q.speaker_entity = e;
      }
    }
    if (!q.speaker.empty() && q.kind != QuoteKind::kDirect &&
        !overlapping(S, token_range(doc, q.speaker))) {
      q.speaker = Span{};
      q.speaker_entity = kNoEntity;
    }
    if (q.speaker.empty() && !q.cue.empty()) {
      const TokenRange c = token_range(doc, q.cue);
      const Sentence& sent = doc.sentences[doc.tokens[c.first].sentence];
      const TokenRange sr{sent.first_token, sent.end_token};
      const TokenRange* best = nullptr;
      for (auto [b, e] = within(S, sr); b != e; ++b) {
        const TokenRange& sp = *b;
        if (overlaps(sp, c)) continue;
        bool inside = false;
        for (const Span& k : q.content) inside = inside || overlaps(token_range(doc, k), sp);
        if (!inside && (!best || gap(sp, c) < gap(*best, c))) best = &sp;
      }
      if (best) {
        q.speaker = span_of(doc, *best);
        q.speaker_entity = entity_of(doc, *best, out);
      }
    }
    if (!q.cue.empty()) cues.push_back(token_range(doc, q.cue));
    out.push_back(std::move(q));
  }
  // 2. Tagged cues the rules did not find: a new attribution with the nearest tagged content and
  // source of the sentence.
  {
    std::sort(cues.begin(), cues.end());
    std::vector<Quote> added;
    std::vector<bool> content_taken(K.size(), false);
    for (const TokenRange& c : C) {
      // Kept cues may overlap one another; a tagged cue is known when any of them overlaps it.
      auto kc = std::lower_bound(cues.begin(), cues.end(), TokenRange{c.second, 0});
      bool known = false;
      for (int back = 0; kc != cues.begin() && back < 8 && !known; ++back)
        known = overlaps(*--kc, c);
      if (known) continue;
      const Sentence& sent = doc.sentences[doc.tokens[c.first].sentence];
      const TokenRange sr{sent.first_token, sent.end_token};
      const TokenRange* content = nullptr;
      for (auto [b, e] = within(K, sr); b != e; ++b)
        if (!overlaps(*b, c) && (!content || gap(*b, c) < gap(*content, c))) content = b;
      if (!content) continue;
      // One added cue per tagged content: the nearest earlier one keeps it ("attempted ... to
      // justify" would otherwise both claim the same clause).
      const size_t ki = static_cast<size_t>(content - K.data());
      if (content_taken[ki]) continue;
      content_taken[ki] = true;
      const TokenRange* source = nullptr;
      for (auto [b, e] = within(S, sr); b != e; ++b)
        if (!overlaps(*b, c) && !overlaps(*b, *content) &&
            (!source || gap(*b, c) < gap(*source, c)))
          source = b;
      // Without a tagged source the added cue is mostly a verb of the text's own argument ("to
      // justify", "make clear"), not a report: not added.
      if (!source) continue;
      Quote q;
      bool marks = false, opens = is_mark(doc.slice(doc.tokens[content->first].span));
      for (uint32_t t = content->first; t < content->second; ++t)
        marks = marks || is_mark(doc.slice(doc.tokens[t].span));
      q.kind = opens ? QuoteKind::kDirect : marks ? QuoteKind::kMixed : QuoteKind::kIndirect;
      q.content.push_back(span_of(doc, *content));
      q.cue = span_of(doc, c);
      q.cue_lemma = cue_lemma(doc, c);
      if (source) {
        q.speaker = span_of(doc, *source);
        q.speaker_entity = entity_of(doc, *source, out);
      }
      q.first_sentence = std::min(doc.tokens[content->first].sentence, doc.tokens[c.first].sentence);
      q.end_sentence =
          std::max(doc.tokens[content->second - 1].sentence, doc.tokens[c.first].sentence) + 1;
      added.push_back(std::move(q));
    }
    for (Quote& q : added) out.push_back(std::move(q));
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.content.front().begin < b.content.front().begin;
  });
  doc.quotes = std::move(out);
}

}  // namespace casus::quotes
