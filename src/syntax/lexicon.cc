#include "syntax/lexicon.h"

#include <algorithm>
#include <array>

#include "syntax/lemma_wordnet.h"

namespace casus::syntax {
namespace {

constexpr size_t kMaxSuffix = 7;
constexpr uint64_t kLemmaTmpl = 904, kWordnetTmpl = 905;
constexpr uint64_t kExactTmpl = 900, kExceptionTmpl = 901, kSuffixTmpl = 902, kFeatsTmpl = 903;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

uint64_t form_key(uint64_t tmpl, std::string_view lower, uint32_t tag) {
  return feature_key(tmpl, fnv1a64(lower), tag + 1);
}

template <typename K>
K majority(const std::map<K, int>& counts) {
  const K* best = nullptr;
  int best_count = -1;
  for (const auto& [k, c] : counts) {
    if (c > best_count) {
      best = &k;
      best_count = c;
    }
  }
  return *best;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool has_vowel(std::string_view s) {
  for (char c : s)
    if (is_vowel(c) || c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y')
      return true;
  return false;
}

bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

// Only ASCII punctuation and symbols (no letters, digits, spaces or bytes >= 0x80).
bool is_ascii_punct(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
      return false;
  }
  return true;
}

// "1,100", "12,000,000", "3,500.25": one to three digits, then groups of a comma and three.
bool is_digit_groups(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0 || i > 3 || i == s.size() || s[i] != ',') return false;
  while (i < s.size() && s[i] == ',') {
    for (int k = 1; k <= 3; ++k)
      if (i + k >= s.size() || s[i + k] < '0' || s[i + k] > '9') return false;
    i += 4;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i == s.size()) return false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  return i == s.size();
}

// A lowercase stem whose ending does not end an English word without a final "e": "v"
// ("lov"), "c" ("produc"), consonant + "u" ("argu"), a stop or fricative + "l" ("hassl"),
// "dg" ("judg"), a lone vowel + "k" ("provok"), a vowel pair + "s" ("caus"), a vowel + "z"
// ("realiz").
bool needs_final_e(std::string_view s) {
  const size_t n = s.size();
  if (n < 3 || !has_vowel(s.substr(0, n - 1))) return false;
  const char a = s[n - 3], b = s[n - 2], c = s[n - 1];
  if (!is_lower_letter(a) || !is_lower_letter(b) || !is_lower_letter(c)) return false;
  switch (c) {
    case 'v':
    case 'c':
      return b != c;
    case 'u':
      return !is_vowel(b);
    case 'l':
      return std::string_view("bcdfgkpstz").find(b) != std::string_view::npos;
    case 'g':
      return b == 'd';
    case 'k':
      return is_vowel(b) && !is_vowel(a) && b != 'y';
    case 's':
      return is_vowel(b) && is_vowel(a);
    case 'z':
      return is_vowel(b);
    default:
      return false;
  }
}

// One syllable ending in a single vowel and a single consonant other than w, x, y ("tim",
// "hop"): as a verb or adjective stem it would have doubled its consonant before "-ed"/"-ing"
// ("trimmed", "hopped"), so the undoubled form points to a stem with a final "e".
bool short_open_stem(std::string_view s) {
  const size_t n = s.size();
  if (n < 2 || n > 4) return false;
  const char last = s[n - 1];
  if (!is_lower_letter(last) || is_vowel(last) || last == 'w' || last == 'x') return false;
  if (!is_vowel(s[n - 2]) || (n >= 3 && is_vowel(s[n - 3]))) return false;
  for (size_t i = 0; i + 2 < n; ++i)
    if (is_vowel(s[i]) || !is_lower_letter(s[i])) return false;
  return true;
}

// A stem ending in a doubled consonant that English words do not end in ("stemm", "controll"
// after "-ed"/"-ing"): "ss", "ff", "zz" stay, and "ll" stays after a single syllable ("spill").
bool undoubles(std::string_view s) {
  const size_t n = s.size();
  if (n < 4) return false;
  const char c = s[n - 1];
  if (c != s[n - 2] || !is_lower_letter(c) || is_vowel(c) || c == 's' || c == 'f' || c == 'z')
    return false;
  if (!is_vowel(s[n - 3]) || is_vowel(s[n - 4])) return false;
  if (c != 'l') return true;
  int groups = 0;
  for (size_t i = 0; i + 2 < n; ++i) groups += is_vowel(s[i]) && (i == 0 || !is_vowel(s[i - 1]));
  return groups >= 2;
}

// The inflectional endings after which a dropped "e" or a doubled consonant may be restored.
bool drops_e(std::string_view removed) {
  return removed == "ed" || removed == "ing" || removed == "er" || removed == "est";
}

}  // namespace

LemmaRule make_lemma_rule(std::string_view form, std::string_view lemma) {
  auto rule_for = [&](std::string_view f, uint8_t casing) {
    size_t cp = 0;
    while (cp < f.size() && cp < lemma.size() && f[cp] == lemma[cp]) ++cp;
    LemmaRule r;
    r.casing = casing;
    r.strip = static_cast<uint8_t>(std::min<size_t>(f.size() - cp, 255));
    r.append = std::string(lemma.substr(cp));
    return r;
  };
  std::string upper(form);
  if (!upper.empty() && upper[0] >= 'a' && upper[0] <= 'z')
    upper[0] = static_cast<char>(upper[0] - 32);
  const LemmaRule rules[3] = {rule_for(lower_ascii(form), LemmaRule::kLower),
                              rule_for(upper, LemmaRule::kUpperFirst),
                              rule_for(form, LemmaRule::kKeep)};
  const LemmaRule* best = &rules[0];
  for (const auto& r : rules)
    if (r.strip + r.append.size() < best->strip + best->append.size()) best = &r;
  return *best;
}

void Lexicon::Builder::add(std::string_view form, uint32_t tag, std::string_view lemma,
                           std::string_view feats) {
  const std::string low = lower_ascii(form);
  const LemmaRule rule = make_lemma_rule(form, lemma);
  ++lemma_counts_[{low, tag}][rule];
  ++exact_counts_[{std::string(form), tag}][rule];
  lemmas_.push_back(lower_ascii(lemma));
  ++feats_counts_[{low, tag}][std::string(feats)];
}

Lexicon Lexicon::Builder::build() const {
  Lexicon lex;
  std::map<LemmaRule, uint32_t> rule_ids;
  auto rule_id = [&](const LemmaRule& r) {
    auto [it, added] = rule_ids.emplace(r, static_cast<uint32_t>(lex.rules_.size()));
    if (added) lex.rules_.push_back(r);
    return it->second;
  };
  rule_id(LemmaRule{});  // rule 0: the form itself
  std::map<std::pair<uint32_t, std::string>, std::map<uint32_t, int>> suffix_counts;
  std::map<uint32_t, std::map<uint32_t, int>> tag_rules;
  for (const auto& [key, counts] : lemma_counts_) {
    const auto& [low, tag] = key;
    const uint32_t id = rule_id(majority(counts));
    lex.exceptions_.insert(form_key(kExceptionTmpl, low, tag), id);
    // The same rule, with lowercasing dropped, describes the word when it is lowercase already.
    for (size_t k = 1; k <= std::min(kMaxSuffix, low.size()); ++k)
      ++suffix_counts[{tag, low.substr(low.size() - k)}][id];
    ++tag_rules[tag][id];
  }
  for (const auto& [key, counts] : exact_counts_) {
    const uint32_t id = rule_id(majority(counts));
    // Only where the exact form disagrees with its lowercased entry.
    const auto& low_counts = lemma_counts_.at({lower_ascii(key.first), key.second});
    if (rule_id(majority(low_counts)) != id)
      lex.exact_.insert(form_key(kExactTmpl, key.first, key.second), id);
  }
  for (const auto& l : lemmas_) lex.known_lemmas_.insert(feature_key(kLemmaTmpl, fnv1a64(l)), 1);
  // Casing of unseen words: per (tag, casing class), the casing of the majority of the training
  // word types, when at least kMinTypes types agree at least kMinShare of the time.
  {
    constexpr int kMinTypes = 5;
    constexpr double kMinShare = 0.75;
    std::map<uint32_t, std::array<int, 3>> casing_counts;
    for (const auto& [key, counts] : exact_counts_) {
      const uint32_t cls = key.second * kShapeClasses + shape_class(key.first);
      ++casing_counts[cls][majority(counts).casing];
    }
    uint32_t max_tag = 0;
    for (const auto& [key, counts] : exact_counts_) max_tag = std::max(max_tag, key.second);
    lex.casing_by_tag_shape_.assign((max_tag + 1) * kShapeClasses, kNoCasing);
    for (const auto& [cls, c] : casing_counts) {
      const int total = c[0] + c[1] + c[2];
      const int best = static_cast<int>(std::max_element(c.begin(), c.end()) - c.begin());
      if (c[best] >= kMinTypes && c[best] >= kMinShare * total)
        lex.casing_by_tag_shape_[cls] = static_cast<uint8_t>(best);
    }
  }
  for (const auto& [key, counts] : suffix_counts) {
    int total = 0;
    for (const auto& [id, c] : counts) total += c;
    if (total < 2) continue;
    lex.suffixes_.insert(form_key(kSuffixTmpl, key.second, key.first), majority(counts));
  }
  uint32_t max_tag = 0;
  for (const auto& [key, counts] : feats_counts_) max_tag = std::max(max_tag, key.second);
  lex.rule_by_tag_.assign(max_tag + 1, 0);
  for (const auto& [tag, counts] : tag_rules) lex.rule_by_tag_[tag] = majority(counts);

  std::map<std::string, uint32_t> feats_ids;
  auto feats_id = [&](const std::string& f) {
    auto [it, added] = feats_ids.emplace(f, static_cast<uint32_t>(lex.feats_names_.size()));
    if (added) lex.feats_names_.push_back(f);
    return it->second;
  };
  feats_id("_");
  std::map<uint32_t, std::map<uint32_t, int>> tag_feats;
  for (const auto& [key, counts] : feats_counts_) {
    const uint32_t id = feats_id(majority(counts));
    lex.feats_words_.insert(form_key(kFeatsTmpl, key.first, key.second), id);
    for (const auto& [f, c] : counts) tag_feats[key.second][feats_id(f)] += 1;
  }
  lex.feats_by_tag_.assign(max_tag + 1, 0);
  for (const auto& [tag, counts] : tag_feats) lex.feats_by_tag_[tag] = majority(counts);
  lex.add_runtime_rules();
  return lex;
}

void Lexicon::add_runtime_rules() {
  extra_rules_.clear();
  std::map<LemmaRule, uint32_t> ids;
  for (uint32_t i = 0; i < rules_.size(); ++i) ids.emplace(rules_[i], i);
  auto id_of = [&](const LemmaRule& r) {
    auto [it, added] = ids.emplace(r, static_cast<uint32_t>(rules_.size() + extra_rules_.size()));
    if (added) extra_rules_.push_back(r);
    return it->second;
  };
  for (uint8_t c = 0; c < 3; ++c) {
    for (int k = 0; k <= kMaxStrip; ++k) {
      with_e_[c][k] = id_of(LemmaRule{c, static_cast<uint8_t>(k), "e"});
      plain_[c][k] = id_of(LemmaRule{c, static_cast<uint8_t>(k), ""});
    }
  }
  wordnet_pos_by_tag_.assign(feats_by_tag_.size(), 0);
  for (size_t t = 0; t < feats_by_tag_.size(); ++t) {
    const std::string_view f = feats_names_[feats_by_tag_[t]];
    WordnetPos pos = WordnetPos::kNone;
    if (f.find("VerbForm=") != std::string_view::npos)
      pos = WordnetPos::kVerb;
    else if (f.find("Degree=Cmp") != std::string_view::npos ||
             f.find("Degree=Sup") != std::string_view::npos)
      pos = WordnetPos::kAdj;
    else if (f.find("Number=Plur") != std::string_view::npos &&
             f.find("PronType=") == std::string_view::npos)
      pos = WordnetPos::kNoun;
    wordnet_pos_by_tag_[t] = static_cast<uint8_t>(pos);
  }
  wordnet_ = KeyIndex(8192);
  for (WordnetPos pos : {WordnetPos::kVerb, WordnetPos::kNoun, WordnetPos::kAdj}) {
    for (const auto& [form, lemma] : wordnet_exceptions(pos)) {
      if (form.size() > 128) continue;
      // First entry wins (the lists give the most common lemma first).
      wordnet_.insert(form_key(kWordnetTmpl, form, static_cast<uint32_t>(pos)),
                      id_of(make_lemma_rule(form, lemma)));
    }
  }
}

bool Lexicon::known_lemma(std::string_view lower) const {
  return known_lemmas_.find(feature_key(kLemmaTmpl, fnv1a64(lower))) != KeyIndex::kMissing;
}

uint32_t Lexicon::shape_class(std::string_view form) {
  if (form.empty()) return 0;
  if (!(form[0] >= 'A' && form[0] <= 'Z')) {
    for (char c : form)
      if (c >= 'A' && c <= 'Z') return 4;
    return 0;
  }
  int upper = 0;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') return 1;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2 ? 2 : 3;
}

uint32_t Lexicon::lemma_rule(std::string_view form, uint32_t tag) const {
  char buf[128];
  if (form.size() > sizeof(buf)) return 0;
  // ASCII punctuation is its own lemma ("--", "..."); the possessive "'" keeps its table entry.
  if (is_ascii_punct(form) && form != "'") return 0;
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view low(buf, form.size());
  uint32_t id = exact_.find(form_key(kExactTmpl, form, tag));
  if (id != KeyIndex::kMissing) return id;
  id = exceptions_.find(form_key(kExceptionTmpl, low, tag));
  if (id != KeyIndex::kMissing) return id;
  if (is_digit_groups(form)) return kDropCommas;
  // Unseen word: the casing of the (tag, casing class) when it is clear; an irregular form
  // from WordNet's lists; else the longest matching suffix whose rule gives a known lemma
  // (directly, with a restored "e" or with an undoubled final consonant), else the longest
  // whose result has a vowel.
  const size_t cls = static_cast<size_t>(tag) * kShapeClasses + shape_class(form);
  const uint32_t casing =
      cls < casing_by_tag_shape_.size() && casing_by_tag_shape_[cls] != kNoCasing
          ? (static_cast<uint32_t>(casing_by_tag_shape_[cls]) + 1) << kCasingShift
          : 0;
  if (tag < wordnet_pos_by_tag_.size() && wordnet_pos_by_tag_[tag] != 0) {
    id = wordnet_.find(form_key(kWordnetTmpl, low, wordnet_pos_by_tag_[tag]));
    if (id != KeyIndex::kMissing) return id | casing;
  }
  const bool form_has_vowel = has_vowel(low);
  uint32_t fallback = KeyIndex::kMissing, first = KeyIndex::kMissing;
  std::string candidate;
  for (size_t k = std::min(kMaxSuffix, low.size()); k >= 1; --k) {
    id = suffixes_.find(form_key(kSuffixTmpl, low.substr(low.size() - k), tag));
    if (id == KeyIndex::kMissing || rules_[id].strip >= form.size()) continue;
    if (first == KeyIndex::kMissing) first = id;
    apply(low, id, &candidate);
    for (char& c : candidate)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    const LemmaRule& r = rules_[id];
    const bool e_dropped = r.append.empty() && r.strip <= kMaxStrip && r.casing < 3 &&
                           drops_e(low.substr(low.size() - r.strip));
    if (e_dropped && short_open_stem(candidate) && known_lemma(candidate + "e"))
      return with_e_[r.casing][r.strip] | casing;
    if (known_lemma(candidate)) return id | casing;
    if (form_has_vowel && !has_vowel(candidate)) continue;
    if (e_dropped) {
      if (known_lemma(candidate + "e")) return with_e_[r.casing][r.strip] | casing;
      const size_t n = candidate.size();
      if (n >= 3 && r.strip < kMaxStrip && candidate[n - 1] == candidate[n - 2] &&
          !is_vowel(candidate[n - 1]) && known_lemma(candidate.substr(0, n - 1)))
        return plain_[r.casing][r.strip + 1] | casing;
      if (fallback == KeyIndex::kMissing && needs_final_e(candidate))
        fallback = with_e_[r.casing][r.strip];
      if (fallback == KeyIndex::kMissing && r.strip < kMaxStrip && undoubles(candidate))
        fallback = plain_[r.casing][r.strip + 1];
    }
    if (fallback == KeyIndex::kMissing) fallback = id;
  }
  if (fallback != KeyIndex::kMissing) return fallback | casing;
  if (first != KeyIndex::kMissing) return 0 | casing;  // every candidate lacked a vowel
  return (tag < rule_by_tag_.size() && rules_[rule_by_tag_[tag]].strip < form.size()
              ? rule_by_tag_[tag]
              : 0) |
         casing;
}

void Lexicon::apply(std::string_view form, uint32_t rule, std::string* out) const {
  const uint32_t casing_bits = rule >> kCasingShift;
  std::string no_commas;
  if (rule & kDropCommas) {
    for (char c : form)
      if (c != ',') no_commas.push_back(c);
    form = no_commas;
  }
  const LemmaRule& r = rule_at(rule & (kDropCommas - 1));
  const uint8_t casing = casing_bits ? static_cast<uint8_t>(casing_bits - 1) : r.casing;
  out->assign(form.substr(0, form.size() - std::min<size_t>(r.strip, form.size())));
  if (casing == LemmaRule::kLower) {
    for (char& c : *out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  } else if (casing == LemmaRule::kUpperFirst && !out->empty() && (*out)[0] >= 'a' &&
             (*out)[0] <= 'z') {
    (*out)[0] = static_cast<char>((*out)[0] - 32);
  }
  out->append(r.append);
  if (out->empty()) out->assign(form);
}

uint32_t Lexicon::feats(std::string_view form, uint32_t tag) const {
  char buf[128];
  if (form.size() <= sizeof(buf)) {
    for (size_t i = 0; i < form.size(); ++i) {
      const char c = form[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    const uint32_t id =
        feats_words_.find(form_key(kFeatsTmpl, std::string_view(buf, form.size()), tag));
    if (id != KeyIndex::kMissing) return id;
  }
  return tag < feats_by_tag_.size() ? feats_by_tag_[tag] : 0;
}

void Lexicon::save(ByteWriter& w) const {
  w.put<uint32_t>(static_cast<uint32_t>(rules_.size()));
  for (const auto& r : rules_) {
    w.put<uint8_t>(r.casing);
    w.put<uint8_t>(r.strip);
    w.put_string(r.append);
  }
  w.put_strings(feats_names_);
  exact_.save(w);
  exceptions_.save(w);
  suffixes_.save(w);
  feats_words_.save(w);
  known_lemmas_.save(w);
  w.put_vector(feats_by_tag_);
  w.put_vector(rule_by_tag_);
  w.put_vector(casing_by_tag_shape_);
}

bool Lexicon::load(ByteReader& r, bool casing_table) {
  const uint32_t n = r.get<uint32_t>();
  if (!r.ok() || n == 0 || n >= kDropCommas / 2) return false;
  rules_.clear();
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    LemmaRule rule;
    rule.casing = r.get<uint8_t>();
    if (rule.casing > LemmaRule::kUpperFirst) return false;
    rule.strip = r.get<uint8_t>();
    rule.append = r.get_string();
    rules_.push_back(std::move(rule));
  }
  if (!r.get_strings(&feats_names_) || feats_names_.empty()) return false;
  if (!exact_.load(r) || !exceptions_.load(r) || !suffixes_.load(r) || !feats_words_.load(r) ||
      !known_lemmas_.load(r))
    return false;
  casing_by_tag_shape_.clear();
  if (!r.get_vector(&feats_by_tag_) || !r.get_vector(&rule_by_tag_) ||
      (casing_table && !r.get_vector(&casing_by_tag_shape_)))
    return false;
  for (uint8_t c : casing_by_tag_shape_)
    if (c > LemmaRule::kUpperFirst && c != kNoCasing) return false;
  for (uint32_t f : feats_by_tag_)
    if (f >= feats_names_.size()) return false;
  for (uint32_t x : rule_by_tag_)
    if (x >= rules_.size()) return false;
  const bool ok = r.ok() && exact_.all_below(static_cast<uint32_t>(rules_.size())) &&
                  exceptions_.all_below(static_cast<uint32_t>(rules_.size())) &&
                  suffixes_.all_below(static_cast<uint32_t>(rules_.size())) &&
                  feats_words_.all_below(static_cast<uint32_t>(feats_names_.size()));
  if (ok) add_runtime_rules();
  return ok;
}

}  // namespace casus::syntax
