// NER post rules (NerModel::recognize): company suffixes, job titles after a dash, Arabic name
// particles, organization head words. Each case is one sentence, the name expected with its
// type, and spans it must not produce.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "entities/ner.h"
#include "text/text.h"

namespace casus::entities {
namespace {

std::vector<std::pair<std::string, EntityType>> names_in(const std::string& text) {
  Document doc;
  doc.text = text;
  text::prepare(doc);
  text::segment(doc);
  NerWorkspace ws;
  std::vector<std::pair<std::string, EntityType>> out;
  for (const Sentence& s : doc.sentences) {
    std::vector<std::string_view> v;
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      v.push_back(doc.slice(doc.tokens[t].span));
    std::vector<NamedSpan> spans;
    NerModel::builtin()->recognize(v, ws, &spans);
    for (const auto& n : spans) {
      const Span sp{doc.tokens[s.first_token + n.begin].span.begin,
                    doc.tokens[s.first_token + n.end - 1].span.end};
      out.emplace_back(std::string(doc.slice(sp)), n.type);
    }
  }
  return out;
}

struct RuleCase {
  const char* text;
  const char* name;  // expected name span
  EntityType type;
  const char* not_name;  // a span that must not be produced ("" for none)
};

TEST(NerRules, Table) {
  ASSERT_FALSE(NerModel::builtin()->empty()) << "models/ner.bin was not embedded";
  const RuleCase cases[] = {
      // A legal-form suffix joins the name and makes it an organization.
      {"The value of the shares of Enron Corp. fell sharply.", "Enron Corp.", EntityType::kOrg,
       "Enron"},
      {"As of January 10, my income came from Google, Inc. and others.", "Google, Inc.",
       EntityType::kOrg, "Google"},
      {"She joined Acme Widgets LLC last year.", "Acme Widgets LLC", EntityType::kOrg, ""},
      // A company suffix takes the capitalized words before it, whatever the tagger did with
      // them; a sentence-initial common word does not join.
      {"The deal with Orbital Parts Holdings LLC closed.", "Orbital Parts Holdings LLC",
       EntityType::kOrg, "LLC"},
      {"Then Acme Widgets LLC said no.", "Acme Widgets LLC", EntityType::kOrg, "LLC"},
      // A job title after a dash is not part of a person's name.
      {"Team 2: Bryan Hull - Analyst", "Bryan Hull", EntityType::kPer, "Bryan Hull - Analyst"},
      // Arabic particles continue a person's name.
      {"Radical Shiite cleric Muqtada al-Sadr said the attack was wrong.", "Muqtada al-Sadr",
       EntityType::kPer, "Muqtada"},
      // A country name of several words is one GPE, not a demonym ("Russian").
      {"It is the residence of the president of the Russian Federation.", "Russian Federation",
       EntityType::kGpe, "Russian"},
      // Lower-case place names of the model's table after a locative preposition.
      {"we had a great time in miramar last week", "miramar", EntityType::kGpe, ""},
      // ... but not common words that are also town names ("chihuahua").
      {"why would you want a chihuahua puppy?", "", EntityType::kGpe, "chihuahua"},
      // A surname of a lexicon person is a person ("Arafat's death").
      {"Arafat's death creates a vacuum in Palestinian leadership.", "Arafat", EntityType::kPer,
       ""},
      // A hyphenated given name stays whole (the dash rule only cuts job titles).
      {"Press Secretary Karine Jean-Pierre spoke on Monday.", "Karine Jean-Pierre",
       EntityType::kPer, "Karine Jean"},
      // An organization head word makes the capitalized run before it one ORG span, with
      // "of" (and, inside an "of" part, "and") parts after it.
      {"The report was released by the Global Wetlands Union on Tuesday.",
       "Global Wetlands Union", EntityType::kOrg, "Global Wetlands"},
      {"She filed a complaint with the Department of Housing and Urban Development.",
       "Department of Housing and Urban Development", EntityType::kOrg, "Urban Development"},
      {"He wrote to the Water Authority of Springfield about the rates.",
       "Water Authority of Springfield", EntityType::kOrg, "Springfield"},
      // ... but not across "and" outside an "of" part.
      {"Talks between the West Bank and Israel resumed.", "", EntityType::kOrg,
       "West Bank and Israel"},
      // "Doctor" before a person's name is a title.
      {"Our family has been trusting Doctor Hank with our teeth.", "Hank", EntityType::kPer,
       "Doctor Hank"},
      // Common words in a headline-like sentence are not names.
      {"Thanks For The Prompt Service And Great Job On Our Roof", "", EntityType::kOrg,
       "Great"},
      // An e-mail display name "Surname, Given" in quotes is one person.
      {"\"Lenhart, Matthew\" <mlenhart@example.com>", "Lenhart, Matthew", EntityType::kPer,
       "Matthew"},
      // "P.S." is not part of a name.
      {"P.S. Tom, please contact Vernon and get the details.", "Tom", EntityType::kPer,
       "P.S. Tom"},
      // "St." before a name makes a place.
      {"The complaint concerns former St. Thomas residents.", "St. Thomas", EntityType::kGpe,
       "Thomas"},
  };
  for (const RuleCase& c : cases) {
    const auto got = names_in(c.text);
    bool found = false;
    for (const auto& [n, t] : got) {
      if (n == c.name && t == c.type) found = true;
      EXPECT_NE(n, c.not_name) << c.text;
    }
    std::string all;
    for (const auto& [n, t] : got) all += "[" + n + " " + entity_type_name(t) + "] ";
    if (*c.name) {
      EXPECT_TRUE(found) << c.text << " -> " << all;
    }
  }
}

// One sense per document: majority type, missed occurrences added, other names untouched.
TEST(NerRules, HarmonizeNames) {
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Miramar", "is", "nice", "."},
      {"We", "love", "Miramar", "."},
      {"I", "went", "to", "Miramar", "today", "."},
      {"Back", "in", "Miramar", "with", "Ann", "."},
      {"The", "Miramar", "Hotel", "is", "closed", "."},
  };
  std::vector<std::vector<NamedSpan>> names = {
      {{0, 1, EntityType::kPer}},
      {{2, 3, EntityType::kGpe}},
      {},
      {{2, 3, EntityType::kGpe}, {4, 5, EntityType::kPer}},
      {},
  };
  harmonize_names(sentences, &names);
  const std::vector<std::vector<NamedSpan>> want = {
      {{0, 1, EntityType::kGpe}},  // 2 of 3 occurrences are GPE
      {{2, 3, EntityType::kGpe}},
      {{3, 4, EntityType::kGpe}},  // the missed occurrence is added
      {{2, 3, EntityType::kGpe}, {4, 5, EntityType::kPer}},
      {},  // "Miramar Hotel" is another name
  };
  EXPECT_EQ(names, want);
}

}  // namespace
}  // namespace casus::entities
