// Coreference and actor coding with a syntax layer (Document::syntax, written by hand here so
// the tests do not depend on the syntax model): subject preference for pronouns, and capitals
// that act as governments when they are the subject of a verb.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/coref.h"
#include "entities/stage.h"
#include "text/text.h"

namespace casus::entities {
namespace {

struct Dep {
  const char* upos;
  const char* deprel;
  int head;  // sentence-relative token index, -1 for the root
};

// Segments `text` and fills doc.syntax from `deps`, one entry per token in text order
// (sentence-relative heads).
Document with_syntax(const std::string& text, const std::vector<Dep>& deps) {
  Document doc;
  doc.text = text;
  doc.date = "2023-05-03";
  text::prepare(doc);
  text::segment(doc);
  EXPECT_EQ(doc.tokens.size(), deps.size()) << text;
  doc.syntax.resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size() && i < deps.size(); ++i) {
    const uint32_t first = doc.sentences[doc.tokens[i].sentence].first_token;
    doc.syntax[i].upos = deps[i].upos;
    doc.syntax[i].deprel = deps[i].deprel;
    doc.syntax[i].head = deps[i].head < 0 ? kNoHead : first + static_cast<uint32_t>(deps[i].head);
  }
  return doc;
}

MentionCandidate name(const Document& doc, uint32_t b, uint32_t e) {
  MentionCandidate c;
  c.mention.span = {doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
  c.mention.type = EntityType::kPer;
  c.mention.kind = MentionKind::kName;
  c.mention.sentence = doc.tokens[b].sentence;
  c.mention.first_token = b;
  c.mention.end_token = e;
  return c;
}

int entity_of(const Document& doc, std::string_view text) {
  for (const Mention& m : doc.mentions)
    if (doc.slice(m.span) == text) return static_cast<int>(m.entity);
  return -1;
}

// "After meeting Jones, Smith left. He was tired.": the subject (Smith), not the first mention
// of the sentence (Jones), takes "He" when the syntax layer is present.
TEST(CorefSyntax, SubjectPreference) {
  const std::string text = "After meeting Jones, Smith left. He was tired.";
  const std::vector<Dep> deps = {
      {"SCONJ", "mark", 1},  {"VERB", "advcl", 5}, {"PROPN", "obj", 1},  {"PUNCT", "punct", 5},
      {"PROPN", "nsubj", 5}, {"VERB", "root", -1}, {"PUNCT", "punct", 5}, {"PRON", "nsubj", 2},
      {"AUX", "cop", 2},     {"ADJ", "root", -1},  {"PUNCT", "punct", 2}};
  for (const bool syntax : {true, false}) {
    Document doc = with_syntax(text, deps);
    if (!syntax) doc.syntax.clear();
    resolve_coreference(doc, {name(doc, 2, 3), name(doc, 4, 5)});
    const int he = entity_of(doc, "He");
    ASSERT_GE(he, 0) << "syntax " << syntax;
    EXPECT_EQ(he, entity_of(doc, syntax ? "Smith" : "Jones")) << "syntax " << syntax;
  }
}

struct MetonymyCase {
  const char* text;
  std::vector<Dep> deps;
  const char* capital;
  const char* code;  // expected actor code of the capital's entity
};

TEST(CorefSyntax, CapitalsAsGovernments) {
  const MetonymyCase cases[] = {
      // Subject of a verb: the government.
      {"Washington has overthrown leaders.",
       {{"PROPN", "nsubj", 2}, {"AUX", "aux", 2}, {"VERB", "root", -1}, {"NOUN", "obj", 2},
        {"PUNCT", "punct", 2}},
       "Washington", "USAGOV"},
      // A conjunct of the subject.
      {"Moscow and Washington denied involvement.",
       {{"PROPN", "nsubj", 3}, {"CCONJ", "cc", 2}, {"PROPN", "conj", 0}, {"VERB", "root", -1},
        {"NOUN", "obj", 3}, {"PUNCT", "punct", 3}},
       "Washington", "USAGOV"},
      // A place, not an agent: the bare country code.
      {"Protests grew in Washington.",
       {{"NOUN", "nsubj", 1}, {"VERB", "root", -1}, {"ADP", "case", 3}, {"PROPN", "obl", 1},
        {"PUNCT", "punct", 1}},
       "Washington", "USA"},
  };
  for (const MetonymyCase& c : cases) {
    Document doc = with_syntax(c.text, c.deps);
    annotate(doc);
    const int e = entity_of(doc, c.capital);
    ASSERT_GE(e, 0) << c.text;
    EXPECT_EQ(doc.entities[e].actor_code, c.code) << c.text;
  }
}

// Inside a quotation, a third-person pronoun prefers someone the quotation mentions over the
// speaker (who would say "I").
TEST(CorefSyntax, PronounInsideQuotation) {
  Document doc;
  doc.text =
      "Senator Mark Smith spoke on Monday. Smith said, \"The real problem is Tom Jones. He "
      "never listens.\"";
  doc.date = "2023-05-03";
  text::prepare(doc);
  text::segment(doc);
  annotate(doc);
  int last_he = -1;
  for (const Mention& m : doc.mentions)
    if (doc.slice(m.span) == "He") last_he = static_cast<int>(m.entity);
  ASSERT_GE(entity_of(doc, "Tom Jones"), 0);
  EXPECT_EQ(last_he, entity_of(doc, "Tom Jones"));
}

}  // namespace
}  // namespace casus::entities
