// The quotes stage: quotations and reported speech with their content, cue, speaker and addressee.
//
// Reads: Document::text, paragraphs, sentences, tokens, syntax (used when present: subjects of
// cue verbs, clausal complements; token patterns otherwise), mentions and entities (speaker and
// addressee resolution: "She" -> Karine Jean-Pierre). Writes: Document::quotes. With syntax it
// also uses the learned cue scorer and content-end ranker compiled into casus (cue_model.h).
// Method and conventions: docs/quotes.md. Stateless and thread-safe; cost linear in tokens plus
// the end ranker, quadratic in the length of each reported clause.
#ifndef CASUS_QUOTES_QUOTES_H_
#define CASUS_QUOTES_QUOTES_H_

#include <cstdint>
#include <vector>

#include "casus/document.h"

namespace casus::quotes {

// Fills doc.quotes (replacing any previous content), sorted by the first content span: the
// rules, then (with syntax and a tagger model) the attribution tagger's corrections (tagger.h).
void annotate(Document& doc);

// The rules alone (no attribution tagger): the tagger's input, and the "patterns" path. When
// `cue_scores` is not null it receives one value per token: the learned cue scorer's score of
// each verb the rules scored (cue_model.h), kNoCueScore elsewhere.
inline constexpr float kNoCueScore = -1e9f;
void annotate_rules(Document& doc, std::vector<float>* cue_scores = nullptr);

// Quote marks, paired: one run per quotation between marks, in order of the opening mark.
// `pieces` are token ranges [first, end) including the marks; a run continued across paragraphs
// (news convention) has one piece per paragraph. `depth` is 0 for a top-level run, 1 for a run
// nested in another. `closed` is false when the closing mark was missing and the run was closed
// at the end of its paragraph. Exposed for tests.
struct MarkRun {
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  uint32_t depth = 0;
  bool is_double = true;
  bool closed = true;
  uint32_t first() const { return pieces.front().first; }
  uint32_t last() const { return pieces.back().second - 1; }
};
std::vector<MarkRun> pair_quote_marks(const Document& doc);

}  // namespace casus::quotes

#endif  // CASUS_QUOTES_QUOTES_H_
