#include "entities/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace casus::entities {
namespace {

bool is_separator(char32_t c) {
  if (c == '\'' || c == '.') return false;
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x02BB || c == 0x02BF ||
      c == 0x02BE)
    return false;  // apostrophe-like marks stay inside words
  int8_t type = u_charType(c);
  switch (type) {
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: case U_MATH_SYMBOL: case U_OTHER_SYMBOL: case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == '`' ||
         c == 0x02BB || c == 0x02BF || c == 0x02BE;
}

// Normalizes one word (no separators inside). Sets *possessive when a trailing 's or ' was cut.
std::string normalize_word(std::string_view word, bool* possessive) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(in, status) : in;
  if (U_FAILURE(status)) decomposed = in;
  std::u32string folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (is_apostrophe(static_cast<char32_t>(c))) { folded += U'\''; continue; }
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    switch (c) {
      case 0x00DF: folded += U"ss"; continue;   // ß (folding gives "ss" already in full folding)
      case 0x00F8: folded += U'o'; continue;    // ø
      case 0x0142: folded += U'l'; continue;    // ł
      case 0x0111: folded += U'd'; continue;    // đ
      case 0x00E6: folded += U"ae"; continue;   // æ
      case 0x0153: folded += U"oe"; continue;   // œ
      case 0x0131: folded += U'i'; continue;    // ı
      case 0x00FE: folded += U"th"; continue;   // þ
      case 0x00F0: folded += U'd'; continue;    // ð
      case 0x0127: folded += U'h'; continue;    // ħ
      default: folded += static_cast<char32_t>(c);
    }
  }
  // Possessive: trailing 's or a trailing apostrophe.
  if (folded.size() >= 3 && folded[folded.size() - 2] == U'\'' && folded.back() == U's') {
    folded.resize(folded.size() - 2);
    *possessive = true;
  } else if (folded.size() >= 2 && folded.back() == U'\'') {
    folded.pop_back();
    *possessive = true;
  }
  std::string out;
  for (char32_t c : folded) {
    if (c == U'\'' || c == U'.') continue;
    utf8::append(out, c);
  }
  return out;
}

}  // namespace

std::vector<NameToken> tokenize_name(std::string_view text) {
  std::vector<NameToken> tokens;
  size_t i = 0, word_begin = 0;
  auto flush = [&](size_t end) {
    if (end > word_begin) {
      NameToken t;
      t.raw = std::string(text.substr(word_begin, end - word_begin));
      t.norm = normalize_word(t.raw, &t.possessive);
      if (!t.norm.empty()) tokens.push_back(std::move(t));
    }
  };
  while (i < text.size()) {
    size_t start = i;
    if (utf8::valid_sequence_length(text, i) == 0) {
      ++i;  // an invalid byte stays inside the current word (ICU turns it into U+FFFD)
      continue;
    }
    char32_t c = utf8::decode(text, i);
    if (is_separator(c)) {
      flush(start);
      word_begin = i;
    }
  }
  flush(text.size());
  return tokens;
}

std::string join_tokens(const std::vector<NameToken>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) out += ' ';
    out += tokens[k].norm;
  }
  return out;
}

std::string normalize_name(std::string_view text) {
  auto tokens = tokenize_name(text);
  return join_tokens(tokens, 0, tokens.size());
}

bool is_acronym(std::string_view alias) {
  size_t letters = 0;
  for (char c : alias) {
    if (c >= 'A' && c <= 'Z') { ++letters; continue; }
    if (c == '.' || c == ' ') continue;
    return false;
  }
  return letters >= 2 && letters <= 5;
}

bool acronym_case_ok(std::string_view raw, size_t alias_letters) {
  size_t upper = 0, lower = 0;
  for (char c : raw) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  if (alias_letters <= 3) return lower == 0 && upper > 0;
  return upper > 0;
}

}  // namespace casus::entities
