// The cue lexicon of the quotes stage: verbs and phrases that introduce speech, writing and
// thought ("said", "told", "according to", "believes"), with how each one behaves. The table is
// in cues.cc, one readable row per lemma; lookup is by lowercase word form.
//
// Immutable after the first call; thread-safe.
#ifndef CASUS_QUOTES_CUES_H_
#define CASUS_QUOTES_CUES_H_

#include <cstdint>
#include <string_view>

namespace casus::quotes {

// How a cue behaves (bit flags).
enum CueFlag : uint32_t {
  kSpeech = 1u << 0,        // a verb of saying or writing: may introduce a direct quote
  kThought = 1u << 1,       // cognition/evidence ("believe", "think", "show"): reported clause only
  kAddressee = 1u << 2,     // takes the hearer as object ("told reporters that ...")
  kQuestion = 1u << 3,      // puts a question ("asked", "wondered")
  kObjectClause = 1u << 4,  // the object itself is the reported content ("denied involvement")
  kQuoteOnly = 1u << 5,     // a cue only next to a direct quote ("continued", "laughed")
  kToClause = 1u << 6,      // "urged them to ...", "vowed to ...": the to-clause is the content
  kNeedsThat = 1u << 7,     // indirect content only with an explicit "that" ("found that ...")
  kPhrase = 1u << 8,        // a multiword cue ("according to", "pointed out")
};

struct CueEntry {
  std::string_view lemma;
  uint32_t flags = 0;
};

// The entry of a lowercase word form ("said" -> say), or nullptr.
const CueEntry* find_cue(std::string_view lower_form);

// Multiword cues: the entry when `first` `second` (lowercase) form one ("according" "to",
// "pointed" "out"), or nullptr.
const CueEntry* find_cue_phrase(std::string_view first, std::string_view second);

// The lemma table itself, for docs and tests: number of lemmas.
size_t cue_lemma_count();

// Whether a token is a quotation mark (straight, curly, guillemets, PTB `` and '').
bool is_quote_word(std::string_view w);

}  // namespace casus::quotes

#endif  // CASUS_QUOTES_CUES_H_
