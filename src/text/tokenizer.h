// Internal to the text stage: the news tokenizer and the records it hands to the sentence
// splitter. Not part of the public API.
//
// tokenize() makes one pass over the bytes of the text (ASCII fast path, ICU character classes
// only for non-ASCII code points) and produces tokens in the UD English EWT convention, plus
// per-token flags the sentence splitter reads. It allocates nothing per token beyond appending
// to the caller's vector. Stateless and thread-safe.
#ifndef CASUS_TEXT_TOKENIZER_H_
#define CASUS_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace casus::text {

// Flags of a RawToken.
enum TokenFlag : uint32_t {
  kParagraphBreakBefore = 1u << 0,  // a blank line (or U+2029) precedes the token
  kNewlineBefore = 1u << 1,         // at least one line break precedes the token
  kSpaceBefore = 1u << 2,           // whitespace (or the start of the text) precedes the token
  kWord = 1u << 3,                  // starts with a letter
  kUpper = 1u << 4,                 // first letter is uppercase
  kLower = 1u << 5,                 // first letter is lowercase
  kNumber = 1u << 6,                // starts with a digit
  kTerminal = 1u << 7,              // . ? ! (or runs of them, or an ellipsis)
  kPeriodEnd = 1u << 8,             // a word token ending in '.' (abbreviation, initial, "U.S.")
  kTitleAbbrev = 1u << 9,           // Mr. Dr. Gen. ... and initials: never end a sentence
  kCloser = 1u << 10,               // closing quote or bracket
  kOpener = 1u << 11,               // opening quote or bracket
  kBulletStart = 1u << 12,          // a list marker at the start of a line ("-", "*", "•", "1.")
  kQuestionBang = 1u << 13,         // terminal ? or !
  kEllipsis = 1u << 14,             // ... or …
  kSpaceAfter = 1u << 15,           // whitespace (or the end of the text) follows the token
  kColon = 1u << 16,                // : or ;
  kOtherAbbrev = 1u << 17,          // a known abbreviation that may end a sentence (Inc. U.S.)
  kLineEnd = 1u << 19,              // a line break follows the token
  kEmoticon = 1u << 20,             // :) :-( ;) :D
  kContinuation = 1u << 21,         // , ; ) and the like: never starts a sentence
  kSeparator = 1u << 22,            // a rule line: ***, ====, ____, ----- (3+ characters)
  kUrl = 1u << 23,                  // a URL or an e-mail address
};

struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t flags = 0;
};

// Appends the tokens of `text` to *out, in order, with their flags.
void tokenize(std::string_view text, std::vector<RawToken>* out);

// Abbreviation classes (abbreviations.cc). `word` is the token without its final period.
enum class AbbrevKind : uint8_t {
  kNone,
  kTitle,        // precedes a name: Mr Dr Gen Sen ... never ends a sentence
  kOther,        // Inc Corp Co Ltd Jr etc: may end a sentence
  kInner,        // vs e.g. i.e. cf: never ends a sentence
  kBeforeNumber  // No Nos Vol pp: an abbreviation only before a number
};
AbbrevKind abbreviation_kind(std::string_view word);

// True for a common word that starts a sentence after an abbreviation ("The", "He", ...).
bool is_sentence_starter(std::string_view word);

// Word classes for the sentence rules: closing salutations ("Thanks", "Regards", "Cheers"),
// weekday names, and caption labels ("Image", "Photo", "Credit").
bool is_salutation(std::string_view word);
// Two-word closings of a letter: "Thank you", "Take care", "Kind regards".
bool is_closing_pair(std::string_view first, std::string_view second);
bool is_weekday(std::string_view word);
bool is_caption_label(std::string_view word);

// True when the tables behind the two functions above are sorted (a unit test checks it).
bool abbreviation_tables_sorted();

}  // namespace casus::text

#endif  // CASUS_TEXT_TOKENIZER_H_
