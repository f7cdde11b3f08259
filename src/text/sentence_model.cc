// The learned sentence-boundary classifier: features, decoding, serialization. See
// sentence_model.h; training is in sentence_train.cc.
#include "text/sentence_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "base/hash.h"
#include "text/sentence_splitter.h"

namespace casus::text {

// The generated translation unit holding data/text/sentence_model.bin (tools/CMakeLists.txt).
extern const unsigned char kBuiltinSentenceModel[];
extern const size_t kBuiltinSentenceModelSize;

namespace {

// Coarse token classes. Changing them (or any feature below) changes the feature set: bump
// SentenceModel::kFeatureVersion and retrain.
enum Cls : uint8_t {
  kClsLower = 1,
  kClsUpper,
  kClsAllCaps,
  kClsNumber,
  kClsOtherWord,
  kClsPeriod,
  kClsQuestionBang,
  kClsEllipsis,
  kClsTitleAbbrev,
  kClsOtherAbbrev,
  kClsPeriodWord,
  kClsOpenQuote,
  kClsCloseQuote,
  kClsOpenBracket,
  kClsCloseBracket,
  kClsComma,
  kClsColon,
  kClsBullet,
  kClsSeparator,
  kClsEmoticon,
  kClsUrl,
  kClsDash,
  kClsSymbol,
  kClsBos,  // before the paragraph
  kClsEop,  // after the paragraph
  kClsSemicolon,
};

constexpr uint64_t kLexBos = 0x51ab3c2d9e4f7a61ULL;
constexpr uint64_t kLexEop = 0x2f8e6d1c3b5a4978ULL;
constexpr uint64_t kLexNumber = 0x7c3a91e5d24b6f08ULL;

inline uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// Index of the feature (template, a, b) in a table of mask + 1 entries.
inline uint32_t slot(uint64_t tpl, uint64_t a, uint64_t b, uint32_t mask) {
  uint64_t h = (tpl + 1) * 0x9E3779B97F4A7C15ULL;
  h = (h ^ a) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 31;
  h = (h ^ b) * 0x165667B19E3779F9ULL;
  return static_cast<uint32_t>(fmix(h)) & mask;
}

inline uint64_t pack(uint64_t a, uint64_t b, uint64_t c = 0, uint64_t d = 0) {
  return a | (b << 8) | (c << 16) | (d << 24);
}

uint8_t classify(std::string_view text, const RawToken& t) {
  const uint32_t f = t.flags;
  const unsigned char c0 = static_cast<unsigned char>(text[t.begin]);
  if (f & kUrl) return kClsUrl;
  if (f & kBulletStart) return kClsBullet;
  if (f & kSeparator) return kClsSeparator;
  if (f & kEmoticon) return kClsEmoticon;
  if (f & kEllipsis) return kClsEllipsis;
  if (f & kQuestionBang) return kClsQuestionBang;
  if (f & kTerminal) return kClsPeriod;
  if (f & kPeriodEnd) {
    if (f & kTitleAbbrev) return kClsTitleAbbrev;
    if (f & kOtherAbbrev) return kClsOtherAbbrev;
    return kClsPeriodWord;
  }
  if (f & kNumber) return kClsNumber;
  if (f & kWord) {
    if (f & kLower) return kClsLower;
    if (f & kUpper) {
      // Two or more letters, all uppercase ASCII: a header or an acronym.
      size_t letters = 0;
      for (uint32_t k = t.begin; k < t.end && k < t.begin + 16; ++k) {
        const unsigned char c = static_cast<unsigned char>(text[k]);
        if (c >= 'a' && c <= 'z') return kClsUpper;
        if (c >= 'A' && c <= 'Z') ++letters;
      }
      return letters >= 2 ? kClsAllCaps : kClsUpper;
    }
    return kClsOtherWord;
  }
  if (f & (kOpener | kCloser)) {
    const bool bracket = c0 == '(' || c0 == '[' || c0 == '{' || c0 == ')' || c0 == ']' || c0 == '}';
    if (f & kOpener) return bracket ? kClsOpenBracket : kClsOpenQuote;
    return bracket ? kClsCloseBracket : kClsCloseQuote;
  }
  if (c0 == ',') return kClsComma;
  if (c0 == ';') return kClsSemicolon;
  if (f & kColon) return kClsColon;
  if (c0 == '-' || (c0 == 0xE2 && t.end - t.begin == 3 && text[t.begin + 1] == '\x80' &&
                    (text[t.begin + 2] == '\x93' || text[t.begin + 2] == '\x94'))) {
    return kClsDash;
  }
  return kClsSymbol;
}

// The standard 64-bit FNV-1a offset basis, which the sentence model was trained with (note:
// base/hash.h's kFnv1aOffset is a different seed, 1469598103934665603).
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

// FNV-1a of the lowercased form (ASCII letters folded; at most 24 bytes, then the length).
uint64_t lex_hash(std::string_view text, const RawToken& t) {
  const uint32_t len = t.end - t.begin;
  uint64_t h = fnv1a64_lower(text.substr(t.begin, std::min<uint32_t>(len, 24)), kFnvBasis);
  if (len > 24) h = (h ^ len) * kFnv1aPrime;
  return h;
}

// Shape symbol of a byte: 1 upper, 2 lower, 3 digit, 4 '.', 5 a non-ASCII lead byte, 6 other
// ASCII; 0 for a continuation byte (skipped).
constexpr std::array<uint8_t, 256> make_shape_table() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t sym = 6;
    if (c >= 'A' && c <= 'Z')
      sym = 1;
    else if (c >= 'a' && c <= 'z')
      sym = 2;
    else if (c >= '0' && c <= '9')
      sym = 3;
    else if (c == '.')
      sym = 4;
    else if (c >= 0xC0)
      sym = 5;
    else if (c >= 0x80)
      sym = 0;
    t[c] = sym;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kShapeSym = make_shape_table();

// Character classes with repeats collapsed, at most 6 symbols, plus a length bucket.
uint32_t shape_of(std::string_view text, const RawToken& t) {
  uint32_t s = 0, prev = 0, count = 0;
  const uint32_t len = t.end - t.begin;
  const uint32_t e = t.begin + std::min<uint32_t>(len, 16);
  for (uint32_t k = t.begin; k < e; ++k) {
    const uint32_t sym = kShapeSym[static_cast<unsigned char>(text[k])];
    if (sym == 0 || sym == prev) continue;
    prev = sym;
    if (count < 6) s |= sym << (4 * count++);
  }
  const uint32_t lb = len <= 1 ? 0 : len == 2 ? 1 : len == 3 ? 2 : len <= 6 ? 3 : 4;
  return s | (lb << 24);
}

inline uint64_t sentence_len_bucket(size_t n) {
  if (n <= 4) return n;
  if (n <= 6) return 5;
  if (n <= 9) return 6;
  if (n <= 14) return 7;
  if (n <= 24) return 8;
  if (n <= 39) return 9;
  return 10;
}

inline uint64_t remaining_bucket(size_t n) {
  if (n <= 3) return n;
  if (n <= 5) return 4;
  if (n <= 9) return 5;
  return 6;
}

bool is_word_cls(uint8_t c) {
  return c == kClsLower || c == kClsUpper || c == kClsAllCaps || c == kClsNumber ||
         c == kClsOtherWord;
}

// "08/16/2000" (d/d/yy or d/d/yyyy).
bool is_slash_date(std::string_view w) {
  size_t k = 0, groups = 0, digits = 0;
  for (; k < w.size(); ++k) {
    const char c = w[k];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '/' && digits >= 1 && digits <= 2 && groups < 2) {
      ++groups;
      digits = 0;
    } else {
      return false;
    }
  }
  return groups == 2 && (digits == 2 || digits == 4);
}

// "03:14" or "03:14:14".
bool is_clock_time(std::string_view w) {
  if (w.size() < 4 || w.size() > 8) return false;
  size_t colons = 0;
  for (char c : w) {
    if (c == ':') {
      ++colons;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return colons >= 1 && colons <= 2 && w[0] != ':' && w.back() != ':';
}

bool is_am_pm(std::string_view w) { return w == "AM" || w == "PM" || w == "am" || w == "pm"; }

uint64_t fnv_bytes(const void* data, size_t n) {
  return fnv1a64(std::string_view(static_cast<const char*>(data), n), kFnvBasis);
}

void put_u32(std::string& out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}
uint32_t get_u32(const unsigned char* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

}  // namespace

// --- Features -------------------------------------------------------------------------------

void GapFeaturizer::reset(std::string_view text, const RawToken* toks, size_t n) {
  text_ = text;
  toks_ = toks;
  n_ = n;
  info_.resize(n);
  marks_.assign(n, 0);
  uint8_t open = 0, since = 0, caps = 0;
  for (size_t i = 0; i < n; ++i) {
    Tok& t = info_[i];
    t.cls = classify(text, toks[i]);
    if (i > 0 && t.cls == kClsNumber && info_[i - 1].cls == kClsNumber) {
      const RawToken& d = toks[i - 1];
      const RawToken& c = toks[i];
      if (is_slash_date(text.substr(d.begin, d.end - d.begin)) &&
          is_clock_time(text.substr(c.begin, c.end - c.begin))) {
        marks_[i - 1] |= kStampStart;
      }
    }
    if (t.cls == kClsCloseQuote && open > 0) --open;
    t.quote = open;
    if (t.cls == kClsOpenQuote && open < 3) ++open;
    const bool word = is_word_cls(t.cls);
    since = word ? static_cast<uint8_t>(std::min(since + 1, 15)) : 0;
    caps = (t.cls == kClsUpper || t.cls == kClsAllCaps)
               ? static_cast<uint8_t>(std::min(caps + 1, 7))
               : 0;
    t.since_punct = since;
    t.caps_run = caps;
  }
}

bool GapFeaturizer::rule(size_t i) const { return sentence_break_after(text_, toks_, i, n_); }

bool GapFeaturizer::inner_gap(size_t i) const {
  // A word or comma, then a lowercase word, comma or colon on the same line: no rule of
  // sentence_break_after() fires there (they need a bullet, a separator, a closer, a capital or a
  // number after the gap, or terminal punctuation, an abbreviation, an emoticon or a separator
  // before it), and candidate() then only admits the end of a time stamp.
  const uint8_t a = info_[i].cls, b = info_[i + 1].cls;
  if (!(b == kClsLower || b == kClsComma || b == kClsColon)) return false;
  if (!(is_word_cls(a) || a == kClsComma)) return false;
  if (toks_[i + 1].flags & kNewlineBefore) return false;
  return !stamp_end(i);
}

bool GapFeaturizer::candidate(size_t i, bool rule) const {
  const uint8_t a = info_[i].cls, b = info_[i + 1].cls;
  if (stamp_end(i)) return true;  // fixed()
  // An ellipsis right after . ? or ! opens the next sentence (fixed()).
  if (b == kClsEllipsis && (a == kClsPeriod || a == kClsQuestionBang)) return true;
  // After an abbreviation ("etc. ...") it stays with the sentence before it.
  if (b == kClsEllipsis && !(toks_[i + 1].flags & kNewlineBefore) &&
      (a == kClsOtherAbbrev || a == kClsPeriodWord)) {
    return false;
  }
  if (a == kClsTitleAbbrev) {
    // Titles and initials: "Sgt. Pepper", "George W. Bush"; but see initial_then_starter().
    return initial_then_starter(i);
  }
  if (rule) return true;
  if (toks_[i + 1].flags & kNewlineBefore) return true;
  const bool b_inner = b == kClsLower || b == kClsComma || b == kClsColon;
  const bool a_inner = is_word_cls(a) || a == kClsComma || a == kClsColon || a == kClsDash ||
                       a == kClsOpenQuote || a == kClsOpenBracket;
  return !(a_inner && b_inner);
}

bool GapFeaturizer::stamp_start(size_t k) const { return k < n_ && (marks_[k] & kStampStart) != 0; }

bool GapFeaturizer::stamp_end(size_t i) const {
  const RawToken& t = toks_[i];
  if (t.end - t.begin == 2 && is_am_pm(text_.substr(t.begin, 2))) {
    return i >= 2 && stamp_start(i - 2);
  }
  if (i < 1 || !stamp_start(i - 1)) return false;
  const RawToken& u = toks_[i + 1];
  return !is_am_pm(text_.substr(u.begin, u.end - u.begin));
}

bool GapFeaturizer::opening_mark(size_t i) const {
  const RawToken& t = toks_[i];
  if (i > 0 && !(t.flags & kSpaceBefore)) return false;
  if (toks_[i + 1].flags & kSpaceBefore) return false;
  const std::string_view w = text_.substr(t.begin, t.end - t.begin);
  return w == "'" || w == "\"" || w == "\u201C" || w == "\u2018";
}

bool GapFeaturizer::initial_then_starter(size_t i) const {
  const RawToken& t = toks_[i];
  if (t.end - t.begin != 2 || text_[t.begin + 1] != '.') return false;
  if (text_[t.begin] < 'A' || text_[t.begin] > 'Z') return false;
  if (info_[i + 1].cls != kClsUpper) return false;
  const RawToken& u = toks_[i + 1];
  return is_sentence_starter(text_.substr(u.begin, u.end - u.begin));
}

const GapFeaturizer::Tok& GapFeaturizer::full(size_t k) const {
  Tok& t = info_[k];
  if (!(marks_[k] & kReady)) {
    marks_[k] |= kReady;
    t.shape = shape_of(text_, toks_[k]);
    // Numbers by shape only: "2." is a list item at the start of a sentence and a score at its
    // end; the digits themselves say nothing.
    t.lex = t.cls == kClsNumber ? fmix(kLexNumber ^ t.shape) : lex_hash(text_, toks_[k]);
  }
  return t;
}

int GapFeaturizer::fixed(size_t i, bool rule, size_t sentence_len) const {
  // Training text (CoNLL-U rebuilt) has no line breaks inside paragraphs, so the model knows
  // nothing of them: at a line break the rules (headlines, datelines, bullets) may split.
  if (rule && (toks_[i + 1].flags & kNewlineBefore)) return 1;
  // "Traci Warner@ENRON on 08/16/2000 03:14:14 PM || Steve, Rod and Elyse - ...": the time stamp
  // of a forwarded mail header ends its sentence (EWT train + GUM: all 151 such gaps).
  if (stamp_end(i)) return 1;
  // "... to this day. ... a drop in the ...", "Is it over? ... Nobody knows.": an ellipsis right
  // after . ? or ! opens the next sentence (UD EWT train: all 11 such gaps; GUM train: 1 of 3),
  // and the sentence goes on after it.
  const uint8_t a = info_[i].cls;
  if (info_[i + 1].cls == kClsEllipsis && (a == kClsPeriod || a == kClsQuestionBang)) return 1;
  if (a == kClsEllipsis && i > 0) {
    const uint8_t p = info_[i - 1].cls;
    if (p == kClsPeriod || p == kClsQuestionBang) return 0;
    // "etc. ...": the ellipsis joined the sentence before it (candidate()); whether a sentence
    // ends after it is the rules' call, as after the abbreviation.
    if (p == kClsOtherAbbrev || p == kClsPeriodWord) return rule ? 1 : 0;
  }
  // "The score was 3-2. Fans cheered.": a period after a number that does not open the sentence
  // (where "2." would be a list marker) ends it when the rules say so. The CoNLL-U training text
  // has lost the line breaks of lists, so the model alone takes "2." for a list marker.
  // Not before a bracket ("... in 1984. [2]": a footnote mark may stay with its sentence), and
  // not when no word precedes the number in the sentence ("* 2. The second ...": a list item).
  if (rule && info_[i].cls == kClsPeriod && i > 1 && info_[i - 1].cls == kClsNumber &&
      sentence_len > 2 && info_[i + 1].cls != kClsOpenBracket) {
    for (size_t k = i - 2, left = sentence_len - 2; left > 0; --k, --left) {
      const uint8_t c = info_[k].cls;
      if (c == kClsLower || c == kClsUpper || c == kClsAllCaps || c == kClsOtherWord) return 1;
      if (k == 0) break;
    }
  }
  // "(b. March 2009)", "(c. 314)", ", p. 330": a single lowercase letter and a period right
  // after a bracket, comma or semicolon abbreviate born, circa, married, page.
  if (info_[i].cls == kClsPeriod && i >= 2 && !(toks_[i].flags & kSpaceBefore) &&
      toks_[i - 1].end - toks_[i - 1].begin == 1 && info_[i - 1].cls == kClsLower) {
    const uint8_t b = info_[i - 2].cls;
    if (b == kClsOpenBracket || b == kClsComma || b == kClsSemicolon) return 0;
  }
  // "in 88 and 92, [George H. W.] Bush in 2000": an editorial insertion in square brackets after
  // a word or comma of the sentence, holding words and no sentence end, never ends the sentence
  // (EWT train + GUM: 5 of 5 such gaps before a capitalized word; footnote marks "[12]" after a
  // period are not insertions).
  if (info_[i].cls == kClsCloseBracket && text_[toks_[i].begin] == ']' && sentence_len > 3) {
    bool words = false;
    for (size_t k = i - 1, left = std::min<size_t>(sentence_len - 2, 24); left > 0; --k, --left) {
      const uint8_t c = info_[k].cls;
      if (c == kClsOpenBracket) {
        if (text_[toks_[k].begin] != '[' || !words) break;
        const uint8_t p = info_[k - 1].cls;  // k >= 1: '[' is not the sentence's first token
        if (is_word_cls(p) || p == kClsComma) return 0;
        break;
      }
      if (c == kClsPeriod || c == kClsQuestionBang || c == kClsEllipsis || c == kClsCloseBracket)
        break;
      if (c == kClsLower || c == kClsUpper || c == kClsAllCaps || c == kClsOtherWord ||
          c == kClsTitleAbbrev || c == kClsPeriodWord)
        words = true;
    }
  }
  // "reported of Muqtada: 'A radical Shiite ...": a quotation mark after a space and glued to
  // the next word opens a quotation; no sentence ends right after it (EWT train + GUM: none of
  // 1,191 such gaps).
  if (opening_mark(i)) return 0;
  // "because of X. So I may as well": a single capital letter and its period end the sentence
  // before a capitalized sentence starter (EWT train + GUM: 5 of 5 such gaps, against 3 of 70
  // before other capitalized words).
  if (info_[i].cls == kClsTitleAbbrev) return initial_then_starter(i) ? 1 : 0;
  // "Who cares? not me.": a lowercase word right after ? or ! starts a sentence (the rules keep
  // speech tags after closing quotes, "'Why?' he asked", together).
  if (rule && info_[i].cls == kClsQuestionBang && info_[i + 1].cls == kClsLower) return 1;
  return -1;
}

size_t GapFeaturizer::features(size_t i, bool rule, size_t sentence_len, uint32_t mask,
                               uint32_t* out) const {
  const Tok& t0 = full(i);
  const Tok& t1 = full(i + 1);
  const uint64_t lm1 = i > 0 ? full(i - 1).lex : kLexBos;
  const uint64_t cm1 = i > 0 ? info_[i - 1].cls : uint8_t{kClsBos};
  const uint64_t l2 = i + 2 < n_ ? full(i + 2).lex : kLexEop;
  const uint64_t c2 = i + 2 < n_ ? info_[i + 2].cls : uint8_t{kClsEop};
  // The token before a run of glued closing quotes and brackets ("... over . \" ||").
  size_t k = i;
  while (k > 0 && (info_[k].cls == kClsCloseQuote || info_[k].cls == kClsCloseBracket) &&
         !(toks_[k].flags & kSpaceBefore)) {
    --k;
  }
  const uint64_t lend = full(k).lex;
  const uint64_t cend = info_[k].cls;
  const uint32_t nf = toks_[i + 1].flags;
  const uint64_t gap = (nf & kNewlineBefore) ? 2 : (nf & kSpaceBefore) ? 1 : 0;
  const uint64_t r = rule ? 1 : 0;
  const uint64_t c0 = t0.cls, c1 = t1.cls;
  const uint64_t slen = sentence_len_bucket(sentence_len);
  const uint64_t rem = remaining_bucket(n_ - i - 1);
  const uint64_t quote = t1.quote;
  const std::string_view w1 =
      text_.substr(toks_[i + 1].begin, toks_[i + 1].end - toks_[i + 1].begin);
  const uint64_t starter = (c1 == kClsUpper && is_sentence_starter(w1)) ? 1 : 0;
  size_t m = 0;
  out[m++] = slot(0, 0, 0, mask);
  out[m++] = slot(1, r, 0, mask);
  out[m++] = slot(2, pack(r, c0, c1), 0, mask);
  out[m++] = slot(3, t0.lex, 0, mask);
  out[m++] = slot(4, t1.lex, 0, mask);
  out[m++] = slot(5, t0.lex, t1.lex, mask);
  out[m++] = slot(6, lm1, c0, mask);
  out[m++] = slot(7, l2, c1, mask);
  out[m++] = slot(8, t0.shape, t1.shape, mask);
  out[m++] = slot(9, pack(cm1, c0, c1, c2), 0, mask);
  out[m++] = slot(10, pack(gap, c0, c1), 0, mask);
  out[m++] = slot(11, pack(slen, c0), 0, mask);
  out[m++] = slot(12, pack(rem, c1), 0, mask);
  out[m++] = slot(13, t0.lex, t1.shape, mask);
  out[m++] = slot(14, t0.shape, t1.lex, mask);
  out[m++] = slot(15, lend, pack(c1, r, cend), mask);
  out[m++] = slot(16, pack(quote, c0, c1), 0, mask);
  out[m++] = slot(17, t1.lex, gap, mask);
  out[m++] = slot(18, pack(starter, c0), 0, mask);
  out[m++] = slot(19, lm1, t0.lex, mask);
  out[m++] = slot(20, t1.lex, l2, mask);
  out[m++] = slot(21, pack(c0, c1, slen, gap), 0, mask);
  out[m++] = slot(22, pack(r, c0, c1, gap), pack(quote, cm1), mask);
  out[m++] = slot(23, t1.lex, c2, mask);
  out[m++] = slot(24, t1.lex, pack(c0, cm1), mask);
  out[m++] = slot(25, pack(t0.since_punct, c1, gap), 0, mask);
  out[m++] = slot(26, pack(t0.caps_run, c1, t1.caps_run > 0 ? 1 : 0), 0, mask);
  out[m++] = slot(27, pack(cm1, c0, c1, slen), 0, mask);
  // A mail header's time stamp 2 to 5 tokens ahead: "... Dave || Leonardo Pacheco 07/17/2000
  // 08:50 AM".
  uint64_t stamp = 0;
  for (size_t k = i + 2; k < n_ && k <= i + 5; ++k) {
    if (stamp_start(k)) {
      stamp = k - i;
      break;
    }
  }
  out[m++] = slot(28, pack(stamp, c0, c1), 0, mask);
  // Form lines: the sentence opens with a label ("Date : Monday , Nov. 13th || Time : 11:30am")
  // and a colon follows the next word or the one after it.
  const size_t first = i + 1 - std::min(sentence_len, i + 1);
  uint64_t label = 0, colon_ahead = 0;
  if (first + 1 <= i && info_[first + 1].cls == kClsColon) {
    label = 1;
  } else if (first + 2 <= i && info_[first + 2].cls == kClsColon) {
    label = 2;
  }
  if (c2 == kClsColon) {
    colon_ahead = 1;
  } else if (i + 3 < n_ && info_[i + 3].cls == kClsColon && c2 != kClsComma && c2 != kClsPeriod) {
    colon_ahead = 2;
  }
  out[m++] = slot(29, pack(label, colon_ahead, c1, c0), 0, mask);
  return m;
}

// --- Model ----------------------------------------------------------------------------------

const SentenceModel& SentenceModel::builtin() {
  static const SentenceModel model = [] {
    SentenceModel m;
    const std::string_view bytes(reinterpret_cast<const char*>(kBuiltinSentenceModel),
                                 kBuiltinSentenceModelSize);
    if (!bytes.empty() && !parse(bytes, &m).is_ok()) m = SentenceModel();
    return m;
  }();
  return model;
}

Status SentenceModel::parse(std::string_view bytes, SentenceModel* out) {
  constexpr size_t kHeader = 32;
  if (bytes.size() < kHeader || bytes.substr(0, 4) != "CSSM")
    return Status::corrupt("sentence model: bad magic");
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (get_u32(p + 4) != kFormatVersion)
    return Status::unsupported("sentence model: format version " + std::to_string(get_u32(p + 4)));
  if (get_u32(p + 8) != kFeatureVersion)
    return Status::unsupported("sentence model: feature set " + std::to_string(get_u32(p + 8)));
  const uint32_t bits = get_u32(p + 12);
  if (bits < 8 || bits > 24) return Status::corrupt("sentence model: bad table size");
  const size_t entries = size_t{1} << bits;
  if (bytes.size() != kHeader + 2 * entries) return Status::corrupt("sentence model: bad size");
  SentenceModel m;
  m.bits_ = bits;
  m.threshold_ = static_cast<int32_t>(get_u32(p + 16));
  const uint32_t scale_bits = get_u32(p + 20);
  std::memcpy(&m.scale_, &scale_bits, 4);
  const uint64_t hash = uint64_t{get_u32(p + 24)} | uint64_t{get_u32(p + 28)} << 32;
  if (fnv_bytes(p + kHeader, 2 * entries) != hash)
    return Status::corrupt("sentence model: hash mismatch");
  if (!(m.scale_ > 0)) return Status::corrupt("sentence model: bad scale");
  m.hash_ = hash;
  m.weights_.resize(entries);
  for (size_t k = 0; k < entries; ++k) {
    const unsigned char* q = p + kHeader + 2 * k;
    m.weights_[k] = static_cast<int16_t>(static_cast<uint16_t>(q[0] | (q[1] << 8)));
  }
  *out = std::move(m);
  return Status::ok();
}

std::string SentenceModel::serialize() const {
  std::string out = "CSSM";
  put_u32(out, kFormatVersion);
  put_u32(out, kFeatureVersion);
  put_u32(out, bits_);
  put_u32(out, static_cast<uint32_t>(threshold_));
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale_, 4);
  put_u32(out, scale_bits);
  std::string table;
  table.reserve(2 * weights_.size());
  for (int16_t w : weights_) {
    const auto u = static_cast<uint16_t>(w);
    table.push_back(static_cast<char>(u & 0xFF));
    table.push_back(static_cast<char>(u >> 8));
  }
  const uint64_t hash = fnv_bytes(table.data(), table.size());
  put_u32(out, static_cast<uint32_t>(hash));
  put_u32(out, static_cast<uint32_t>(hash >> 32));
  return out + table;
}

SentenceModel SentenceModel::from_float(const std::vector<float>& weights, uint32_t bits,
                                        float threshold) {
  SentenceModel m;
  m.bits_ = bits;
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  m.scale_ = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  m.weights_.resize(weights.size());
  for (size_t k = 0; k < weights.size(); ++k)
    m.weights_[k] = static_cast<int16_t>(std::lround(weights[k] * m.scale_));
  m.threshold_ = static_cast<int32_t>(std::lround(threshold * m.scale_));
  std::string table;
  for (int16_t w : m.weights_) {
    const auto u = static_cast<uint16_t>(w);
    table.push_back(static_cast<char>(u & 0xFF));
    table.push_back(static_cast<char>(u >> 8));
  }
  m.hash_ = fnv_bytes(table.data(), table.size());
  return m;
}

SentenceModel SentenceModel::with_threshold(float threshold) const {
  SentenceModel m = *this;
  m.threshold_ = static_cast<int32_t>(std::lround(threshold * scale_));
  return m;
}

void SentenceModel::split(std::string_view text, const RawToken* toks, size_t n,
                          uint8_t* breaks) const {
  if (n == 0) return;
  breaks[n - 1] = 1;
  if (weights_.empty()) {
    for (size_t i = 0; i + 1 < n; ++i) breaks[i] = sentence_break_after(text, toks, i, n) ? 1 : 0;
    return;
  }
  thread_local GapFeaturizer fz;
  fz.reset(text, toks, n);
  const uint32_t mask = (uint32_t{1} << bits_) - 1;
  uint32_t idx[GapFeaturizer::kMaxFeatures];
  size_t len = 1;  // tokens in the current sentence, up to and including toks[i]
  for (size_t i = 0; i + 1 < n; ++i, ++len) {
    breaks[i] = 0;
    if (fz.inner_gap(i)) continue;
    const bool rule = fz.rule(i);
    if (!fz.candidate(i, rule)) continue;
    if (const int f = fz.fixed(i, rule, len); f >= 0) {
      if (f == 1) {
        breaks[i] = 1;
        len = 0;
      }
      continue;
    }
    const size_t m = fz.features(i, rule, len, mask, idx);
    int32_t score = 0;
    for (size_t k = 0; k < m; ++k) score += weights_[idx[k]];
    if (score > threshold_) {
      breaks[i] = 1;
      len = 0;
    }
  }
}

}  // namespace casus::text
