// The time stage: runs the matcher over every sentence with the anchor date.
#include <string>

#include "time/calendar.h"
#include "time/matcher.h"
#include "time/time.h"

namespace casus::time {

void annotate(Document& doc, std::string_view anchor_date) {
  doc.times.clear();
  MatchContext context;
  const std::string_view date = !anchor_date.empty() ? anchor_date : std::string_view(doc.date);
  if (!date.empty()) {
    Ymd ymd;
    // A date with a time part ("2023-05-03T10:00:00Z") anchors on its day.
    if (parse_iso_date(date.substr(0, 10), &ymd)) {
      context.has_anchor = true;
      context.anchor = ymd;
      context.anchor_days = days_from_civil(ymd);
    } else {
      doc.add_error("time", "anchor date '" + std::string(date) +
                                "' is not YYYY-MM-DD; relative expressions are left unresolved");
    }
  }
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) match_sentence(doc, s, &context, &doc.times);
}

}  // namespace casus::time
