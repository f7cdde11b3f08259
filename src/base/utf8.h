// UTF-8 helpers: validation, repair and decoding. All functions are pure and thread-safe.
#ifndef CASUS_BASE_UTF8_H_
#define CASUS_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace casus::utf8 {

// Length in bytes of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid
// (overlong, surrogate, > U+10FFFF, truncated, stray continuation byte).
size_t valid_sequence_length(std::string_view s, size_t i);

// True when `s` is entirely valid UTF-8.
bool is_valid(std::string_view s);

// Replaces every invalid sequence with U+FFFD (one per maximal invalid subpart, as the Unicode
// standard recommends). Returns the number of replacements; 0 leaves `s` untouched.
size_t repair(std::string& s);

// Decodes the code point at s[i] (which must be valid UTF-8) and advances i past it.
char32_t decode(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// True when byte b starts a code point (is not a continuation byte).
inline bool is_lead(unsigned char b) { return (b & 0xC0) != 0x80; }

// Number of code points in `s` (valid UTF-8).
size_t count_code_points(std::string_view s);

}  // namespace casus::utf8

#endif  // CASUS_BASE_UTF8_H_
