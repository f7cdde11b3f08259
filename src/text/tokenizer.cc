// The news tokenizer (UD English EWT conventions). See tokenizer.h.
#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "base/utf8.h"

namespace casus::text {
namespace {

// Character classes.
enum Cls : uint8_t {
  kSp,  // horizontal whitespace
  kNl,  // line break
  kPs,  // paragraph separator U+2029
  kLo,  // lowercase letter
  kUp,  // uppercase or titlecase letter
  kDg,  // digit
  kOl,  // other letter, mark, joiner: part of a word, no case
  kPu,  // punctuation or symbol
};

constexpr std::array<uint8_t, 128> make_ascii_table() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    uint8_t k = kPu;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c < 0x20) k = kSp;
    if (c == '\n' || c == '\r') k = kNl;
    if (c >= 'a' && c <= 'z') k = kLo;
    if (c >= 'A' && c <= 'Z') k = kUp;
    if (c >= '0' && c <= '9') k = kDg;
    t[c] = k;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = make_ascii_table();

// Bytes of a whitespace-free chunk, for the chunk scan of Tokenizer::run().
enum ChunkByte : uint8_t {
  kChunkEnd,     // ASCII whitespace or control: ends the chunk
  kChunkPlain,   // any other ASCII byte
  kChunkMark,    // ':' or '@': the chunk may hold a URL or an e-mail address
  kChunkPeriod,  // '.': likewise after a 'w' ("www.")
  kChunkWide,    // a non-ASCII byte: classify the code point
};
constexpr std::array<uint8_t, 256> make_chunk_table() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = kChunkPlain;
    if (c >= 0x80)
      k = kChunkWide;
    else if (c <= ' ')
      k = kAscii[c] == kPu ? kChunkPlain : kChunkEnd;
    else if (c == ':' || c == '@')
      k = kChunkMark;
    else if (c == '.')
      k = kChunkPeriod;
    t[c] = k;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kChunk = make_chunk_table();

struct Ch {
  uint32_t len;
  uint8_t cls;
  char32_t cp;
};

uint8_t classify(char32_t cp) {
  if (cp == 0x2028 || cp == 0x85) return kNl;
  if (cp == 0x2029) return kPs;
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) return kSp;
  if (cp == 0xAD || cp == 0x200C || cp == 0x200D) return kOl;
  if (u_isUWhiteSpace(static_cast<UChar32>(cp))) return kSp;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return kUp;
    case U_LOWERCASE_LETTER:
      return kLo;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return kOl;
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return kDg;
    case U_CONTROL_CHAR:
      return kSp;
    default:
      return kPu;
  }
}

inline Ch char_at(std::string_view t, size_t i) {
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return Ch{1, kAscii[b], b};
  const size_t len = utf8::valid_sequence_length(t, i);
  if (len == 0) return Ch{1, kPu, 0xFFFD};  // invalid byte: a symbol of its own
  size_t j = i;
  const char32_t cp = utf8::decode(t, j);
  return Ch{static_cast<uint32_t>(len), classify(cp), cp};
}

inline bool is_word_cls(uint8_t c) { return c == kLo || c == kUp || c == kDg || c == kOl; }
inline bool is_space_cls(uint8_t c) { return c == kSp || c == kNl || c == kPs; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equals_lower(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (lower(s[i]) != lower_word[i]) return false;
  return true;
}

// Prefixes that EWT keeps attached with their hyphen ("e-mail", "non-profit", "co-workers").
constexpr std::string_view kHyphenPrefixes[] = {"anti", "arch",  "co",    "counter", "cross", "e",
                                                "ex",   "intra", "micro", "mid",     "multi", "neo",
                                                "non",  "over",  "post",  "pre",     "pro",   "re",
                                                "semi", "socio", "sub",   "un",      "vice"};

bool is_hyphen_prefix(std::string_view left) {
  if (left.size() > 7) return false;
  for (std::string_view p : kHyphenPrefixes)
    if (equals_lower(left, p)) return true;
  return false;
}

// Whole words EWT splits without an apostrophe: word -> length of the second part.
struct Contraction {
  std::string_view word;
  uint8_t tail;
};
constexpr Contraction kContractions[] = {
    {"aint", 2},   {"arent", 2},   {"cannot", 3}, {"cant", 2},  {"couldnt", 2}, {"didnt", 2},
    {"doesnt", 2}, {"dont", 2},    {"gimme", 2},  {"gonna", 2}, {"gotta", 2},   {"hadnt", 2},
    {"hasnt", 2},  {"havent", 2},  {"im", 1},     {"isnt", 2},  {"ive", 2},     {"shouldnt", 2},
    {"thats", 1},  {"theres", 1},  {"wanna", 2},  {"wasnt", 2}, {"werent", 2},  {"whats", 1},
    {"wont", 2},   {"wouldnt", 2}, {"youre", 2},
};

// A word of at most 8 bytes, ASCII A-Z folded to a-z, packed into one integer.
constexpr uint64_t pack_lower8(std::string_view w) {
  uint64_t p = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    uint64_t c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') c += 32;
    p |= c << (8 * i);
  }
  return p;
}

struct PackedContraction {
  uint64_t key;
  uint8_t size;
  uint8_t tail;
};
constexpr auto kPackedContractions = [] {
  std::array<PackedContraction, std::size(kContractions)> out{};
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = PackedContraction{pack_lower8(kContractions[i].word),
                               static_cast<uint8_t>(kContractions[i].word.size()),
                               kContractions[i].tail};
  }
  std::sort(out.begin(), out.end(),
            [](const PackedContraction& x, const PackedContraction& y) { return x.key < y.key; });
  return out;
}();

// Bit (c - 'a') of kContractionFirst[size] is set when an entry of that size starts with c.
constexpr auto kContractionFirst = [] {
  std::array<uint32_t, 9> out{};
  for (const auto& c : kContractions) out[c.word.size()] |= uint32_t{1} << (c.word[0] - 'a');
  return out;
}();

int contraction_tail(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return 0;
  // Every entry ends in one of these letters: a cheap filter for the common case.
  switch (lower(w.back())) {
    case 't':
    case 'a':
    case 'e':
    case 'm':
    case 's':
      break;
    default:
      return 0;
  }
  const char first = lower(w[0]);
  if (first < 'a' || first > 'z' || !(kContractionFirst[w.size()] >> (first - 'a') & 1)) return 0;
  // Keys are distinct; a key match of another size means NUL bytes in `w`: no entry.
  const uint64_t key = pack_lower8(w);
  const auto it =
      std::lower_bound(kPackedContractions.begin(), kPackedContractions.end(), key,
                       [](const PackedContraction& c, uint64_t k) { return c.key < k; });
  if (it != kPackedContractions.end() && it->key == key && it->size == w.size()) return it->tail;
  return 0;
}

// Clitic suffixes after an apostrophe.
bool is_clitic_suffix(std::string_view s) {
  return equals_lower(s, "s") || equals_lower(s, "re") || equals_lower(s, "ve") ||
         equals_lower(s, "ll") || equals_lower(s, "m") || equals_lower(s, "d");
}

class Tokenizer {
 public:
  Tokenizer(std::string_view t, std::vector<RawToken>* out) : t_(t), out_(out) {}

  void run() {
    const size_t n = t_.size();
    size_t i = 0;
    bool first = true;
    while (i < n) {
      const size_t run_start = i;
      int newlines = 0;
      while (i < n) {
        const auto b = static_cast<unsigned char>(t_[i]);
        if (b == ' ' || b == '\t') {
          ++i;
          continue;
        }
        if (b == '\n') {
          ++newlines;
          ++i;
          continue;
        }
        if (b == '\r') {
          if (!(i + 1 < n && t_[i + 1] == '\n')) ++newlines;
          ++i;
          continue;
        }
        if (b < 0x80) {
          if (kAscii[b] == kSp) {
            ++i;
            continue;
          }
          break;
        }
        const Ch c = char_at(t_, i);
        if (c.cls == kSp) {
          i += c.len;
        } else if (c.cls == kNl) {
          ++newlines;
          i += c.len;
        } else if (c.cls == kPs) {
          newlines += 2;
          i += c.len;
        } else {
          break;
        }
      }
      if (i >= n) break;
      uint32_t flags = 0;
      if (i > run_start || first) flags |= kSpaceBefore;
      if (newlines >= 1 || first) flags |= kNewlineBefore;
      if (newlines >= 2) flags |= kParagraphBreakBefore;
      if (!out_->empty() && newlines >= 1) out_->back().flags |= kLineEnd;
      first = false;
      // The chunk: up to the next whitespace.
      size_t e = i;
      bool special = false;  // may hold a URL or an e-mail address
      while (e < n) {
        const uint8_t k = kChunk[static_cast<unsigned char>(t_[e])];
        if (k == kChunkPlain) {
          ++e;
          continue;
        }
        if (k == kChunkEnd) break;
        if (k == kChunkWide) {
          const Ch c = char_at(t_, e);
          if (is_space_cls(c.cls)) break;
          e += c.len;
          continue;
        }
        special |= k == kChunkMark || (e > i && t_[e - 1] == 'w');
        ++e;
      }
      const size_t before = out_->size();
      chunk(i, e, flags, special);
      if (out_->size() > before) out_->back().flags |= kSpaceAfter;
      i = e;
    }
    if (!out_->empty()) out_->back().flags |= kSpaceAfter | kLineEnd;
  }

 private:
  void emit(size_t b, size_t e, uint32_t flags) {
    flags |= pending_;
    pending_ = 0;
    out_->push_back(RawToken{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags});
  }

  // Tokens of the whitespace-free chunk [b, e); `flags` go to its first token.
  void chunk(size_t b, size_t e, uint32_t flags, bool special) {
    pending_ = flags;
    chunk_begin_ = b;
    line_start_ = (flags & kNewlineBefore) != 0;
    size_t p = b;
    // Bullets and list markers at the start of a line.
    if (line_start_) {
      const std::string_view c = t_.substr(b, e - b);
      if (c == "-" || c == "*" || c == "+" || c == "\u2022" || c == "\u25AA" || c == "\u25E6" ||
          c == "\u2023" || c == "\u2013" || c == "\u2014" || c == "\u00B7") {
        emit(b, e, kBulletStart);
        return;
      }
      size_t d = b;
      while (d < e && is_digit(t_[d])) ++d;
      if (d > b && d - b <= 3 && d + 1 == e && (t_[d] == '.' || t_[d] == ')')) {
        emit(b, d, kBulletStart | kNumber);
        emit(d, e, 0);
        return;
      }
    }
    if (!special) {
      plain(b, e);
      return;
    }
    while (p < e) {
      size_t sb, se;
      if (find_special(p, e, &sb, &se)) {
        plain(p, sb);
        emit(sb, se, kWord | kLower | kUrl);
        p = se;
      } else {
        plain(p, e);
        p = e;
      }
    }
  }

  // Finds the first URL or e-mail address in [b, e).
  bool find_special(size_t b, size_t e, size_t* sb, size_t* se) const {
    const std::string_view c = t_.substr(b, e - b);
    if (c.size() < 5) return false;
    size_t start = std::string_view::npos, end = e;
    const size_t scheme = c.find("://");
    const size_t at = c.find('@');
    if (scheme != std::string_view::npos && scheme > 0) {
      size_t s = scheme;
      while (s > 0 && is_alpha(c[s - 1])) --s;
      if (s < scheme) start = b + s;
    } else {
      const size_t www = c.find("www.");
      if (www != std::string_view::npos && (www == 0 || !is_alpha(c[www - 1])) &&
          www + 4 < c.size() && is_alpha(c[www + 4])) {
        start = b + www;
      } else if (at != std::string_view::npos && at > 0 && at + 3 < c.size()) {
        auto local = [](char ch) {
          return is_alpha(ch) || is_digit(ch) || ch == '.' || ch == '_' || ch == '-' || ch == '+' ||
                 ch == '%';
        };
        size_t s = at;
        while (s > 0 && local(c[s - 1])) --s;
        size_t r = at + 1;
        bool dot = false;
        while (r < c.size() && (is_alpha(c[r]) || is_digit(c[r]) || c[r] == '.' || c[r] == '-')) {
          if (c[r] == '.') dot = true;
          ++r;
        }
        while (s < at && (c[s] == '.' || c[s] == '-')) ++s;
        if (!dot && r > at + 2) {
          // Mail system addresses without a domain dot: "Rice@ENRON", "Shackleton@ECT".
          dot = true;
          for (size_t k = at + 1; k < r; ++k)
            if (!(c[k] >= 'A' && c[k] <= 'Z')) dot = false;
        }
        if (s == at || r == at + 1 || !dot) return false;
        start = b + s;
        end = b + r;
      }
    }
    if (start == std::string_view::npos) return false;
    // Trim trailing punctuation that belongs to the sentence.
    while (end > start) {
      const char ch = t_[end - 1];
      if (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '!' || ch == '?' || ch == '"' ||
          ch == '\'' || ch == ')' || ch == ']' || ch == '>' || ch == '}') {
        if (ch == ')' && t_.substr(start, end - start).find('(') != std::string_view::npos) break;
        --end;
        continue;
      }
      if (end - start >= 3 && static_cast<unsigned char>(ch) >= 0x80) {
        // A closing curly quote glued to the URL.
        const std::string_view tail = t_.substr(end - 3, 3);
        if (tail == "\u201D" || tail == "\u2019") {
          end -= 3;
          continue;
        }
      }
      break;
    }
    if (end <= start + 3) return false;
    *sb = start;
    *se = end;
    return true;
  }

  // Tokens of [b, e) without URLs.
  void plain(size_t b, size_t e) {
    size_t p = b;
    while (p < e) {
      const Ch c = char_at(t_, p);
      if (is_word_cls(c.cls)) {
        p = word(p, e);
      } else if (t_[p] == '.' && p + 1 < e && is_digit(t_[p + 1]) &&
                 (p == chunk_begin_ || t_[p - 1] == '(')) {
        // A decimal without its leading zero is one number: "batted .322", "(.5 percent)".
        size_t r = p + 1;
        while (r < e && is_digit(t_[r])) ++r;
        if (r < e && word_at(r, e)) {
          p = punct(p, e, c);
          continue;
        }
        emit(p, r, kNumber);
        p = r;
      } else {
        p = punct(p, e, c);
      }
    }
  }

  bool word_at(size_t q, size_t e) const { return q < e && is_word_cls(char_at(t_, q).cls); }

  // Scans a word starting at p; emits one or two tokens; returns the end.
  size_t word(size_t p, size_t e) {
    size_t q = p, seg_start = p;
    bool inner_period = false;
    while (true) {
      while (q < e) {
        const auto b = static_cast<unsigned char>(t_[q]);
        if (b < 0x80) {
          const uint8_t k = kAscii[b];
          if (k == kLo || k == kUp || k == kDg) {
            ++q;
            continue;
          }
          break;
        }
        const Ch c = char_at(t_, q);
        if (!is_word_cls(c.cls)) break;
        q += c.len;
      }
      if (q >= e) break;
      const char c = t_[q];
      const char prev = t_[q - 1];
      const bool next_word = word_at(q + 1, e);
      if (c == '.' && next_word) {
        const char nx = t_[q + 1];
        const bool glued_sentence = q - seg_start >= 2 && nx >= 'A' && nx <= 'Z' && q + 2 < e &&
                                    t_[q + 2] >= 'a' && t_[q + 2] <= 'z' && !is_digit(prev);
        if (glued_sentence) break;
        inner_period = true;
        ++q;
        seg_start = q;
        continue;
      }
      if ((c == ',' || c == ':' || c == '/') && is_digit(prev) && q + 1 < e &&
          is_digit(t_[q + 1])) {
        ++q;
        continue;
      }
      if (c == '/' && q - p == 1 && is_alpha(prev)) {
        // "b/c", "l/c", "w/".
        if (q + 2 <= e && is_alpha(t_[q + 1]) && (q + 2 == e || !word_at(q + 2, e))) {
          q += 2;
          continue;
        }
        if (lower(prev) == 'w' && (q + 1 == e || !word_at(q + 1, e))) {
          ++q;
          break;
        }
      }
      if (c == '&' && prev >= 'A' && prev <= 'Z' && q + 1 < e && t_[q + 1] >= 'A' &&
          t_[q + 1] <= 'Z') {
        ++q;
        continue;
      }
      if (c == '_' && next_word) {
        ++q;
        continue;
      }
      if (c == '-' && next_word) {
        const std::string_view left = t_.substr(p, q - p);
        bool join = is_hyphen_prefix(left);
        if (!join && is_digit(prev) && q + 1 < e && is_digit(t_[q + 1])) {
          // Phone-number-like digit groups stay whole ("713-853-3989", "646-8420").
          size_t l = q;
          while (l > p && is_digit(t_[l - 1])) --l;
          size_t r = q + 1;
          while (r < e && is_digit(t_[r])) ++r;
          join = q - l >= 3 && r - (q + 1) >= 4 && (r >= e || !word_at(r, e));
          if (!join && q - l >= 3 && r - (q + 1) == 3 && r < e && t_[r] == '-') join = true;
        }
        if (join) {
          ++q;
          continue;
        }
        break;
      }
      // Apostrophes: clitics split off, O'Brien and o'clock stay whole.
      size_t alen = 0;
      if (c == '\'') alen = 1;
      if (static_cast<unsigned char>(c) == 0xE2 && t_.substr(q, 3) == "\u2019") alen = 3;
      if (alen) {
        const size_t after = q + alen;
        size_t r = after;
        while (r < e && is_alpha(t_[r])) ++r;
        const bool ends = r >= e || !word_at(r, e);
        const std::string_view suffix = t_.substr(after, r - after);
        if (ends && equals_lower(suffix, "t") && q - p >= 2 && lower(prev) == 'n') {
          emit_word(p, q - 1, false, seg_start);
          emit(q - 1, r, kWord | kLower);
          return r;
        }
        if (ends && is_clitic_suffix(suffix)) break;
        if (r > after && !ends) break;  // "rock'n'roll"-like oddities: split
        if (r > after) {
          q = r;
          continue;
        }
        break;
      }
      break;
    }
    // A final period that belongs to the word.
    bool with_period = false;
    if (q < e && t_[q] == '.' && !(q + 1 < e && t_[q + 1] == '.')) {
      with_period = period_belongs(p, q, seg_start, inner_period);
    }
    if (with_period) {
      emit_word(p, q + 1, true, seg_start);
      return q + 1;
    }
    emit_word(p, q, false, seg_start);
    return q;
  }

  bool period_belongs(size_t p, size_t q, size_t seg_start, bool inner_period) {
    const std::string_view w = t_.substr(p, q - p);
    abbrev_flags_ = 0;
    if (inner_period) {
      // "U.S.", "a.m.", "e.g.": short letter segments.
      if (q - seg_start <= 2 && is_alpha(t_[q - 1])) {
        const AbbrevKind k = abbreviation_kind(w);
        abbrev_flags_ = (k == AbbrevKind::kInner) ? kTitleAbbrev : kOtherAbbrev;
        return true;
      }
      return false;
    }
    if (w.size() == 1 && t_[p] >= 'A' && t_[p] <= 'Z') {
      abbrev_flags_ = kTitleAbbrev;  // an initial
      return true;
    }
    switch (abbreviation_kind(w)) {
      case AbbrevKind::kTitle:
      case AbbrevKind::kInner:
        abbrev_flags_ = kTitleAbbrev;
        return true;
      case AbbrevKind::kOther:
        abbrev_flags_ = kOtherAbbrev;
        return true;
      case AbbrevKind::kBeforeNumber: {
        size_t r = q + 1;
        while (r < t_.size() && t_[r] == ' ') ++r;
        if (r > q + 1 && r < t_.size() && (is_digit(t_[r]) || t_[r] == '#')) {
          abbrev_flags_ = kTitleAbbrev;
          return true;
        }
        return false;
      }
      case AbbrevKind::kNone:
        return false;
    }
    return false;
  }

  void emit_word(size_t b, size_t e, bool with_period, size_t) {
    uint32_t flags = kWord;
    const Ch c = char_at(t_, b);
    if (c.cls == kUp) flags |= kUpper;
    if (c.cls == kLo) flags |= kLower;
    if (c.cls == kDg) flags = kNumber;
    if (with_period) flags |= kPeriodEnd | abbrev_flags_;
    if (!with_period) {
      const int tail = contraction_tail(t_.substr(b, e - b));
      if (tail) {
        emit(b, e - tail, flags);
        emit(e - tail, e, kWord | kLower);
        return;
      }
    }
    emit(b, e, flags);
  }

  size_t run_of(size_t p, size_t e, char ch) const {
    size_t q = p;
    while (q < e && t_[q] == ch) ++q;
    return q;
  }

  size_t punct(size_t p, size_t e, const Ch& c) {
    const bool space_before = p == chunk_begin_;
    if (c.cp < 0x80) {
      const char ch = static_cast<char>(c.cp);
      switch (ch) {
        case '.': {
          size_t q = run_of(p, e, '.');
          if (q - p == 1 && q < e && (t_[q] == '?' || t_[q] == '!')) {
            while (q < e && (t_[q] == '?' || t_[q] == '!')) ++q;
          }
          emit(p, q, q - p >= 2 ? kTerminal | kEllipsis : uint32_t{kTerminal});
          return q;
        }
        case '!':
        case '?': {
          size_t q = p;
          while (q < e && (t_[q] == '!' || t_[q] == '?')) ++q;
          emit(p, q, kTerminal | kQuestionBang);
          return q;
        }
        case '-':
        case '*':
        case '=':
        case '_':
        case '~':
        case '<':
        case '>':
        case '`':
        case '#': {
          const size_t q = ch == '#' ? p + 1 : run_of(p, e, ch);
          uint32_t f = 0;
          if (ch == '`') f = kOpener;
          if (q - p >= 3 && ch != '<' && ch != '>' && ch != '`') f |= kSeparator;
          emit(p, q, f);
          return q;
        }
        case ':':
        case ';': {
          // Emoticons.
          size_t q = p + 1;
          if (q < e && t_[q] == '-') ++q;
          if (q < e &&
              (t_[q] == ')' || t_[q] == '(' || t_[q] == 'D' || t_[q] == 'P' || t_[q] == 'p') &&
              (q + 1 >= e || !word_at(q + 1, e))) {
            emit(p, q + 1, kEmoticon);
            return q + 1;
          }
          emit(p, p + 1, kColon | kContinuation);
          return p + 1;
        }
        case '\'':
          return apostrophe(p, e, 1, space_before);
        case '"': {
          const bool opener = space_before && p + 1 < e;
          emit(p, p + 1, opener ? kOpener : kCloser);
          return p + 1;
        }
        case '(':
        case '[':
        case '{':
          emit(p, p + 1, kOpener);
          return p + 1;
        case ')':
        case ']':
        case '}':
          emit(p, p + 1, space_before ? kCloser | kContinuation : uint32_t{kCloser});
          return p + 1;
        case ',':
          emit(p, p + 1, kContinuation);
          return p + 1;
        default:
          emit(p, p + 1, 0);
          return p + 1;
      }
    }
    switch (c.cp) {
      case 0x2019:
        return apostrophe(p, e, 3, space_before);
      case 0x201C:
      case 0x2018:
      case 0x00AB:
      case 0x201E:
      case 0x2039:
        emit(p, p + c.len, kOpener);
        return p + c.len;
      case 0x201D:
      case 0x00BB:
      case 0x203A:
        emit(p, p + c.len, kCloser);
        return p + c.len;
      case 0x2026:
        emit(p, p + c.len, kTerminal | kEllipsis);
        return p + c.len;
      default:
        emit(p, p + c.len, 0);
        return p + c.len;
    }
  }

  // An apostrophe (' or U+2019, `alen` bytes) at p: a clitic, a quote, or a run of quotes.
  size_t apostrophe(size_t p, size_t e, size_t alen, bool space_before) {
    size_t r = p + alen;
    while (r < e && is_alpha(t_[r])) ++r;
    const std::string_view suffix = t_.substr(p + alen, r - p - alen);
    if (!suffix.empty() && (r >= e || !word_at(r, e)) && is_clitic_suffix(suffix) &&
        (!space_before || !out_->empty())) {
      const bool attached = !space_before;
      if (attached || equals_lower(suffix, "s")) {
        emit(p, r, kWord | kLower);
        return r;
      }
    }
    if (alen == 1 && p + 1 < e && t_[p + 1] == '\'') {
      emit(p, p + 2, space_before ? kOpener : kCloser);
      return p + 2;
    }
    if (alen == 3 && t_.substr(p + 3, 3) == "\u2019") {
      emit(p, p + 6, kCloser);
      return p + 6;
    }
    const bool opener = space_before && p + alen < e;
    emit(p, p + alen, opener ? kOpener : kCloser);
    return p + alen;
  }

  std::string_view t_;
  std::vector<RawToken>* out_;
  uint32_t pending_ = 0;
  uint32_t abbrev_flags_ = 0;
  size_t chunk_begin_ = 0;
  bool line_start_ = false;
};

}  // namespace

void tokenize(std::string_view text, std::vector<RawToken>* out) { Tokenizer(text, out).run(); }

}  // namespace casus::text
