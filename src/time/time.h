// The time stage: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) recognized in the text
// and normalized against the article date.
//
// Reads: text, sentences, tokens, date. Writes: times, errors.
// Stateless and thread-safe.
#ifndef CASUS_TIME_TIME_H_
#define CASUS_TIME_TIME_H_

#include <string_view>

#include "casus/document.h"

namespace casus::time {

// Fills doc.times. `anchor_date` ("YYYY-MM-DD"), when not empty, overrides doc.date as the anchor
// of relative expressions; with no anchor at all, relative values keep X placeholders.
void annotate(Document& doc, std::string_view anchor_date);

}  // namespace casus::time

#endif  // CASUS_TIME_TIME_H_
