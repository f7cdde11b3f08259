// Coreference and actor codes on hand-written text and the first sample article.
#include <gtest/gtest.h>


#include "entities/coref_names.h"
#include "entities/stage.h"
#include "ingest/ingest.h"
#include "text/text.h"
#include "pipeline_fixture.h"

namespace casus::entities {
namespace {

Document run(const std::string& text, const std::string& date = "2023-05-03") {
  Document doc;
  doc.text = text;
  doc.date = date;
  text::prepare(doc);
  text::segment(doc);
  annotate(doc);
  return doc;
}

// The entity of the first mention with this text, or -1.
int entity_of(const Document& doc, std::string_view text, size_t nth = 0) {
  for (const Mention& m : doc.mentions)
    if (doc.slice(m.span) == text && nth-- == 0) return static_cast<int>(m.entity);
  return -1;
}

TEST(EntitiesCoref, GivenNames) {
  EXPECT_EQ(gender_of_given_name("Karine"), Gender::kFemale);
  EXPECT_EQ(gender_of_given_name("Antony"), Gender::kMale);
  EXPECT_EQ(gender_of_given_name("Xyzzy"), Gender::kUnknown);
}

TEST(EntitiesCoref, NameVariantsAndPronouns) {
  const Document doc = run(
      "Secretary of State Antony Blinken arrived in Kyiv on Tuesday. Blinken said he would meet "
      "President Volodymyr Zelensky. Press Secretary Karine Jean-Pierre said she had no comment.");
  const int blinken = entity_of(doc, "Antony Blinken");
  ASSERT_GE(blinken, 0);
  EXPECT_EQ(entity_of(doc, "Blinken"), blinken);
  EXPECT_EQ(entity_of(doc, "he"), blinken);
  EXPECT_EQ(doc.entities[blinken].name, "Antony Blinken");
  EXPECT_EQ(doc.entities[blinken].actor_code, "USAGOV");
  const int kjp = entity_of(doc, "Karine Jean-Pierre");
  ASSERT_GE(kjp, 0);
  EXPECT_EQ(entity_of(doc, "she"), kjp);
  EXPECT_EQ(doc.entities[entity_of(doc, "Volodymyr Zelensky")].actor_code, "UKRGOV");
}

TEST(EntitiesCoref, TitleNominal) {
  const Document doc = run(
      "Secretary of State Antony Blinken spoke in Brussels. Later the secretary flew to Warsaw.");
  const int blinken = entity_of(doc, "Antony Blinken");
  ASSERT_GE(blinken, 0);
  EXPECT_EQ(entity_of(doc, "the secretary"), blinken);
}

TEST(EntitiesCoref, GroupNominalsGetRoleCountryCodes) {
  const Document doc = run("US officials said Ukrainian special forces attacked the bridge. "
                           "Russia's Foreign Ministry protested.");
  const int us = entity_of(doc, "US officials");
  ASSERT_GE(us, 0);
  EXPECT_EQ(doc.entities[us].actor_code, "USAGOV");
  const int sf = entity_of(doc, "Ukrainian special forces");
  ASSERT_GE(sf, 0);
  EXPECT_EQ(doc.entities[sf].actor_code, "UKRMIL");
  const int fm = entity_of(doc, "Russia's Foreign Ministry");
  ASSERT_GE(fm, 0);
  EXPECT_EQ(doc.entities[fm].actor_code, "RUSGOV");
}

// A group nominal is a noun phrase: a verb after the country ends it (needs the syntax layer,
// so the whole pipeline runs).
TEST(EntitiesCoref, GroupNominalsStopAtTheVerb) {
  const Document doc =
      test_support::process_text("Yesterday, North Korea fired artillery rounds at a loudspeaker.");
  ASSERT_EQ(doc.syntax.size(), doc.tokens.size());
  EXPECT_LT(entity_of(doc, "North Korea fired artillery"), 0);
  const int nk = entity_of(doc, "North Korea");
  ASSERT_GE(nk, 0);
  EXPECT_EQ(doc.entities[nk].actor_code.substr(0, 3), "PRK");
}

TEST(EntitiesCoref, SampleArticle) {
  const Document doc = test_support::process_sample_article();
  const int blinken = entity_of(doc, "Antony Blinken");
  ASSERT_GE(blinken, 0);
  for (size_t k = 0; k < 4; ++k) EXPECT_EQ(entity_of(doc, "Blinken", k), blinken) << k;
  // "Ignatius asked him again": him is Blinken (the object is not the subject Ignatius).
  EXPECT_EQ(entity_of(doc, "him", 1), blinken);
  const int kjp = entity_of(doc, "Karine Jean-Pierre");
  ASSERT_GE(kjp, 0);
  EXPECT_EQ(entity_of(doc, "Jean-Pierre"), kjp);
  EXPECT_EQ(entity_of(doc, "She"), kjp);
  const int ignatius = entity_of(doc, "David Ignatius");
  ASSERT_GE(ignatius, 0);
  EXPECT_EQ(entity_of(doc, "Ignatius"), ignatius);
  const int vindman = entity_of(doc, "Alexander Vindman");
  ASSERT_GE(vindman, 0);
  EXPECT_EQ(entity_of(doc, "He"), vindman);
  const int putin = entity_of(doc, "Vladimir Putin");
  ASSERT_GE(putin, 0);
  EXPECT_EQ(doc.entities[putin].actor_code, "RUSGOV");
  EXPECT_EQ(entity_of(doc, "Putin", 1), putin);
  const int zelensky = entity_of(doc, "Zelensky");
  ASSERT_GE(zelensky, 0);
  EXPECT_EQ(entity_of(doc, "him"), zelensky);  // "to shield him"
}

}  // namespace
}  // namespace casus::entities
