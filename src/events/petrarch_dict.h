// Compiled PETRARCH/TABARI dictionaries (private to src/events): interned upper-case words, flat
// phrase tables with longest-match lookup, verb blocks with their patterns, dated actor codes,
// agents and discards. Parsing takes text (not files) so tests and the fuzzer feed it directly.
// Formats and matching: docs/petrarch.md.
//
// Thread safety: a CompiledDictionaries is built once by the parse_* calls, then only read.
#ifndef CASUS_EVENTS_PETRARCH_DICT_H_
#define CASUS_EVENTS_PETRARCH_DICT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/petrarch.h"

namespace casus::events::petrarch {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0xffffffffu;
inline constexpr uint32_t kNone = 0xffffffffu;

// Upper-case ASCII folding used for every dictionary word and every sentence word.
std::string fold_word(std::string_view word);

// "YYYYMMDD" or "YYMMDD" (years < 30 are 20YY) as the integer YYYYMMDD; 0 when malformed.
int32_t parse_petrarch_date(std::string_view text);

// Interns upper-case words as dense ids.
class Vocabulary {
 public:
  WordId intern(const std::string& word);
  WordId find(const std::string& word) const;
  const std::string& word(WordId id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_map<std::string, WordId> ids_;
  std::vector<std::string> words_;
};

// Phrases (word-id sequences) mapped to a payload; longest match at a position.
class PhraseTable {
 public:
  // `gaps` bit k (1 <= k < 64): other words may stand before phrase word k (a blank in the
  // dictionary, not `_`); only longest_gapped uses it.
  void add(const std::vector<WordId>& phrase, uint32_t payload, uint64_t gaps = 0);
  // The longest phrase starting at words[pos]; returns its length (0 when none) and its payload.
  // Among equally long phrases the one added last wins (later entries refine earlier ones).
  uint32_t longest(const std::vector<WordId>& words, size_t pos, uint32_t* payload) const;
  // The same over tokens that may each hold several words (input text "Dol_Amroth" is the words
  // DOL AMROTH, as in the dictionaries): a phrase must end at a token boundary. Returns the
  // number of tokens covered by the longest phrase starting at token pos.
  uint32_t longest_tokens(const std::vector<std::vector<WordId>>& tokens, size_t pos,
                          uint32_t* payload) const;
  // The phrase with the most words starting at words[pos] whose words occur in order before
  // `limit`, with other words allowed where its gaps say so (PETRARCH-1 matches actor and agent
  // phrases this way inside a noun phrase). Only phrases with a gap are tried. Returns the number
  // of words covered up to the last matched one (0 when none); *phrase_words gets the phrase's
  // own length.
  uint32_t longest_gapped(const std::vector<WordId>& words, size_t pos, size_t limit,
                          uint32_t* payload, uint32_t* phrase_words) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t begin = 0, length = 0, payload = 0;
    uint64_t gaps = 0;
  };
  std::vector<WordId> words_;
  std::vector<Entry> entries_;
  std::unordered_map<WordId, std::vector<uint32_t>> by_first_;
};

struct DatedCode {
  int32_t from = 0;       // inclusive YYYYMMDD, 0 = open
  int32_t to = 99999999;  // inclusive
  std::string code;
};

struct Actor {
  std::string default_code;  // "" = null code
  std::vector<DatedCode> dated;
  // The code valid on `date` (YYYYMMDD): the first restriction holding on that date, else the
  // default. For an unknown date (0): the default, else the most recent restriction.
  const std::string& code_on(int32_t date) const;
};

struct Agent {
  std::string code;     // without the ~
  bool prefix = false;  // "NGO~": the code goes before the actor code
};

// One element of a verb pattern.
struct PatternElem {
  enum Kind : uint8_t { kWord, kSynset, kSource, kTarget, kSkip, kCompound };
  Kind kind = kWord;
  bool tight = false;  // joined to the element nearer the verb by "_" (no words in between)
  uint32_t id = 0;     // WordId or synset index
};

struct Pattern {
  std::vector<PatternElem> before;  // nearest the verb first
  std::vector<PatternElem> after;   // nearest the verb first
  bool verb_tight_before = false, verb_tight_after = false;
  std::string code;  // "064", "032:033", "---"
  uint32_t line = 0;
  uint32_t weight = 0;  // literal words; the most specific match wins
};

struct VerbBlock {
  std::string code;  // the block's code ("---" when none)
  std::vector<Pattern> patterns;
};

// One form of a verb: the verb word itself plus the words that must precede / follow it.
struct VerbForm {
  uint32_t block = 0;
  std::string code;               // the verb's own code, "" = the block's
  std::vector<WordId> pre, post;  // "WIRE" in WIRE_+TAP; "DOWN" in +BREAK_DOWN
  std::string lemma;              // the primary verb, for provenance
};

struct Discard {
  std::string text;  // " UPPER TEXT"
  bool story = false;
  bool exact_end = false;
};

class CompiledDictionaries final : public Dictionaries {
 public:
  // Parsers: `file` names the source in warnings ("FILE:LINE: reason"). They never throw; bad
  // lines are skipped.
  void parse_verbs(std::string_view text, const std::string& file,
                   std::vector<std::string>* warnings);
  void parse_actors(std::string_view text, const std::string& file,
                    std::vector<std::string>* warnings);
  void parse_agents(std::string_view text, const std::string& file,
                    std::vector<std::string>* warnings);
  void parse_discards(std::string_view text, const std::string& file,
                      std::vector<std::string>* warnings);

  void code(const Document& doc, std::vector<Event>* out) const override;

  // Read access for the coder and tests.
  const Vocabulary& vocab() const { return vocab_; }
  const PhraseTable& actor_phrases() const { return actor_phrases_; }
  const std::vector<Actor>& actors() const { return actors_; }
  const PhraseTable& agent_phrases() const { return agent_phrases_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<VerbForm>& verb_forms() const { return forms_; }
  const std::vector<uint32_t>* forms_of(WordId word) const;
  const std::vector<Discard>& discards() const { return discards_; }
  size_t synset_count() const { return synsets_.size(); }
  // Longest synset phrase at words[pos]; 0 when none.
  uint32_t synset_match(uint32_t synset, const std::vector<WordId>& words, size_t pos) const;

 private:
  friend class Coder;
  Vocabulary vocab_;
  PhraseTable actor_phrases_;  // payload: index into actors_
  std::vector<Actor> actors_;
  PhraseTable agent_phrases_;  // payload: index into agents_
  std::vector<Agent> agents_;
  std::vector<PhraseTable> synsets_;
  std::unordered_map<std::string, uint32_t> synset_ids_;
  std::vector<VerbBlock> blocks_;
  std::vector<VerbForm> forms_;
  std::unordered_map<WordId, std::vector<uint32_t>> forms_by_word_;
  std::vector<Discard> discards_;
};

}  // namespace casus::events::petrarch

#endif  // CASUS_EVENTS_PETRARCH_DICT_H_
