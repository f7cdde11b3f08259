// Linear classifiers over hashed sparse features: the averaged perceptron used to train the
// tagger and the parser (LinearTrainer), and the compact model they compile to (LinearModel).
//
// A feature is a 64-bit key (bytes.h feature_key); each feature has weights for a few classes.
// LinearModel stores, for every kept feature, its (class, int16 weight) pairs contiguously and
// finds features through an open-addressing table; it is immutable after load and thread-safe.
#ifndef CASUS_SYNTAX_LINEAR_H_
#define CASUS_SYNTAX_LINEAR_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "syntax/bytes.h"

namespace casus::syntax {

// Allocator for the large lookup tables: blocks of 1 MB or more are 2 MB aligned and advised to
// use transparent huge pages, which removes most TLB misses of random table probes.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t n);
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};
void* huge_page_allocate(size_t bytes);
void huge_page_free(void* p, size_t bytes);
template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  return static_cast<T*>(huge_page_allocate(n * sizeof(T)));
}
template <typename T>
void HugePageAllocator<T>::deallocate(T* p, size_t n) {
  huge_page_free(p, n * sizeof(T));
}

// Open-addressing map from nonzero 64-bit keys to uint32 values.
class KeyIndex {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;
  explicit KeyIndex(size_t expected = 16) { rehash(expected * 2); }
  uint32_t find(uint64_t key) const {
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return kMissing;
    }
  }
  // Returns the value of `key`, inserting `value` first when absent.
  uint32_t insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = value;
        ++size_;
        return value;
      }
    }
  }
  size_t size() const { return size_; }
  // Writes / reads the entries (sorted by key, so the output is deterministic).
  void save(ByteWriter& w) const;
  bool load(ByteReader& r);
  // True when every value is < bound.
  bool all_below(uint32_t bound) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] && values_[i] >= bound) return false;
    return true;
  }

 private:
  size_t slot(uint64_t key) const { return (key >> 7) & mask_; }
  void rehash(size_t capacity);
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0, size_ = 0;
};

// The compiled classifier: score(keys) adds each known feature's weights to the class scores.
class LinearModel {
 public:
  // A model without features (scores everything 0).
  static LinearModel empty(int num_classes) {
    LinearModel m;
    m.num_classes_ = num_classes;
    return m;
  }
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return weights_.size(); }

  // Adds the weights of the features `keys[0..n)` to `scores[0..num_classes())`. Unknown keys
  // are skipped. Cost: n table probes plus the features' weights; prefetches the probes.
  void score(const uint64_t* keys, size_t n, int32_t* scores) const;
  // Number of accumulators add_scores() needs: num_classes() rounded up to the dense row width.
  size_t score_width() const { return padded_classes(); }
  // score() without staging: `acc` must hold score_width() entries; entries from num_classes()
  // on receive only zeros. Same cost as score() minus copying the sums.
  void add_scores(const uint64_t* keys, size_t n, int32_t* acc) const;

  // One model scoring the classes of `a` then those of `b` (classes a.num_classes() + c of the
  // result are class c of `b`), so one probe per feature serves both. Weights are rescaled to
  // the larger of the two scales.
  static LinearModel merge(const LinearModel& a, const LinearModel& b);
  // A copy without the weights of magnitude below `min_abs` (and features left without any).
  LinearModel pruned(float min_abs) const;
  // The magnitude below which weights must be dropped to keep at most `max_weights` of them.
  float threshold_for(size_t max_weights) const;

  void save(ByteWriter& w) const;
  // Reads what save() wrote; false when the data is inconsistent.
  bool load(ByteReader& r);

  // Lookup table entry: 32 high bits of the key and the position in table_ of the feature's
  // header: two uint16 (count, dense flag) followed by either `count` (class, weight) pairs or,
  // when dense, one int16 weight per class (features that weigh most classes; added with SIMD).
  // A key is found by linear probing from slot (key >> 1) & mask_ up to the first slot that is
  // empty or holds its fingerprint. (Public for the scoring helpers in linear.cc only.)
  struct Slot {
    uint32_t fingerprint;
    uint32_t pos;  // kEmpty when unused; see kInline
  };
  static constexpr uint32_t kEmpty = 0xffffffffu;
  // Slots compared per probe step; slots_ repeats its first kProbeWidth - 1 slots at the end.
  static constexpr size_t kProbeWidth = 4;

 private:
  friend class LinearTrainer;
  friend class WeightSum;
  // The model of float weights `rows[r]` (class, weight; sorted by class) of features
  // `row_keys[r]`, quantized to int16 at scale max|weight| / 32000; features in key order.
  static LinearModel quantize(int num_classes, const std::vector<uint64_t>& row_keys,
                              const std::vector<std::vector<std::pair<uint16_t, float>>>& rows);
  struct Weight {
    uint16_t cls;
    int16_t w;
  };
  // Sparse rows are copied kCopyPairs (class, weight) pairs at a time, so table_ ends with
  // kRowPad zeros that a copy may read past the last row.
  static constexpr size_t kCopyPairs = 32;
  static constexpr size_t kRowPad = 2 * kCopyPairs;
  // A feature's weights are stored as a dense row when it weighs at least 1/kDenseRatio of the
  // classes (a dense row costs ~padded/16 vector adds, a sparse one a scalar add per weight).
  static constexpr uint32_t kDenseRatio = 4;
  static constexpr int kLanes = 16;  // dense rows are padded to a multiple of kLanes classes
  size_t padded_classes() const {
    return (static_cast<size_t>(num_classes_) + kLanes - 1) / kLanes * kLanes;
  }
  // score() stages the sums in a local array of this many accumulators when num_classes() is
  // not a multiple of kLanes; score_unpadded() serves wider models.
  static constexpr size_t kMaxWidth = 512;
  // score() for models with more classes than its local accumulators hold.
  void score_unpadded(const uint64_t* keys, size_t n, int32_t* scores) const;
  // pos with the top bit set: an inline single weight, (class << 16) | uint16 weight, for
  // classes below kInlineMaxClass (so that it never equals kEmpty).
  static constexpr uint32_t kInline = 0x80000000u;
  static constexpr uint16_t kInlineMaxClass = 0x7fff;
  void build_table();

  int num_classes_ = 0;
  float scale_ = 1;             // weight = w * scale_
  std::vector<uint64_t> keys_;  // kept features
  std::vector<uint32_t> ends_;  // weights of keys_[i] are [ends_[i-1], ends_[i])
  std::vector<Weight> weights_;
  // Built on load; load factor <= 0.8; mask_ + 1 slots, then kProbeWidth - 1 repeated ones.
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  // An empty row at position 0, then headers and weights, then kRowPad zeros.
  std::vector<int16_t, HugePageAllocator<int16_t>> table_;
  size_t mask_ = 0;
};

// Averaged perceptron with sparse rows, for training. Not thread-safe.
class LinearTrainer {
 public:
  explicit LinearTrainer(int num_classes) : num_classes_(num_classes), index_(1 << 16) {}
  int num_classes() const { return num_classes_; }

  // Sets scores[0..num_classes) to the current (non-averaged) scores of `keys` and remembers
  // the keys for update().
  void score(const uint64_t* keys, size_t n, float* scores);
  // Adds `delta` to the weights of class `cls` for the keys of the last score() call.
  void update(int cls, float delta);
  // Advances the averaging clock: call once per training instance.
  void tick() { ++now_; }

  // The averaged weights, quantized to int16; weights whose magnitude is below `prune` are
  // dropped (and features left without weights).
  LinearModel compile(float prune) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint32_t cls;
    uint32_t last;  // clock of the last change
    float w;
    double total;  // sum of w over the clock ticks before `last`
  };
  int num_classes_;
  KeyIndex index_;
  std::vector<uint64_t> row_keys_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> last_keys_;
  std::vector<uint32_t> last_rows_;
  uint32_t now_ = 1;
  friend class WeightSum;
};

// A weighted sum of the averaged weights of several trainers over the same classes, compiled
// like one trainer: averaging the weights of perceptrons trained on different orders of the
// data (different seeds) gives one model of the same speed that errs less than each of them.
// The sum keeps a copy of every weight it is given (8 bytes each); not thread-safe.
class WeightSum {
 public:
  explicit WeightSum(int num_classes) : num_classes_(num_classes), index_(1 << 16) {}
  // Adds `factor` times the averaged weights of `t` (t.num_classes() must equal num_classes()).
  void add(const LinearTrainer& t, float factor);
  // The summed weights, quantized to int16; magnitudes below `prune` are dropped.
  LinearModel compile(float prune) const;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return rows_.size(); }

 private:
  int num_classes_;
  KeyIndex index_;
  std::vector<uint64_t> row_keys_;
  std::vector<std::vector<std::pair<uint16_t, float>>> rows_;  // sorted by class
};

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_LINEAR_H_
