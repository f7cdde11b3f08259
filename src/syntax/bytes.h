// Little helpers for the syntax model file: hashing, and a bounds-checked binary writer/reader.
// Values are written in the host byte order (little-endian on every platform casus supports;
// the loader checks a byte-order marker).
#ifndef CASUS_SYNTAX_BYTES_H_
#define CASUS_SYNTAX_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/hash.h"
namespace casus::syntax {

// FNV-1a, 64 bits (base/hash.h): the content hash of model payloads.
using ::casus::fnv1a64;

// A strong 64-bit mixer (the splitmix64 finalizer) for feature keys.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Key of a feature from its template id and up to three values. Never 0 (0 marks empty slots).
inline uint64_t feature_key(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = mix64(tmpl * 0x9e3779b97f4a7c15ull + a);
  h = mix64(h + b * 0xc2b2ae3d27d4eb4full);
  if (c) h = mix64(h ^ c);
  return h | 1;
}

class ByteWriter {
 public:
  template <typename T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    buf_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void put_string(std::string_view s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_.append(s);
  }
  template <typename T>
  void put_vector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put<uint64_t>(v.size());
    if (!v.empty()) buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& v) {
    put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) put_string(s);
  }
  const std::string& data() const { return buf_; }
  std::string& data() { return buf_; }

 private:
  std::string buf_;
};

// Reads what ByteWriter wrote. After any read past the end, ok() is false and reads yield zeros.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  template <typename T>
  T get() {
    T v{};
    if (!need(sizeof(T))) return v;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string get_string() {
    const uint32_t n = get<uint32_t>();
    if (!need(n)) return {};
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  bool get_vector(std::vector<T>* v) {
    const uint64_t n = get<uint64_t>();
    if (n > (data_.size() - pos_) / sizeof(T) || !need(n * sizeof(T))) return ok_ = false;
    v->resize(n);
    if (n) std::memcpy(v->data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_strings(std::vector<std::string>* v) {
    const uint32_t n = get<uint32_t>();
    if (n > data_.size() - pos_) return ok_ = false;
    v->clear();
    for (uint32_t i = 0; i < n && ok_; ++i) v->push_back(get_string());
    return ok_;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool need(size_t n) {
    if (!ok_ || n > data_.size() - pos_) return ok_ = false;
    return true;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_BYTES_H_
