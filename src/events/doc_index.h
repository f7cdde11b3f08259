// Read-only helpers over one Document's syntax for the events stage: dependency children, the
// mention covering each token, quotations, and the clause properties the coder asks about
// (negation, mood). Built once per document in O(tokens + mentions + quotes).
#ifndef CASUS_EVENTS_DOC_INDEX_H_
#define CASUS_EVENTS_DOC_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "casus/document.h"

namespace casus::events {

// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b);
// The UD relation without its subtype ("obl" for "obl:tmod").
std::string_view base_rel(std::string_view deprel);

class DocIndex {
 public:
  explicit DocIndex(const Document& doc);

  const Document& doc() const { return doc_; }
  const TokenSyntax& syn(uint32_t t) const { return doc_.syntax[t]; }
  // The head of t, or kNoHead for a root (and for an out-of-range head, so walks stay inside).
  uint32_t head(uint32_t t) const {
    const uint32_t h = doc_.syntax[t].head;
    return h < doc_.syntax.size() ? h : kNoHead;
  }
  std::string_view deprel(uint32_t t) const { return doc_.syntax[t].deprel; }
  // True when the lemma of t equals `lemma` (ASCII case-insensitively).
  bool lemma_is(uint32_t t, std::string_view lemma) const;

  // Children of t in text order.
  const uint32_t* children_begin(uint32_t t) const { return child_list_.data() + child_start_[t]; }
  const uint32_t* children_end(uint32_t t) const {
    return child_list_.data() + child_start_[t + 1];
  }
  // The first child of t whose deprel is exactly `rel`, or kNoIndex.
  uint32_t child(uint32_t t, std::string_view rel) const;
  // The lemma of t's `case` child (lower-cased into *out); false when it has none.
  bool case_of(uint32_t t, std::string* out) const;
  // The first oblique / nmod child of t introduced by preposition `prep`, or kNoIndex.
  uint32_t prep_child(uint32_t t, std::string_view prep) const;
  // True when `a` is t or an ancestor of t.
  bool dominates(uint32_t a, uint32_t t) const;

  // Outermost mention covering token t, or kNoIndex.
  uint32_t mention_at(uint32_t t) const { return token_mention_[t]; }
  // The quote whose content covers byte offset `pos`, or kNoIndex. O(log pieces).
  uint32_t quote_at(uint32_t pos) const;
  // The token whose span contains byte `pos` (or the first token after it), or kNoIndex.
  uint32_t token_at(uint32_t pos) const;

  // Whether the predicate t is negated: a not/never/n't child, "no" determiner (nouns), or
  // (through xcomp) a negated or negating matrix verb ("refused to condemn").
  bool negated(uint32_t t) const;
  // The mood of predicate t (threat: the matched pattern is a threat pattern).
  EventMood mood(uint32_t t, bool threat) const;
  // The verb whose clause a nominal predicate belongs to (its governor when the noun is its
  // subject, object or oblique), else t itself.
  uint32_t clause_verb(uint32_t t) const;

 private:
  const Document& doc_;
  std::vector<uint32_t> child_start_;
  std::vector<uint32_t> child_list_;
  std::vector<uint32_t> token_mention_;
  struct Piece {
    Span span;
    uint32_t quote;
  };
  std::vector<Piece> quote_pieces_;  // every quote content span, sorted by begin
};

}  // namespace casus::events

#endif  // CASUS_EVENTS_DOC_INDEX_H_
