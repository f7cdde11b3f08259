// The places gazetteer (src/places/gazetteer.h): key normalization, the compiled GeoNames cities,
// casus's divisions and landmarks, and the countries joined from world-countries.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "places/gazetteer.h"

namespace casus::places {
namespace {

TEST(PlacesGazetteer, NormalizeKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"Moscow", "moscow"},
      {"the Kremlin", "kremlin"},
      {"The  White\nHouse", "white house"},
      {"U.S.", "u.s."},
      {"Côte d\u2019Ivoire", "côte d'ivoire"},
      {"  New York ", "new york"},
      {"Theodore", "theodore"},  // "the" only as a word
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(normalize_key(in), want) << in;
}

// One lookup per row: some entry of `key` has this id, kind, country and feature.
struct LookupCase {
  const char* key;
  uint32_t geonameid;
  EntryKind kind;
  const char* country;
  const char* feature;
};

TEST(PlacesGazetteer, KnownEntries) {
  const LookupCase cases[] = {
      {"moscow", 524901, EntryKind::kCity, "RUS", "P.PPLC"},
      {"kiev", 703448, EntryKind::kCity, "UKR", "P.PPLC"},
      {"kyiv", 703448, EntryKind::kCity, "UKR", "P.PPLC"},  // an alternate name
      {"paris", 2988507, EntryKind::kCity, "FRA", "P.PPLC"},
      {"paris", 4717560, EntryKind::kCity, "USA", "P.PPLA2"},      // Paris, Texas
      {"washington", 4140963, EntryKind::kCity, "USA", "P.PPLC"},  // from "Washington, D. C."
      {"georgia", 614540, EntryKind::kCountry, "GEO", "A.PCLI"},
      {"georgia", 4197000, EntryKind::kAdmin1, "USA", "A.ADM1"},
      {"texas", 4736286, EntryKind::kAdmin1, "USA", "A.ADM1"},
      {"finland", 660013, EntryKind::kCountry, "FIN", "A.PCLI"},
      {"us", 6252001, EntryKind::kCountry, "USA", "A.PCLI"},
      {"britain", 2635167, EntryKind::kCountry, "GBR", "A.PCLI"},
      {"kremlin", 0, EntryKind::kLandmark, "RUS", "S.CSTL"},
      {"kerch bridge", 0, EntryKind::kLandmark, "UKR", "S.BDG"},
      {"gaza strip", 0, EntryKind::kLandmark, "PSE", "A.TERR"},
      {"europe", 6255148, EntryKind::kLandmark, "", "L.CONT"},
  };
  const Gazetteer& gaz = Gazetteer::builtin();
  for (const auto& c : cases) {
    std::vector<GazMatch> matches;
    gaz.lookup(c.key, &matches);
    bool found = false;
    for (const GazMatch& m : matches) {
      const GazEntry& e = gaz.entry(m.entry);
      if (e.geonameid == c.geonameid && e.kind == c.kind && std::string(e.country) == c.country &&
          e.feature == c.feature)
        found = true;
    }
    EXPECT_TRUE(found) << c.key << " " << c.geonameid;
  }
}

TEST(PlacesGazetteer, UnknownNamesHaveNoEntry) {
  const Gazetteer& gaz = Gazetteer::builtin();
  for (const char* key : {"", "zzzq", "qwxzv", "mow"}) {  // "MOW": an all-capitals airport code
    std::vector<GazMatch> matches;
    gaz.lookup(key, &matches);
    EXPECT_TRUE(matches.empty()) << key;
  }
}

TEST(PlacesGazetteer, CountriesCapitalsAndDivisions) {
  const Gazetteer& gaz = Gazetteer::builtin();
  const int32_t rus = gaz.country_entry("RUS");
  ASSERT_GE(rus, 0);
  EXPECT_EQ(gaz.entry(rus).name, "Russia");
  EXPECT_EQ(gaz.entry(rus).geonameid, 2017370u);
  EXPECT_EQ(gaz.country_entry("XXX"), -1);
  const int32_t cap = gaz.capital_entry("FIN");
  ASSERT_GE(cap, 0);
  EXPECT_EQ(gaz.entry(cap).geonameid, 658225u);  // Helsinki
  const int32_t tx = gaz.admin1_entry("USA", "TX");
  ASSERT_GE(tx, 0);
  EXPECT_EQ(gaz.entry(tx).name, "Texas");
  EXPECT_EQ(gaz.admin1_entry("USA", "ZZ"), -1);
}

// Every entry is well formed: coordinates in range, a feature code, a known country or none,
// and a country for every city (GeoNames cities all lie in a country of world-countries).
TEST(PlacesGazetteer, EntriesAreWellFormed) {
  const Gazetteer& gaz = Gazetteer::builtin();
  ASSERT_GT(gaz.size(), 130000u);
  size_t cities_without_country = 0;
  for (size_t i = 0; i < gaz.size(); ++i) {
    const GazEntry& e = gaz.entry(i);
    ASSERT_FALSE(e.name.empty()) << i;
    ASSERT_GE(e.lat, -90.0) << e.name;
    ASSERT_LE(e.lat, 90.0) << e.name;
    ASSERT_GE(e.lon, -180.0) << e.name;
    ASSERT_LE(e.lon, 180.0) << e.name;
    ASSERT_GE(e.feature.size(), 3u) << e.name;
    ASSERT_EQ(e.feature[1], '.') << e.name;
    if (e.country[0] != 0) {
      ASSERT_GE(gaz.country_entry(e.country), 0) << e.name << " " << e.country;
    }
    if (e.kind == EntryKind::kCity && e.country[0] == 0) ++cities_without_country;
  }
  EXPECT_LT(cities_without_country, 20u);
}

}  // namespace
}  // namespace casus::places
