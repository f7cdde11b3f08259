// The entities stage: named mentions (NER, ner.h), role+country group mentions ("US officials",
// "Russia's Foreign Ministry"), title nominals ("the secretary") and pronouns, clustered into
// in-article entities (coref.h), each coded with a CAMEO actor code by the ActorCoder.
//
// Reads: Document::text, sentences, tokens, date and, when present (one entry per token),
// Document::syntax: XPOS features for the NER model, subjects for pronoun salience and for
// capitals acting as governments ("Washington has overthrown"). Without it the stage falls back
// to surface rules (and a model with XPOS features tags each sentence itself).
// Writes: Document::mentions, entities.
// The NER model and the ActorCoder are loaded once per process and shared (const); scratch is
// thread-local, so annotate() may run on any number of threads.
#ifndef CASUS_ENTITIES_STAGE_H_
#define CASUS_ENTITIES_STAGE_H_

#include "casus/document.h"

namespace casus::entities {

// Fills doc.mentions and doc.entities (replacing any previous content).
void annotate(Document& doc);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_STAGE_H_
