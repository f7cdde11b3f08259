#include "places/gazetteer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "entities/country_table.h"

namespace casus::places {

// Embedded by cmake/places.cmake from the output of tools/gen_gazetteer.cc.
extern const unsigned char kGazetteerBlob[];
extern const size_t kGazetteerBlobSize;

namespace {

[[noreturn]] void corrupt(const char* what) {
  std::fprintf(stderr, "casus: the embedded places gazetteer is corrupt (%s); rebuild casus\n",
               what);
  std::abort();
}

uint32_t get32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

void split_bar(std::string_view s, std::vector<std::string_view>* out) {
  while (!s.empty()) {
    const size_t p = s.find('|');
    const std::string_view part = s.substr(0, p);
    if (!part.empty()) out->push_back(part);
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
}

}  // namespace

std::string normalize_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      c = '\'';
      i += 2;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer* const kGazetteer = new Gazetteer();
  return *kGazetteer;
}

Gazetteer::Gazetteer() {
  const unsigned char* const blob = kGazetteerBlob;
  const size_t size = kGazetteerBlobSize;
  if (size < 24 || std::memcmp(blob, "CGZ1", 4) != 0) corrupt("bad magic");
  if (get32(blob + 4) != 1) corrupt("unknown version");
  const uint32_t n_entries = get32(blob + 8), n_postings = get32(blob + 12),
                 n_countries = get32(blob + 16), n_strings = get32(blob + 20);
  const size_t entries_at = 24, postings_at = entries_at + size_t{n_entries} * 32,
               countries_at = postings_at + size_t{n_postings} * 8,
               strings_at = countries_at + size_t{n_countries} * 12;
  if (strings_at + n_strings != size) corrupt("bad section sizes");
  const char* strings = reinterpret_cast<const char*>(blob + strings_at);
  auto str = [&](uint32_t off) {
    if (off >= n_strings) corrupt("bad string offset");
    return std::string_view(strings + off);
  };

  // ISO2 -> ISO3 through the world-countries table.
  std::map<std::string_view, const char*> iso3_of;
  for (size_t i = 0; i < entities::kCountryRecordCount; ++i)
    iso3_of[entities::kCountryRecords[i].iso2] = entities::kCountryRecords[i].iso3;

  entries_.reserve(n_entries + entities::kCountryRecordCount);
  for (uint32_t i = 0; i < n_entries; ++i) {
    const unsigned char* p = blob + entries_at + size_t{i} * 32;
    GazEntry e;
    e.geonameid = get32(p);
    e.lat = static_cast<int32_t>(get32(p + 4)) / 1e6;
    e.lon = static_cast<int32_t>(get32(p + 8)) / 1e6;
    e.population = get32(p + 12);
    e.name = str(get32(p + 16));
    e.admin1 = str(get32(p + 20));
    e.feature = str(get32(p + 24));
    const char* cc = reinterpret_cast<const char*>(p + 28);
    const size_t cc_len = strnlen(cc, 4);
    if (cc_len == 2) {
      // GeoNames cities carry ISO2; unknown codes (none in practice) stay "".
      auto it = iso3_of.find(std::string_view(cc, 2));
      if (it != iso3_of.end()) std::memcpy(e.country, it->second, 3);
    } else if (cc_len == 3) {
      std::memcpy(e.country, cc, 3);
    }
    if (e.feature == "A.ADM1")
      e.kind = EntryKind::kAdmin1;
    else if (e.feature[0] == 'P')
      e.kind = EntryKind::kCity;
    else
      e.kind = EntryKind::kLandmark;
    entries_.push_back(e);
  }
  keys_.reserve(n_postings + entities::kCountryRecordCount * 4);
  for (uint32_t i = 0; i < n_postings; ++i) {
    const unsigned char* p = blob + postings_at + size_t{i} * 8;
    const uint32_t entry = get32(p + 4);
    if ((entry & 0x7fffffffu) >= n_entries) corrupt("bad posting");
    keys_.push_back({str(get32(p)), entry});
  }

  // Countries: names from world-countries, GeoNames ids and extra names from country_ids.tsv.
  std::map<std::string_view, std::pair<uint32_t, std::string_view>> ids;
  for (uint32_t i = 0; i < n_countries; ++i) {
    const unsigned char* p = blob + countries_at + size_t{i} * 12;
    const char* cc = reinterpret_cast<const char*>(p);
    ids[std::string_view(cc, strnlen(cc, 4))] = {get32(p + 4), str(get32(p + 8))};
  }
  const size_t first_country = entries_.size();
  for (size_t i = 0; i < entities::kCountryRecordCount; ++i) {
    const auto& r = entities::kCountryRecords[i];
    GazEntry e;
    e.kind = EntryKind::kCountry;
    e.name = r.common_name;
    e.lat = r.lat;
    e.lon = r.lng;
    e.feature = r.independent ? "A.PCLI" : "A.PCLD";
    std::memcpy(e.country, r.iso3, std::min<size_t>(3, std::strlen(r.iso3)));
    std::vector<std::string_view> names = {r.common_name, r.official_name};
    split_bar(r.alt_names, &names);
    // Native names that are English words or surnames ("Island" for Iceland, "Mann" for the
    // Isle of Man) would make "Hong Kong Island" or "Thomas Mann" a country.
    names.erase(std::remove_if(names.begin() + 2, names.end(),
                               [](std::string_view n) { return n == "Island" || n == "Mann"; }),
                names.end());
    if (auto it = ids.find(r.iso3); it != ids.end()) {
      e.geonameid = it->second.first;
      split_bar(it->second.second, &names);
    }
    const auto index = static_cast<uint32_t>(entries_.size());
    entries_.push_back(e);
    std::vector<std::string> seen;
    for (size_t k = 0; k < names.size(); ++k) {
      std::string key = normalize_key(names[k]);
      // Skip keys that are not names ("Korea, Republic of") and repeats.
      if (key.size() < 2 || key.find(',') != std::string::npos) continue;
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      owned_.push_back(std::move(key));
      keys_.push_back({owned_.back(), index | (k == 0 ? 0u : 0x80000000u)});
    }
  }
  for (size_t i = first_country; i < entries_.size(); ++i)
    countries_.emplace_back(std::string_view(entries_[i].country), static_cast<uint32_t>(i));
  std::sort(countries_.begin(), countries_.end());
  capitals_.assign(countries_.size(), -1);
  for (size_t i = 0; i < first_country; ++i) {
    const GazEntry& e = entries_[i];
    if (e.kind == EntryKind::kAdmin1) admin1s_.push_back(static_cast<uint32_t>(i));
    if (e.kind != EntryKind::kCity || !e.capital()) continue;
    auto it = std::lower_bound(countries_.begin(), countries_.end(), std::string_view(e.country),
                               [](const auto& c, std::string_view v) { return c.first < v; });
    if (it == countries_.end() || it->first != std::string_view(e.country)) continue;
    int32_t& cap = capitals_[it - countries_.begin()];
    if (cap < 0 || e.population > entries_[cap].population) cap = static_cast<int32_t>(i);
  }
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
    return a.key != b.key ? a.key < b.key : a.entry < b.entry;
  });
}

void Gazetteer::lookup(std::string_view key, std::vector<GazMatch>* out) const {
  auto lo = std::lower_bound(keys_.begin(), keys_.end(), key,
                             [](const Key& k, std::string_view v) { return k.key < v; });
  for (; lo != keys_.end() && lo->key == key; ++lo)
    out->push_back({lo->entry & 0x7fffffffu, (lo->entry & 0x80000000u) != 0});
}

int32_t Gazetteer::country_entry(std::string_view iso3) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), iso3,
                             [](const auto& c, std::string_view v) { return c.first < v; });
  if (it == countries_.end() || it->first != iso3) return -1;
  return static_cast<int32_t>(it->second);
}

int32_t Gazetteer::admin1_entry(std::string_view iso3, std::string_view admin1) const {
  if (admin1.empty()) return -1;
  for (uint32_t i : admin1s_) {
    const GazEntry& e = entries_[i];
    if (e.admin1 == admin1 && std::string_view(e.country) == iso3) return static_cast<int32_t>(i);
  }
  return -1;
}

int32_t Gazetteer::capital_entry(std::string_view iso3) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), iso3,
                             [](const auto& c, std::string_view v) { return c.first < v; });
  if (it == countries_.end() || it->first != iso3) return -1;
  return capitals_[it - countries_.begin()];
}

}  // namespace casus::places
