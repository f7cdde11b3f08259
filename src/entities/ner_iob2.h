// Universal NER (UNER) IOB2 reader: one token per line (index, form, tag, ...), blank lines end
// sentences, "# newdoc" comments start documents. Tags are O, B-/I- PER, ORG, LOC, OTH.
//
// UNER is read both by `casus eval ner` (scoring) and by casus_train_ner (UNER EWT dev as
// partially labeled training data, docs/entities.md). UNER's types are coarser than casus's:
// its LOC is casus's GPE, LOC or FAC, and UNER tags nationality words O where casus says NORP.
// uner_training_sentence keeps that ambiguity as a per-token set of acceptable casus tags.
//
// Pure functions; thread-safe.
#ifndef CASUS_ENTITIES_NER_IOB2_H_
#define CASUS_ENTITIES_NER_IOB2_H_

#include <cstdint>
#include <string>
#include <vector>

#include "casus/status.h"
#include "entities/ner.h"

namespace casus::entities {

struct Iob2Sentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // "O", "B-PER", "I-LOC", ...
};
using Iob2Document = std::vector<Iob2Sentence>;

// Reads every document of an IOB2 file (sentences before the first "# newdoc" form a document
// of their own). Errors: unreadable file, a token line without three columns.
Status read_iob2(const std::string& path, std::vector<Iob2Document>* docs);

// A gold span of an IOB2 sentence: tokens [begin, end), UNER type ("PER", "ORG", "LOC", "OTH").
struct Iob2Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string type;
  friend bool operator==(const Iob2Span&, const Iob2Span&) = default;
};
// The spans of a sentence in order; an I- tag continues only a span of the same type.
std::vector<Iob2Span> iob2_spans(const Iob2Sentence& sentence);

// A training sentence with partial labels (NerSentence::allowed): PER and ORG tokens take the
// casus tag of their type; LOC tokens any of GPE, LOC and FAC; O tokens O or NORP; OTH tokens any
// tag (they teach nothing). `tags` holds one member of each set (LOC for LOC, O for O).
NerSentence uner_training_sentence(const Iob2Sentence& sentence, float weight);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_NER_IOB2_H_
