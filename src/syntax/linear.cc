#include "syntax/linear.h"

#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

namespace casus::syntax {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kHugeMin = size_t{1} << 20;
}  // namespace

void* huge_page_allocate(size_t bytes) {
  if (bytes < kHugeMin) {
    void* p = std::malloc(bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return p;
  }
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void huge_page_free(void* p, size_t) { std::free(p); }

void KeyIndex::rehash(size_t capacity) {
  size_t cap = 16;
  while (cap < capacity) cap <<= 1;
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_values = std::move(values_);
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  mask_ = cap - 1;
  size_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i)
    if (old_keys[i]) insert(old_keys[i], old_values[i]);
}

void KeyIndex::save(ByteWriter& w) const {
  // Sorted by key, so the bytes do not depend on the table's capacity or insertion order.
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i]) entries.emplace_back(keys_[i], values_[i]);
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (const auto& [k, v] : entries) {
    keys.push_back(k);
    values.push_back(v);
  }
  w.put_vector(keys);
  w.put_vector(values);
}

bool KeyIndex::load(ByteReader& r) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  if (!r.get_vector(&keys) || !r.get_vector(&values) || keys.size() != values.size()) return false;
  rehash(keys.size() * 2 + 16);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0) return false;
    insert(keys[i], values[i]);
  }
  return true;
}

void LinearModel::build_table() {
  size_t cap = 16;
  while (cap * 4 < keys_.size() * 5) cap <<= 1;  // load factor <= 0.8
  slots_.assign(cap, Slot{0, kEmpty});
  mask_ = cap - 1;
  table_.clear();
  table_.reserve(2 * (weights_.size() + keys_.size()) + kRowPad + 2);
  // Position 0: an empty sparse row, which add_scores() reads for missing and inline features
  // instead of branching.
  table_.push_back(0);
  table_.push_back(0);
  for (size_t i = 0; i < keys_.size(); ++i) {
    const uint32_t begin = i ? ends_[i - 1] : 0;
    const uint32_t count = ends_[i] - begin;
    size_t s = (keys_[i] >> 1) & mask_;
    while (slots_[s].pos != kEmpty) s = (s + 1) & mask_;
    const bool dense = count * kDenseRatio >= static_cast<uint32_t>(num_classes_);
    if (count == 1 && !dense && weights_[begin].cls < kInlineMaxClass) {
      // A single weight lives in the slot itself: no second memory access when scoring.
      slots_[s] = Slot{static_cast<uint32_t>(keys_[i] >> 32),
                       kInline | (static_cast<uint32_t>(weights_[begin].cls) << 16) |
                           static_cast<uint16_t>(weights_[begin].w)};
      continue;
    }
    slots_[s] = Slot{static_cast<uint32_t>(keys_[i] >> 32), static_cast<uint32_t>(table_.size())};
    table_.push_back(static_cast<int16_t>(dense ? num_classes_ : count));
    table_.push_back(dense ? 1 : 0);
    if (dense) {
      // Rows are padded with zeros to a multiple of kLanes classes (added without a tail).
      const size_t row = table_.size();
      table_.resize(row + padded_classes(), 0);
      for (uint32_t k = begin; k < ends_[i]; ++k) table_[row + weights_[k].cls] = weights_[k].w;
    } else {
      for (uint32_t k = begin; k < ends_[i]; ++k) {
        table_.push_back(static_cast<int16_t>(weights_[k].cls));
        table_.push_back(weights_[k].w);
      }
    }
  }
  // add_scores() copies sparse rows in blocks of kCopyPairs pairs, reading past a row's end.
  table_.resize(table_.size() + kRowPad, 0);
  // Probes read kProbeWidth consecutive slots: the first ones are repeated after the last.
  for (size_t j = 0; j + 1 < kProbeWidth; ++j) slots_.push_back(slots_[j]);
}

namespace {

// Keys probed together: their slots, then their weight rows, are prefetched as a group.
constexpr size_t kScoreBatch = 32;

#if defined(__x86_64__) && defined(__GNUC__)
#define CASUS_SYNTAX_AVX2 1
// Adds `n` dense rows of P (a multiple of 16) int16 weights to acc[0..P), keeping the P int32
// sums in AVX2 registers across the rows (P <= 112 fits the 16 registers).
template <int P>
__attribute__((target("avx2"))) void add_dense_rows_avx2(const int16_t* const* rows, size_t n,
                                                         int32_t* acc) {
  __m256i sum[P / 8];
  for (int j = 0; j < P / 8; ++j)
    sum[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc + 8 * j));
  for (size_t r = 0; r < n; ++r) {
    const int16_t* row = rows[r];
#pragma GCC unroll 16
    for (int j = 0; j < P / 8; ++j)
      sum[j] = _mm256_add_epi32(
          sum[j], _mm256_cvtepi16_epi32(
                      _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * j))));
  }
  for (int j = 0; j < P / 8; ++j)
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + 8 * j), sum[j]);
}

// Adds the dense rows (padded width `padded`, a multiple of 16) in column blocks of at most
// 112 classes, each summed in registers.
__attribute__((target("avx2"))) void add_dense_avx2(const int16_t* const* rows, size_t n,
                                                    int padded, int32_t* acc) {
  const int16_t* block[kScoreBatch];  // n <= score()'s batch of keys
  for (int off = 0; off < padded; off += 112) {
    const int16_t* const* r = rows;
    if (off) {
      for (size_t i = 0; i < n; ++i) block[i] = rows[i] + off;
      r = block;
    }
    switch (std::min(padded - off, 112)) {
      case 16: add_dense_rows_avx2<16>(r, n, acc + off); break;
      case 32: add_dense_rows_avx2<32>(r, n, acc + off); break;
      case 48: add_dense_rows_avx2<48>(r, n, acc + off); break;
      case 64: add_dense_rows_avx2<64>(r, n, acc + off); break;
      case 80: add_dense_rows_avx2<80>(r, n, acc + off); break;
      case 96: add_dense_rows_avx2<96>(r, n, acc + off); break;
      default: add_dense_rows_avx2<112>(r, n, acc + off); break;
    }
  }
}

const bool kHaveAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

// The same for any padded width, through memory.
__attribute__((always_inline)) inline void add_dense_rows_any(const int16_t* const* rows,
                                                              size_t n, int padded,
                                                              int32_t* acc) {
  for (size_t r = 0; r < n; ++r)
    for (int c = 0; c < padded; c += 16)
      for (int j = 0; j < 16; ++j) acc[c + j] += rows[r][c + j];
}

// The first slot of the probe sequence from `s` that is empty or holds fingerprint `fp`, four
// slots per step (the slot array repeats its first slots after the last, so that four
// consecutive slots can always be read). Its pos: kEmpty when the key is absent.
#if defined(__x86_64__) || defined(__SSE2__)
inline uint32_t probe(const LinearModel::Slot* slots, size_t mask, size_t s, uint32_t fp) {
  static_assert(sizeof(LinearModel::Slot) == 8 && LinearModel::kProbeWidth == 4);
  // Lanes: fingerprint, pos, fingerprint, pos. Bit 2j of a match mask: slot j holds `fp`;
  // bit 2j + 1: slot j is empty. An empty slot with fingerprint `fp` yields kEmpty either way.
  const __m128i want = _mm_setr_epi32(static_cast<int>(fp), -1, static_cast<int>(fp), -1);
  auto bits = [&](size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(slots + at));
    return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, want))));
  };
  for (;; s = (s + LinearModel::kProbeWidth) & mask) {
    const unsigned b = bits(s) | bits(s + 2) << 4;
    if (b) return slots[s + (static_cast<unsigned>(__builtin_ctz(b)) >> 1)].pos;
  }
}
#else
inline uint32_t probe(const LinearModel::Slot* slots, size_t mask, size_t s, uint32_t fp) {
  for (;; s = (s + 1) & mask) {
    if (slots[s].pos == LinearModel::kEmpty) return LinearModel::kEmpty;
    if (slots[s].fingerprint == fp) return slots[s].pos;
  }
}
#endif

// Copies kPairs (class, weight) pairs as packed uint32 (class | weight << 16), in 32-byte moves
// (memcpy of the same bytes uses 16-byte ones under GCC's generic tuning).
template <size_t kPairs>
__attribute__((always_inline)) inline void copy_block(const int16_t* from, uint32_t* to) {
  using Block = uint32_t __attribute__((vector_size(32), aligned(4), may_alias));
  static_assert(kPairs % 8 == 0);
  for (size_t i = 0; i < kPairs; i += 8)
    *reinterpret_cast<Block*>(to + i) = *reinterpret_cast<const Block*>(from + 2 * i);
}

// Adds packed (class | weight << 16) pairs to acc.
__attribute__((always_inline)) inline void add_pairs(const uint32_t* pairs, size_t n,
                                                     int32_t* acc) {
  size_t p = 0;
  for (; p + 4 <= n; p += 4) {
    acc[pairs[p] & 0xffff] += static_cast<int32_t>(pairs[p]) >> 16;
    acc[pairs[p + 1] & 0xffff] += static_cast<int32_t>(pairs[p + 1]) >> 16;
    acc[pairs[p + 2] & 0xffff] += static_cast<int32_t>(pairs[p + 2]) >> 16;
    acc[pairs[p + 3] & 0xffff] += static_cast<int32_t>(pairs[p + 3]) >> 16;
  }
  for (; p < n; ++p) acc[pairs[p] & 0xffff] += static_cast<int32_t>(pairs[p]) >> 16;
}

}  // namespace

// Dense rows go through add_dense_avx2 where the CPU has AVX2 (checked once at startup); the
// AVX2 clone of the rest (probes, sparse pairs) is picked at load time by the dynamic linker
// (ifunc), so the binary still runs on any x86-64.
//
// The loop is written to keep branches few and predictable (a mispredicted branch costs more
// than the memory traffic here): probes compare four slots at once, a missing or single-weight
// feature is added without a branch (to a dummy accumulator when missing), and the batch's
// sparse rows are first gathered into one list of pairs that a single loop adds.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
__attribute__((target_clones("avx2", "default")))
#endif
void LinearModel::add_scores(const uint64_t* keys, size_t n, int32_t* acc) const {
  if (slots_.empty()) return;
  constexpr size_t kBatch = kScoreBatch;
  // Pairs gathered before they are added (a batch with more adds them in several rounds).
  constexpr size_t kMaxPairs = 2048;
  uint32_t found[kBatch], rows[kBatch];
  const int16_t* dense[kBatch];
  const int16_t* sparse[kBatch];
  alignas(16) uint32_t pairs[kMaxPairs + kCopyPairs];
  int32_t dummy = 0;
  const Slot* slots = slots_.data();
  const int16_t* table = table_.data();
  const int padded = static_cast<int>(padded_classes());
  const size_t mask = mask_;
  for (size_t base = 0; base < n; base += kBatch) {
    const size_t m = std::min(kBatch, n - base);
    const uint64_t* batch = keys + base;
    for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots[(batch[i] >> 1) & mask]);
    for (size_t i = 0; i < m; ++i) {
      const uint64_t key = batch[i];
      const uint32_t hit = probe(slots, mask, (key >> 1) & mask, static_cast<uint32_t>(key >> 32));
      found[i] = hit;
      // The row's position; 0 (the empty row) for inline weights and missing keys.
      const uint32_t row = hit & (0u - static_cast<uint32_t>(hit < kInline));
      rows[i] = row;
      __builtin_prefetch(&table[row]);
    }
    size_t num_dense = 0, num_sparse = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint32_t hit = found[i];
      const bool single = hit >= kInline && hit != kEmpty;
      int32_t* target = single ? acc + ((hit >> 16) & 0x7fff) : &dummy;
      *target += static_cast<int16_t>(hit & 0xffff);
      const int16_t* h = table + rows[i];
      const bool is_dense = h[1] != 0;
      dense[num_dense] = h + 2;
      sparse[num_sparse] = h;
      num_dense += is_dense;
      num_sparse += !is_dense;
    }
    size_t np = 0;
    for (size_t r = 0; r < num_sparse; ++r) {
      const int16_t* w = sparse[r] + 2;
      const size_t count = static_cast<uint16_t>(sparse[r][0]);
      if (np + count > kMaxPairs) {
        add_pairs(pairs, np, acc);
        np = 0;
        if (count > kMaxPairs) {  // only for models with thousands of classes
          for (size_t k = 0; k < count; ++k) acc[static_cast<uint16_t>(w[2 * k])] += w[2 * k + 1];
          continue;
        }
      }
      // Whole blocks of kCopyPairs pairs (the table is padded for the last row's overrun).
      copy_block<kCopyPairs>(w, pairs + np);
      for (size_t k = kCopyPairs; k < count; k += kCopyPairs)
        copy_block<kCopyPairs>(w + 2 * k, pairs + np + k);
      np += count;
    }
    add_pairs(pairs, np, acc);
    if (num_dense == 0) continue;
#ifdef CASUS_SYNTAX_AVX2
    if (kHaveAvx2) {
      add_dense_avx2(dense, num_dense, padded, acc);
      continue;
    }
#endif
    add_dense_rows_any(dense, num_dense, padded, acc);
  }
}

void LinearModel::score(const uint64_t* keys, size_t n, int32_t* scores) const {
  const size_t padded = padded_classes();
  if (padded == static_cast<size_t>(num_classes_)) {
    add_scores(keys, n, scores);
    return;
  }
  if (padded > kMaxWidth) {
    score_unpadded(keys, n, scores);
    return;
  }
  // Dense rows are added kLanes classes at a time: stage the sums in `padded` accumulators.
  alignas(32) int32_t local[kMaxWidth];
  std::fill(local, local + padded, 0);
  add_scores(keys, n, local);
  for (int c = 0; c < num_classes_; ++c) scores[c] += local[c];
}

void LinearModel::score_unpadded(const uint64_t* keys, size_t n, int32_t* scores) const {
  std::vector<int32_t> acc(padded_classes(), 0);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = keys[i];
    const uint32_t fp = static_cast<uint32_t>(key >> 32);
    uint32_t hit = kEmpty;
    for (size_t s = (key >> 1) & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].pos == kEmpty) break;
      if (slots_[s].fingerprint == fp) {
        hit = slots_[s].pos;
        break;
      }
    }
    if (hit == kEmpty) continue;
    if (hit >= kInline) {
      acc[(hit >> 16) & 0x7fff] += static_cast<int16_t>(hit & 0xffff);
      continue;
    }
    const int16_t* h = table_.data() + hit;
    const int16_t* w = h + 2;
    if (h[1]) {
      for (int c = 0; c < num_classes_; ++c) acc[c] += w[c];
    } else {
      const int count = static_cast<uint16_t>(h[0]);
      for (int k = 0; k < count; ++k) acc[static_cast<uint16_t>(w[2 * k])] += w[2 * k + 1];
    }
  }
  for (int c = 0; c < num_classes_; ++c) scores[c] += acc[c];
}

LinearModel LinearModel::merge(const LinearModel& a, const LinearModel& b) {
  LinearModel m;
  m.num_classes_ = a.num_classes_ + b.num_classes_;
  // A model without weights (LinearModel::empty) has no meaningful scale.
  m.scale_ = a.weights_.empty()   ? b.scale_
             : b.weights_.empty() ? a.scale_
                                  : std::max(a.scale_, b.scale_);
  // Rescaling an int16 weight to a larger scale keeps it in range.
  auto rescale = [&](const LinearModel& src, int16_t w) {
    return static_cast<int16_t>(std::lround(static_cast<double>(w) * src.scale_ / m.scale_));
  };
  size_t i = 0, j = 0;
  auto emit = [&](const LinearModel* src, size_t idx, uint16_t offset) {
    const uint32_t begin = idx ? src->ends_[idx - 1] : 0;
    for (uint32_t k = begin; k < src->ends_[idx]; ++k) {
      const int16_t w = rescale(*src, src->weights_[k].w);
      if (w) m.weights_.push_back(Weight{static_cast<uint16_t>(src->weights_[k].cls + offset), w});
    }
  };
  const uint16_t offset = static_cast<uint16_t>(a.num_classes_);
  while (i < a.keys_.size() || j < b.keys_.size()) {
    const size_t before = m.weights_.size();
    uint64_t key;
    if (j == b.keys_.size() || (i < a.keys_.size() && a.keys_[i] < b.keys_[j])) {
      key = a.keys_[i];
      emit(&a, i++, 0);
    } else if (i == a.keys_.size() || b.keys_[j] < a.keys_[i]) {
      key = b.keys_[j];
      emit(&b, j++, offset);
    } else {
      key = a.keys_[i];
      emit(&a, i++, 0);
      emit(&b, j++, offset);
    }
    if (m.weights_.size() == before) continue;
    m.keys_.push_back(key);
    m.ends_.push_back(static_cast<uint32_t>(m.weights_.size()));
  }
  m.build_table();
  return m;
}

LinearModel LinearModel::pruned(float min_abs) const {
  LinearModel m;
  m.num_classes_ = num_classes_;
  m.scale_ = scale_;
  const float q_min = min_abs / scale_;
  uint32_t begin = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    const size_t before = m.weights_.size();
    for (uint32_t k = begin; k < ends_[i]; ++k)
      if (std::abs(static_cast<float>(weights_[k].w)) >= q_min) m.weights_.push_back(weights_[k]);
    begin = ends_[i];
    if (m.weights_.size() == before) continue;
    m.keys_.push_back(keys_[i]);
    m.ends_.push_back(static_cast<uint32_t>(m.weights_.size()));
  }
  m.build_table();
  return m;
}

float LinearModel::threshold_for(size_t max_weights) const {
  if (weights_.size() <= max_weights) return 0;
  std::vector<int16_t> mags;
  mags.reserve(weights_.size());
  for (const Weight& w : weights_) mags.push_back(static_cast<int16_t>(std::abs(w.w)));
  std::nth_element(mags.begin(), mags.end() - static_cast<long>(max_weights), mags.end());
  return (static_cast<float>(*(mags.end() - static_cast<long>(max_weights))) + 1) * scale_;
}

void LinearModel::save(ByteWriter& w) const {
  w.put<uint32_t>(static_cast<uint32_t>(num_classes_));
  w.put<float>(scale_);
  w.put_vector(keys_);
  w.put_vector(ends_);
  w.put_vector(weights_);
}

bool LinearModel::load(ByteReader& r) {
  num_classes_ = static_cast<int>(r.get<uint32_t>());
  scale_ = r.get<float>();
  if (!r.get_vector(&keys_) || !r.get_vector(&ends_) || !r.get_vector(&weights_)) return false;
  if (num_classes_ <= 0 || num_classes_ > 65535 || keys_.size() != ends_.size()) return false;
  uint32_t prev = 0;
  for (uint32_t e : ends_) {
    if (e < prev || e > weights_.size()) return false;
    prev = e;
  }
  if (!ends_.empty() && ends_.back() != weights_.size()) return false;
  for (const Weight& w : weights_)
    if (w.cls >= num_classes_) return false;
  for (uint64_t k : keys_)
    if (k == 0) return false;
  build_table();
  return true;
}

void LinearTrainer::score(const uint64_t* keys, size_t n, float* scores) {
  std::fill(scores, scores + num_classes_, 0.0f);
  last_keys_.assign(keys, keys + n);
  last_rows_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t row = index_.find(keys[i]);
    last_rows_[i] = row;
    if (row == KeyIndex::kMissing) continue;
    for (const Entry& e : rows_[row]) scores[e.cls] += e.w;
  }
}

void LinearTrainer::update(int cls, float delta) {
  for (size_t i = 0; i < last_keys_.size(); ++i) {
    uint32_t row = last_rows_[i];
    if (row == KeyIndex::kMissing) {
      row = index_.insert(last_keys_[i], static_cast<uint32_t>(rows_.size()));
      if (row == rows_.size()) {
        rows_.emplace_back();
        row_keys_.push_back(last_keys_[i]);
      }
      last_rows_[i] = row;
    }
    auto& entries = rows_[row];
    Entry* e = nullptr;
    for (auto& x : entries)
      if (x.cls == static_cast<uint32_t>(cls)) e = &x;
    if (!e) {
      entries.push_back(Entry{static_cast<uint32_t>(cls), now_, 0.0f, 0.0});
      e = &entries.back();
    }
    e->total += static_cast<double>(e->w) * (now_ - e->last);
    e->last = now_;
    e->w += delta;
  }
}

LinearModel LinearModel::quantize(
    int num_classes, const std::vector<uint64_t>& row_keys,
    const std::vector<std::vector<std::pair<uint16_t, float>>>& rows) {
  LinearModel m;
  m.num_classes_ = num_classes;
  float max_abs = 0;
  for (const auto& ws : rows)
    for (const auto& cw : ws) max_abs = std::max(max_abs, std::fabs(cw.second));
  m.scale_ = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
  // Deterministic order: features sorted by key.
  std::vector<uint32_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return row_keys[a] < row_keys[b]; });
  for (uint32_t r : order) {
    size_t kept = 0;
    for (const auto& [cls, a] : rows[r]) {
      const long q = std::lround(a / m.scale_);
      if (q == 0) continue;
      m.weights_.push_back(LinearModel::Weight{cls, static_cast<int16_t>(q)});
      ++kept;
    }
    if (!kept) continue;
    m.keys_.push_back(row_keys[r]);
    m.ends_.push_back(static_cast<uint32_t>(m.weights_.size()));
  }
  m.build_table();
  return m;
}

LinearModel LinearTrainer::compile(float prune) const {
  // Averaged weights.
  std::vector<std::vector<std::pair<uint16_t, float>>> avg(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) {
    for (const Entry& e : rows_[r]) {
      const double total = e.total + static_cast<double>(e.w) * (now_ - e.last);
      const float a = static_cast<float>(total / now_);
      if (std::fabs(a) < prune || a == 0) continue;
      avg[r].emplace_back(static_cast<uint16_t>(e.cls), a);
    }
    std::sort(avg[r].begin(), avg[r].end());
  }
  return LinearModel::quantize(num_classes_, row_keys_, avg);
}

void WeightSum::add(const LinearTrainer& t, float factor) {
  for (size_t r = 0; r < t.rows_.size(); ++r) {
    uint32_t row = index_.insert(t.row_keys_[r], static_cast<uint32_t>(rows_.size()));
    if (row == rows_.size()) {
      rows_.emplace_back();
      row_keys_.push_back(t.row_keys_[r]);
    }
    auto& ws = rows_[row];
    for (const LinearTrainer::Entry& e : t.rows_[r]) {
      const double total = e.total + static_cast<double>(e.w) * (t.now_ - e.last);
      const float a = static_cast<float>(total / t.now_) * factor;
      const uint16_t cls = static_cast<uint16_t>(e.cls);
      auto it = std::lower_bound(ws.begin(), ws.end(), cls,
                                 [](const auto& cw, uint16_t c) { return cw.first < c; });
      if (it != ws.end() && it->first == cls)
        it->second += a;
      else
        ws.insert(it, {cls, a});
    }
  }
}

LinearModel WeightSum::compile(float prune) const {
  std::vector<std::vector<std::pair<uint16_t, float>>> kept(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r)
    for (const auto& cw : rows_[r])
      if (std::fabs(cw.second) >= prune && cw.second != 0) kept[r].push_back(cw);
  return LinearModel::quantize(num_classes_, row_keys_, kept);
}

}  // namespace casus::syntax
