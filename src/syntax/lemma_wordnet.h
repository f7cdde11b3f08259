// WordNet's morphological exception lists (verb.exc, noun.exc, adj.exc of the Debian package
// wordnet-base), embedded into casus_syntax at build time by cmake/wordnet.cmake. The
// lemmatizer uses them for irregular forms the treebank never showed it ("fled" -> "flee",
// "sung" -> "sing", "potatoes" -> "potato"). Read-only static data; thread-safe.
#ifndef CASUS_SYNTAX_LEMMA_WORDNET_H_
#define CASUS_SYNTAX_LEMMA_WORDNET_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace casus::syntax {

enum class WordnetPos : uint8_t { kNone = 0, kVerb = 1, kNoun = 2, kAdj = 3 };

// The (inflected form, lemma) pairs of one list, in file order; views into static storage.
// Only the first lemma of a line is kept, and multiword entries (with '_') are skipped.
// Cost: one pass over the embedded bytes (about 40 kB per list).
std::vector<std::pair<std::string_view, std::string_view>> wordnet_exceptions(WordnetPos pos);

// Parses one list's text (lines "form lemma [lemma...]"); exposed for tests.
std::vector<std::pair<std::string_view, std::string_view>> parse_wordnet_exceptions(
    std::string_view text);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_LEMMA_WORDNET_H_
