// PETRARCH/TABARI-format dictionaries (verbs with synsets and patterns, date-ranged actors,
// agents, discards) and a coder that applies them over casus's own tokens and syntax, so that
// existing dictionaries keep working with casus. Formats, matching and measured pass rate:
// docs/petrarch.md. Implementation: petrarch_dict.{h,cc} (parsers, compiled tables),
// petrarch_coder.cc (coding), petrarch.cc (loading files).
//
// Reads: Document::sentences, tokens, syntax, date. A loaded Dictionaries is immutable and
// thread-safe; code() keeps its scratch on the stack.
#ifndef CASUS_EVENTS_PETRARCH_H_
#define CASUS_EVENTS_PETRARCH_H_

#include <memory>
#include <string>
#include <vector>

#include "casus/document.h"
#include "casus/status.h"

namespace casus::events {
struct EventOptions;
}

namespace casus::events::petrarch {

class Dictionaries {
 public:
  // Loads options.verbs / actors / agents / discards. A file that cannot be read fails; a
  // malformed line is skipped and reported in *warnings as "FILE:LINE: reason".
  static Status load(const EventOptions& options, std::unique_ptr<const Dictionaries>* out,
                     std::vector<std::string>* warnings);
  virtual ~Dictionaries() = default;

  // Appends the events the dictionaries code in `doc` (which has text, sentences, tokens and
  // syntax; without syntax nothing is coded). Each event has code, source and target (actor
  // codes from the dictionaries, dated by doc.date, with the spans they were read from),
  // predicate span and lemma, sentence, negated and pattern ("petrarch:VERB:LINE"); the events
  // stage fills the codebook fields (label, quad, goldstein, plover), date, place and quote. As
  // PETRARCH does by default (require_dyad), an event needs both a source and a target actor.
  virtual void code(const Document& doc, std::vector<Event>* out) const = 0;
};

}  // namespace casus::events::petrarch

#endif  // CASUS_EVENTS_PETRARCH_H_
