// The places stage through the whole Engine: one table row per disambiguation case
// (docs/places.md), span invariants, and the first sample article (Moscow, Finland, Kremlin).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "ingest/ingest.h"
#include "places/stage.h"
#include "pipeline_fixture.h"

namespace casus {
namespace {

Document run(std::string text) { return test_support::process_text(std::move(text)); }

// The place written `surface` (after an optional "the") whose occurrence index is `nth`.
const Place* place_for(const Document& doc, std::string_view surface, int nth = 0) {
  for (const Place& p : doc.places) {
    std::string_view text = doc.slice(p.span);
    if (text.rfind("the ", 0) == 0 || text.rfind("The ", 0) == 0) text.remove_prefix(4);
    if (text == surface && nth-- == 0) return &p;
  }
  return nullptr;
}

struct ResolveCase {
  const char* text;
  const char* surface;  // the toponym as written
  int nth;              // which occurrence of it
  const char* country;
  uint32_t geonameid;  // 0: a casus landmark
  const char* feature;
};

TEST(PlacesResolve, Table) {
  const ResolveCase cases[] = {
      // Population and capitals decide a bare name.
      {"Thousands marched in Paris on Sunday.", "Paris", 0, "FRA", 2988507, "P.PPLC"},
      {"Officials in Berlin and Tokyo welcomed the deal.", "Berlin", 0, "DEU", 2950159, "P.PPLC"},
      {"Officials in Berlin and Tokyo welcomed the deal.", "Tokyo", 0, "JPN", 1850147, "P.PPLC"},
      {"Moscow said the attack was planned.", "Moscow", 0, "RUS", 524901, "P.PPLC"},
      // A qualifier picks the city of that state ("Paris, Texas"), also for a later bare name.
      {"The fair opened in Paris, Texas, on Friday. Paris has 25,000 people.", "Paris", 0, "USA",
       4717560, "P.PPLA2"},
      {"The fair opened in Paris, Texas, on Friday. Paris has 25,000 people.", "Paris", 1, "USA",
       4717560, "P.PPLA2"},
      {"The fair opened in Paris, Texas, on Friday.", "Texas", 0, "USA", 4736286, "A.ADM1"},
      {"She grew up in Portland, Maine, near the harbor.", "Portland", 0, "USA", 4975802,
       "P.PPLA2"},
      // Georgia: the country by default and among its neighbours, the state in US context.
      {"Georgia and Armenia signed a treaty in Tbilisi.", "Georgia", 0, "GEO", 614540, "A.PCLI"},
      {"He moved from Atlanta, Georgia, to Texas.", "Georgia", 0, "USA", 4197000, "A.ADM1"},
      // Washington: the capital, or the state when the text says so.
      {"Washington warned Moscow on Tuesday.", "Washington", 0, "USA", 4140963, "P.PPLC"},
      {"Seattle is the largest city in Washington state.", "Washington", 0, "USA", 5815135,
       "A.ADM1"},
      // Kiev and Kyiv are one city.
      {"Kiev was shelled overnight.", "Kiev", 0, "UKR", 703448, "P.PPLC"},
      {"Kyiv said the drones were shot down.", "Kyiv", 0, "UKR", 703448, "P.PPLC"},
      {"Drones struck targets in Kyiv overnight.", "Kyiv", 0, "UKR", 703448, "P.PPLC"},
      // Countries by name and alias.
      {"Finland joined NATO in April.", "Finland", 0, "FIN", 660013, "A.PCLI"},
      {"The US and Britain agreed.", "US", 0, "USA", 6252001, "A.PCLI"},
      {"The US and Britain agreed.", "Britain", 0, "GBR", 2635167, "A.PCLI"},
      // Landmarks from casus's list.
      {"The Kremlin denied the report.", "Kremlin", 0, "RUS", 0, "S.CSTL"},
      {"The White House said the talks would go on.", "White House", 0, "USA", 0, "S.BLDG"},
      {"A spokesman at the Pentagon declined to comment.", "Pentagon", 0, "USA", 0, "S.BLDG"},
      {"Explosions damaged the Kerch Bridge on Monday.", "Kerch Bridge", 0, "UKR", 0, "S.BDG"},
      {"Aid trucks entered the Gaza Strip.", "Gaza Strip", 0, "PSE", 0, "A.TERR"},
      // "the State of Texas" is the state; a city after "of" inside a name.
      {"Voters in the State of Texas went to the polls.", "State of Texas", 0, "USA", 4736286,
       "A.ADM1"},
      {"Officials at the University of Sheffield said the study was sound.", "Sheffield", 0, "GBR",
       2638077, "P.PPLA2"},
      // A named place the gazetteer lacks, located by the place it is in (feature depends on
      // the NER type: not checked).
      {"The exhibit opened at the Adler Planetarium in Chicago on Monday.", "Adler Planetarium", 0,
       "USA", 0, nullptr},
      {"Engineers at the Johnson Space Center (JSC) in Houston tested the craft.",
       "Johnson Space Center", 0, "USA", 0, nullptr},
      // A small town named before its state, at any population.
      {"Exhibits went to the Evergreen Aviation & Space Museum of McMinnville, Oregon, last week.",
       "McMinnville", 0, "USA", 5739936, "P.PPLA2"},
      // A country, division or capital the NER missed at the start of a sentence, before its
      // verb.
      {"Tasmania was excluded from the study.", "Tasmania", 0, "AUS", 2147291, "A.ADM1"},
      // A governor's place is a state.
      {"In a statement, Governor of Washington Chris Gregoire praised the museum.", "Washington", 0,
       "USA", 5815135, "A.ADM1"},
  };
  for (const auto& c : cases) {
    const Document doc = run(c.text);
    const Place* p = place_for(doc, c.surface, c.nth);
    ASSERT_NE(p, nullptr) << c.text << " [" << c.surface << "]";
    EXPECT_EQ(p->country, c.country) << c.text << " [" << c.surface << "]";
    EXPECT_EQ(p->geonameid, c.geonameid) << c.text << " [" << c.surface << "] -> " << p->name;
    if (c.feature) {
      EXPECT_EQ(p->feature, c.feature) << c.text << " [" << c.surface << "]";
    }
  }
}

// A facility nothing locates takes the article's main country, marked as such; with no main
// country it is not listed.
TEST(PlacesResolve, ArticleCountry) {
  const Document doc = run(
      "Police in Moscow closed the Luzhniki Stadium on Sunday. Flights from Moscow and St. "
      "Petersburg were cancelled, officials in Moscow said.");
  const Place* stadium = place_for(doc, "Luzhniki Stadium");
  ASSERT_NE(stadium, nullptr);
  EXPECT_EQ(stadium->country, "RUS");
  EXPECT_EQ(stadium->basis, PlaceBasis::kArticleCountry);
  EXPECT_EQ(stadium->geonameid, 0u);
  EXPECT_EQ(stadium->feature, "S.STDM");
  const Place* moscow = place_for(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->basis, PlaceBasis::kGazetteer);

  const Document split = run("Officials met at the Grand Hotel. Talks in Paris and Berlin followed.");
  EXPECT_EQ(place_for(split, "Grand Hotel"), nullptr);
}

// Readings that must not be taken: common words and surnames that are also place names
// somewhere, alternate names of far-away towns.
TEST(PlacesResolve, NoFalseReadings) {
  const std::pair<const char*, const char*> cases[] = {
      {"Crowds filled Hong Kong Island on Sunday.", "Iceland"},
      {"The Batman premiere drew crowds in Toronto.", "Batman"},
      {"He read Thomas Mann in Vienna.", "Isle of Man"},
      {"Protesters marched through central London.", "Davao"},
      {"The Centre opened a new wing in Copenhagen.", "Centre"},
      // Sentence-initial words that are towns somewhere, not before their verb or not major.
      {"Nice work was done in Paris.", "Nice"},
      {"Reading is fun, teachers in Berlin said.", "Reading"},
  };
  for (const auto& [text, forbidden] : cases) {
    const Document doc = run(text);
    for (const Place& p : doc.places) EXPECT_NE(p.name, forbidden) << text;
  }
}

// Words that are no places stay unresolved.
TEST(PlacesResolve, NoPlaces) {
  for (const char* text : {"", "The minister said nothing.", "He met Barack Obama on Monday.",
                           "It rained in the morning."}) {
    const Document doc = run(text);
    for (const Place& p : doc.places) ADD_FAILURE() << text << ": " << doc.slice(p.span);
  }
}

// Every place lies inside the text, in order, with a name and coordinates in range.
TEST(PlacesResolve, SpansAndFields) {
  const Document doc =
      run("Russia's Foreign Ministry said Moscow, the Kremlin and officials in Kyiv, Ukraine, "
          "disagreed. In Paris, Texas, and in Georgia, voters lined up.");
  ASSERT_FALSE(doc.places.empty());
  uint32_t last = 0;
  for (const Place& p : doc.places) {
    EXPECT_LE(p.span.begin, p.span.end);
    EXPECT_LE(p.span.end, doc.text.size());
    EXPECT_GE(p.span.begin, last);
    last = p.span.begin;
    EXPECT_FALSE(p.name.empty());
    EXPECT_TRUE(std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180);
    EXPECT_LT(p.sentence, doc.sentences.size());
    if (p.mention != kNoIndex) {
      ASSERT_LT(p.mention, doc.mentions.size());
      const Span m = doc.mentions[p.mention].span;
      // Inside the mention, or the mention widened by a word ("Western" + "Australia").
      EXPECT_TRUE(p.span.begin < m.end && m.begin < p.span.end);
    }
  }
}

// The first sample article: Moscow, Finland and the Kremlin with the right country and
// coordinates (within 0.1 degree).
TEST(PlacesResolve, KremlinArticle) {
  const Document doc = test_support::process_sample_article();
  struct Want {
    const char* surface;
    const char* country;
    double lat, lon;
  };
  const Want wants[] = {{"Moscow", "RUS", 55.75, 37.62},
                        {"Finland", "FIN", 64.0, 26.0},
                        {"Kremlin", "RUS", 55.75, 37.62}};
  for (const auto& w : wants) {
    const Place* p = place_for(doc, w.surface);
    ASSERT_NE(p, nullptr) << w.surface;
    EXPECT_EQ(p->country, w.country) << w.surface;
    EXPECT_NEAR(p->lat, w.lat, 0.1) << w.surface;
    EXPECT_NEAR(p->lon, w.lon, 0.1) << w.surface;
  }
  // Every occurrence of Moscow is the city.
  for (const Place& p : doc.places)
    if (doc.slice(p.span) == "Moscow") {
      EXPECT_EQ(p.geonameid, 524901u);
    }
}

}  // namespace
}  // namespace casus
