// casus's own event lexicon (data/events, docs/events.md#lexicon): the CAMEO codebook with
// Goldstein weights and PLOVER types (cameo.tsv), verbal predicates (verbs.tsv) and nominal events
// (nouns.tsv). The TSV files are compiled into the binary (cmake/events.cmake) and parsed once
// when the EventCoder is built; the parsed Lexicon is immutable and shared by all threads.
//
// Parsing never fails: a malformed line is skipped and reported in Lexicon::errors as
// "file:line: reason".
#ifndef CASUS_EVENTS_LEXICON_H_
#define CASUS_EVENTS_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casus::events {

// One codebook row of cameo.tsv.
struct CodeInfo {
  std::string label;
  double goldstein = 0;
  std::string plover_type;  // "" when PLOVER drops the code
  std::string plover_mode;  // "" when none
};

// One pattern of verbs.tsv / nouns.tsv (format: docs/events.md#patterns).
struct Pattern {
  std::string code;                    // CAMEO code ("112")
  std::string head;                    // head lemma, lower case
  bool noun = false;                   // from nouns.tsv
  std::vector<std::string> particles;  // "+down": required compound:prt lemmas
  std::vector<std::string> preps;      // "prep=for": required oblique / nmod prepositions
  std::vector<std::string> objects;    // "obj=a|b": the direct object's lemma is one of these
  std::vector<std::string> target;     // "T=": target slots in order of preference
  std::vector<std::string> source;     // "S=": source slots; empty = the default
  bool threat = false;                 // "mood=threat"
  uint32_t specificity = 0;            // number of constraint elements (particles, preps, obj=)
  std::string id;                      // "verbs.tsv:12": provenance for Event::pattern
};

struct Lexicon {
  std::unordered_map<std::string, CodeInfo> codes;              // by code
  std::unordered_map<std::string, std::vector<Pattern>> verbs;  // by head lemma
  std::unordered_map<std::string, std::vector<Pattern>> nouns;  // by head lemma
  size_t patterns = 0;
  std::vector<std::string> errors;  // "file:line: reason", one per skipped line
};

// True for a CAMEO event code: 2 to 4 digits, root 01..20.
bool is_event_code(std::string_view code);
// The QuadClass of a code's root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4; 0 when invalid.
uint8_t quad_class(std::string_view code);

// Parses a codebook file's text (`file` names it in errors) into lex.codes.
void parse_codebook(std::string_view file, std::string_view text, Lexicon& lex);
// Parses a pattern file's text into lex.verbs (noun == false) or lex.nouns. Patterns with the
// same head are kept most specific first (stable: file order among equals). Codes absent from
// a non-empty codebook are reported and skipped, so parse the codebook first.
void parse_patterns(std::string_view file, std::string_view text, bool noun, Lexicon& lex);

// The lexicon compiled into the binary (data/events/*.tsv); empty tables when the build had no
// data/events files.
Lexicon embedded_lexicon();

}  // namespace casus::events

#endif  // CASUS_EVENTS_LEXICON_H_
