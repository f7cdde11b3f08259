#include "syntax/clusters.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace casus::syntax {

WordClusters WordClusters::learn(const std::vector<std::vector<uint64_t>>& sentences,
                                 const ClusterOptions& opt) {
  // Vocabulary by frequency (ties by hash, so the result is deterministic).
  std::unordered_map<uint64_t, uint32_t> counts;
  for (const auto& s : sentences)
    for (uint64_t w : s) ++counts[w];
  std::vector<std::pair<uint32_t, uint64_t>> by_count;
  for (const auto& [w, c] : counts)
    if (static_cast<int>(c) >= opt.min_count) by_count.emplace_back(c, w);
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (by_count.size() > opt.max_words) by_count.resize(opt.max_words);
  const size_t V = by_count.size();
  WordClusters result;
  if (V == 0) return result;
  std::unordered_map<uint64_t, uint32_t> id;
  for (size_t i = 0; i < V; ++i) id[by_count[i].second] = static_cast<uint32_t>(i);
  const uint32_t C = static_cast<uint32_t>(std::min<size_t>(opt.contexts, V));
  const uint32_t kOther = C, kBoundary = C + 1;
  const uint32_t D = 2 * (C + 2);  // left contexts, then right contexts

  // (word, dimension) pairs, counted.
  std::vector<uint64_t> pairs;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      auto it = id.find(s[i]);
      if (it == id.end()) continue;
      auto ctx = [&](long j) -> uint32_t {
        if (j < 0 || j >= static_cast<long>(s.size())) return kBoundary;
        auto c = id.find(s[j]);
        return c != id.end() && c->second < C ? c->second : kOther;
      };
      const uint64_t w = it->second;
      pairs.push_back((w << 32) | ctx(static_cast<long>(i) - 1));
      pairs.push_back((w << 32) | (C + 2 + ctx(static_cast<long>(i) + 1)));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // Sparse rows: row_begin[w]..row_begin[w+1] into dims/vals.
  std::vector<uint32_t> row_begin(V + 1, 0), dims;
  std::vector<float> vals;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t w = static_cast<uint32_t>(pairs[i] >> 32);
    dims.push_back(static_cast<uint32_t>(pairs[i] & 0xffffffffu));
    vals.push_back(std::sqrt(static_cast<float>(j - i)));
    ++row_begin[w + 1];
    i = j;
  }
  for (size_t w = 0; w < V; ++w) row_begin[w + 1] += row_begin[w];
  for (size_t w = 0; w < V; ++w) {
    double norm = 0;
    for (uint32_t k = row_begin[w]; k < row_begin[w + 1]; ++k) norm += vals[k] * vals[k];
    const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (uint32_t k = row_begin[w]; k < row_begin[w + 1]; ++k) vals[k] *= inv;
  }

  // Spherical k-means, initialized with the most frequent words.
  const uint32_t K = static_cast<uint32_t>(std::min<size_t>(opt.clusters, V));
  std::vector<float> centroids(static_cast<size_t>(K) * D, 0.0f);
  for (uint32_t c = 0; c < K; ++c)
    for (uint32_t k = row_begin[c]; k < row_begin[c + 1]; ++k)
      centroids[static_cast<size_t>(c) * D + dims[k]] = vals[k];
  std::vector<uint32_t> assign(V, 0);
  std::vector<float> score(K);
  for (int iter = 0; iter < opt.iterations; ++iter) {
    // Transposed centroids for sparse dot products: dimension-major.
    std::vector<float> by_dim(static_cast<size_t>(D) * K);
    for (uint32_t c = 0; c < K; ++c)
      for (uint32_t d = 0; d < D; ++d)
        by_dim[static_cast<size_t>(d) * K + c] = centroids[static_cast<size_t>(c) * D + d];
    size_t changed = 0;
    for (size_t w = 0; w < V; ++w) {
      std::fill(score.begin(), score.end(), 0.0f);
      for (uint32_t k = row_begin[w]; k < row_begin[w + 1]; ++k) {
        const float v = vals[k];
        const float* col = &by_dim[static_cast<size_t>(dims[k]) * K];
        for (uint32_t c = 0; c < K; ++c) score[c] += v * col[c];
      }
      const uint32_t best =
          static_cast<uint32_t>(std::max_element(score.begin(), score.end()) - score.begin());
      changed += best != assign[w];
      assign[w] = best;
    }
    std::vector<float> next(static_cast<size_t>(K) * D, 0.0f);
    std::vector<uint32_t> members(K, 0);
    for (size_t w = 0; w < V; ++w) {
      ++members[assign[w]];
      for (uint32_t k = row_begin[w]; k < row_begin[w + 1]; ++k)
        next[static_cast<size_t>(assign[w]) * D + dims[k]] += vals[k];
    }
    for (uint32_t c = 0; c < K; ++c) {
      if (!members[c]) {
        std::copy_n(&centroids[static_cast<size_t>(c) * D], D, &next[static_cast<size_t>(c) * D]);
        continue;
      }
      double norm = 0;
      for (uint32_t d = 0; d < D; ++d)
        norm += next[static_cast<size_t>(c) * D + d] * next[static_cast<size_t>(c) * D + d];
      const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
      for (uint32_t d = 0; d < D; ++d) next[static_cast<size_t>(c) * D + d] *= inv;
    }
    centroids.swap(next);
    if (iter > 0 && changed == 0) break;
  }
  result.map_ = KeyIndex(V);
  for (size_t w = 0; w < V; ++w) result.map_.insert(by_count[w].second | 1, assign[w]);
  return result;
}

}  // namespace casus::syntax
