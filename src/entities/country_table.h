// The country table compiled at build time from npm world-countries (ODbL-1.0) and
// i18n-iso-countries (MIT) by tools/gen_countries.cc into the build folder
// (generated/entities/countries_data.cc). Immutable static data; thread-safe.
#ifndef CASUS_ENTITIES_COUNTRY_TABLE_H_
#define CASUS_ENTITIES_COUNTRY_TABLE_H_

#include <cstddef>

namespace casus::entities {

struct CountryRecord {
  const char* iso3;         // ISO 3166-1 alpha-3 as world-countries spells it ("RUS"; Kosovo "UNK")
  const char* iso2;         // alpha-2 ("RU")
  const char* common_name;  // "Russia"
  const char* official_name;  // "Russian Federation"
  const char* alt_names;    // '|'-separated Latin-script alternative spellings and English names
  const char* demonym_m;    // "Russian"
  const char* demonym_f;
  const char* capital;      // first capital ("Moscow"), may be ""
  const char* region;       // "Europe"
  const char* subregion;    // "Eastern Europe"
  double lat;
  double lng;
  bool independent;
};

extern const CountryRecord kCountryRecords[];
extern const size_t kCountryRecordCount;

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_COUNTRY_TABLE_H_
