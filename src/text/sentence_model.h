// Internal to the text stage: the learned sentence-boundary classifier.
//
// At every candidate gap between two tokens of a paragraph (after terminal punctuation, closing
// quotes and brackets, abbreviations, before capitalized words, numbers, bullets, at line breaks,
// and wherever the rules of sentence_splitter.cc would split), a linear model over hashed
// features of the surrounding tokens decides whether a sentence ends. Features: lowercased forms
// and shapes of the tokens around the gap, their coarse classes, the whitespace in the gap (none,
// space, line break), quote nesting, the length of the current sentence, the distance to the end
// of the paragraph, a mail header's time stamp a few tokens ahead, whether the sentence opens
// with a form label ("Date :") and a colon follows, and the rule splitter's own decision. Gaps
// that are not candidates never end a sentence. Decoding is greedy, left to right.
//
// The weights are a dense table of 2^bits quantized int16 entries (feature hashes index it
// directly); the trained table ships as data/text/sentence_model.bin and is compiled into the
// binary (SentenceModel::builtin()). An empty model falls back to the rules.
//
// A SentenceModel is immutable once built and safe to share between threads.
#ifndef CASUS_TEXT_SENTENCE_MODEL_H_
#define CASUS_TEXT_SENTENCE_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "casus/status.h"
#include "text/tokenizer.h"

namespace casus::text {

class SentenceModel {
 public:
  // Serialized form (little-endian): "CSSM", u32 format version, u32 feature-set version,
  // u32 bits, i32 threshold, f32 scale, u64 FNV-1a hash of the weights, int16 weights[2^bits].
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kFeatureVersion = 4;

  SentenceModel() = default;  // empty: the rules decide

  // The model compiled into the binary (empty when the build had none or it failed to load).
  static const SentenceModel& builtin();

  // Parses a serialized model; refuses other formats or feature-set versions and corrupt data.
  static Status parse(std::string_view bytes, SentenceModel* out);
  std::string serialize() const;

  // Quantizes float weights (size 2^bits) into a model; `threshold` is in float units.
  static SentenceModel from_float(const std::vector<float>& weights, uint32_t bits,
                                  float threshold);

  bool empty() const { return weights_.empty(); }
  uint32_t bits() const { return bits_; }
  uint64_t hash() const { return hash_; }
  float threshold() const { return threshold_ / scale_; }
  // A copy with another decision threshold (float units).
  SentenceModel with_threshold(float threshold) const;

  // Sentence boundaries of one paragraph: toks[0, n) are its tokens in `text`; sets
  // breaks[i] = 1 when a sentence ends after toks[i] (i + 1 < n), else 0. breaks[n - 1] = 1.
  // Cost: O(n), a few dozen table lookups per candidate gap, no allocation after warm-up.
  void split(std::string_view text, const RawToken* toks, size_t n, uint8_t* breaks) const;

 private:
  uint32_t bits_ = 0;
  int32_t threshold_ = 0;
  float scale_ = 1;
  uint64_t hash_ = 0;
  std::vector<int16_t> weights_;
};

// Features of the gaps of one paragraph, for training and inference alike.
class GapFeaturizer {
 public:
  static constexpr size_t kMaxFeatures = 32;

  // Prepares the per-token features of toks[0, n) (a paragraph of `text`).
  void reset(std::string_view text, const RawToken* toks, size_t n);

  // True when a sentence may end after token i (i + 1 < n); `rule` is the rule splitter's
  // decision there.
  bool candidate(size_t i, bool rule) const;

  // A decision the model does not make: 1 or 0 when the gap after token i is settled by rule (a
  // rule split at a line break; an end after a mail header's time stamp "08/16/2000 03:14 PM";
  // an end before an ellipsis that follows . ? or ! and none after it; the gap after an ellipsis
  // that follows an abbreviation; a period after a number that follows a word of the sentence,
  // unless a bracket comes next; no end after "(b." ", p." and other single lowercase letters
  // with a period after a bracket, comma or semicolon; no end after a bracketed insertion
  // "[George W.]" that follows a word or comma; after a capital initial "X." an end exactly when
  // a capitalized sentence starter follows; a lowercase word after ? or !), else -1.
  // `sentence_len` as in features().
  // Changing these decisions changes what the model learns: bump kFeatureVersion and retrain.
  int fixed(size_t i, bool rule, size_t sentence_len) const;

  // Writes the table indices (masked to 2^bits) of the features of the gap after token i, given
  // the rule decision and the number of tokens since the last sentence break (sentence_len >= 1).
  // Returns how many were written (<= kMaxFeatures).
  size_t features(size_t i, bool rule, size_t sentence_len, uint32_t mask, uint32_t* out) const;

  // The rule splitter's decision after token i.
  bool rule(size_t i) const;

  // True when the gap after token i is known not to be a candidate without asking the rules
  // (rule(i) is false there and candidate(i, false) too): the common gap inside a clause, which
  // decoding skips. Cheap: a few class and flag tests.
  bool inner_gap(size_t i) const;

 private:
  struct Tok {
    uint64_t lex;    // hash of the lowercased form
    uint32_t shape;  // compressed character-class shape
    uint8_t cls;     // coarse class (see sentence_model.cc)
    uint8_t quote;   // open quotations before the token, capped at 3
    uint8_t since_punct;  // words since the last punctuation token, up to and including it (<= 15)
    uint8_t caps_run;     // capitalized words ending at this token (<= 7)
  };
  // True when toks_[k], toks_[k + 1] are a date and a time ("08/16/2000 03:14:14"); O(1), from
  // the marks reset() leaves.
  bool stamp_start(size_t k) const;
  // True when a time stamp ("08/16/2000 03:14 PM", "21/03/2001 18:20") ends at toks_[i] (i+1<n).
  bool stamp_end(size_t i) const;
  // True when toks_[i] is a quotation mark after a space (or opening the paragraph) and glued to
  // the next token ("said: 'A radical").
  bool opening_mark(size_t i) const;
  // True when toks_[i] is a capital letter and a period ("X.") and a capitalized sentence
  // starter follows ("So", "This", "I").
  bool initial_then_starter(size_t i) const;
  // Fills lex and shape of token k on first use (most tokens are never near a candidate gap).
  const Tok& full(size_t k) const;

  // Bits of marks_.
  static constexpr uint8_t kReady = 1;       // lex and shape are filled (full())
  static constexpr uint8_t kStampStart = 2;  // stamp_start(k), found by reset()

  std::string_view text_;
  const RawToken* toks_ = nullptr;
  size_t n_ = 0;
  mutable std::vector<Tok> info_;
  mutable std::vector<uint8_t> marks_;
};

// Training data for train_sentence_model: a prepared text (after text::prepare) and its gold
// sentence spans, sorted.
struct SentenceTrainingDoc {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // [begin, end) byte spans
};

struct SentenceTrainOptions {
  uint32_t bits = 16;      // table size 2^bits (128 KB: stays in L2 cache)
  int epochs = 20;         // epochs to train
  uint32_t seed = 1;       // paragraph order shuffling (member k of the ensemble: seed + k)
  int ensemble = 5;        // perceptrons whose averaged weights are averaged into the model
  uint32_t min_count = 2;  // features seen at fewer training gaps keep weight 0
  int smooth_epochs = 1;   // the epoch is chosen by dev F1 averaged over +-this many epochs
  int only_epoch = 0;      // > 0: keep that epoch, <= epochs (the threshold is chosen on dev)
  bool verbose = true;     // progress on stderr
};

// Sentence-span P/R/F1 of `model` on `docs` (exact span match, as `casus eval segment`).
struct SentenceScore {
  size_t gold = 0, system = 0, correct = 0;
  double f1() const {
    return gold + system ? 200.0 * static_cast<double>(correct) / (gold + system) : 0;
  }
};
SentenceScore score_sentence_model(const SentenceModel& model,
                                   const std::vector<SentenceTrainingDoc>& docs);

// Writes one line per gap where `model` and the gold breaks of `docs` disagree (missed or spurious
// sentence ends, with a few tokens of context) to `out`. For error analysis.
void write_sentence_errors(const SentenceModel& model, const std::vector<SentenceTrainingDoc>& docs,
                           std::FILE* out);

// Trains options.ensemble averaged perceptrons on `train`, one pass per epoch over the
// paragraphs, each in its own order shuffled with a fixed seed, and averages their weights. The
// epoch (unless options.only_epoch fixes it) and a decision threshold are chosen by the mean
// sentence F1 over the `dev` sets, averaged over neighbouring epochs (options.smooth_epochs), and
// that epoch's weights are quantized into the model. Empty when only_epoch > epochs.
// Deterministic.
SentenceModel train_sentence_model(const std::vector<SentenceTrainingDoc>& train,
                                   const std::vector<std::vector<SentenceTrainingDoc>>& dev,
                                   const SentenceTrainOptions& options);

}  // namespace casus::text

#endif  // CASUS_TEXT_SENTENCE_MODEL_H_
