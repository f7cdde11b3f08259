// Pieces: the time stage's view of a sentence's tokens, split further at letter/digit/punctuation
// boundaries so the matcher does not depend on how the text stage tokenizes "10:41", "9/11",
// "2022-10-08", "1960s" or "mid-2020" ("2022-10-08" is the pieces 2022 - 10 - 08 with no space
// between them, whether the text stage made one token of it or five).
//
// Reads: text, tokens, sentences. Cost: O(bytes of the sentence).
#ifndef CASUS_TIME_PIECES_H_
#define CASUS_TIME_PIECES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "casus/document.h"

namespace casus::time {

struct Piece {
  enum Kind : uint8_t { kWord, kNumber, kPunct };
  Span span;      // bytes of Document::text; on code point boundaries
  std::string w;  // lowercase ASCII form; ’ ‘ fold to ', – — to -
  Kind kind = kWord;
  bool space_before = true;  // whitespace (or the sentence start) precedes the piece
  bool capitalized = false;  // first character is an ASCII capital
  bool all_caps = false;     // every letter is an ASCII capital (time zones: "EDT")
  uint32_t token = 0;        // index into Document::tokens
  int number = -1;           // value of a kNumber piece of at most 9 digits, else -1
  uint8_t digits = 0;        // digits of a kNumber piece
};

// The pieces of sentence `sentence` of `doc`, in text order.
std::vector<Piece> split_pieces(const Document& doc, uint32_t sentence);

}  // namespace casus::time

#endif  // CASUS_TIME_PIECES_H_
