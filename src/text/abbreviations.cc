// Abbreviations and sentence starters for the news tokenizer and sentence splitter. The lists are
// written for casus (news and web English); lookups are case-insensitive and allocation-free.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

#include "text/tokenizer.h"

namespace casus::text {
namespace {

struct Entry {
  std::string_view word;
  AbbrevKind kind;
};

using K = AbbrevKind;

// Keep sorted by `word` (lowercase ASCII); checked by a unit test through abbreviation_kind().
constexpr Entry kAbbreviations[] = {
    {"a.m", K::kOther},        {"adm", K::kTitle},  {"al", K::kOther},
    {"approx", K::kOther},     {"apr", K::kOther},  {"art", K::kBeforeNumber},
    {"assn", K::kOther},       {"attn", K::kTitle}, {"aug", K::kOther},
    {"ave", K::kOther},        {"blvd", K::kOther}, {"brig", K::kTitle},
    {"bros", K::kOther},       {"capt", K::kTitle}, {"cf", K::kInner},
    {"ch", K::kBeforeNumber},  {"cmdr", K::kTitle}, {"co", K::kOther},
    {"col", K::kTitle},        {"corp", K::kOther}, {"cpl", K::kTitle},
    {"dec", K::kOther},        {"dept", K::kOther}, {"dr", K::kTitle},
    {"drs", K::kTitle},        {"e.g", K::kInner},  {"eg", K::kInner},
    {"esp", K::kInner},        {"est", K::kOther},  {"etc", K::kOther},
    {"ext", K::kBeforeNumber}, {"feb", K::kOther},  {"fig", K::kBeforeNumber},
    {"fr", K::kTitle},         {"fri", K::kOther},  {"ft", K::kOther},
    {"gen", K::kTitle},        {"gov", K::kTitle},  {"hon", K::kTitle},
    {"hr", K::kOther},         {"hrs", K::kOther},  {"i.e", K::kInner},
    {"ie", K::kInner},         {"inc", K::kOther},  {"jan", K::kOther},
    {"jr", K::kOther},         {"jul", K::kOther},  {"jun", K::kOther},
    {"lb", K::kOther},         {"lbs", K::kOther},  {"lt", K::kTitle},
    {"ltd", K::kOther},        {"maj", K::kTitle},  {"mar", K::kOther},
    {"messrs", K::kTitle},     {"min", K::kOther},  {"mins", K::kOther},
    {"mon", K::kOther},        {"mr", K::kTitle},   {"mrs", K::kTitle},
    {"ms", K::kTitle},         {"mt", K::kTitle},   {"no", K::kBeforeNumber},
    {"nos", K::kBeforeNumber}, {"nov", K::kOther},  {"oct", K::kOther},
    {"op", K::kBeforeNumber},  {"oz", K::kOther},   {"p.m", K::kOther},
    {"pp", K::kBeforeNumber},  {"pres", K::kTitle}, {"prof", K::kTitle},
    {"pt", K::kBeforeNumber},  {"pvt", K::kTitle},  {"rep", K::kTitle},
    {"reps", K::kTitle},       {"rev", K::kTitle},  {"rt", K::kTitle},
    {"sat", K::kOther},        {"sen", K::kTitle},  {"sens", K::kTitle},
    {"sep", K::kOther},        {"sept", K::kOther}, {"sgt", K::kTitle},
    {"sr", K::kOther},         {"st", K::kTitle},   {"sun", K::kOther},
    {"supt", K::kTitle},       {"thu", K::kOther},  {"thur", K::kOther},
    {"thurs", K::kOther},      {"tue", K::kOther},  {"tues", K::kOther},
    {"u.k", K::kOther},        {"u.n", K::kOther},  {"u.s", K::kOther},
    {"u.s.a", K::kOther},      {"univ", K::kOther}, {"vol", K::kBeforeNumber},
    {"vs", K::kInner},         {"wed", K::kOther},  {"yrs", K::kOther},
};

constexpr std::string_view kStarters[] = {
    "a",      "after",  "all",       "also", "an",    "and",     "as",    "at",    "but",  "by",
    "during", "for",    "he",        "her",  "his",   "however", "i",     "if",    "in",   "it",
    "its",    "many",   "meanwhile", "more", "most",  "mr",      "mrs",   "ms",    "my",   "no",
    "not",    "now",    "oh",        "ok",   "okay",  "on",      "one",   "our",   "she",  "since",
    "so",     "some",   "that",      "the",  "their", "then",    "there", "these", "they", "this",
    "those",  "though", "thus",      "to",   "today", "we",      "well",  "what",  "when", "where",
    "while",  "who",    "why",       "with", "yes",   "yet",     "you",   "your",
};

constexpr std::string_view kSalutations[] = {"best",         "cheers",    "cordially", "regards",
                                             "respectfully", "sincerely", "thanks",    "thx"};
constexpr std::string_view kWeekdays[] = {"friday",   "monday",  "saturday", "sunday",
                                          "thursday", "tuesday", "wednesday"};
constexpr std::string_view kCaptionLabels[] = {"caption", "credit",  "image",
                                               "photo",   "picture", "source"};

// Lowercases ASCII `word` into buf; false when it is too long or not ASCII.
bool lower_ascii(std::string_view word, char* buf, size_t cap, std::string_view* out) {
  if (word.size() > cap) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    buf[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  *out = std::string_view(buf, word.size());
  return true;
}

// A word of at most 16 bytes with ASCII A-Z folded to a-z, packed into integers: table lookups
// compare integers instead of calling memcmp (these run for most tokens and candidate gaps).
struct Packed {
  uint64_t lo = 0, hi = 0;
  size_t len = 0;
  constexpr bool operator<(const Packed& o) const {
    return len != o.len ? len < o.len : lo != o.lo ? lo < o.lo : hi < o.hi;
  }
  constexpr bool operator==(const Packed& o) const = default;
};
constexpr size_t kMaxPacked = 16;

// Precondition: word.size() <= kMaxPacked.
constexpr Packed pack(std::string_view word) {
  Packed p;
  p.len = word.size();
  for (size_t i = 0; i < word.size(); ++i) {
    uint64_t c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') c += 32;
    if (i < 8) {
      p.lo |= c << (8 * i);
    } else {
      p.hi |= c << (8 * (i - 8));
    }
  }
  return p;
}

// The words of `table` (lowercase ASCII, each at most kMaxPacked bytes) packed and sorted.
template <size_t N>
constexpr std::array<Packed, N> packed_set(const std::string_view (&table)[N]) {
  std::array<Packed, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = pack(table[i]);
  std::sort(out.begin(), out.end());
  return out;
}

// True when `word`, ASCII case folded, is in `set` (a packed_set). Words with bytes >= 0x80 are
// never in an ASCII table, so this agrees with lower_ascii + binary search over the strings.
template <size_t N>
bool in_set(const std::array<Packed, N>& set, std::string_view word) {
  // Sets are sorted by length first: the last word is the longest.
  if (word.size() > set.back().len) return false;
  const Packed p = pack(word);
  const auto it = std::lower_bound(set.begin(), set.end(), p);
  return it != set.end() && *it == p;
}

struct PackedEntry {
  Packed key;
  AbbrevKind kind;
  constexpr bool operator<(const PackedEntry& o) const { return key < o.key; }
};

constexpr auto kPackedAbbreviations = [] {
  std::array<PackedEntry, std::size(kAbbreviations)> out{};
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = PackedEntry{pack(kAbbreviations[i].word), kAbbreviations[i].kind};
  std::sort(out.begin(), out.end());
  return out;
}();
constexpr auto kPackedStarters = packed_set(kStarters);
constexpr auto kPackedSalutations = packed_set(kSalutations);
constexpr auto kPackedWeekdays = packed_set(kWeekdays);
constexpr auto kPackedCaptionLabels = packed_set(kCaptionLabels);

}  // namespace

AbbrevKind abbreviation_kind(std::string_view word) {
  if (word.size() > kPackedAbbreviations.back().key.len) return AbbrevKind::kNone;
  const PackedEntry key{pack(word), AbbrevKind::kNone};
  const auto it = std::lower_bound(kPackedAbbreviations.begin(), kPackedAbbreviations.end(), key);
  if (it != kPackedAbbreviations.end() && it->key == key.key) return it->kind;
  return AbbrevKind::kNone;
}

bool is_sentence_starter(std::string_view word) { return in_set(kPackedStarters, word); }

bool is_salutation(std::string_view word) { return in_set(kPackedSalutations, word); }

bool is_closing_pair(std::string_view first, std::string_view second) {
  static constexpr std::string_view kPairs[][2] = {{"thank", "you"},   {"take", "care"},
                                                   {"best", "wishes"}, {"kind", "regards"},
                                                   {"many", "thanks"}, {"warm", "regards"}};
  char b1[8], b2[8];
  std::string_view a, b;
  if (!lower_ascii(first, b1, sizeof b1, &a) || !lower_ascii(second, b2, sizeof b2, &b))
    return false;
  for (const auto& p : kPairs)
    if (p[0] == a && p[1] == b) return true;
  return false;
}

bool is_weekday(std::string_view word) {
  if (word.size() < 6 || word.size() > 9 || (word.back() != 'y' && word.back() != 'Y'))
    return false;
  return in_set(kPackedWeekdays, word);
}

bool is_caption_label(std::string_view word) { return in_set(kPackedCaptionLabels, word); }

bool abbreviation_tables_sorted() {
  return std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations),
                        [](const Entry& a, const Entry& b) { return a.word < b.word; }) &&
         std::is_sorted(std::begin(kStarters), std::end(kStarters)) &&
         std::is_sorted(std::begin(kSalutations), std::end(kSalutations)) &&
         std::is_sorted(std::begin(kWeekdays), std::end(kWeekdays)) &&
         std::is_sorted(std::begin(kCaptionLabels), std::end(kCaptionLabels));
}

}  // namespace casus::text
