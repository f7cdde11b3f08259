// FNV-1a, 64 bits: the one byte-string hash that casus's stages share (model content hashes,
// lexicon and feature keys). Variants that fold case or map characters while hashing keep their
// own loops next to their callers.
#ifndef CASUS_BASE_HASH_H_
#define CASUS_BASE_HASH_H_

#include <cstdint>
#include <string_view>

namespace casus {

inline constexpr uint64_t kFnv1aOffset = 1469598103934665603ull;
inline constexpr uint64_t kFnv1aPrime = 1099511628211ull;

inline constexpr uint64_t fnv1a64(std::string_view s, uint64_t h = kFnv1aOffset) {
  for (unsigned char c : s) h = (h ^ c) * kFnv1aPrime;
  return h;
}

}  // namespace casus

#endif  // CASUS_BASE_HASH_H_
