#include "syntax/lexicon.h"

#include <algorithm>
#include <array>

namespace casus::syntax {
namespace {

constexpr size_t kMaxSuffix = 7;
constexpr uint64_t kLemmaTmpl = 904;
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
  return lex;
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
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view low(buf, form.size());
  uint32_t id = exact_.find(form_key(kExactTmpl, form, tag));
  if (id != KeyIndex::kMissing) return id;
  id = exceptions_.find(form_key(kExceptionTmpl, low, tag));
  if (id != KeyIndex::kMissing) return id;
  // Unseen word: the longest matching suffix whose rule gives a known lemma, else the longest;
  // the casing of the (tag, casing class) when it is clear.
  const size_t cls = static_cast<size_t>(tag) * kShapeClasses + shape_class(form);
  const uint32_t casing =
      cls < casing_by_tag_shape_.size() && casing_by_tag_shape_[cls] != kNoCasing
          ? (static_cast<uint32_t>(casing_by_tag_shape_[cls]) + 1) << kCasingShift
          : 0;
  uint32_t fallback = KeyIndex::kMissing;
  std::string candidate;
  for (size_t k = std::min(kMaxSuffix, low.size()); k >= 1; --k) {
    id = suffixes_.find(form_key(kSuffixTmpl, low.substr(low.size() - k), tag));
    if (id == KeyIndex::kMissing || rules_[id].strip >= form.size()) continue;
    if (fallback == KeyIndex::kMissing) fallback = id;
    apply(low, id, &candidate);
    for (char& c : candidate)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (known_lemmas_.find(feature_key(kLemmaTmpl, fnv1a64(candidate))) != KeyIndex::kMissing)
      return id | casing;
  }
  if (fallback != KeyIndex::kMissing) return fallback | casing;
  return (tag < rule_by_tag_.size() && rules_[rule_by_tag_[tag]].strip < form.size()
              ? rule_by_tag_[tag]
              : 0) |
         casing;
}

void Lexicon::apply(std::string_view form, uint32_t rule, std::string* out) const {
  const uint32_t casing_bits = rule >> kCasingShift;
  rule &= (1u << kCasingShift) - 1;
  const LemmaRule& r = rules_[rule < rules_.size() ? rule : 0];
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
  if (!r.ok() || n == 0 || n >= (1u << kCasingShift)) return false;
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
  return r.ok() && exact_.all_below(static_cast<uint32_t>(rules_.size())) &&
         exceptions_.all_below(static_cast<uint32_t>(rules_.size())) &&
         suffixes_.all_below(static_cast<uint32_t>(rules_.size())) &&
         feats_words_.all_below(static_cast<uint32_t>(feats_names_.size()));
}

}  // namespace casus::syntax
