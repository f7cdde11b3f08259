// Evaluation of the time stage against the dates annotated in GUM (`casus eval time`).
//
// GUM marks dates in the MISC column of its CoNLL-U files as TEI elements: a token whose MISC
// holds `XML=<date when:::"2015-09-01">` opens a date and the token holding `XML=</date>` closes
// it (both on one token for one-word dates); attributes are `when`, `from`/`to` and
// `notBefore`/`notAfter`. The article date is the `# meta::dateCreated` comment. The document
// text is rebuilt from the `# text = ` lines (sentences of a paragraph joined by one space,
// paragraphs separated by a blank line), run through the Engine with dateCreated as the anchor,
// and compared with the gold dates.
#ifndef CASUS_EVAL_TIME_EVAL_H_
#define CASUS_EVAL_TIME_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "casus/engine.h"
#include "casus/status.h"
#include "eval/eval.h"

namespace casus::eval {

// The attributes of one gold <date>; empty when absent.
struct GoldDate {
  std::string when, from, to, not_before, not_after;
};

struct TimeScores {
  // Recognition with relaxed overlap: a gold date and a system expression match when their
  // character spans overlap (one-to-one, in text order). Every system DATE and TIME counts
  // toward precision; DURATION and SET expressions count only when they overlap a gold date,
  // because GUM annotates calendar dates, not durations or sets.
  Prf recognition;
  // Value accuracy over the matched gold dates (see time_value_matches).
  size_t value_total = 0, value_correct = 0;
  size_t documents = 0;
  double value_accuracy() const { return value_total ? 100.0 * value_correct / value_total : 0; }
  void add(const TimeScores& o) {
    recognition.add(o.recognition);
    value_total += o.value_total;
    value_correct += o.value_correct;
    documents += o.documents;
  }
};

// One disagreement, for `casus eval time --errors`.
struct TimeMismatch {
  std::string document;
  std::string kind;  // "missed", "spurious", "value"
  std::string gold_text, gold_value;
  std::string system_text, system_value;
  std::string context;  // the sentence
};

// True when the system value `value` agrees with the gold attributes. Both sides become day
// intervals: "2023" is 2023-01-01..2023-12-31, "2023-W17" its Monday..Sunday, "2023-W17-WE" its
// Saturday..Sunday, "2022-SU" June..August, "196X" 1960..1969, "19" 1900..1999, times their day;
// PRESENT_REF is the anchor day, PAST_REF everything up to it, FUTURE_REF everything after it.
// A gold `when` needs the same interval; a gold range (from/to, notBefore/notAfter, open ends
// allowed) needs the system interval inside it. Gold values without a year ("--10",
// "--09-15") are compared on month and day only. Durations and unresolved values never match.
bool time_value_matches(std::string_view value, const GoldDate& gold, std::string_view anchor);

// Evaluates every document of one GUM CoNLL-U file. Adds to *scores; appends disagreements to
// *mismatches when it is not null.
Status evaluate_time_file(const Engine& engine, const std::string& conllu_path, TimeScores* scores,
                          std::vector<TimeMismatch>* mismatches);

// Reads GUM's splits.md: document name ("GUM_news_iodine") -> "train", "dev", "test", "test2".
Status read_gum_splits(const std::string& path, std::map<std::string, std::string>* splits);

}  // namespace casus::eval

#endif  // CASUS_EVAL_TIME_EVAL_H_
