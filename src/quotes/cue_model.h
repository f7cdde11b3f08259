// The learned cue scorer and content-end ranker of the quotes stage: a linear model over features
// of a verb token (lemma, form, tag, relation, the relations of its dependents, neighbouring words,
// nearby quote marks) that says whether the verb is the cue of an attribution in PolNeAR's sense
// ("said", "believes", "is expected", "supported", "slammed"); and a ranker of where a reported
// clause ends (features prefixed "E:"). Trained by tools/train_quote_cues.cc on PolNeAR train; the
// model (data/quotes/cue_model.tsv, one "feature<TAB>weight" line each) is compiled into
// casus_quotes. Needs Document::syntax.
//
// A CueModel is immutable after loading and thread-safe; CueFeatures holds per-document scratch.
#ifndef CASUS_QUOTES_CUE_MODEL_H_
#define CASUS_QUOTES_CUE_MODEL_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "casus/document.h"

namespace casus::quotes {

// The feature strings of one example, stored end to end in one buffer: refilling a list that
// was used before allocates nothing.
class FeatureList {
 public:
  void clear() {
    text_.clear();
    ends_.clear();
  }
  size_t size() const { return ends_.size(); }
  std::string_view operator[](size_t i) const {
    const uint32_t b = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(b, ends_[i] - b);
  }
  // Appends one feature, the concatenation of `parts`.
  void add(std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) text_.append(p);
    ends_.push_back(static_cast<uint32_t>(text_.size()));
  }
  // The features as separate strings (training and tests).
  std::vector<std::string> strings() const;

 private:
  std::string text_;
  std::vector<uint32_t> ends_;
};

// Feature extraction over one document with a syntax layer (doc.syntax.size() == tokens).
class CueFeatures {
 public:
  explicit CueFeatures(const Document& doc);
  // True when token t is a candidate cue: a VERB, or "say" tagged AUX.
  bool candidate(uint32_t t) const;
  // The feature strings of candidate t (appended to *out, which is cleared first).
  void extract(uint32_t t, FeatureList* out) const;
  void extract(uint32_t t, std::vector<std::string>* out) const;
  // The feature strings of ending a reported clause that starts at token b before token e
  // (b < e <= the sentence end): the words and relations at the cut, whether the cut crosses a
  // dependency, whether it leaves a quotation open. *out is cleared first.
  void extract_end(uint32_t b, uint32_t e, FeatureList* out) const;
  void extract_end(uint32_t b, uint32_t e, std::vector<std::string>* out) const;

 private:
  const std::string& lower(uint32_t t) const { return lower_[t]; }
  // The dependents of token t, in token order.
  const uint32_t* children_begin(uint32_t t) const { return children_.data() + child_start_[t]; }
  const uint32_t* children_end(uint32_t t) const {
    return children_.data() + child_start_[t + 1];
  }
  const Document& doc_;
  std::vector<std::string> lower_;  // lowercase word of each token
  std::vector<std::string> lemma_;  // lowercase lemma of each token (with syntax)
  std::vector<uint32_t> child_start_;  // n + 1 offsets into children_
  std::vector<uint32_t> children_;
  std::vector<bool> quote_mark_;
};

class CueModel {
 public:
  // Parses a model file; an empty or malformed text yields an empty model (scores 0).
  static CueModel parse(std::string_view text);
  // The model compiled into casus (empty when the build had no data/quotes/cue_model.tsv).
  static const CueModel& builtin();

  bool empty() const { return slots_.empty(); }
  // True when the model holds content-end weights ("E:" features).
  bool has_end() const { return has_end_; }
  float score(const FeatureList& features) const;
  float score(const std::vector<std::string>& features) const;

 private:
  // Open addressing, linear probing; key 0 marks an empty slot (a feature hashing to 0 is
  // stored under 1).
  const float* find(uint64_t key) const;
  static constexpr int kFilterBits = 21;  // a 256 KB bit set of the keys' top bits
  std::vector<uint64_t> filter_;
  // Key and weight share a slot, so that a hit costs one cache miss.
  struct Slot {
    uint64_t key = 0;
    float value = 0;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  bool has_end_ = false;
};

// 64-bit hash of a feature string (the model's key; 8 bytes at a time, not FNV-1a).
uint64_t feature_hash(std::string_view s);

}  // namespace casus::quotes

#endif  // CASUS_QUOTES_CUE_MODEL_H_
