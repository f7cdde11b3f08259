#include "events/stage.h"

#include <algorithm>
#include <unordered_map>

#include "events/coder.h"
#include "events/doc_index.h"
#include "events/lexicon.h"
#include "events/petrarch.h"

namespace casus::events {

struct EventCoder::Impl {
  Lexicon lexicon;
  bool own_lexicon = true;
  std::unique_ptr<const petrarch::Dictionaries> petrarch;
  std::vector<std::string> warnings;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Status EventCoder::create(const EventOptions& options, std::unique_ptr<const EventCoder>* out) {
  auto impl = std::make_unique<Impl>();
  impl->own_lexicon = options.own_lexicon;
  impl->lexicon = embedded_lexicon();
  for (const std::string& e : impl->lexicon.errors) impl->warnings.push_back("data/events/" + e);
  if (!options.verbs.empty() || !options.actors.empty() || !options.agents.empty() ||
      !options.discards.empty()) {
    Status st = petrarch::Dictionaries::load(options, &impl->petrarch, &impl->warnings);
    if (!st.is_ok()) return st;
  }
  out->reset(new EventCoder(std::move(impl)));
  return Status::ok();
}

namespace {

// A time expression usable as an event date: a DATE whose value is concrete ("2023-05-03",
// "2023-05", "2023", "2023-W18"), with the token that heads it.
struct DateTimex {
  uint32_t sentence = 0;
  uint32_t timex = 0;
  uint32_t head = kNoIndex;
};

bool concrete_date(const Timex& t) {
  if (t.type != TimexType::kDate || t.value.size() < 4) return false;
  for (int i = 0; i < 4; ++i) {
    if (t.value[i] < '0' || t.value[i] > '9') return false;
  }
  return t.value.find('X') == std::string::npos && t.value.find('T') == std::string::npos;
}

std::vector<DateTimex> date_timexes(const DocIndex& ix) {
  const Document& doc = ix.doc();
  std::vector<DateTimex> out;
  for (uint32_t i = 0; i < doc.times.size(); ++i) {
    const Timex& t = doc.times[i];
    if (!concrete_date(t)) continue;
    const uint32_t first = ix.token_at(t.span.begin);
    if (first == kNoIndex) continue;
    uint32_t last = first;
    while (last + 1 < doc.tokens.size() && doc.tokens[last + 1].span.begin < t.span.end) ++last;
    uint32_t head = first;
    for (uint32_t k = first; k <= last; ++k) {
      const uint32_t h = ix.head(k);
      if (h == kNoHead || h < first || h > last) {
        head = k;
        break;
      }
    }
    out.push_back(DateTimex{doc.tokens[head].sentence, i, head});
  }
  // Times are in text order already; keep the lookup by sentence valid regardless.
  std::stable_sort(out.begin(), out.end(),
                   [](const DateTimex& a, const DateTimex& b) { return a.sentence < b.sentence; });
  return out;
}

// Relations a time expression's attachment path may not cross: clauses, and core arguments (a
// time inside the object dates the object: "justifying the 2003 invasion").
bool blocking_relation(std::string_view rel) {
  const std::string_view b = base_rel(rel);
  return b == "ccomp" || b == "xcomp" || b == "advcl" || b == "acl" || b == "parataxis" ||
         b == "conj" || b == "csubj" || b == "root" || b == "list" || b == "nsubj" || b == "obj" ||
         b == "iobj";
}

// True when the time expression headed by `t` is attached to predicate `pred` (directly, or
// through modifiers: "on Wednesday", "the October 8, 2022 attack").
bool governs(const DocIndex& ix, uint32_t t, uint32_t pred) {
  for (int steps = 0; steps < 4; ++steps) {
    if (t == pred) return true;
    const uint32_t h = ix.head(t);
    if (h == kNoHead || blocking_relation(ix.deprel(t))) return false;
    if (h == pred) return true;
    t = h;
  }
  return false;
}

void set_date(const DocIndex& ix, const std::vector<DateTimex>& dates, uint32_t token, Event& e) {
  const Document& doc = ix.doc();
  if (token != kNoIndex) {
    const uint32_t verb = ix.clause_verb(token);
    for (int pass = 0; pass < 2; ++pass) {
      const uint32_t pred = pass == 0 ? token : verb;
      if (pass == 1 && verb == token) break;
      auto first = std::lower_bound(dates.begin(), dates.end(), e.sentence,
                                    [](const DateTimex& d, uint32_t s) { return d.sentence < s; });
      for (auto d = first; d != dates.end() && d->sentence == e.sentence; ++d) {
        if (governs(ix, d->head, pred)) {
          e.date = doc.times[d->timex].value;
          e.date_basis = DateBasis::kTimex;
          e.timex = d->timex;
          return;
        }
      }
    }
  }
  if (!doc.date.empty()) {
    e.date = doc.date;
    e.date_basis = DateBasis::kArticle;
  }
}

// The place of an event: a place inside an in/at/over/near/outside/inside oblique of the
// predicate, else the first place of its sentence outside the source's own words.
void set_place(const DocIndex& ix, uint32_t token, Event& e) {
  const Document& doc = ix.doc();
  uint32_t first_in_sentence = kNoIndex;
  std::string prep;
  // Places are in text order: binary search for the event's sentence.
  const auto begin =
      std::lower_bound(doc.places.begin(), doc.places.end(), e.sentence,
                       [](const Place& place, uint32_t s) { return place.sentence < s; });
  for (auto it = begin; it != doc.places.end() && it->sentence == e.sentence; ++it) {
    const uint32_t p = static_cast<uint32_t>(it - doc.places.begin());
    const Place& place = *it;
    // The source actor's own name is not where it acted ("Russia's Foreign Ministry called").
    const bool in_source =
        place.span.begin >= e.source.span.begin && place.span.end <= e.source.span.end;
    if (first_in_sentence == kNoIndex && !in_source) first_in_sentence = p;
    if (token == kNoIndex) break;
    const uint32_t pt = ix.token_at(place.span.begin);
    if (pt == kNoIndex) continue;
    for (const uint32_t* c = ix.children_begin(token); c != ix.children_end(token); ++c) {
      const std::string_view b = base_rel(ix.deprel(*c));
      if ((b != "obl" && b != "nmod") || !ix.case_of(*c, &prep)) continue;
      if (prep != "in" && prep != "at" && prep != "over" && prep != "near" && prep != "outside" &&
          prep != "inside")
        continue;
      if (ix.dominates(*c, pt)) {
        e.place = p;
        return;
      }
    }
  }
  e.place = first_in_sentence;
}

void set_codebook(const Lexicon& lex, Event& e) {
  e.root = e.code.size() >= 2 ? e.code.substr(0, 2) : e.code;
  e.quad = quad_class(e.code);
  const auto it = lex.codes.find(e.code);
  if (it == lex.codes.end()) return;
  e.label = it->second.label;
  e.goldstein = it->second.goldstein;
  e.plover_type = it->second.plover_type;
  e.plover_mode = it->second.plover_mode;
}

std::string dedup_key(const Event& e) {
  std::string k = e.date;
  k += '|';
  k += e.source.actor;
  k += '|';
  k += e.has_target ? e.target.actor : std::string("-");
  k += '|';
  k += e.code;
  k += e.negated ? "|n|" : "|a|";
  k += event_mood_name(e.mood);
  return k;
}

// Drops an event without a target when the same predicate codes the same code and source with
// a target ("called the explosions an attempt by X": the lexicon's targetless 112 and the derived
// 112 toward X). `raw` is sorted by predicate.
void drop_subsumed(std::vector<RawEvent>& raw) {
  auto same = [](const Event& a, const Event& b) {
    return a.predicate == b.predicate && a.code == b.code && a.source.actor == b.source.actor;
  };
  std::vector<RawEvent> kept;
  kept.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const Event& e = raw[i].event;
    bool subsumed = false;
    if (!e.has_target) {
      for (size_t j = i; j-- > 0 && raw[j].event.predicate.begin == e.predicate.begin;) {
        subsumed = subsumed || (raw[j].event.has_target && same(raw[j].event, e));
      }
      for (size_t j = i + 1; j < raw.size() && raw[j].event.predicate.begin == e.predicate.begin;
           ++j) {
        subsumed = subsumed || (raw[j].event.has_target && same(raw[j].event, e));
      }
    }
    if (!subsumed) kept.push_back(std::move(raw[i]));
  }
  raw.swap(kept);
}

}  // namespace

void annotate_events(const Lexicon& lexicon, const petrarch::Dictionaries* dictionaries,
                     bool own_lexicon, Document& doc) {
  doc.events.clear();
  if (doc.syntax.size() != doc.tokens.size() || doc.tokens.empty()) return;
  const DocIndex ix(doc);
  std::vector<RawEvent> raw;
  if (own_lexicon) code_patterns(lexicon, ix, &raw);
  if (dictionaries != nullptr) {
    std::vector<Event> coded;
    dictionaries->code(doc, &coded);
    for (Event& e : coded) {
      RawEvent r;
      r.token = ix.token_at(e.predicate.begin);
      if (r.token != kNoIndex && r.token < doc.tokens.size()) {
        e.negated = e.negated || ix.negated(r.token);
        e.mood = ix.mood(r.token, false);
        e.sentence = doc.tokens[r.token].sentence;
      } else {
        r.token = kNoIndex;
      }
      if (e.confidence == 0) e.confidence = 0.7f;
      r.event = std::move(e);
      raw.push_back(std::move(r));
    }
  }
  std::stable_sort(raw.begin(), raw.end(), [](const RawEvent& a, const RawEvent& b) {
    return a.event.predicate.begin < b.event.predicate.begin;
  });
  drop_subsumed(raw);
  const std::vector<DateTimex> dates = date_timexes(ix);
  std::unordered_map<std::string, uint32_t> seen;
  for (RawEvent& r : raw) {
    Event& e = r.event;
    if (e.sentence >= doc.sentences.size()) continue;
    set_codebook(lexicon, e);
    set_date(ix, dates, r.token, e);
    set_place(ix, r.token, e);
    e.quote = ix.quote_at(e.predicate.begin);
    const Span sentence = doc.sentences[e.sentence].span;
    auto [it, inserted] = seen.emplace(dedup_key(e), static_cast<uint32_t>(doc.events.size()));
    if (inserted) {
      e.evidence = {sentence};
      doc.events.push_back(std::move(e));
      continue;
    }
    Event& kept = doc.events[it->second];
    if (std::find(kept.evidence.begin(), kept.evidence.end(), sentence) == kept.evidence.end()) {
      kept.evidence.push_back(sentence);
      std::sort(kept.evidence.begin(), kept.evidence.end(),
                [](const Span& a, const Span& b) { return a.begin < b.begin; });
    }
    kept.confidence = std::max(kept.confidence, e.confidence);
  }
}

void EventCoder::annotate(Document& doc) const {
  annotate_events(impl_->lexicon, impl_->petrarch.get(), impl_->own_lexicon, doc);
}

const std::vector<std::string>& EventCoder::warnings() const { return impl_->warnings; }

}  // namespace casus::events
