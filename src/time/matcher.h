// The temporal expression matcher: a hand-written grammar over the pieces of one sentence
// (pieces.h) with small closed tables (lexicon.h), producing TIMEX3 DATE, TIME, DURATION and SET
// values normalized against the article date, the tense of the clause (tense.h) and the previous
// expression of the document.
//
// Cost: O(pieces) per sentence with a constant amount of look-ahead; no regular expressions.
#ifndef CASUS_TIME_MATCHER_H_
#define CASUS_TIME_MATCHER_H_

#include <cstdint>
#include <vector>

#include "casus/document.h"
#include "time/calendar.h"

namespace casus::time {

// How precise a resolved calendar reference is.
enum class Granularity { kNone, kYear, kMonth, kDay };

// State carried across the sentences of one document.
struct MatchContext {
  bool has_anchor = false;
  Ymd anchor;               // the article date (or the override)
  int64_t anchor_days = 0;  // days_from_civil(anchor)
  // The last DATE expression whose value resolved to a calendar year, month or day: the anchor
  // of "the next day", "that year", "two weeks later".
  Granularity previous = Granularity::kNone;
  Ymd previous_date;
};

// Appends the expressions of sentence `sentence` of `doc` to *out and updates *context.
void match_sentence(const Document& doc, uint32_t sentence, MatchContext* context,
                    std::vector<Timex>* out);

}  // namespace casus::time

#endif  // CASUS_TIME_MATCHER_H_
