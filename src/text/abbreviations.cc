// Abbreviations and sentence starters for the news tokenizer and sentence splitter. The lists are
// written for casus (news and web English); lookups are case-insensitive and allocation-free.
#include <algorithm>
#include <array>
#include <cstring>
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

}  // namespace

AbbrevKind abbreviation_kind(std::string_view word) {
  char buf[8];
  std::string_view w;
  if (!lower_ascii(word, buf, sizeof buf, &w)) return AbbrevKind::kNone;
  const auto* it = std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations), w,
                                    [](const Entry& e, std::string_view k) { return e.word < k; });
  if (it != std::end(kAbbreviations) && it->word == w) return it->kind;
  return AbbrevKind::kNone;
}

bool is_sentence_starter(std::string_view word) {
  char buf[12];
  std::string_view w;
  if (!lower_ascii(word, buf, sizeof buf, &w)) return false;
  return std::binary_search(std::begin(kStarters), std::end(kStarters), w);
}

bool is_salutation(std::string_view word) {
  char buf[12];
  std::string_view w;
  return lower_ascii(word, buf, sizeof buf, &w) &&
         std::binary_search(std::begin(kSalutations), std::end(kSalutations), w);
}

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
  char buf[12];
  std::string_view w;
  return lower_ascii(word, buf, sizeof buf, &w) &&
         std::binary_search(std::begin(kWeekdays), std::end(kWeekdays), w);
}

bool is_caption_label(std::string_view word) {
  char buf[12];
  std::string_view w;
  return lower_ascii(word, buf, sizeof buf, &w) &&
         std::binary_search(std::begin(kCaptionLabels), std::end(kCaptionLabels), w);
}

bool abbreviation_tables_sorted() {
  return std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations),
                        [](const Entry& a, const Entry& b) { return a.word < b.word; }) &&
         std::is_sorted(std::begin(kStarters), std::end(kStarters)) &&
         std::is_sorted(std::begin(kSalutations), std::end(kSalutations)) &&
         std::is_sorted(std::begin(kWeekdays), std::end(kWeekdays)) &&
         std::is_sorted(std::begin(kCaptionLabels), std::end(kCaptionLabels));
}

}  // namespace casus::text
