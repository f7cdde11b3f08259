// The pattern coder: matches casus's own lexicon (events/lexicon.h) over the syntax layer and
// produces raw events (code, parties, predicate, sentence, negation, mood, confidence, pattern).
// The events stage (stage.cc) then adds the codebook fields, date, place, quote and dedup.
// Method: docs/events.md#method.
#ifndef CASUS_EVENTS_CODER_H_
#define CASUS_EVENTS_CODER_H_

#include <vector>

#include "casus/document.h"
#include "events/doc_index.h"
#include "events/lexicon.h"

namespace casus::events {

namespace petrarch {
class Dictionaries;
}

// A coded event and the token that carries it.
struct RawEvent {
  Event event;
  uint32_t token = kNoIndex;  // predicate head token
};

// Appends the events the lexicon codes in `index.doc()` to *out, in text order of the predicate.
// Cost: one hash lookup per VERB/NOUN token, then work proportional to the token's children.
void code_patterns(const Lexicon& lex, const DocIndex& index, std::vector<RawEvent>* out);

// The confidence of an event (docs/events.md#confidence): pattern specificity, how each party's
// actor code was resolved, and the mood.
float event_confidence(uint32_t specificity, bool explicit_target, std::string_view source_basis,
                       std::string_view target_basis, bool negated, EventMood mood);

// The whole events stage with a given lexicon (EventCoder::annotate calls it with the compiled-in
// one; tests call it with small inline lexicons): codes with the lexicon when own_lexicon, and
// with `dictionaries` when not null, then fills codebook fields, date, place and quote, and
// merges duplicates. Replaces doc.events.
void annotate_events(const Lexicon& lexicon, const petrarch::Dictionaries* dictionaries,
                     bool own_lexicon, Document& doc);

}  // namespace casus::events

#endif  // CASUS_EVENTS_CODER_H_
