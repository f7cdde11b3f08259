// The attribution tagger of the quotes stage: three BIO label layers over the tokens (Cue,
// Source, Content in PolNeAR's sense), each decoded by Viterbi over a sentence from the scores of
// a linear model over token features (word, lemma, tags, dependency relation and head, the
// nearest cue-lexicon ancestor, quote marks, mentions) and over the rules' own output (which
// tokens the rule-based quotes made cue, speaker or content). The rules' quotes are then
// corrected by the tagged spans and completed by the attributions only the tagger found
// (`merge_tagged`). Trained by tools/train_quote_tagger.cc on PolNeAR train; the model
// (data/quotes/tagger.tsv: one "feature<TAB>9 weights" line each) is compiled into casus_quotes.
// Needs Document::syntax. Method: docs/quotes.md.
//
// A SpanTagger is immutable after loading and thread-safe; TaggerFeatures holds per-document
// scratch.
#ifndef CASUS_QUOTES_TAGGER_H_
#define CASUS_QUOTES_TAGGER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "casus/document.h"
#include "quotes/cues.h"

namespace casus::quotes {

// The label layers and the labels of each.
enum TagLayer : uint32_t { kCueLayer = 0, kSourceLayer = 1, kContentLayer = 2, kLayers = 3 };
enum Tag : uint8_t { kB = 0, kI = 1, kO = 2 };
inline constexpr uint32_t kWeightsPerFeature = kLayers * 3;  // layer * 3 + tag

using TokenRange = std::pair<uint32_t, uint32_t>;  // [first, end) tokens

// The tokens overlapping byte span s.
TokenRange token_range(const Document& doc, Span s);

// Tagged spans of one document per layer, sorted, non-overlapping within a layer.
struct TaggedSpans {
  std::array<std::vector<TokenRange>, kLayers> spans;
};

// Feature extraction over one document with a syntax layer. Reads doc.quotes as the rules'
// output and `cue_scores` as the rules' learned cue scores (annotate_rules in quotes.h; one per
// token).
class TaggerFeatures {
 public:
  TaggerFeatures(const Document& doc, const std::vector<float>& cue_scores);
  // Feature hashes of token t (appended to *out, which is cleared first). When `names` is not
  // null the feature strings are appended to it too (training and debugging).
  void extract(uint32_t t, std::vector<uint64_t>* out,
               std::vector<std::string>* names = nullptr) const;
  // False for a sentence without any cue-ish word (a rule cue, a cue-lexicon word, a verb the cue
  // scorer likes), quotation marks or rule spans: it is left untagged (all "O"), in training too.
  bool worth_tagging(const Sentence& s) const;

 private:
  const Document& doc_;
  std::vector<std::string> lower_;
  std::vector<std::string> lemma_;
  std::vector<uint64_t> hlower_, hlemma_, hupos_, hxpos_, hdeprel_;  // part hashes
  std::vector<const CueEntry*> lex_;  // cue-lexicon entry of each word form, or null
  std::vector<uint8_t> rule_;      // per token: rule tag of each layer, 2 bits each
  std::vector<uint8_t> in_quote_;  // 1 inside a quotation run, 2 on its marks
  std::vector<int8_t> mention_;    // entity type + 1 of the mention covering the token, or 0
  std::vector<uint8_t> mention_b_;
  std::vector<int8_t> cue_score_;  // per token: bucket of the cue scorer's score (verbs), or 0
  std::vector<bool> cueish_;       // a rule cue, a lexicon cue word or a verb the scorer likes
  std::vector<uint32_t> prev_cueish_, next_cueish_;  // nearest cue-ish token before/after
  std::vector<uint32_t> anc_;      // nearest ancestor that is cue-ish, or kNoHead
  std::vector<uint32_t> top_;         // the path's top below that ancestor (a dependent of it)
  std::vector<uint32_t> left_, right_;  // first and last token of each token's subtree
  std::vector<bool> sent_rule_cue_;   // per sentence: the rules found a cue in it
};

class SpanTagger {
 public:
  // Parses a model file; an empty or malformed text yields an empty model.
  static SpanTagger parse(std::string_view text);
  // The model compiled into casus (empty when the build had no data/quotes/tagger.tsv).
  static const SpanTagger& builtin();

  bool empty() const { return slots_.empty(); }
  // Tags every sentence of doc (which must have syntax, the rules' quotes and their cue scores).
  TaggedSpans tag(const Document& doc, const std::vector<float>& cue_scores) const;

 private:
  const float* find(uint64_t key) const;
  // Whether the key filter lets `key` (non-zero) through: false means it is not in the model.
  bool may_hold(uint64_t key) const;
  static constexpr int kFilterBits = 19;  // a 64 KB bit set of the keys' top bits, in cache
  std::vector<uint64_t> filter_;
  // Open addressing, linear probing; key 0 marks an empty slot. Key and weights share a slot,
  // one cache line, so that a hit costs one cache miss.
  struct alignas(64) Slot {
    uint64_t key = 0;
    float w[kWeightsPerFeature] = {};
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  // trans_[prev][layer * 3 + cur]; prev 3 is the sentence start.
  float trans_[4][kWeightsPerFeature] = {};
};

// The hash of a feature name (the model's key): the FNV-1a hashes of its space-separated parts
// combined in order, so that the hashes of the words and tags of a token are computed once and
// shared by all its features.
uint64_t tagger_hash(std::string_view s);

// Best label sequence of one layer given emission scores em[i * 3 + tag] of n tokens and
// transition scores trans[prev][tag] (prev 3 = start). "I" may not follow "O". Writes n tags.
void viterbi(const float* em, size_t n, const float trans[4][3], uint8_t* tags);

// Token ranges of a tag sequence over the whole document (an "I" opening a sentence continues a
// span still open at the end of the previous one in the same paragraph, else starts one).
std::vector<TokenRange> spans_of_tags(const Document& doc, const std::vector<uint8_t>& tags);

// Corrects the rules' quotes of doc with the tagged spans and adds the attributions only the
// tagger found (method in docs/quotes.md).
void merge_tagged(Document& doc, const TaggedSpans& tagged);

}  // namespace casus::quotes

#endif  // CASUS_QUOTES_TAGGER_H_
