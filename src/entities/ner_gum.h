// GUM (Georgetown University Multilayer corpus) reader for NER and coreference training and
// evaluation: CoNLL-U with entity mentions and coreference in MISC `Entity=` annotations
// (global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity).
//
// Named mentions (docs/entities.md): a GUM mention is named when its syntactic head (the token of
// the mention whose head lies outside it) is a proper noun (XPOS NNP/NNPS). Its NER span is the
// run of proper nouns around the head inside the mention, joined through "of", "&", "de", "du",
// "von", "van" when a proper noun follows ("University of California"). Types: person -> PER,
// organization -> ORG (both NORP when the span is a demonym: "Americans"), place -> FAC (seats of
// power, facility words: "Kerch Bridge"), LOC (natural and continental places: rivers,
// mountains, "Europe") or GPE (everything else: countries, states, cities). Other GUM types are
// not named entities for casus. Overlapping named spans keep the longest.
//
// Pure functions; thread-safe.
#ifndef CASUS_ENTITIES_NER_GUM_H_
#define CASUS_ENTITIES_NER_GUM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/document.h"
#include "casus/status.h"
#include "entities/ner.h"

namespace casus::entities {

struct GumToken {
  std::string form;
  std::string upos;
  std::string xpos;
  uint32_t head = 0;  // 1-based within the sentence, 0 = root
  bool space_after = true;
};

struct GumSentence {
  std::vector<GumToken> tokens;
  bool new_paragraph = false;
};

// One GUM mention: tokens [begin, end) of one sentence.
struct GumMention {
  uint32_t sentence = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t head = 0;       // sentence-relative index of the mention's syntactic head
  std::string entity;      // GUM entity id (unique within the document)
  std::string etype;       // person, organization, place, abstract, ...
  std::string identity;    // Wikipedia identity or ""
};

struct GumDoc {
  std::string id;
  std::string genre;
  std::string date;  // meta::dateCreated, "" when absent
  std::vector<GumSentence> sentences;
  std::vector<GumMention> mentions;
};

Status read_gum(const std::string& path, GumDoc* doc);

// The GUM documents of `split` ("train", "dev", "test"; "" = all) whose genre is in `genres`
// (empty = all), as paths under data_dir/gum/dep, sorted. The split lists come from
// data_dir/gum/splits.md.
std::vector<std::string> gum_files(const std::string& data_dir, std::string_view split,
                                   const std::vector<std::string>& genres);

// A named mention of a GUM document with its casus type.
struct GumNamed {
  uint32_t sentence = 0;
  NamedSpan span;
  uint32_t mention = 0;  // index into GumDoc::mentions
};
// Named mentions, non-overlapping, in text order.
std::vector<GumNamed> gum_named(const GumDoc& doc, const NerGazetteer& gaz);

// One NER training sentence per GUM sentence (BIO tags from gum_named).
std::vector<NerSentence> gum_ner_sentences(const GumDoc& doc, const NerGazetteer& gaz);

// A Document over the gold tokens: text = forms joined by SpaceAfter, paragraphs from `newpar`,
// sentences and tokens as in GUM; date = meta::dateCreated.
Document gum_document(const GumDoc& doc);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_NER_GUM_H_
