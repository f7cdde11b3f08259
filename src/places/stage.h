// The places stage: toponyms of the text resolved to gazetteer entries (GeoNames cities and
// countries compiled at build time, plus casus's own landmarks), with coordinates.
//
// Reads: Document::text, sentences, tokens, syntax, mentions, entities. Writes: Document::places.
// The gazetteer is loaded once per process and shared (const), so annotate() may run on any
// number of threads. Method: docs/places.md.
#ifndef CASUS_PLACES_STAGE_H_
#define CASUS_PLACES_STAGE_H_

#include "casus/document.h"

namespace casus::places {

// Fills doc.places (replacing any previous content), in text order.
void annotate(Document& doc);

}  // namespace casus::places

#endif  // CASUS_PLACES_STAGE_H_
