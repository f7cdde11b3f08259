// libFuzzer target: the PETRARCH/TABARI dictionary parsers (verbs, actors, agents, discards) and
// the PETRARCH records reader on arbitrary bytes, then coding a fixed hand-parsed sentence with
// whatever was parsed; every event span must be valid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/petrarch_eval.h"
#include "events/petrarch_dict.h"
#include "fuzz_check.h"

namespace {

// "Arnor soldiers did n't accuse Gondor of attacks ." with a plausible UD parse.
casus::Document sentence() {
  struct Row {
    const char* form;
    const char* upos;
    uint32_t head;
    const char* deprel;
  };
  static const Row rows[] = {{"Arnor", "PROPN", 1, "compound"},
                             {"soldiers", "NOUN", 4, "nsubj"},
                             {"did", "AUX", 4, "aux"},
                             {"n't", "PART", 4, "advmod"},
                             {"accuse", "VERB", casus::kNoHead, "root"},
                             {"Gondor", "PROPN", 4, "obj"},
                             {"of", "ADP", 7, "case"},
                             {"attacks", "NOUN", 4, "obl"},
                             {".", "PUNCT", 4, "punct"}};
  casus::Document doc;
  doc.date = "1995-01-01";
  for (const Row& r : rows) {
    if (!doc.text.empty()) doc.text += ' ';
    casus::Token t;
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += r.form;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(t);
    casus::TokenSyntax s;
    s.upos = r.upos;
    s.lemma = r.form;
    s.head = r.head;
    s.deprel = r.deprel;
    doc.syntax.push_back(s);
  }
  casus::Sentence sent;
  sent.span = {0, static_cast<uint32_t>(doc.text.size())};
  sent.end_token = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(sent);
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  casus::events::petrarch::CompiledDictionaries dict;
  std::vector<std::string> warnings;
  dict.parse_verbs(bytes, "fuzz.verbs", &warnings);
  dict.parse_actors(bytes, "fuzz.actors", &warnings);
  dict.parse_agents(bytes, "fuzz.agents", &warnings);
  dict.parse_discards(bytes, "fuzz.discards", &warnings);
  for (const std::string& w : warnings) casus::fuzz::check(w.find(": ") != std::string::npos);
  static const casus::Document doc = sentence();
  std::vector<casus::Event> events;
  dict.code(doc, &events);
  for (const casus::Event& e : events) {
    casus::fuzz::check_span(doc, e.predicate);
    casus::fuzz::check_span(doc, e.source.span);
    casus::fuzz::check_span(doc, e.target.span);
    casus::fuzz::check(!e.code.empty() && !e.source.actor.empty());
  }
  // The same with heads and relations taken from the input's first bytes: malformed parses
  // (cycles, self-loops) must not hang or crash the coder.
  if (size >= doc.tokens.size()) {
    static const char* const kRels[] = {"nsubj", "obj",   "obl",   "conj", "compound",   "nmod",
                                        "xcomp", "ccomp", "advcl", "acl",  "nsubj:pass", "root"};
    casus::Document bent = doc;
    for (size_t i = 0; i < bent.syntax.size(); ++i) {
      const uint8_t b = data[i];
      const uint32_t h = b % (bent.tokens.size() + 1);
      bent.syntax[i].head = h == bent.tokens.size() ? casus::kNoHead : h;
      bent.syntax[i].deprel = kRels[(b / 16) % 12];
    }
    events.clear();
    dict.code(bent, &events);
    for (const casus::Event& e : events) casus::fuzz::check_span(bent, e.source.span);
  }
  casus::eval::PetrarchRecords records;
  (void)casus::eval::parse_petrarch_records(bytes, &records);
  return 0;
}
