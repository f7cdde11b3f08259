// The syntax model: tagger (UPOS+XPOS jointly), lemmatizer, feature table and labeled arc-hybrid
// dependency parser, loaded from one versioned file.
//
// File format (version kModelVersion): the 8 bytes "CASUSSYN", uint32 version, uint32 byte-order
// marker 0x01020304, uint64 payload size, uint64 FNV-1a 64 of the payload, then the payload.
// load() refuses other magics, versions, byte orders, sizes and hashes, and payloads whose
// feature version differs from kFeatureVersion.
//
// A loaded SyntaxModel is immutable and thread-safe; all scratch memory lives in a Workspace,
// one per thread. Reads: word forms of one sentence. Writes: one WordAnalysis per word.
#ifndef CASUS_SYNTAX_MODEL_H_
#define CASUS_SYNTAX_MODEL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "casus/status.h"
#include "syntax/clusters.h"
#include "syntax/features.h"
#include "syntax/lexicon.h"
#include "syntax/linear.h"
#include "syntax/transition.h"

namespace casus::syntax {

inline constexpr char kModelMagic[8] = {'C', 'A', 'S', 'U', 'S', 'S', 'Y', 'N'};
// Format 2 added the lexicon's casing table for unseen words; format 1 files still load (their
// unseen words keep the casing of their suffix rule).
inline constexpr uint32_t kModelVersion = 2;
inline constexpr uint32_t kOldestModelVersion = 1;
// Version of the feature templates (features.cc) and the transition system: weights are only
// meaningful with the templates they were trained with, so load() refuses other versions.
// Increment on any change to tagger_features, parser_features or word_info.
inline constexpr uint32_t kFeatureVersion = 1;

// The analysis of one word. `head` is the 1-based index of the head word in the sentence, 0 for
// the root.
struct WordAnalysis {
  uint16_t tag = 0;  // joint tag: SyntaxModel::upos(tag), xpos(tag)
  uint16_t deprel = 0;
  uint32_t head = 0;
  uint32_t lemma_rule = 0;  // SyntaxModel::lemma(form, lemma_rule)
  uint32_t feats = 0;       // SyntaxModel::feats(feats)
};

// Per-thread scratch for SyntaxModel; reused across sentences.
struct Workspace {
  std::vector<WordInfo> info;
  std::vector<uint64_t> words;     // per node (0 = root): lowercase hash
  std::vector<uint16_t> tags;      // per node (0 = root tag)
  std::vector<uint16_t> first;     // per word: the first tagging pass
  std::vector<int32_t> second;     // per word: second-pass scores of the word-only features
  std::vector<uint16_t> coarse;    // per node: UPOS id of the tag
  std::vector<uint16_t> clusters;  // per node: word cluster
  ParseState state;
  std::vector<int32_t> scores;
  std::vector<int32_t> buffer_scores;  // parser: scores of the buffer-only features
  uint64_t keys[kMaxParserFeatures > kMaxTaggerFeatures ? kMaxParserFeatures : kMaxTaggerFeatures];
};

class SyntaxModel {
 public:
  // Loads a model file. Fails with kNotFound / kIoError / kCorrupt / kUnsupported.
  static Status load(const std::string& path, std::shared_ptr<const SyntaxModel>* out);
  static Status from_bytes(std::string_view file, std::shared_ptr<const SyntaxModel>* out);
  // The whole file (header + payload).
  std::string to_bytes() const;
  Status save(const std::string& path) const;
  // The default model file: $CASUS_SYNTAX_MODEL, else models/syntax.bin under the working
  // directory, else ../models/syntax.bin beside the executable's folder, else models/syntax.bin
  // of the source tree the binary was built from. Empty when none exists.
  static std::string default_path();

  // Fills ws.info for `forms` (hashed attributes and word clusters).
  void prepare_words(std::span<const std::string_view> forms, Workspace& ws) const;
  // Tags, lemmatizes, assigns features and parses one sentence of words.
  // out->size() becomes forms.size(). Cost: linear in the number of words.
  void annotate(std::span<const std::string_view> forms, Workspace& ws,
                std::vector<WordAnalysis>* out) const;
  // The parts separately (annotate = tag, then parse). parse() reads out[i].tag and the word
  // attributes tag() left in `ws`, so it must follow tag() on the same sentence.
  void tag(std::span<const std::string_view> forms, Workspace& ws,
           std::vector<WordAnalysis>* out) const;
  void parse(std::span<const std::string_view> forms, Workspace& ws,
             std::vector<WordAnalysis>* out) const;

  const std::string& upos(uint16_t tag) const { return upos_[tag]; }
  const std::string& xpos(uint16_t tag) const { return xpos_[tag]; }
  const std::string& deprel(uint16_t label) const { return labels_[label]; }
  const std::string& feats(uint32_t id) const { return lexicon_.feats_name(id); }
  void lemma(std::string_view form, uint32_t rule, std::string* out) const {
    lexicon_.apply(form, rule, out);
  }
  // FNV-1a 64 of the payload: identifies the model in stored records.
  uint64_t content_hash() const { return hash_; }
  const std::string& description() const { return description_; }
  size_t num_tags() const { return upos_.size(); }
  size_t num_labels() const { return labels_.size(); }
  const LinearModel& tagger() const { return tagger_; }
  const LinearModel& tagger2() const { return tagger2_; }
  const LinearModel& parser() const { return parser_; }

  // Assembly by the trainer.
  std::vector<std::string> upos_, xpos_, labels_;
  uint32_t root_label_ = 0;
  std::vector<uint16_t> coarse_;  // per tag (and the root tag at the end): UPOS id
  LinearModel taggers_;           // tagger_ and tagger2_ merged (classes of tagger2_ second)
  // Derives coarse_ and taggers_ from the fields above; call after setting them.
  void finalize();
  LinearModel tagger_, tagger2_, parser_;  // first and second tagging pass, parser
  Lexicon lexicon_;
  WordClusters clusters_;
  std::string description_;

 private:
  uint64_t hash_ = 0;
};

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_MODEL_H_
