#include "entities/ner.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <numeric>
#include <ostream>

#include "base/hash.h"
#include "entities/actor_coder.h"
#include "entities/coref_names.h"
#include "entities/country_table.h"
#include "text/text.h"

namespace casus::entities {

// The model embedded at build time (tools/CMakeLists.txt); size 0 when models/ner.bin is absent.
extern const unsigned char kBuiltinNerModel[];
extern const size_t kBuiltinNerModelSize;

namespace {

constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t feat(uint64_t tmpl, uint64_t v) { return mix(v * 0x9e3779b97f4a7c15ULL + tmpl); }
inline uint64_t feat2(uint64_t tmpl, uint64_t a, uint64_t b) { return feat(tmpl, mix(a) ^ (b * 31)); }

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

uint64_t lower_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(lower_ascii(c));
    h *= kFnvPrime;
  }
  return h;
}

// Character-class shape, runs longer than two collapsed: "Blinken" -> "Xxx", "U.S." -> "X.X.".
uint64_t shape_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    char k;
    if (is_upper(c)) k = 'X';
    else if (is_lower(c)) k = 'x';
    else if (is_digit(c)) k = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) {
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // continuation byte
      k = 'u';
    } else k = c;
    if (k == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = k;
    }
    h ^= static_cast<unsigned char>(k);
    h *= kFnvPrime;
  }
  return h;
}

enum TokenFlag : uint8_t {
  kInitCap = 1,
  kAllCaps = 2,
  kHasDigit = 4,
  kNoAlpha = 8,
  kHasLower = 16,
};

uint8_t token_flags(std::string_view s) {
  uint8_t f = 0;
  bool alpha = false, lower = false, upper = false;
  for (char c : s) {
    if (is_upper(c)) alpha = upper = true;
    else if (is_lower(c)) alpha = lower = true;
    else if (is_digit(c)) f |= kHasDigit;
    else if (static_cast<unsigned char>(c) >= 0x80) alpha = true;
  }
  if (!s.empty() && is_upper(s[0])) f |= kInitCap;
  if (upper && !lower) f |= kAllCaps;
  if (!alpha) f |= kNoAlpha;
  if (lower) f |= kHasLower;
  return f;
}

uint64_t affix_hash(std::string_view s, size_t n, bool suffix) {
  if (s.size() < n) return 0;
  return lower_hash(suffix ? s.substr(s.size() - n) : s.substr(0, n)) + n;
}

// US states (not in the country data): GPE knowledge for the tagger.
constexpr const char* kUsStates[] = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "District of Columbia"};

// Gazetteer per-token codes: 2 bits per class (0 none, 1 begin, 2 inside/last, 3 unit).
inline uint32_t gaz_code(uint32_t word, int cls) { return (word >> (2 * cls)) & 3u; }

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool get(std::string_view& in, T* v) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

std::shared_ptr<const NerGazetteer> shared_gazetteer() { return NerGazetteer::builtin(); }

}  // namespace

bool is_person_title_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "president", "secretary", "minister", "chancellor", "premier", "senator", "sen.", "governor",
      "gov.", "mayor", "ambassador", "columnist", "spokesman", "spokeswoman", "spokesperson",
      "colonel", "col.", "general", "gen.", "lieutenant", "lt.", "commander", "director",
      "chairman", "chairwoman", "king", "queen", "prince", "princess", "pope", "judge",
      "justice", "prosecutor", "professor", "prof.", "dr.", "dr", "mr.", "mr", "mrs.", "mrs",
      "ms.", "ms", "sir", "dame", "rep.", "representative", "congressman", "congresswoman",
      "speaker", "captain", "capt.", "major", "sergeant", "sgt.", "admiral", "adm.", "marshal",
      "press", "foreign", "prime", "deputy", "vice", "state", "defense", "defence", "attorney",
      "former", "chief", "cardinal", "bishop", "rabbi", "imam", "sheikh", "ayatollah", "saint",
      "st.", "lord", "lady", "emperor", "empress", "archduke", "duke", "duchess", "count",
      "senior", "interior", "national", "security", "adviser", "advisor", "envoy", "officer",
      "private", "corporal", "detective", "inspector", "agent", "coach", "pastor", "father",
      "brother", "sister", "uncle", "aunt"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_group_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "republican", "republicans", "democrat", "democrats", "libertarian", "libertarians",
      "conservative", "conservatives", "liberal", "liberals", "socialist", "socialists",
      "communist", "communists", "tory", "tories", "christian", "christians", "muslim",
      "muslims", "jew", "jews", "jewish", "catholic", "catholics", "protestant", "protestants",
      "sunni", "sunnis", "shiite", "shiites", "shia", "hindu", "hindus", "buddhist", "buddhists",
      "sikh", "sikhs", "arab", "arabs", "kurd", "kurds", "kurdish", "latino", "latinos",
      "hispanic", "hispanics", "islamist", "islamists", "zionist", "zionists", "nazi", "nazis",
      "marxist", "marxists", "evangelical", "evangelicals", "mormon", "mormons", "orthodox"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_calendar_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_facility_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "bridge", "tower", "towers", "building", "palace", "airport", "station", "street",
      "st.", "avenue", "ave", "road", "highway", "stadium", "museum", "church", "cathedral",
      "hall", "center", "centre", "hospital", "square", "castle", "temple", "mosque", "library",
      "theatre", "theater", "prison", "dam", "tunnel", "mall", "hotel", "arena", "gallery",
      "abbey", "chapel", "fort", "monument", "memorial", "pier", "boulevard", "lane", "plaza",
      "base", "port", "harbour", "harbor", "terminal", "market", "zoo", "garden", "gardens",
      "pentagon", "kremlin", "auditorium", "grill", "restaurant", "cafe", "bar", "pub"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_location_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "river", "mountain", "mountains", "mount", "mt.", "lake", "sea", "ocean", "island",
      "islands", "valley", "bay", "desert", "peninsula", "gulf", "coast", "strait", "canyon",
      "forest", "beach", "creek", "falls", "glacier", "hill", "hills", "europe", "asia", "africa",
      "antarctica", "america", "americas", "east", "west", "pacific", "atlantic", "arctic",
      "mediterranean", "caribbean", "himalayas", "alps", "earth", "moon", "mars", "sahara",
      "amazon", "balkans", "region", "park", "reef", "cape", "plains", "basin", "delta",
      "channel", "sound", "archipelago", "midwest", "rockies", "outback"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

uint64_t fnv1a(std::string_view bytes, uint64_t h) { return fnv1a64(bytes, h); }

// ---------------------------------------------------------------------------------------------
// Gazetteer

uint64_t NerGazetteer::extend(uint64_t h, std::string_view token) {
  return mix(h ^ lower_hash(token)) + 0x2545F4914F6CDD1DULL;
}

std::shared_ptr<const NerGazetteer> NerGazetteer::builtin() {
  static const std::shared_ptr<const NerGazetteer> g =
      std::make_shared<const NerGazetteer>(*ActorCoder::builtin());
  return g;
}

uint16_t NerGazetteer::find_tokens(std::span<const std::string_view> tokens) const {
  if (tokens.empty() || tokens.size() > max_tokens_) return 0;
  uint64_t h = start();
  for (std::string_view t : tokens) h = extend(h, t);
  return find(h);
}

uint16_t NerGazetteer::find(uint64_t hash) const {
  const size_t bit = NerModel::filter_bit(hash);
  if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return 0;
  auto it = table_.find(hash);
  return it == table_.end() ? 0 : it->second;
}

NerGazetteer::NerGazetteer(const ActorCoder& coder) {
  std::vector<std::pair<std::string, uint16_t>> names;
  for (size_t i = 0; i < kCountryRecordCount; ++i) {
    const CountryRecord& r = kCountryRecords[i];
    names.emplace_back(r.common_name, kGazCountry);
    names.emplace_back(r.official_name, kGazCountry);
    std::string_view alts = r.alt_names;
    while (!alts.empty()) {
      const size_t bar = alts.find('|');
      const std::string_view a = alts.substr(0, bar);
      if (a.size() > 2) names.emplace_back(std::string(a), kGazCountry);
      if (bar == std::string_view::npos) break;
      alts.remove_prefix(bar + 1);
    }
    for (const char* d : {r.demonym_m, r.demonym_f}) {
      if (!*d) continue;
      names.emplace_back(d, kGazDemonym);
      const std::string_view dv = d;
      if (!dv.ends_with("s") && !dv.ends_with("sh") && !dv.ends_with("ese") && !dv.ends_with("ch"))
        names.emplace_back(std::string(dv) + "s", kGazDemonym);
    }
    if (*r.capital) names.emplace_back(r.capital, kGazCapital);
  }
  const Lexicon& lex = coder.lexicon();
  for (const CountryNameEntry& c : lex.country_names) {
    const uint16_t cls = c.kind == "demonym" ? kGazDemonym : c.kind == "capital" ? kGazCapital
                                                                                  : kGazCountry;
    for (const std::string& n : c.names) names.emplace_back(n, cls);
  }
  for (const ActorEntry& e : lex.actors) {
    const uint16_t cls = e.type == ActorType::kPerson ? kGazPerson
                         : e.type == ActorType::kSeat ? kGazSeat
                                                      : kGazOrg;
    names.emplace_back(e.name, cls);
    for (const std::string& a : e.aliases) names.emplace_back(a, cls);
    if (e.type == ActorType::kPerson) {
      const size_t sp = e.name.find(' ');
      if (sp != std::string::npos) names.emplace_back(e.name.substr(0, sp), kGazGivenName);
      const size_t last = e.name.rfind(' ');
      if (last != std::string::npos && e.name.size() - last > 3)
        names.emplace_back(e.name.substr(last + 1), kGazSurname);
    }
  }
  for (const RoleEntry& r : lex.roles)
    for (const std::string& p : r.phrases) names.emplace_back(p, kGazTitle);
  for (const char* s : kUsStates) names.emplace_back(s, kGazStateUs);
  for (const GivenName& g : given_names()) names.emplace_back(g.name, kGazGivenName);

  std::vector<std::string> texts;
  texts.reserve(names.size());
  for (const auto& nc : names) texts.push_back(nc.first);
  hash_names(texts, [&](size_t i, uint64_t h, size_t count) {
    table_[h] |= names[i].second;
    max_tokens_ = std::max(max_tokens_, count);
  });
  filter_.assign((size_t{1} << NerModel::kFilterBits) / 64, 0);
  for (const auto& kv : table_) {
    const size_t bit = NerModel::filter_bit(kv.first);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

void NerGazetteer::hash_names(const std::vector<std::string>& names,
                              const std::function<void(size_t, uint64_t, size_t)>& fn) {
  // All names go through text::segment in one document (one paragraph per name), so that they
  // are tokenized exactly like article text.
  Document doc;
  for (const std::string& n : names) {
    if (n.empty()) continue;
    doc.text += n;
    doc.text += "\n\n";
  }
  text::segment(doc);
  // Paragraph k is names[k'] for the k-th non-empty name.
  size_t k = 0;
  size_t t = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;
    if (k >= doc.paragraphs.size()) break;
    const Span p = doc.paragraphs[k++].span;
    while (t < doc.tokens.size() && doc.tokens[t].span.begin < p.begin) ++t;
    uint64_t h = start();
    size_t count = 0;
    while (t < doc.tokens.size() && doc.tokens[t].span.end <= p.end) {
      h = extend(h, doc.slice(doc.tokens[t].span));
      ++count;
      ++t;
    }
    if (count == 0 || count > 6) continue;
    fn(i, h, count);
  }
}

// ---------------------------------------------------------------------------------------------
// Model

NerModel::NerModel() = default;
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

std::vector<NamedSpan> spans_from_tags(std::span<const uint8_t> tags) {
  std::vector<NamedSpan> out;
  for (size_t i = 0; i < tags.size();) {
    const int t = tags[i];
    if (t == 0) {
      ++i;
      continue;
    }
    const int type = (t - 1) / 2;
    size_t j = i + 1;
    while (j < tags.size() && tags[j] == 2 + 2 * type) ++j;
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                   static_cast<EntityType>(type)});
    i = j;
  }
  return out;
}

bool NerModel::has_place(uint64_t h) const {
  if (places_.empty()) return false;
  const size_t bit = filter_bit(h);
  if (!(place_filter_[bit >> 6] >> (bit & 63) & 1)) return false;
  return std::binary_search(places_.begin(), places_.end(), h);
}

void NerModel::build_place_filter() {
  place_filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  for (uint64_t h : places_) {
    const size_t bit = filter_bit(h);
    place_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

void NerModel::build_word_table() {
  size_t capacity = 16;
  while (capacity < 2 * (capclass_.size() + clusters_.size())) capacity *= 2;
  words_.assign(capacity, WordEntry{});
  auto slot = [&](uint64_t key) -> WordEntry& {
    for (size_t k = mix(key) & (capacity - 1);; k = (k + 1) & (capacity - 1))
      if (!words_[k].used || words_[k].key == key) return words_[k];
  };
  for (const auto& [key, c] : capclass_) {
    WordEntry& e = slot(key);
    e.key = key;
    e.used = 1;
    e.capclass = c;
  }
  for (const auto& [key, c] : clusters_) {
    WordEntry& e = slot(key);
    e.key = key;
    e.used = 1;
    e.cluster = c;
  }
}

const NerModel::WordEntry* NerModel::find_word(uint64_t lower) const {
  if (words_.empty()) return nullptr;
  const size_t mask = words_.size() - 1;
  for (size_t k = mix(lower) & mask;; k = (k + 1) & mask) {
    const WordEntry& e = words_[k];
    if (!e.used) return nullptr;
    if (e.key == lower) return &e;
  }
}

void NerModel::prepare(std::span<const std::string_view> tokens, NerWorkspace& ws) const {
  const size_t n = tokens.size();
  ws.lower.resize(n);
  ws.form.resize(n);
  ws.shape.resize(n);
  ws.flags.resize(n);
  ws.capclass.resize(n);
  ws.cluster.resize(n);
  ws.gaz.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = tokens[i];
    ws.lower[i] = lower_hash(w);
    ws.form[i] = fnv1a(w);
    ws.shape[i] = shape_hash(w);
    ws.flags[i] = token_flags(w);
    const WordEntry* e = find_word(ws.lower[i]);
    ws.capclass[i] = e ? e->capclass : 0;
    ws.cluster[i] = e ? e->cluster : 0xffff;
  }
  if (gazetteer_) {
    const size_t max_len = std::max(gazetteer_->max_tokens(), places_max_tokens_);
    for (size_t i = 0; i < n; ++i) {
      if (ws.flags[i] & kNoAlpha) continue;
      uint64_t h = NerGazetteer::start();
      uint16_t found[8] = {};
      size_t top = 0;
      for (size_t len = 1; len <= max_len && i + len <= n; ++len) {
        h = NerGazetteer::extend(h, tokens[i + len - 1]);
        found[len] = gazetteer_->find(h);
        if (len <= places_max_tokens_ && has_place(h)) found[len] |= kGazPlace;
        if (found[len]) top = len;
      }
      for (size_t len = top; len >= 1; --len) {
        const uint16_t cls = found[len];
        if (!cls) continue;
        for (int c = 0; c < kGazClasses; ++c) {
          if (!(cls & (1u << c))) continue;
          for (size_t k = i; k < i + len; ++k) {
            if (gaz_code(ws.gaz[k], c)) continue;
            const uint32_t code = len == 1 ? 3 : (k == i ? 1 : 2);
            ws.gaz[k] |= code << (2 * c);
          }
        }
      }
    }
  }
}

void NerModel::static_features(size_t i, size_t n, const NerWorkspace& ws,
                               std::vector<uint64_t>& f) const {
  // `t` is the template id, already mixed into `h`; kept at each call to document the template.
  auto add = [&](int /*t*/, uint64_t h) { f.push_back(h); };
  constexpr uint64_t kNone = 0x51ed270b27ee2a3bULL;
  const uint64_t lw = ws.lower[i], sh = ws.shape[i];
  const uint64_t lp = i > 0 ? ws.lower[i - 1] : kNone, ln = i + 1 < n ? ws.lower[i + 1] : kNone;
  const uint64_t lp2 = i > 1 ? ws.lower[i - 2] : kNone, ln2 = i + 2 < n ? ws.lower[i + 2] : kNone;
  const uint64_t sp = i > 0 ? ws.shape[i - 1] : kNone, sn = i + 1 < n ? ws.shape[i + 1] : kNone;
  const std::string_view w = ws.views[i];
  add(0, feat(0, 1));
  add(1, feat(1, lw));
  add(2, feat(2, ws.form[i]));
  add(3, feat(3, sh));
  add(4, feat(4, lp));
  add(5, feat(5, ln));
  add(6, feat(6, lp2));
  add(7, feat(7, ln2));
  add(8, feat2(8, sp, sh));
  add(9, feat2(9, sh, sn));
  add(10, feat2(10, mix(sp) ^ sh, sn));
  add(11, feat(11, affix_hash(w, 2, false)));
  add(12, feat(12, affix_hash(w, 3, false)));
  add(13, feat(13, affix_hash(w, 2, true)));
  add(14, feat(14, affix_hash(w, 3, true)));
  add(15, feat(15, affix_hash(w, 4, true)));
  add(16, feat2(16, ws.capclass[i], ws.flags[i]));
  add(17, feat2(17, i > 0 ? ws.capclass[i - 1] : 9, i > 0 ? ws.flags[i - 1] : 0));
  add(18, feat2(18, i + 1 < n ? ws.capclass[i + 1] : 9, i + 1 < n ? ws.flags[i + 1] : 0));
  for (int c = 0; c < kGazClasses; ++c) {
    const uint32_t code = gaz_code(ws.gaz[i], c);
    if (code) {
      add(19, feat2(19, c, code));
      add(46, feat2(46, c * 4 + code, lp));
      add(26, feat2(26, c * 4 + code, ws.flags[i] & (kInitCap | kAllCaps)));
    }
    if (i > 0 && gaz_code(ws.gaz[i - 1], c)) add(20, feat2(20, c, gaz_code(ws.gaz[i - 1], c)));
    if (i + 1 < n && gaz_code(ws.gaz[i + 1], c))
      add(21, feat2(21, c, gaz_code(ws.gaz[i + 1], c)));
  }
  add(22, feat2(22, i == 0, sh));
  add(23, feat2(23, lp, lw));
  add(24, feat2(24, lw, ln));
  add(25, feat2(25, ws.profile, sh));
  add(27, feat2(27, ws.capclass[i], i == 0));
  add(28, feat2(28, lp, sh));
  add(29, feat2(29, sh, ln));
  if (!clusters_.empty()) {
    const uint32_t c = ws.cluster[i];
    const uint32_t cp = i > 0 ? ws.cluster[i - 1] : 0xfffe;
    const uint32_t cn = i + 1 < n ? ws.cluster[i + 1] : 0xfffe;
    add(40, feat(40, c));
    add(41, feat2(41, c, ws.flags[i] & (kInitCap | kAllCaps)));
    add(42, feat(42, cp));
    add(43, feat(43, cn));
    add(44, feat2(44, c >> 8, ws.flags[i] & (kInitCap | kAllCaps)));
    add(45, feat2(45, cp, c));
  }
  if (flags_ & NerModel::kFlagSyntax) {
    // The syntax layer's XPOS tags (NNP/NNPS mark names on web text whatever the case).
    const uint64_t p = ws.pos[i];
    const uint64_t pp = i > 0 ? ws.pos[i - 1] : kNone, pn = i + 1 < n ? ws.pos[i + 1] : kNone;
    const uint64_t pp2 = i > 1 ? ws.pos[i - 2] : kNone, pn2 = i + 2 < n ? ws.pos[i + 2] : kNone;
    add(50, feat(50, p));
    add(51, feat(51, pp));
    add(52, feat(52, pn));
    add(53, feat2(53, p, ws.flags[i] & (kInitCap | kAllCaps)));
    add(54, feat2(54, pp, p));
    add(55, feat2(55, p, pn));
    add(56, feat2(56, mix(pp) ^ p, pn));
    add(57, feat2(57, p, ws.capclass[i]));
    add(58, feat2(58, p, lp));
    add(59, feat2(59, p, ln));
    add(60, feat(60, pp2));
    add(61, feat(61, pn2));
    add(62, feat2(62, p, ws.profile));
  }
}

void NerModel::dynamic_features(size_t i, const NerWorkspace& ws, int prev, int prev2,
                                std::vector<uint64_t>& f) {
  f.push_back(feat(30, prev));
  f.push_back(feat2(31, prev2, prev));
  f.push_back(feat2(32, prev, ws.lower[i]));
  f.push_back(feat2(33, prev, ws.shape[i]));
}

void NerModel::score(const std::vector<uint64_t>& f, float* out) const {
  // Each lane sums its tag's weights in feature order, as a plain loop over the 13 tags would;
  // the 16-wide rows only let the compiler use vector registers.
  alignas(64) float sum[kNerRowStride] = {};
  const int shift = 64 - bits_;
  const float* base = weights_.data();
  for (uint64_t h : f) {
    const float* row = base + static_cast<size_t>(h >> shift) * kNerRowStride;
    for (int t = 0; t < kNerRowStride; ++t) sum[t] += row[t];
  }
  std::copy(sum, sum + kNerTags, out);
}

void NerModel::prefetch_rows(const std::vector<uint64_t>& f) const {
  const int shift = 64 - bits_;
  const float* base = weights_.data();
  for (uint64_t h : f) __builtin_prefetch(base + static_cast<size_t>(h >> shift) * kNerRowStride);
}

namespace {

// The sentence's case profile: 0 ordinary, 1 no capital letters at all, 2 headline-like
// (every alphabetic token capitalized).
uint8_t case_profile(const NerWorkspace& ws, size_t n) {
  size_t alpha = 0, caps = 0, lower_initial = 0;
  for (size_t i = 0; i < n; ++i) {
    if (ws.flags[i] & kNoAlpha) continue;
    ++alpha;
    if (ws.flags[i] & (kInitCap | kAllCaps)) ++caps;
    else ++lower_initial;
  }
  if (alpha >= 3 && caps == 0) return 1;
  if (alpha >= 4 && lower_initial == 0) return 2;
  return 0;
}

inline bool allowed(int prev, int t) {
  if (t == 0 || (t & 1)) return true;  // O and B-x
  const int type = (t - 2) / 2;
  return prev == 1 + 2 * type || prev == 2 + 2 * type;
}

int best_tag(const float* s, int prev) {
  int best = 0;
  float bs = -1e30f;
  for (int t = 0; t < kNerTags; ++t) {
    if (!allowed(prev, t)) continue;
    if (s[t] > bs) {
      bs = s[t];
      best = t;
    }
  }
  return best;
}

// The training target of a partially labeled token (NerSentence::allowed): the prediction when
// it is acceptable, else the best-scoring acceptable tag. An I- tag must continue the type of
// the previous token's target (`prev_gold`), so a span keeps one type.
int latent_gold(uint16_t acceptable, int prev_gold, int pred, const float* scores) {
  uint16_t mask = acceptable;
  const uint16_t inside_only = static_cast<uint16_t>(mask & 0x1554);  // I- tags: even, non-zero
  if (inside_only == mask && prev_gold != 0) {
    const int type = (prev_gold - 1) / 2;
    const uint16_t same = static_cast<uint16_t>(mask & (1u << (2 + 2 * type)));
    if (same != 0) mask = same;
  }
  if (mask >> pred & 1) return pred;
  int best = -1;
  float bs = -1e30f;
  for (int t = 0; t < kNerTags; ++t)
    if ((mask >> t & 1) && (best < 0 || scores[t] > bs)) {
      bs = scores[t];
      best = t;
    }
  return best < 0 ? pred : best;
}

}  // namespace

uint64_t pos_hash(std::string_view xpos) { return xpos.empty() ? 0 : fnv1a(xpos) | 1; }

std::shared_ptr<const syntax::SyntaxModel> NerModel::syntax_model() {
  static const std::shared_ptr<const syntax::SyntaxModel> model = [] {
    std::shared_ptr<const syntax::SyntaxModel> m;
    const std::string path = syntax::SyntaxModel::default_path();
    if (!path.empty() && !syntax::SyntaxModel::load(path, &m).is_ok()) m.reset();
    return m;
  }();
  return model;
}

void NerModel::pos_tags(std::span<const std::string_view> tokens,
                        std::span<const TokenSyntax> layer, NerWorkspace& ws) {
  const size_t n = tokens.size();
  ws.pos.assign(n, 0);
  if (layer.size() == n && n > 0) {
    for (size_t i = 0; i < n; ++i) ws.pos[i] = pos_hash(layer[i].xpos);
    return;
  }
  const auto model = syntax_model();
  if (!model || n == 0) return;
  model->tag(tokens, ws.syn, &ws.analysis);
  for (size_t i = 0; i < n; ++i) ws.pos[i] = pos_hash(model->xpos(ws.analysis[i].tag));
}

void NerModel::tag(std::span<const std::string_view> tokens, std::span<const TokenSyntax> layer,
                   NerWorkspace& ws) const {
  const size_t n = tokens.size();
  ws.views.assign(tokens.begin(), tokens.end());
  prepare(tokens, ws);
  if (flags_ & kFlagSyntax) pos_tags(tokens, layer, ws);
  ws.profile = case_profile(ws, n);
  tag_prepared(n, ws);
}

void NerModel::tag_prepared(size_t n, NerWorkspace& ws) const {
  ws.tags.assign(n, 0);
  if (empty()) return;
  int prev = 0, prev2 = 0;
  // The static features of token i + 1 are computed, and their weight rows prefetched, before
  // token i is scored, so the rows' cache misses overlap with the work on token i.
  ws.next_feats.clear();
  if (n > 0) static_features(0, n, ws, ws.next_feats);
  for (size_t i = 0; i < n; ++i) {
    ws.feats.swap(ws.next_feats);
    ws.next_feats.clear();
    if (i + 1 < n) {
      static_features(i + 1, n, ws, ws.next_feats);
      prefetch_rows(ws.next_feats);
    }
    dynamic_features(i, ws, prev, prev2, ws.feats);
    score(ws.feats, ws.scores);
    const int t = best_tag(ws.scores, prev);
    ws.tags[i] = static_cast<uint8_t>(t);
    prev2 = prev;
    prev = t;
  }
}

namespace {

// Legal-form suffixes of company names, as written ("Inc.", "Corp", "LLC").
bool is_company_suffix(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Inc.", "Inc", "INC.", "INC", "Corp.", "Corp", "CORP.",
                                       "Corporation", "CORPORATION", "Co.", "Ltd.", "Ltd",
                                       "LTD.", "LTD", "LLC", "L.L.C.", "L.P.", "LP", "PLC", "plc",
                                       "GmbH", "AG", "S.A.", "N.V.", "Incorporated", "LLP"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Job titles that follow a name in signatures ("Bryan Hull - Analyst").
bool is_job_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "analyst", "associate", "director", "manager", "president", "vp", "svp", "intern",
      "assistant", "specialist", "engineer", "consultant", "counsel", "attorney", "trader",
      "secretary", "officer", "coordinator", "administrator", "partner", "ceo", "cfo", "coo"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Replaces the spans that overlap [begin, end) with one ORG span there, keeping `spans` sorted.
void replace_with_org(std::vector<NamedSpan>* spans, uint32_t begin, uint32_t end) {
  std::erase_if(*spans, [&](const NamedSpan& s) { return s.begin < end && begin < s.end; });
  const NamedSpan org{begin, end, EntityType::kOrg};
  spans->insert(std::upper_bound(spans->begin(), spans->end(), org,
                                 [](const NamedSpan& a, const NamedSpan& x) {
                                   return a.begin < x.begin;
                                 }),
                org);
}

// A company suffix after capitalized words that the tagger did not join ("Acme Widgets LLC"
// tagged "Acme" + "LLC", or not at all) makes the capitalized run and the suffix one ORG span;
// spans inside or overlapping that run are merged into it. A sentence-initial word that is
// usually lower case ("Then") does not join. Linear in the sentence.
void join_company_names(std::span<const std::string_view> tokens, const NerWorkspace& ws,
                        std::vector<NamedSpan>* spans) {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t k = 1; k < n; ++k) {
    if (!is_company_suffix(tokens[k])) continue;
    uint32_t b = k;
    while (b > 0 && (ws.flags[b - 1] & kInitCap) && !is_company_suffix(tokens[b - 1]) &&
           !(b - 1 == 0 && ws.capclass[0] == 1))
      --b;
    if (b == k) continue;
    uint32_t begin = b, end = k + 1;
    bool whole = false;  // a span already covers the run and the suffix
    for (const NamedSpan& s : *spans) {
      if (s.begin <= b && s.end >= k + 1) whole = true;
      if (s.begin < end && begin < s.end) {
        begin = std::min(begin, s.begin);
        end = std::max(end, s.end);
      }
    }
    if (whole) continue;
    replace_with_org(spans, begin, end);
  }
}

// Head words that end organization names ("Iraqi Islamic Party", "Department of Housing"),
// lower-cased. Words that also end place or facility names ("Center", "Office") are left out.
bool is_org_head_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "university", "college", "institute", "academy", "association", "society", "foundation",
      "federation", "union", "league", "council", "committee", "commission", "board",
      "department", "ministry", "agency", "authority", "bureau", "party", "bank", "airlines",
      "airways", "corporation", "company", "group", "orchestra", "services", "enterprises",
      "industries", "holdings", "partners", "technologies", "motorsports", "books", "futures",
      "coalition", "alliance", "organization", "organisation", "court", "assembly",
      "parliament", "times", "journal", "monthly", "magazine", "offices"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Organization names built around a head word (is_org_head_word), in ordinary sentences: the
// capitalized words before a capitalized head word and "of"/"for"/"and"/"&" + capitalized words
// after it form one ORG span of at least two tokens ("World Conservation Union", "Housing
// Authority of New Orleans", "Department of Housing and Urban Development"). Spans inside it
// are merged into it; nothing changes when a span sticks out of it (a person's name before a
// company in a signature) or when the gazetteer knows it as a country, state, capital or seat
// ("Soviet Union"). A sentence-initial word that is usually lower case and "The" do not join.
// First, a one-word LOC/GPE span in camel case that the gazetteer does not know becomes ORG
// ("NiMo"). Linear in the sentence times the span length. recognize() applies it only with
// NerRules::kAll (not to the silver training labels).
void organization_names(std::span<const std::string_view> tokens, const NerWorkspace& ws,
                        const NerGazetteer* gazetteer, std::vector<NamedSpan>* spans) {
  if (ws.profile != 0) return;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  auto cap = [&](uint32_t k) { return (ws.flags[k] & (kInitCap | kAllCaps)) != 0; };
  auto lower = [&](uint32_t k) {
    std::string r(tokens[k]);
    for (char& c : r) c = lower_ascii(c);
    return r;
  };
  // A one-word place name in camel case that no list knows ("NiMo") is a company's.
  for (NamedSpan& s : *spans) {
    if (s.end - s.begin != 1 || (s.type != EntityType::kLoc && s.type != EntityType::kGpe))
      continue;
    const std::string_view w = tokens[s.begin];
    if (w.size() < 4 || w.starts_with("Mc") || w.starts_with("Mac") || !is_upper(w[0])) continue;
    bool camel = false;
    for (size_t c = 2; c < w.size(); ++c) camel |= is_lower(w[c - 1]) && is_upper(w[c]);
    if (camel && !(gazetteer && gazetteer->find_tokens(tokens.subspan(s.begin, 1))))
      s.type = EntityType::kOrg;
  }
  for (uint32_t k = 0; k < n; ++k) {
    if (!(ws.flags[k] & kInitCap) || !is_org_head_word(lower(k))) continue;
    uint32_t b = k;
    while (b > 0 && k - b < 5) {
      if (cap(b - 1) && tokens[b - 1] != "The" && !(b - 1 == 0 && ws.capclass[0] == 1)) {
        --b;
      } else if (b > 1 && tokens[b - 1] == "-" && cap(b - 2)) {
        b -= 2;  // "American - Arab Discrimination Committee"
      } else {
        break;
      }
    }
    // "and" joins only inside an "of" part ("Department of Housing and Urban Development", not
    // "West Bank and Israel"); a part ending in a demonym or group word before a lower-case word
    // is a noun phrase, not a name ("Board of Muslim clerics").
    uint32_t e = k + 1;
    bool of_part = false;
    while (e + 1 < n && cap(e + 1)) {
      const std::string_view j = tokens[e];
      if (j != "of" && j != "for" && j != "&" && !(j == "and" && of_part)) break;
      uint32_t f = e + 2;
      while (f < n && cap(f)) ++f;
      if (f < n && (ws.flags[f] & kHasLower) && !cap(f) &&
          (gaz_code(ws.gaz[f - 1], 1) || is_group_word(lower(f - 1))))
        break;
      of_part |= j == "of";
      e = f;
    }
    if (e - b < 2) continue;
    if (gazetteer && e - b <= gazetteer->max_tokens()) {
      uint64_t h = NerGazetteer::start();
      for (uint32_t t = b; t < e; ++t) h = NerGazetteer::extend(h, tokens[t]);
      if (gazetteer->find(h) & (kGazCountry | kGazStateUs | kGazCapital | kGazSeat)) continue;
    }
    bool sticks_out = false;
    for (const NamedSpan& s : *spans)
      if (s.begin < e && b < s.end && (s.begin < b || s.end > e)) sticks_out = true;
    if (sticks_out) continue;
    replace_with_org(spans, b, e);
    k = e - 1;
  }
}

// Final corrections over all spans of a sentence, applied only with NerRules::kAll (not to the
// silver training labels): "Doctor" before a person's name leaves it ("Doctor Hank" -> "Hank");
// in headline-like sentences (every word capitalized) a span whose every word is usually lower
// case in news and unknown to the gazetteer is dropped ("Thanks For The Prompt Service And
// Great Job"); "P.S." leaves a span and a title alone is not a person ("P.S. Tom", "the Gov");
// an e-mail display name in quotes, " Surname , Given ", is one person; a name after "St." /
// "St" / "Saint" that does not follow a capitalized word is a place and takes it ("former
// St. Thomas residents"). Linear in the number of spans times their length.
void final_name_rules(std::span<const std::string_view> tokens, const NerWorkspace& ws,
                      const NerGazetteer* gazetteer, std::vector<NamedSpan>* spans) {
  for (NamedSpan& s : *spans)
    if (s.type == EntityType::kPer && s.end - s.begin >= 2 &&
        (tokens[s.begin] == "Doctor" || tokens[s.begin] == "Doc"))
      ++s.begin;
  if (ws.profile == 2) {
    std::erase_if(*spans, [&](const NamedSpan& s) {
      for (uint32_t k = s.begin; k < s.end; ++k)
        if (ws.capclass[k] != 1 && ws.capclass[k] != 2) return false;
      if (gazetteer && s.end - s.begin <= gazetteer->max_tokens()) {
        uint64_t h = NerGazetteer::start();
        for (uint32_t k = s.begin; k < s.end; ++k) h = NerGazetteer::extend(h, tokens[k]);
        if (gazetteer->find(h)) return false;
      }
      return true;
    });
  }
  // "P.S." opens a postscript, not a name ("P.S. Tom , please ..."); a title alone is not a
  // person's name ("the Gov will order").
  for (NamedSpan& s : *spans)
    while (s.end > s.begin && (tokens[s.begin] == "P.S." || tokens[s.begin] == "P.S")) ++s.begin;
  std::erase_if(*spans, [&](const NamedSpan& s) {
    if (s.end == s.begin) return true;
    if (s.end - s.begin != 1 || s.type != EntityType::kPer) return false;
    std::string l(tokens[s.begin]);
    for (char& c : l) c = lower_ascii(c);
    return l == "gov" || is_person_title_word(l);
  });
  // An e-mail display name written "Surname , Given" in quotes (" Lenhart , Matthew ") is one
  // person when the second word is a listed given name or the tagger found a person there.
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i + 4 < n; ++i) {
    if (tokens[i] != "\"" || tokens[i + 2] != "," || tokens[i + 4] != "\"") continue;
    if (!(ws.flags[i + 1] & kInitCap) || !(ws.flags[i + 3] & kInitCap)) continue;
    if (ws.capclass[i + 1] == 1 || ws.capclass[i + 1] == 2) continue;  // " Yes , Tom "
    bool person = gaz_code(ws.gaz[i + 3], 6) != 0;  // kGazGivenName
    for (const NamedSpan& s : *spans)
      person |= s.type == EntityType::kPer && s.begin <= i + 3 && s.end > i + 3;
    if (!person) continue;
    std::erase_if(*spans, [&](const NamedSpan& s) { return s.begin < i + 4 && i + 1 < s.end; });
    spans->push_back({i + 1, i + 4, EntityType::kPer});
  }
  for (NamedSpan& s : *spans) {
    if (s.begin == 0 || s.type == EntityType::kNorp) continue;
    const std::string_view st = tokens[s.begin - 1];
    if (st != "St." && st != "St" && st != "Saint") continue;
    if (s.begin >= 2 && (ws.flags[s.begin - 2] & (kInitCap | kAllCaps))) continue;
    bool taken = false;  // "St." already ends another span
    for (const NamedSpan& o : *spans) taken |= o.end == s.begin;
    if (taken) continue;
    s.begin -= 1;
    if (s.type == EntityType::kPer) s.type = EntityType::kGpe;
  }
}

}  // namespace

void NerModel::recognize(std::span<const std::string_view> tokens,
                         std::span<const TokenSyntax> layer, NerWorkspace& ws,
                         std::vector<NamedSpan>* out, NerRules rules) const {
  tag(tokens, layer, ws);
  const size_t n = tokens.size();
  std::vector<NamedSpan> spans = spans_from_tags(ws.tags);
  std::vector<uint8_t> covered(n, 0);
  auto seq_class = [&](uint32_t b, uint32_t e) -> uint16_t {
    if (!gazetteer_ || e - b > gazetteer_->max_tokens()) return 0;
    uint64_t h = NerGazetteer::start();
    for (uint32_t k = b; k < e; ++k) h = NerGazetteer::extend(h, tokens[k]);
    return gazetteer_->find(h);
  };
  auto is_place = [&](uint32_t b, uint32_t e) {
    if (e - b > places_max_tokens_) return false;
    uint64_t h = NerGazetteer::start();
    for (uint32_t k = b; k < e; ++k) h = NerGazetteer::extend(h, tokens[k]);
    return has_place(h);
  };
  auto lower_of = [&](uint32_t k) {
    std::string r(tokens[k]);
    for (char& c : r) c = lower_ascii(c);
    return r;
  };
  // A lower-case word inside a name ends it, unless it joins names ("Bank of America"):
  // "Olaf Scholz met President Emmanuel Macron" is two names.
  if (ws.profile != 1) {
    std::vector<NamedSpan> pieces;
    for (const NamedSpan& s : spans) {
      uint32_t b = s.begin;
      for (uint32_t k = s.begin; k < s.end; ++k) {
        const std::string_view w = tokens[k];
        const bool lower_word = (ws.flags[k] & kHasLower) && !(ws.flags[k] & kInitCap) &&
                                !w.empty() && is_lower(w[0]);
        if (!lower_word || k == s.begin || k + 1 == s.end) continue;
        const std::string l = lower_of(k);
        if (l == "of" || l == "de" || l == "du" || l == "del" || l == "da" || l == "di" ||
            l == "von" || l == "van" || l == "der" || l == "den" || l == "la" || l == "le" ||
            l == "al" || l == "bin" || l == "and" || l == "for" || l == "the" || l == "on" ||
            l == "upon" || l == "y" || l == "e")
          continue;
        if (k > b) pieces.push_back({b, k, s.type});
        b = k + 1;
      }
      if (s.end > b) pieces.push_back({b, s.end, s.type});
    }
    spans.swap(pieces);
  }
  for (NamedSpan& s : spans) {
    // A leading article is not part of the name ("the Kremlin" -> "Kremlin").
    while (s.end - s.begin > 1 && (tokens[s.begin] == "the" || tokens[s.begin] == "The"))
      ++s.begin;
    // Trailing possessive markers and lower-case words are not ("White House briefing").
    while (s.end - s.begin > 1 &&
           (tokens[s.end - 1] == "'s" || tokens[s.end - 1] == "’s" ||
            (ws.flags[s.end - 1] & kHasLower && !(ws.flags[s.end - 1] & kInitCap) &&
             ws.profile != 1)))
      --s.end;
    // Titles followed by a given name make a person ("Press Secretary Karine Jean-Pierre").
    if (s.type != EntityType::kPer) {
      uint32_t k = s.begin;
      while (k + 1 < s.end && (is_person_title_word(lower_of(k)) || tokens[k] == "of" ||
                               gaz_code(ws.gaz[k], 0) == 3 || gaz_code(ws.gaz[k], 1) == 3))
        ++k;
      if (k > s.begin && gaz_code(ws.gaz[k], 6)) {  // kGazGivenName
        s.type = EntityType::kPer;
        s.begin = k;
      }
    }
    // Hyphenated names continue ("Jean - Pierre").
    if (s.type == EntityType::kPer && s.end + 1 < n && tokens[s.end] == "-" &&
        (ws.flags[s.end + 1] & kInitCap))
      s.end += 2;
    // Titles before a person's name are not part of it ("Secretary of State Antony Blinken").
    if (s.type == EntityType::kPer)
      while (s.end - s.begin > 1 && (is_person_title_word(lower_of(s.begin)) ||
                                     tokens[s.begin] == "of"))
        ++s.begin;
    const uint16_t cls = seq_class(s.begin, s.end);
    const std::string last = lower_of(s.end - 1);
    if (cls & kGazSeat) {
      s.type = EntityType::kFac;
    } else if (cls & kGazOrg) {
      s.type = EntityType::kOrg;
    } else if ((cls & (kGazCountry | kGazStateUs | kGazCapital)) && s.type != EntityType::kNorp) {
      s.type = EntityType::kGpe;
    } else if (s.end - s.begin == 1 &&
               (((cls & kGazDemonym) && !(cls & kGazCountry)) || is_group_word(lower_of(s.begin)))) {
      s.type = EntityType::kNorp;
    } else if (s.end - s.begin == 1 && s.type != EntityType::kPer && (cls & kGazSurname) &&
               !is_place(s.begin, s.end)) {
      s.type = EntityType::kPer;  // "Arafat 's death": a lexicon person's surname
    } else if (s.type != EntityType::kPer && is_facility_word(last)) {
      s.type = EntityType::kFac;
      // The capitalized words before a facility head belong to its name ("Kerch Bridge").
      while (s.begin > 0 && s.end - s.begin < 4 && (ws.flags[s.begin - 1] & kInitCap) &&
             !(s.begin - 1 == 0 && (tokens[0] == "The" || tokens[0] == "A")) &&
             (s.begin - 1 == 0 || tokens[s.begin - 2] != "." ) &&
             !(std::find_if(spans.begin(), spans.end(), [&](const NamedSpan& o) {
                 return &o != &s && o.begin < s.begin && o.end >= s.begin;
               }) != spans.end()))
        --s.begin;
    } else if ((s.type == EntityType::kGpe || s.type == EntityType::kOrg) &&
               is_location_word(last)) {
      s.type = EntityType::kLoc;
    }
  }
  // A shop or restaurant named by a possessive ("McDonald 's", "Del Frisco 's in Houston",
  // "Wendy s ?"): the "'s" ends the noun phrase instead of starting one, so it is a business
  // name, a place (UNER convention), and the "'s" belongs to it.
  for (NamedSpan& s : spans) {
    if (s.type == EntityType::kNorp || s.end >= n) continue;
    // A known place with "'s" is a genitive ("Russia's", "Houston's"); a name the tagger merely
    // typed GPE may still be a business ("Del Frisco's").
    if (s.type == EntityType::kGpe &&
        ((seq_class(s.begin, s.end) & (kGazCountry | kGazCapital | kGazStateUs)) ||
         is_place(s.begin, s.end)))
      continue;
    const std::string_view poss = tokens[s.end];
    if (poss != "'s" && poss != "’s" && poss != "s") continue;
    if (s.end + 1 < n) {
      const uint32_t k = s.end + 1;
      const bool punct = (ws.flags[k] & kNoAlpha) && !(ws.flags[k] & kHasDigit);
      static constexpr std::string_view kAfter[] = {"in", "at", "for", "on", "is", "was", "the", "and",
                                           "or", "to", "near", "with", "tomorrow", "today",
                                           "tonight", "yesterday", "again", "too", "instead"};
      bool after = false;
      if (!punct) {
        const std::string l = lower_of(k);
        for (std::string_view a : kAfter) after |= l == a;
        after &= !(ws.flags[k] & kInitCap);
      }
      if (!punct && !after) continue;
    }
    s.end += 1;
    s.type = EntityType::kFac;
  }
  // Person names: a job title after a dash is not part of the name ("Bryan Hull - Analyst");
  // Arabic name particles continue one ("Muqtada al - Sadr", "Osama bin Laden").
  for (NamedSpan& s : spans) {
    if (s.type != EntityType::kPer) continue;
    for (uint32_t k = s.begin + 1; k + 1 < s.end; ++k)
      if (tokens[k] == "-" && is_job_word(lower_of(k + 1))) {
        s.end = k;
        break;
      }
    while (s.end + 1 < n) {
      const std::string l = lower_of(s.end);
      if (l != "al" && l != "el" && l != "bin" && l != "ibn" && l != "abu") break;
      uint32_t k = s.end + 1;
      if (tokens[k] == "-" && k + 1 < n) ++k;
      if (!(ws.flags[k] & kInitCap)) break;
      s.end = k + 1;
    }
  }
  if (rules == NerRules::kAll) organization_names(tokens, ws, gazetteer_.get(), &spans);
  join_company_names(tokens, ws, &spans);
  // A company suffix after a name makes it an organization and joins it ("Enron Corp.",
  // "Google , Inc.", "CCNG , Inc."); a name ending in one is an organization.
  for (NamedSpan& s : spans) {
    if (s.type == EntityType::kNorp) continue;
    uint32_t k = s.end;
    if (k + 1 < n && tokens[k] == "," && is_company_suffix(tokens[k + 1])) ++k;
    if (k < n && is_company_suffix(tokens[k]) && (k == s.end || k + 1 == n ||
                                                  !(ws.flags[k + 1] & kInitCap))) {
      s.end = k + 1;
      s.type = EntityType::kOrg;
    } else if (s.end - s.begin > 1 && is_company_suffix(tokens[s.end - 1])) {
      s.type = EntityType::kOrg;
    }
  }
  // Months and weekdays are dates, not names ("April").
  std::erase_if(spans, [&](const NamedSpan& s) {
    return s.end - s.begin == 1 && is_calendar_word(lower_of(s.begin));
  });
  // Common words written in capitals are not names ("HELP", "Coach"): every token of the span is
  // usually lower case inside news sentences, and the gazetteer does not know the span.
  std::erase_if(spans, [&](const NamedSpan& s) {
    uint16_t known = seq_class(s.begin, s.end);
    // A one-word lexicon alias written like an ordinary word ("Let" for LET, "Is" for IS:
    // usually lower case inside sentences) is dropped at the start of a sentence or quote.
    const bool ordinary = ws.capclass[s.begin] == 1 || ws.capclass[s.begin] == 2;
    const bool initial = s.begin == 0 || tokens[s.begin - 1] == "\"" ||
                         tokens[s.begin - 1] == "“" || tokens[s.begin - 1] == "(" ||
                         tokens[s.begin - 1] == ":";
    if (s.end - s.begin == 1 && !(ws.flags[s.begin] & kAllCaps) && ordinary && initial) {
      if (!(known & ~(kGazOrg | kGazSeat | kGazPerson))) return true;
      known &= static_cast<uint16_t>(~(kGazOrg | kGazSeat | kGazPerson));
    }
    if (known) return false;
    for (uint32_t k = s.begin; k < s.end; ++k)
      if (ws.capclass[k] != 1) return false;
    return true;
  });
  for (const NamedSpan& s : spans)
    for (uint32_t k = s.begin; k < s.end; ++k) covered[k] = 1;
  // Lower-case country, state and capital names ("vietnam", "florida") in lower-case text.
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || (ws.flags[i] & (kInitCap | kAllCaps)) || tokens[i].size() <= 3) continue;
    const uint32_t cls = ws.gaz[i];
    const bool place = gaz_code(cls, 0) == 3 || gaz_code(cls, 2) == 3 || gaz_code(cls, 8) == 3;
    if (!place || ws.capclass[i] == 1 || ws.capclass[i] == 2) continue;
    spans.push_back({i, i + 1, EntityType::kGpe});
    covered[i] = 1;
  }
  // Lower-case place names of the model's table ("miramar", "san francisco"), longest first,
  // when some word of the name is usually capitalized in news.
  for (uint32_t i = 0; i < n && places_max_tokens_ > 0; ++i) {
    if (covered[i] || (ws.flags[i] & (kInitCap | kAllCaps)) || !gaz_code(ws.gaz[i], 9)) continue;
    uint64_t h = NerGazetteer::start();
    uint32_t best = 0;
    bool named = false, ok = false;
    const std::string before = i > 0 ? lower_of(i - 1) : std::string();
    const bool locative = before == "in" || before == "at" || before == "to" ||
                          before == "from" || before == "near" || before == "visit" ||
                          before == "visited" || before == "around";
    for (uint32_t len = 1; len <= places_max_tokens_ && i + len <= n; ++len) {
      const uint32_t k = i + len - 1;
      if (covered[k] || (ws.flags[k] & (kInitCap | kAllCaps | kNoAlpha))) break;
      h = NerGazetteer::extend(h, tokens[k]);
      // A word unknown to the capitalization table counts only after a locative preposition
      // ("in miramar", not "a chihuahua puppy").
      named |= (ws.capclass[k] == 3 || ws.capclass[k] == 4 || (ws.capclass[k] == 0 && locative)) &&
               tokens[k].size() > 3;
      if (has_place(h) && named) {
        best = len;
        ok = true;
      }
    }
    if (!ok) continue;
    spans.push_back({i, i + best, EntityType::kGpe});
    for (uint32_t k = i; k < i + best; ++k) covered[k] = 1;
  }
  // Country names of several words the tagger left out ("the Russian Federation").
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & kInitCap) || !gaz_code(ws.gaz[i], 0)) continue;
    for (uint32_t len = std::min<uint32_t>(6, n - i); len >= 2; --len) {
      bool free = true;
      for (uint32_t k = i; k < i + len; ++k) free &= !covered[k];
      if (!free || !(seq_class(i, i + len) & kGazCountry)) continue;
      spans.push_back({i, i + len, EntityType::kGpe});
      for (uint32_t k = i; k < i + len; ++k) covered[k] = 1;
      break;
    }
  }
  // Capitalized demonyms the tagger left out ("Ukrainian special forces") are NORP.
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & kInitCap)) continue;
    const uint32_t g = gaz_code(ws.gaz[i], 1);  // kGazDemonym
    if (g != 3) continue;
    if (seq_class(i, i + 1) & kGazCountry) continue;
    spans.push_back({i, i + 1, EntityType::kNorp});
  }
  // Capitalized country names the tagger left out ("US officials" at a sentence start).
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & kInitCap)) continue;
    if (gaz_code(ws.gaz[i], 0) != 3) continue;  // kGazCountry, one token
    spans.push_back({i, i + 1, EntityType::kGpe});
    covered[i] = 1;
  }
  // Organizations, seats of power and persons of the actor lexicon the tagger left out
  // ("Hamas", "Fatah"), longest first, capitalized only.
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & (kInitCap | kAllCaps))) continue;
    const uint32_t max_len = gazetteer_ ? static_cast<uint32_t>(gazetteer_->max_tokens()) : 0;
    for (uint32_t len = std::min<uint32_t>(max_len, n - i); len >= 1; --len) {
      bool free = true;
      for (uint32_t k = i; k < i + len; ++k) free &= !covered[k];
      if (!free || !(ws.flags[i + len - 1] & (kInitCap | kAllCaps))) continue;
      const uint16_t cls = seq_class(i, i + len);
      // A one-word alias that is an ordinary lower-case word ("IS", "LET", "WHO" against
      // "Is", "Let", "Who") counts only when written in capitals.
      if (len == 1 && (ws.capclass[i] == 1 || ws.capclass[i] == 2) && !(ws.flags[i] & kAllCaps))
        continue;
      EntityType type;
      if (cls & kGazSeat) type = EntityType::kFac;
      else if (cls & kGazOrg) type = EntityType::kOrg;
      else if ((cls & kGazPerson) && len >= 2) type = EntityType::kPer;
      else if (len == 1 && i > 0 && (cls & kGazSurname) && !(cls & ~kGazSurname & ~kGazGivenName) &&
               !is_place(i, i + 1))
        type = EntityType::kPer;  // "the Bush administration"
      else continue;
      spans.push_back({i, i + len, type});
      for (uint32_t k = i; k < i + len; ++k) covered[k] = 1;
      break;
    }
  }
  // Listed given names standing alone ("Thanks, Debra"), unless the word is usually lower case.
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & kInitCap) || (ws.flags[i] & kAllCaps)) continue;
    if (gaz_code(ws.gaz[i], 6) != 3 || ws.capclass[i] == 1 || ws.capclass[i] == 2) continue;
    if (gender_of_given_name(tokens[i]) == Gender::kUnknown || is_calendar_word(lower_of(i)))
      continue;
    spans.push_back({i, i + 1, EntityType::kPer});
    covered[i] = 1;
  }
  // Capitalized names ending in a facility word ("Kerch Bridge").
  for (uint32_t i = 1; i < n; ++i) {
    if (covered[i] || !(ws.flags[i] & kInitCap) || !is_facility_word(lower_of(i))) continue;
    uint32_t b = i;
    while (b > 0 && i - b < 3 && !covered[b - 1] && (ws.flags[b - 1] & kInitCap) &&
           !(b - 1 == 0 && (tokens[0] == "The" || tokens[0] == "A")))
      --b;
    if (b == i) continue;
    spans.push_back({b, i + 1, EntityType::kFac});
    for (uint32_t k = b; k <= i; ++k) covered[k] = 1;
  }
  if (rules == NerRules::kAll) final_name_rules(tokens, ws, gazetteer_.get(), &spans);
  std::sort(spans.begin(), spans.end(),
            [](const NamedSpan& a, const NamedSpan& b) { return a.begin < b.begin; });
  out->insert(out->end(), spans.begin(), spans.end());
}

void harmonize_names(const std::vector<std::vector<std::string_view>>& sentences,
                     std::vector<std::vector<NamedSpan>>* names) {
  struct Info {
    int count[kNerTypes] = {};
    int total = 0;
    bool inner = false;  // found once not at a sentence start
    int type = -1;       // the majority type, -1 for none
  };
  auto key_of = [&](size_t si, uint32_t b, uint32_t e) {
    std::string k;
    for (uint32_t t = b; t < e; ++t) {
      if (t > b) k += '\x1f';
      k += sentences[si][t];
    }
    return k;
  };
  std::unordered_map<std::string, Info> info;
  std::unordered_map<std::string_view, std::vector<std::pair<std::string, uint32_t>>> by_first;
  for (size_t si = 0; si < names->size() && si < sentences.size(); ++si)
    for (const NamedSpan& n : (*names)[si]) {
      if (n.type == EntityType::kNorp || n.end > sentences[si].size()) continue;
      Info& x = info[key_of(si, n.begin, n.end)];
      ++x.count[static_cast<int>(n.type)];
      ++x.total;
      x.inner |= n.begin > 0;
    }
  if (info.empty()) return;
  for (auto& [k, x] : info) {
    int best = 0;
    for (int t = 1; t < kNerTypes; ++t)
      if (x.count[t] > x.count[best]) best = t;
    if (x.count[best] >= 2 && 2 * x.count[best] > x.total) x.type = best;
    else if (x.total == 1) x.type = best;
  }
  // Keys by first token, for the scan of uncovered occurrences.
  for (auto& [k, x] : info) {
    const size_t cut = k.find('\x1f');
    const std::string_view first = std::string_view(k).substr(0, cut);
    if (first.empty() || !(first[0] >= 'A' && first[0] <= 'Z') || x.type < 0) continue;
    const uint32_t len = static_cast<uint32_t>(std::count(k.begin(), k.end(), '\x1f') + 1);
    if (len == 1 && x.total < 2 && !x.inner) continue;
    by_first[first].emplace_back(k, len);
  }
  for (size_t si = 0; si < names->size() && si < sentences.size(); ++si) {
    auto& v = (*names)[si];
    const auto& toks = sentences[si];
    for (NamedSpan& n : v) {
      if (n.type == EntityType::kNorp) continue;
      auto it = info.find(key_of(si, n.begin, n.end));
      if (it != info.end() && it->second.type >= 0 && it->second.count[it->second.type] >= 2)
        n.type = static_cast<EntityType>(it->second.type);
    }
    if (by_first.empty()) continue;
    std::vector<uint8_t> covered(toks.size(), 0);
    for (const NamedSpan& n : v)
      for (uint32_t k = n.begin; k < n.end && k < toks.size(); ++k) covered[k] = 1;
    bool added = false;
    for (uint32_t i = 0; i < toks.size(); ++i) {
      if (covered[i]) continue;
      auto it = by_first.find(toks[i]);
      if (it == by_first.end()) continue;
      uint32_t best = 0;
      int type = -1;
      for (const auto& [k, len] : it->second) {
        if (len <= best || i + len > toks.size()) continue;
        bool free = true;
        for (uint32_t q = i; q < i + len; ++q) free &= !covered[q];
        if (!free || key_of(si, i, i + len) != k) continue;
        // The words around must not continue a capitalized name ("Miramar Beach",
        // "Hotel Miramar"; the first word of a sentence is capitalized anyway).
        auto cap = [&](uint32_t q) {
          return !toks[q].empty() && toks[q][0] >= 'A' && toks[q][0] <= 'Z';
        };
        if ((i + len < toks.size() && cap(i + len)) || (i > 1 && cap(i - 1))) continue;
        best = len;
        type = info[k].type;
      }
      if (best == 0) continue;
      v.push_back({i, i + best, static_cast<EntityType>(type)});
      for (uint32_t q = i; q < i + best; ++q) covered[q] = 1;
      added = true;
    }
    if (added)
      std::sort(v.begin(), v.end(),
                [](const NamedSpan& a, const NamedSpan& b) { return a.begin < b.begin; });
  }
}

double NerModel::evaluate(const std::vector<NerSentence>& sentences) const {
  NerWorkspace ws;
  size_t gold = 0, sys = 0, ok = 0;
  std::vector<std::string_view> v;
  for (const NerSentence& s : sentences) {
    v.assign(s.tokens.begin(), s.tokens.end());
    if (!s.pos.empty() && (flags_ & kFlagSyntax)) {
      ws.views = v;
      prepare(v, ws);
      ws.pos = s.pos;
      ws.profile = case_profile(ws, v.size());
      tag_prepared(v.size(), ws);
    } else {
      tag(v, ws);
    }
    const auto g = spans_from_tags(s.tags);
    const auto p = spans_from_tags(ws.tags);
    gold += g.size();
    sys += p.size();
    for (const auto& x : p)
      if (std::find(g.begin(), g.end(), x) != g.end()) ++ok;
  }
  const double pr = sys ? double(ok) / sys : 0, rc = gold ? double(ok) / gold : 0;
  return pr + rc > 0 ? 100 * 2 * pr * rc / (pr + rc) : 0;
}

// ---------------------------------------------------------------------------------------------
// Serialization

std::string NerModel::save() const {
  std::string payload;
  put<uint32_t>(payload, static_cast<uint32_t>(bits_));
  put<uint32_t>(payload, kNerTags);
  std::vector<std::pair<uint64_t, uint8_t>> caps(capclass_.begin(), capclass_.end());
  std::sort(caps.begin(), caps.end());
  put<uint64_t>(payload, caps.size());
  for (const auto& [h, c] : caps) {
    put<uint64_t>(payload, h);
    put<uint8_t>(payload, c);
  }
  std::vector<std::pair<uint64_t, uint16_t>> cl(clusters_.begin(), clusters_.end());
  std::sort(cl.begin(), cl.end());
  put<uint64_t>(payload, cl.size());
  for (const auto& [h, c] : cl) {
    put<uint64_t>(payload, h);
    put<uint16_t>(payload, c);
  }
  put<uint32_t>(payload, static_cast<uint32_t>(places_max_tokens_));
  put<uint64_t>(payload, places_.size());
  for (uint64_t h : places_) put<uint64_t>(payload, h);
  // A loaded model keeps its file's scale, so that saving it again writes the same bytes.
  float max_abs = 0;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = scale_ > 0 && max_abs * scale_ <= 32767.0f ? scale_
                      : max_abs > 0                             ? 32767.0f / max_abs
                                                                : 1.0f;
  put<float>(payload, scale);
  // Rows that are all zero are left out: a bitmap says which rows follow.
  std::vector<uint8_t> bitmap((rows_ + 7) / 8, 0);
  std::string rows;
  for (size_t r = 0; r < rows_; ++r) {
    int16_t q[kNerTags];
    bool nonzero = false;
    for (int t = 0; t < kNerTags; ++t) {
      q[t] = static_cast<int16_t>(std::lround(weights_[r * kNerRowStride + t] * scale));
      nonzero |= q[t] != 0;
    }
    if (!nonzero) continue;
    bitmap[r / 8] |= static_cast<uint8_t>(1u << (r % 8));
    rows.append(reinterpret_cast<const char*>(q), sizeof q);
  }
  payload.append(reinterpret_cast<const char*>(bitmap.data()), bitmap.size());
  payload += rows;
  std::string out(kMagic, 8);
  put<uint32_t>(out, kVersion);
  put<uint64_t>(out, fnv1a(payload));
  put<uint64_t>(out, payload.size());
  put<uint32_t>(out, flags_);
  out += payload;
  return out;
}

Status NerModel::load(std::string_view bytes, NerModel* out) {
  if (bytes.size() < 28 || bytes.substr(0, 8) != std::string_view(kMagic, 8))
    return Status::corrupt("not a casus NER model (bad magic)");
  bytes.remove_prefix(8);
  uint32_t version = 0;
  uint64_t hash = 0, size = 0;
  get(bytes, &version);
  get(bytes, &hash);
  get(bytes, &size);
  uint32_t flags = 0;
  if (version >= 2 && !get(bytes, &flags)) return Status::corrupt("NER model header");
  if (version < 1 || version > kVersion)
    return Status::unsupported("NER model format version " + std::to_string(version) +
                               " (this casus reads " + std::to_string(kVersion) + ")");
  if (size != bytes.size()) return Status::corrupt("NER model size mismatch");
  if (fnv1a(bytes) != hash) return Status::corrupt("NER model content hash mismatch");
  NerModel m;
  m.hash_ = hash;
  m.flags_ = flags;
  uint32_t bits = 0, tags = 0;
  uint64_t ncap = 0;
  if (!get(bytes, &bits) || !get(bytes, &tags) || !get(bytes, &ncap) || bits < 8 || bits > 26 ||
      tags != kNerTags)
    return Status::corrupt("NER model header");
  m.bits_ = static_cast<int>(bits);
  m.rows_ = size_t{1} << bits;
  m.capclass_.reserve(ncap);
  for (uint64_t i = 0; i < ncap; ++i) {
    uint64_t h;
    uint8_t c;
    if (!get(bytes, &h) || !get(bytes, &c)) return Status::corrupt("NER model capitalization table");
    m.capclass_.emplace(h, c);
  }
  uint64_t ncl = 0;
  if (!get(bytes, &ncl)) return Status::corrupt("NER model cluster table");
  m.clusters_.reserve(ncl);
  for (uint64_t i = 0; i < ncl; ++i) {
    uint64_t h;
    uint16_t c;
    if (!get(bytes, &h) || !get(bytes, &c)) return Status::corrupt("NER model cluster table");
    m.clusters_.emplace(h, c);
  }
  if (version >= 3) {
    uint32_t max_tokens = 0;
    uint64_t nplaces = 0;
    if (!get(bytes, &max_tokens) || !get(bytes, &nplaces) || max_tokens > 6 ||
        nplaces > bytes.size() / 8)
      return Status::corrupt("NER model place table");
    m.places_max_tokens_ = max_tokens;
    m.places_.reserve(nplaces);
    for (uint64_t i = 0; i < nplaces; ++i) {
      uint64_t h;
      if (!get(bytes, &h)) return Status::corrupt("NER model place table");
      m.places_.push_back(h);
    }
    if (!std::is_sorted(m.places_.begin(), m.places_.end()))
      return Status::corrupt("NER model place table not sorted");
    m.build_place_filter();
  }
  float scale = 1;
  if (!get(bytes, &scale) || scale <= 0) return Status::corrupt("NER model scale");
  m.scale_ = scale;
  const size_t bitmap_size = (m.rows_ + 7) / 8;
  if (bytes.size() < bitmap_size) return Status::corrupt("NER model bitmap");
  const std::string_view bitmap = bytes.substr(0, bitmap_size);
  bytes.remove_prefix(bitmap_size);
  m.weights_.assign(m.rows_ * kNerRowStride, 0.0f);
  const float inv = 1.0f / scale;
  for (size_t r = 0; r < m.rows_; ++r) {
    if (!(static_cast<uint8_t>(bitmap[r / 8]) & (1u << (r % 8)))) continue;
    int16_t q[kNerTags];
    if (bytes.size() < sizeof q) return Status::corrupt("NER model weights truncated");
    std::memcpy(q, bytes.data(), sizeof q);
    bytes.remove_prefix(sizeof q);
    for (int t = 0; t < kNerTags; ++t) m.weights_[r * kNerRowStride + t] = q[t] * inv;
  }
  if (!bytes.empty()) return Status::corrupt("NER model has trailing bytes");
  m.gazetteer_ = shared_gazetteer();
  m.build_word_table();
  *out = std::move(m);
  return Status::ok();
}

std::shared_ptr<const NerModel> NerModel::builtin() {
  static const std::shared_ptr<const NerModel> model = [] {
    auto m = std::make_shared<NerModel>();
    if (kBuiltinNerModelSize > 0) {
      const Status st = load(std::string_view(reinterpret_cast<const char*>(kBuiltinNerModel),
                                               kBuiltinNerModelSize),
                             m.get());
      if (!st.is_ok()) throw std::runtime_error("embedded NER model: " + st.message());
    } else {
      m->gazetteer_ = shared_gazetteer();
    }
    return std::shared_ptr<const NerModel>(std::move(m));
  }();
  return model;
}

// ---------------------------------------------------------------------------------------------
// Training

class NerTrainer {
 public:
  static NerModel train(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                        const std::vector<std::vector<std::string>>& unlabeled,
                        const NerTrainOptions& opt, std::ostream* log) {
    NerModel m;
    m.bits_ = opt.bits;
    if (opt.use_syntax) m.flags_ |= NerModel::kFlagSyntax;
    m.rows_ = size_t{1} << opt.bits;
    m.gazetteer_ = shared_gazetteer();
    if (opt.tables_from) m.capclass_ = opt.tables_from->capclass_;
    else build_capclass(train, unlabeled, &m.capclass_);
    if (log) *log << "capitalization table: " << m.capclass_.size() << " words\n";
    NerGazetteer::hash_names(opt.places, [&](size_t, uint64_t h, size_t count) {
      m.places_.push_back(h);
      m.places_max_tokens_ = std::max(m.places_max_tokens_, count);
    });
    std::sort(m.places_.begin(), m.places_.end());
    m.places_.erase(std::unique(m.places_.begin(), m.places_.end()), m.places_.end());
    m.build_place_filter();
    if (log && !opt.places.empty()) *log << "place names: " << m.places_.size() << "\n";
    if (opt.tables_from) m.clusters_ = opt.tables_from->clusters_;
    else if (opt.clusters > 0) build_clusters(train, unlabeled, opt, &m.clusters_, log);
    m.build_word_table();
    NerWeights w(m.rows_ * kNerRowStride, 0.0f);
    std::vector<double> acc(m.rows_ * kNerRowStride, 0.0);
    double c = 1;
    std::vector<size_t> order(train.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(opt.seed);
    std::uniform_real_distribution<double> drop(0, 1);
    NerWorkspace ws;
    std::vector<std::string_view> v;
    double best_f1 = -1;
    NerWeights best;
    int best_epoch = 0;
    const int shift = 64 - opt.bits;
    for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t errors = 0, total = 0;
      for (size_t idx : order) {
        const NerSentence& s = train[idx];
        v.assign(s.tokens.begin(), s.tokens.end());
        const size_t n = v.size();
        ws.views = v;
        m.weights_.swap(w);  // score with the current weights
        m.prepare(v, ws);
        if (m.flags_ & NerModel::kFlagSyntax) {
          if (s.pos.size() == n) ws.pos = s.pos;
          else ws.pos.assign(n, 0);
          // Tag dropout: the syntax model was trained on these very sentences, so its tags are
          // better here than at run time; hiding some keeps the other features in use.
          for (size_t i = 0; i < n; ++i)
            if (drop(rng) < opt.syntax_dropout) ws.pos[i] = 0;
        }
        ws.profile = case_profile(ws, n);
        int prev = 0, prev2 = 0, latent_prev = 0;
        for (size_t i = 0; i < n; ++i) {
          ws.feats.clear();
          m.static_features(i, n, ws, ws.feats);
          NerModel::dynamic_features(i, ws, prev, prev2, ws.feats);
          m.score(ws.feats, ws.scores);
          const int pred = best_tag(ws.scores, prev);
          const int gold =
              s.allowed.empty() ? s.tags[i] : latent_gold(s.allowed[i], latent_prev, pred, ws.scores);
          latent_prev = gold;
          ++total;
          if (pred != gold) {
            ++errors;
            const float u = s.weight;
            for (uint64_t h : ws.feats) {
              const size_t row = static_cast<size_t>(h >> shift) * kNerRowStride;
              m.weights_[row + gold] += u;
              acc[row + gold] += c * u;
              m.weights_[row + pred] -= u;
              acc[row + pred] -= c * u;
            }
          }
          c += 1;
          prev2 = prev;
          prev = pred;
        }
        m.weights_.swap(w);
      }
      // Averaged weights: w - acc / c.
      NerWeights avg(w.size());
      for (size_t k = 0; k < w.size(); ++k) avg[k] = static_cast<float>(w[k] - acc[k] / c);
      m.weights_.swap(avg);
      double f1 = dev.empty() ? 0 : m.evaluate(dev);
      if (opt.select) {
        if (log) *log << "epoch " << epoch << ": GUM dev F1 " << f1 << "\n";
        f1 = opt.select(m);
      }
      if (log)
        *log << "epoch " << epoch << ": train token error " << (100.0 * errors / std::max<size_t>(1, total))
             << "%, dev F1 " << f1 << "\n";
      if (dev.empty() || f1 > best_f1) {
        best_f1 = f1;
        best = m.weights_;
        best_epoch = epoch;
      }
      m.weights_.swap(avg);
    }
    m.weights_ = std::move(best);
    if (log) *log << "kept epoch " << best_epoch << " (dev F1 " << best_f1 << ")\n";
    // Round-trip through the file format so the returned model is exactly what is saved.
    NerModel loaded;
    const Status st = NerModel::load(m.save(), &loaded);
    if (!st.is_ok()) throw std::runtime_error(st.message());
    return loaded;
  }

 private:
  // Word clusters learned from unlabeled text: spherical k-means over each frequent word's left
  // and right neighbour distributions (square-root counts over the most frequent words,
  // L2-normalized). Fine clusters (opt.clusters) in the low 8 bits, coarse ones (16) above.
  static void build_clusters(const std::vector<NerSentence>& train,
                             const std::vector<std::vector<std::string>>& unlabeled,
                             const NerTrainOptions& opt,
                             std::unordered_map<uint64_t, uint16_t>* out, std::ostream* log) {
    std::unordered_map<uint64_t, uint32_t> count;
    auto each = [&](auto&& fn) {
      for (const auto& s : train) fn(s.tokens);
      for (const auto& s : unlabeled) fn(s);
    };
    each([&](const auto& toks) {
      for (const auto& t : toks) count[lower_hash(t)]++;
    });
    std::vector<std::pair<uint32_t, uint64_t>> by_freq;
    for (const auto& [h, c] : count)
      if (c >= 4) by_freq.emplace_back(c, h);
    std::sort(by_freq.begin(), by_freq.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const size_t kContext = 400;
    std::unordered_map<uint64_t, uint32_t> word_id, ctx_id;
    for (size_t i = 0; i < by_freq.size(); ++i) word_id[by_freq[i].second] = static_cast<uint32_t>(i);
    for (size_t i = 0; i < std::min(kContext, by_freq.size()); ++i)
      ctx_id[by_freq[i].second] = static_cast<uint32_t>(i);
    const size_t nw = by_freq.size(), dim = 2 * kContext + 2;
    std::vector<std::unordered_map<uint32_t, float>> vec(nw);
    each([&](const auto& toks) {
      for (size_t i = 0; i < toks.size(); ++i) {
        auto w = word_id.find(lower_hash(toks[i]));
        if (w == word_id.end()) continue;
        uint32_t l = static_cast<uint32_t>(kContext), r = static_cast<uint32_t>(kContext);
        if (i > 0) {
          auto c = ctx_id.find(lower_hash(toks[i - 1]));
          l = c == ctx_id.end() ? static_cast<uint32_t>(kContext) : c->second;
        } else {
          l = static_cast<uint32_t>(kContext) + 1;  // sentence start
        }
        if (i + 1 < toks.size()) {
          auto c = ctx_id.find(lower_hash(toks[i + 1]));
          r = c == ctx_id.end() ? static_cast<uint32_t>(kContext) : c->second;
        }
        vec[w->second][l] += 1;
        vec[w->second][static_cast<uint32_t>(dim / 2) + r] += 1;
      }
    });
    std::vector<std::vector<std::pair<uint32_t, float>>> sparse(nw);
    for (size_t w = 0; w < nw; ++w) {
      double norm = 0;
      for (auto& [k, v] : vec[w]) norm += v;  // sqrt counts: squared sum = sum of counts
      const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
      for (auto& [k, v] : vec[w]) sparse[w].emplace_back(k, std::sqrt(v) * inv);
      std::sort(sparse[w].begin(), sparse[w].end());
      vec[w].clear();
    }
    auto kmeans = [&](size_t k, int iters, std::vector<uint16_t>* assign) {
      k = std::min(k, nw);
      std::vector<float> cent(k * dim, 0.0f);
      for (size_t c = 0; c < k; ++c)  // the k most frequent words start the clusters
        for (auto [d, v] : sparse[c]) cent[c * dim + d] = v;
      assign->assign(nw, 0);
      for (int it = 0; it < iters; ++it) {
        for (size_t w = 0; w < nw; ++w) {
          float best = -1;
          uint16_t bc = 0;
          for (size_t c = 0; c < k; ++c) {
            float dot = 0;
            const float* cv = &cent[c * dim];
            for (auto [d, v] : sparse[w]) dot += cv[d] * v;
            if (dot > best) best = dot, bc = static_cast<uint16_t>(c);
          }
          (*assign)[w] = bc;
        }
        std::fill(cent.begin(), cent.end(), 0.0f);
        for (size_t w = 0; w < nw; ++w)
          for (auto [d, v] : sparse[w]) cent[(*assign)[w] * dim + d] += v;
        for (size_t c = 0; c < k; ++c) {
          double norm = 0;
          for (size_t d = 0; d < dim; ++d) norm += double(cent[c * dim + d]) * cent[c * dim + d];
          const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
          for (size_t d = 0; d < dim; ++d) cent[c * dim + d] *= inv;
        }
      }
    };
    std::vector<uint16_t> fine, coarse;
    kmeans(static_cast<size_t>(opt.clusters), opt.cluster_iterations, &fine);
    kmeans(16, opt.cluster_iterations, &coarse);
    for (size_t w = 0; w < nw; ++w)
      (*out)[by_freq[w].second] = static_cast<uint16_t>((coarse[w] << 8) | (fine[w] & 0xff));
    if (log) *log << "word clusters: " << nw << " words\n";
  }

  static void build_capclass(const std::vector<NerSentence>& train,
                             const std::vector<std::vector<std::string>>& unlabeled,
                             std::unordered_map<uint64_t, uint8_t>* out) {
    std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> counts;  // (capitalized, total)
    auto add = [&](const auto& tokens) {
      for (size_t i = 1; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i];
        const std::string_view p = tokens[i - 1];
        if (w.empty() || !(is_upper(w[0]) || is_lower(w[0]))) continue;
        if (p == "\"" || p == ":" || p == "“" || p == "." || p == "(" || p == "-" || p == "—")
          continue;
        const uint8_t f = token_flags(w);
        if ((f & kAllCaps) && w.size() > 1) continue;
        auto& c = counts[lower_hash(w)];
        c.first += is_upper(w[0]);
        c.second += 1;
      }
    };
    for (const auto& s : train) add(s.tokens);
    for (const auto& s : unlabeled) add(s);
    for (const auto& [h, c] : counts) {
      if (c.second < 2) continue;
      const double r = double(c.first) / c.second;
      const uint8_t cls = r < 0.05 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4;
      (*out)[h] = cls;
    }
  }
};

NerModel NerModel::train(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                         const std::vector<std::vector<std::string>>& unlabeled,
                         const NerTrainOptions& options, std::ostream* log) {
  if (options.ensemble <= 1) return NerTrainer::train(train, dev, unlabeled, options, log);
  // Several seeds share one feature space (the tables do not depend on the seed): the averaged
  // weights vote like an ensemble at the cost of one model.
  NerTrainOptions one = options;
  one.ensemble = 1;
  NerModel sum = NerTrainer::train(train, dev, unlabeled, one, log);
  for (int k = 1; k < options.ensemble; ++k) {
    one.seed = options.seed + static_cast<uint32_t>(k);
    const NerModel m = NerTrainer::train(train, dev, unlabeled, one, log);
    for (size_t i = 0; i < sum.weights_.size(); ++i) sum.weights_[i] += m.weights_[i];
  }
  for (float& w : sum.weights_) w /= static_cast<float>(options.ensemble);
  sum.scale_ = 0;  // new weights: save() picks a new quantization scale
  if (log && !dev.empty())
    *log << "ensemble of " << options.ensemble << " seeds: dev F1 " << sum.evaluate(dev) << "\n";
  return sum;
}

}  // namespace casus::entities
