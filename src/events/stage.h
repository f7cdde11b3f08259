// The events stage: political events (CAMEO and PLOVER) coded from each clause, with source and
// target actors, negation, mood, date, place, the quotation that reports them, and evidence.
//
// Reads: Document::text, sentences, tokens, syntax, mentions, entities, quotes, times, places,
// date. Writes: Document::events. An EventCoder is built once (its lexicons compiled) and is
// immutable and thread-safe afterwards. Method: docs/events.md.
#ifndef CASUS_EVENTS_STAGE_H_
#define CASUS_EVENTS_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "casus/document.h"
#include "casus/status.h"

namespace casus::events {

struct EventOptions {
  // Code with casus's own lexicon (data/events, compiled in).
  bool own_lexicon = true;
  // PETRARCH/TABARI-format dictionaries given by the user (empty: none). When `verbs` is set,
  // casus codes with them alongside (or, without own_lexicon, instead of) its own lexicon.
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
};

class EventCoder {
 public:
  // Compiles the lexicons. Unreadable files fail; malformed dictionary lines are skipped and
  // reported in warnings() with file and line.
  static Status create(const EventOptions& options, std::unique_ptr<const EventCoder>* out);
  ~EventCoder();
  EventCoder(const EventCoder&) = delete;
  EventCoder& operator=(const EventCoder&) = delete;

  // Fills doc.events (replacing any previous content), in text order of the predicate.
  void annotate(Document& doc) const;

  const std::vector<std::string>& warnings() const;

  struct Impl;

 private:
  explicit EventCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace casus::events

#endif  // CASUS_EVENTS_STAGE_H_
