// Name normalization shared by every actor and country lookup. Pure functions; thread-safe.
#ifndef CASUS_ENTITIES_NAMES_H_
#define CASUS_ENTITIES_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace casus::entities {

// One word of a name: its normalized form and the raw text it came from.
struct NameToken {
  std::string norm;  // case-folded, diacritics removed, ASCII-folded letters, no punctuation
  std::string raw;   // the original bytes of the word (for case checks of acronyms)
  bool possessive = false;  // the raw word ended in 's or s' ("Russia's", "Reuters'")
};

// Splits `text` into words at whitespace, hyphens, dashes, slashes, underscores and
// punctuation other than '.' and apostrophes; then each word is NFKD-decomposed, combining
// marks dropped, case-folded, special letters folded (ß->ss, ø->o, ł->l, đ->d, æ->ae, œ->oe,
// ı->i, þ->th), ’ ‘ ʼ ` ´ mapped to ', a trailing 's / ' removed (possessive), then dots and
// apostrophes deleted ("U.S." -> "us", "Ya'alon" -> "yaalon"). Empty words are dropped.
// Invalid UTF-8 is tolerated (bytes are kept as they are).
std::vector<NameToken> tokenize_name(std::string_view text);

// The normalized key of a whole name: normalized tokens joined by single spaces.
// "Volodymyr Zelens’kyy" -> "volodymyr zelenskyy"; "Slobodan Milošević" -> "slobodan milosevic".
std::string normalize_name(std::string_view text);

// Joins norm forms of tokens [begin, end) with single spaces.
std::string join_tokens(const std::vector<NameToken>& tokens, size_t begin, size_t end);

// True when `alias` is a short acronym (<= 5 letters, all upper case, e.g. "US", "WHO", "NATO"):
// such aliases match only mention text that is not all lower case, and, for acronyms of up to
// three letters, only text that is all upper case ("WHO" but not "who"/"Who", "US" not "us").
bool is_acronym(std::string_view alias);
// Whether raw mention text may match an acronym alias of `alias_letters` letters (see above).
bool acronym_case_ok(std::string_view raw, size_t alias_letters);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_NAMES_H_
