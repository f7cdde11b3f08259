// FNV-1a, 64 bits: the one byte-string hash that casus's stages share (model content hashes,
// lexicon and feature keys), plain and with ASCII case folded. Variants that map other characters
// while hashing keep their own loops next to their callers.
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

// FNV-1a of `s` with ASCII A-Z folded to a-z (other bytes as they are): equals
// fnv1a64(ascii_lowercase(s), h) without building the lowercased string.
inline constexpr uint64_t fnv1a64_lower(std::string_view s, uint64_t h = kFnv1aOffset) {
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h = (h ^ c) * kFnv1aPrime;
  }
  return h;
}

}  // namespace casus

#endif  // CASUS_BASE_HASH_H_
