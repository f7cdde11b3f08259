// The lemmatizer and the morphological-feature table, both learned from a treebank.
//
// A lemma is produced by a LemmaRule applied to the word form: optionally lowercase it (or
// uppercase its first letter), strip
// bytes from its end and append a string ("running" -> strip 3, append "" -> "run";
// "went" -> strip 4, append "go"). Rules come from an exception table keyed by (lowercased form,
// tag) and, for unseen words, from the longest matching (tag, suffix) seen in at least two
// training word types, preferring among the matching suffixes a rule whose result is a known
// lemma of the training data; an unseen word's casing follows
// the clear majority of the training words with its tag and casing class (NNP "dp" -> "dp",
// NNP "Bryan" -> "Bryan", ADD "Newsfeed.Com" -> "Newsfeed.Com"). Features (UD FEATS strings) come
// from a (lowercased form, tag) table with a per-tag fallback. Immutable after build/load;
// thread-safe.
//
// Run-time rules on top of the learned tables (no model change; see docs/syntax.md):
// - a form made only of ASCII punctuation (other than a lone apostrophe) is its own lemma
//   ("--", "...": the EWT convention; GUM's "-" and "…" would otherwise win for some tags);
// - an unseen irregular form takes its lemma from WordNet's exception lists (lemma_wordnet.h)
//   for the part of speech of its tag ("fled" -> "flee");
// - an unseen number with digit-group commas loses them ("1,100" -> "1100");
// - an unseen word's suffix candidates are checked, longest suffix first: a short closed stem
//   that is a known lemma only with an "e" takes it ("timed" -> "time", although "Tim" made
//   "tim" a known lemma); a candidate that is not a known lemma may become one by restoring a
//   dropped "e" or undoubling a final consonant ("modelling" -> "model"); a candidate without a
//   vowel is skipped ("wing" -/-> "w"); and the fallback candidate regains its "e" when its
//   ending cannot end an English word ("provoked" -> "provoke", "hassled" -> "hassle") or
//   loses a doubled final consonant that English words do not end in ("stemmed" -> "stem").
#ifndef CASUS_SYNTAX_LEXICON_H_
#define CASUS_SYNTAX_LEXICON_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/bytes.h"
#include "syntax/linear.h"

namespace casus::syntax {

struct LemmaRule {
  enum Casing : uint8_t { kKeep = 0, kLower = 1, kUpperFirst = 2 };
  uint8_t casing = kKeep;  // applied to the form before stripping
  uint8_t strip = 0;
  std::string append;
  friend bool operator<(const LemmaRule& a, const LemmaRule& b) {
    if (a.casing != b.casing) return a.casing < b.casing;
    if (a.strip != b.strip) return a.strip < b.strip;
    return a.append < b.append;
  }
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

// The cheapest rule turning `form` into `lemma` (ties prefer lowercasing, then an uppercase
// first letter: "Paris" and "mexico" (NNP) -> "Paris", "Mexico").
LemmaRule make_lemma_rule(std::string_view form, std::string_view lemma);

class Lexicon {
 public:
  // Learning: add every training word, then build().
  class Builder {
   public:
    void add(std::string_view form, uint32_t tag, std::string_view lemma, std::string_view feats);
    Lexicon build() const;

   private:
    // (lowercased form, tag) -> rule -> count; and feats counts.
    std::map<std::pair<std::string, uint32_t>, std::map<LemmaRule, int>> lemma_counts_;
    std::map<std::pair<std::string, uint32_t>, std::map<LemmaRule, int>> exact_counts_;
    std::map<std::pair<std::string, uint32_t>, std::map<std::string, int>> feats_counts_;
    std::vector<std::string> lemmas_;
  };

  // The lemma rule id for `form` tagged `tag`.
  uint32_t lemma_rule(std::string_view form, uint32_t tag) const;
  // Writes the lemma of `form` under rule `rule` (an id from lemma_rule) to *out.
  void apply(std::string_view form, uint32_t rule, std::string* out) const;
  // The casing class of a form: 0 without ASCII capitals, 1 capitalized with lowercase letters
  // after, 2 all capitals (two or more letters), 3 a single capital letter, 4 capitals after a
  // first character that is not one ("iPhone", URLs).
  static uint32_t shape_class(std::string_view form);
  static constexpr uint32_t kShapeClasses = 5;
  std::string lemma(std::string_view form, uint32_t tag) const {
    std::string s;
    apply(form, lemma_rule(form, tag), &s);
    return s;
  }
  // The FEATS id for `form` tagged `tag`; feats_name(id) is the UD string ("_" when none).
  uint32_t feats(std::string_view form, uint32_t tag) const;
  const std::string& feats_name(uint32_t id) const { return feats_names_[id]; }
  size_t num_rules() const { return rules_.size(); }
  // Rule-id bits above the rule index (see lemma_rule).
  static constexpr uint32_t kDropCommas = 1u << 27;

  void save(ByteWriter& w) const;
  // `casing_table`: false for model format 1, which has none.
  bool load(ByteReader& r, bool casing_table = true);

 private:
  // Adds the run-time rule variants (extra_rules_, with_e_, plain_); called by build and load.
  void add_runtime_rules();
  const LemmaRule& rule_at(uint32_t index) const {
    return index < rules_.size()                         ? rules_[index]
           : index - rules_.size() < extra_rules_.size() ? extra_rules_[index - rules_.size()]
                                                         : rules_[0];
  }
  bool known_lemma(std::string_view lower) const;

  std::vector<LemmaRule> rules_;
  // Rules used only at run time (never saved), indexed after rules_.
  std::vector<LemmaRule> extra_rules_;
  // Rule index of (casing, strip, "e") and (casing, strip, "") for casing < 3, strip <= kMaxStrip.
  static constexpr int kMaxStrip = 8;
  uint32_t with_e_[3][kMaxStrip + 1] = {};
  uint32_t plain_[3][kMaxStrip + 1] = {};
  std::vector<std::string> feats_names_;
  KeyIndex exact_;         // key(form, tag) -> rule
  KeyIndex exceptions_;    // key(lowercase form, tag) -> rule
  KeyIndex suffixes_;      // key(tag, lowercase suffix) -> rule
  KeyIndex feats_words_;   // key(lowercase form, tag) -> feats id
  KeyIndex known_lemmas_;  // key(lowercase lemma) -> 1
  std::vector<uint32_t> feats_by_tag_;
  std::vector<uint32_t> rule_by_tag_;
  // Run time only: WordNet's exception lists, key(lowercase form, WordnetPos) -> rule, and the
  // WordnetPos of each tag, from the tag's majority FEATS (VerbForm -> verb, Degree=Cmp/Sup ->
  // adjective, Number=Plur without PronType -> noun).
  KeyIndex wordnet_;
  std::vector<uint8_t> wordnet_pos_by_tag_;
  // For unseen words: the casing of (tag, shape_class) words in training where it is clear
  // (index tag * kShapeClasses + shape; kNoCasing when mixed). lemma_rule() returns the suffix
  // rule id with the casing in the bits from kCasingShift up (casing + 1); bit 27
  // (kDropCommas) removes commas from the form first; bits 0-26 index rules_ then extra_rules_.
  std::vector<uint8_t> casing_by_tag_shape_;
  static constexpr uint8_t kNoCasing = 0xff;
  static constexpr uint32_t kCasingShift = 28;
};

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_LEXICON_H_
