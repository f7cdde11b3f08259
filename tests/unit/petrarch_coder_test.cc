// Coding with PETRARCH/TABARI dictionaries over a given dependency parse (docs/petrarch.md):
// each case is a hand-parsed sentence (so the test does not depend on the syntax model) and the
// (source, target, code) triples expected from a small dictionary written for the tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "events/petrarch_dict.h"

namespace casus::events::petrarch {
namespace {

constexpr const char* kVerbs =
    "&TIES\n+TIES\n+RELATIONS\n"
    "&NEGAUX_\n+DID N'T\n+WILL NOT\n"
    "--- RESTORE [064] ---\nRESTORE\n- * DIPLOMATIC &TIES [0641]\n- &NEGAUX * [0642]\n"
    "--- ACCUSE [112] ---\nACCUSE\n"
    "--- VISIT [042:043] ---\nVISIT\n"
    "--- BREAK [---] ---\nBREAK {BROKE BROKEN}\n+BREAK_OFF {+BROKE_OFF}\n- * + RELATIONS [161]\n"
    "--- SAY [010] ---\nSAY {SAID}\n"
    "--- REGRET [111] ---\nREGRET {REGRETTED}\n- NOTED + * [115]\n"
    "--- SHOT [---] ---\nSHOT\n- *_AND_WOUNDED [223]\n"
    "--- SHOT [223] ---\nSHOT\n- + WAS * DEAD IN $ [224]\n";
constexpr const char* kActors =
    "ARNOR [ARN]\nARNOR TELEVISION [ARNTV]\nGONDOR [GON]\nROHAN [ROH]\nOSGILIATH [OSG]\n"
    "BARAD-DUR [MOR]\nSAURON [---]\n"
    "THE_SHIRE\n\t[SHR <19990101]\n\t[SHRGOV >19990102]\n";
constexpr const char* kAgents =
    "SOLDIER [~MIL]\nPOLICE {} [~COP]\nCHARITY [NGO~]\nGOVERNMENT [~GOV]\nLAWMAKER [~LEG]\n";
constexpr const char* kDiscards = "FOOTBALL\n+WORLD CUP\n";

struct Row {
  const char* form;
  const char* upos;
  const char* lemma;
  uint32_t head;  // 1-based, 0 = root
  const char* deprel;
};

Document make_doc(const std::vector<Row>& rows, const char* date) {
  Document doc;
  doc.date = date;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) doc.text += ' ';
    Token t;
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += rows[i].form;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(t);
    TokenSyntax s;
    s.upos = rows[i].upos;
    s.lemma = rows[i].lemma;
    s.deprel = rows[i].deprel;
    s.head = rows[i].head == 0 ? kNoHead : rows[i].head - 1;
    doc.syntax.push_back(s);
  }
  Sentence sent;
  sent.span = {0, static_cast<uint32_t>(doc.text.size())};
  sent.first_token = 0;
  sent.end_token = static_cast<uint32_t>(rows.size());
  doc.sentences.push_back(sent);
  return doc;
}

const CompiledDictionaries& dict() {
  static const CompiledDictionaries* d = [] {
    auto* out = new CompiledDictionaries;
    out->parse_verbs(kVerbs, "v", nullptr);
    out->parse_actors(kActors, "a", nullptr);
    out->parse_agents(kAgents, "g", nullptr);
    out->parse_discards(kDiscards, "d", nullptr);
    return out;
  }();
  return *d;
}

std::vector<std::string> triples(const Document& doc) {
  std::vector<Event> events;
  dict().code(doc, &events);
  std::vector<std::string> out;
  for (const Event& e : events)
    out.push_back(e.source.actor + " " + (e.has_target ? e.target.actor : "---") + " " + e.code);
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  const char* name;
  std::vector<Row> rows;
  const char* date;
  std::vector<std::string> want;
};

TEST(PetrarchCoder, Table) {
  const Case cases[] = {
      {"subject and object",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 2, "obj"}},
       "1995-01-01",
       {"ARN GON 112"}},
      {"pattern with synset wins over the block code",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"restored", "VERB", "restore", 0, "root"},
        {"diplomatic", "ADJ", "diplomatic", 4, "amod"},
        {"relations", "NOUN", "relation", 2, "obj"},
        {"with", "ADP", "with", 6, "case"},
        {"Gondor", "PROPN", "Gondor", 4, "nmod"}},
       "1995-01-01",
       {"ARN GON 0641"}},
      {"pre-verb synset pattern (negation)",
       {{"Arnor", "PROPN", "Arnor", 4, "nsubj"},
        {"did", "AUX", "do", 4, "aux"},
        {"n't", "PART", "not", 4, "advmod"},
        {"restore", "VERB", "restore", 0, "root"},
        {"ties", "NOUN", "tie", 4, "obj"},
        {"with", "ADP", "with", 7, "case"},
        {"Gondor", "PROPN", "Gondor", 5, "nmod"}},
       "1995-01-01",
       {"ARN GON 0642"}},
      {"paired code gives the reverse event",
       {{"Rohan", "PROPN", "Rohan", 2, "nsubj"},
        {"visited", "VERB", "visit", 0, "root"},
        {"Arnor", "PROPN", "Arnor", 2, "obj"}},
       "1995-01-01",
       {"ARN ROH 043", "ROH ARN 042"}},
      {"agents combine with the actor (suffix and prefix)",
       {{"Gondor", "PROPN", "Gondor", 2, "compound"},
        {"soldiers", "NOUN", "soldier", 3, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Arnor", "PROPN", "Arnor", 5, "compound"},
        {"charity", "NOUN", "charity", 3, "obj"}},
       "1995-01-01",
       {"GONMIL NGOARN 112"}},
      {"agent with the actor in a modifier",
       {{"Police", "NOUN", "police", 4, "nsubj"},
        {"from", "ADP", "from", 3, "case"},
        {"Rohan", "PROPN", "Rohan", 1, "nmod"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Arnor", "PROPN", "Arnor", 4, "obj"}},
       "1995-01-01",
       {"ROHCOP ARN 112"}},
      {"compound subject gives one event per actor",
       {{"Arnor", "PROPN", "Arnor", 4, "nsubj"},
        {"and", "CCONJ", "and", 3, "cc"},
        {"Rohan", "PROPN", "Rohan", 1, "conj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 4, "obj"}},
       "1995-01-01",
       {"ARN GON 112", "ROH GON 112"}},
      {"passive with a by-agent",
       {{"Gondor", "PROPN", "Gondor", 3, "nsubj:pass"},
        {"was", "AUX", "be", 3, "aux:pass"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"by", "ADP", "by", 5, "case"},
        {"Arnor", "PROPN", "Arnor", 3, "obl:agent"}},
       "1995-01-01",
       {"ARN GON 112"}},
      {"date-ranged actor codes follow the record date",
       {{"The", "DET", "the", 2, "det"},
        {"Shire", "PROPN", "Shire", 3, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Arnor", "PROPN", "Arnor", 3, "obj"}},
       "2001-05-01",
       {"SHRGOV ARN 112"}},
      {"multiword verb and + target in a pattern",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"broke", "VERB", "break", 0, "root"},
        {"off", "ADP", "off", 2, "compound:prt"},
        {"Gondor", "PROPN", "Gondor", 5, "compound"},
        {"relations", "NOUN", "relation", 2, "obj"}},
       "1995-01-01",
       {"ARN GON 161"}},
      {"null block code and no pattern: no event",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"broke", "VERB", "break", 0, "root"},
        {"bread", "NOUN", "bread", 2, "obj"}},
       "1995-01-01",
       {}},
      {"no source actor: no event",
       {{"Crowds", "NOUN", "crowd", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 2, "obj"}},
       "1995-01-01",
       {}},
      {"hyphenated actor split by the tokenizer",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Barad", "PROPN", "Barad", 2, "obj"},
        {"-", "PUNCT", "-", 5, "punct"},
        {"dur", "PROPN", "dur", 3, "flat"}},
       "1995-01-01",
       {"ARN MOR 112"}},
      {"pattern target taken from the verb's subject: source from the governing clause",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"noted", "VERB", "note", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 4, "nsubj"},
        {"regretted", "VERB", "regret", 2, "ccomp"},
        {"talks", "NOUN", "talk", 4, "obj"}},
       "1995-01-01",
       {"ARN GON 115"}},
      {"null-coded target actor is no target (found by fuzzing: no event with an empty actor)",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"visited", "VERB", "visit", 0, "root"},
        {"Sauron", "PROPN", "Sauron", 2, "obj"}},
       "1995-01-01",
       {}},
      {"an actor-less conjunct shares the first conjunct's modifier",
       {{"Lawmakers", "NOUN", "lawmaker", 6, "nsubj"},
        {"and", "CCONJ", "and", 3, "cc"},
        {"soldiers", "NOUN", "soldier", 1, "conj"},
        {"in", "ADP", "in", 5, "case"},
        {"Rohan", "PROPN", "Rohan", 1, "nmod"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 6, "obj"}},
       "1995-01-01",
       {"ROHLEG GON 112", "ROHMIL GON 112"}},
      {"an agent without a country is a source beside a real target",
       {{"The", "DET", "the", 2, "det"},
        {"government", "NOUN", "government", 3, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 3, "obj"}},
       "1995-01-01",
       {"---GOV GON 112"}},
      {"but not beside another agent without a country",
       {{"The", "DET", "the", 2, "det"},
        {"government", "NOUN", "government", 3, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"soldiers", "NOUN", "soldier", 3, "obj"}},
       "1995-01-01",
       {}},
      {"a verb heading two blocks: pattern of the second block",
       {{"Arnor", "PROPN", "Arnor", 3, "nsubj:pass"},
        {"was", "AUX", "be", 3, "aux:pass"},
        {"shot", "VERB", "shoot", 0, "root"},
        {"dead", "ADJ", "dead", 3, "xcomp"},
        {"in", "ADP", "in", 6, "case"},
        {"Gondor", "PROPN", "Gondor", 3, "obl"}},
       "1995-01-01",
       {"GON ARN 224"}},
      {"a reduced relative clause is read before a later nominal modifier",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"the", "DET", "the", 4, "det"},
        {"roads", "NOUN", "road", 2, "obj"},
        {"leading", "VERB", "lead", 4, "acl"},
        {"into", "ADP", "into", 7, "case"},
        {"Gondor", "PROPN", "Gondor", 5, "obl"},
        {"along", "ADP", "along", 10, "case"},
        {"the", "DET", "the", 10, "det"},
        {"pass", "NOUN", "pass", 4, "nmod"},
        {"of", "ADP", "of", 12, "case"},
        {"Rohan", "PROPN", "Rohan", 10, "nmod"}},
       "1995-01-01",
       {"ARN GON 112"}},
      {"split subject phrase after a conjunct: its first actor codes it",
       {{"Arnor", "PROPN", "Arnor", 8, "nsubj"},
        {"and", "CCONJ", "and", 8, "cc"},
        {"the", "DET", "the", 8, "det"},
        {"evil", "ADJ", "evil", 8, "advmod"},
        {"Gondor", "PROPN", "Gondor", 8, "nsubj"},
        {"awful", "ADJ", "awful", 7, "amod"},
        {"Rohan", "PROPN", "Rohan", 8, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Osgiliath", "PROPN", "Osgiliath", 8, "obj"}},
       "1995-01-01",
       {"ARN OSG 112", "GON OSG 112"}},
      {"actor phrase with other words of its noun phrase between its words",
       {{"Arnor", "PROPN", "Arnor", 3, "compound"},
        {"state", "NOUN", "state", 3, "compound"},
        {"television", "NOUN", "television", 4, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 4, "obj"}},
       "1995-01-01",
       {"ARNTV GON 112"}},
      {"but not across noun phrases",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 2, "obj"},
        {"on", "ADP", "on", 5, "case"},
        {"television", "NOUN", "television", 2, "obl"}},
       "1995-01-01",
       {"ARN GON 112"}},
      {"sentence discard",
       {{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
        {"accused", "VERB", "accuse", 0, "root"},
        {"Gondor", "PROPN", "Gondor", 4, "compound"},
        {"football", "NOUN", "football", 2, "obj"}},
       "1995-01-01",
       {}},
  };
  for (const Case& c : cases) {
    const Document doc = make_doc(c.rows, c.date);
    EXPECT_EQ(triples(doc), c.want) << c.name;
  }
}

TEST(PetrarchCoder, EventFieldsAndSpans) {
  const Document doc = make_doc({{"Arnor", "PROPN", "Arnor", 2, "nsubj"},
                                 {"accused", "VERB", "accuse", 0, "root"},
                                 {"Gondor", "PROPN", "Gondor", 2, "obj"}},
                                "1995-01-01");
  std::vector<Event> events;
  dict().code(doc, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(doc.slice(events[0].predicate), "accused");
  EXPECT_EQ(doc.slice(events[0].source.span), "Arnor");
  EXPECT_EQ(doc.slice(events[0].target.span), "Gondor");
  EXPECT_EQ(events[0].predicate_lemma, "ACCUSE");
  EXPECT_TRUE(events[0].has_target);
  EXPECT_EQ(events[0].sentence, 0u);
  EXPECT_EQ(events[0].pattern.rfind("petrarch:", 0), 0u);
}

// Through the Engine: casus's own parse of a plain sentence.
TEST(PetrarchCoder, WithCasusParse) {
  static const Engine engine;
  Document doc;
  doc.text = "Arnor accused Gondor on Monday.";
  doc.date = "1995-01-02";
  engine.process(doc);
  EXPECT_EQ(triples(doc), std::vector<std::string>{"ARN GON 112"});
}

// Agents widen the party's span to the whole coded phrase.
TEST(PetrarchCoder, PartySpanCoversAgent) {
  const Document doc = make_doc({{"Gondor", "PROPN", "Gondor", 2, "compound"},
                                 {"soldiers", "NOUN", "soldier", 3, "nsubj"},
                                 {"accused", "VERB", "accuse", 0, "root"},
                                 {"Arnor", "PROPN", "Arnor", 3, "obj"}},
                                "1995-01-01");
  std::vector<Event> events;
  dict().code(doc, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.actor, "GONMIL");
  EXPECT_EQ(doc.slice(events[0].source.span), "Gondor soldiers");
}

}  // namespace
}  // namespace casus::events::petrarch

namespace casus::events::petrarch {
namespace {

// A parse with a cycle (never produced by casus, but the coder must not hang on it).
TEST(PetrarchCoder, CyclicParseTerminates) {
  Document doc = make_doc({{"Arnor", "PROPN", "Arnor", 2, "compound"},
                           {"soldiers", "NOUN", "soldier", 1, "compound"},
                           {"accused", "VERB", "accuse", 4, "conj"},
                           {"Gondor", "PROPN", "Gondor", 3, "conj"}},
                          "1995-01-01");
  std::vector<Event> events;
  dict().code(doc, &events);
  SUCCEED();
}

}  // namespace
}  // namespace casus::events::petrarch
