// casus::Document: one article and every layer the pipeline writes about it.
//
// Ownership: a Document owns its text and all layers. Layers are flat vectors of small records that
// refer to each other by uint32_t index, never by pointer, so a Document can be moved, copied and
// serialized freely.
//
// Invariant (checked by tests for every stage): every Span is a half-open byte range [begin, end)
// into `text`, with begin <= end <= text.size(), and both ends on UTF-8 code point boundaries.
// `text` is valid UTF-8 in Unicode NFC once the text stage has run. Spans are bytes inside C++;
// they are converted to code points only at the JSON/Python edge (base/codepoints.h).
//
// Thread safety: a Document is a plain value; distinct Documents may be processed concurrently.
#ifndef CASUS_DOCUMENT_H_
#define CASUS_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A paragraph of `text` (separated from the next by a blank line in `text`).
struct Paragraph {
  Span span;
};

// A sentence: its byte span and its tokens [first_token, end_token) in Document::tokens.
struct Sentence {
  Span span;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t paragraph = 0;
};

// A token in the UD English EWT convention ("do" "n't", "U.S.", "e-mail").
struct Token {
  Span span;
  uint32_t sentence = 0;
  // True when the token's span is followed by whitespace (or ends the text).
  bool space_after = true;
};

// A temporal expression (TIMEX3 terms), normalized against the article date.
enum class TimexType { kDate, kTime, kDuration, kSet };
const char* timex_type_name(TimexType type);
// What the value was resolved against: the article date, nothing (absolute), the previous
// time expression, or nothing at all because no anchor was known (value keeps X placeholders).
enum class TimeAnchor { kArticle, kAbsolute, kPrevious, kNone };
const char* time_anchor_name(TimeAnchor anchor);

struct Timex {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;  // ISO-style TIMEX3 value: "2023-05-03", "2023-W18", "P3D", "XXXX-WXX-1", ...
  TimeAnchor anchor = TimeAnchor::kNone;
  uint32_t sentence = 0;
};

// Entities layer (written by the entities stage, src/entities/stage.h).
// Named-entity types (OntoNotes-style): persons, organizations, geo-political entities
// (countries, states, cities as political units), other locations, nationalities / religious /
// political groups ("Ukrainian"), facilities (buildings, bridges: "the Kremlin", "Kerch Bridge").
enum class EntityType : uint8_t { kPer, kOrg, kGpe, kLoc, kNorp, kFac };
// "PER", "ORG", "GPE", "LOC", "NORP", "FAC".
inline const char* entity_type_name(EntityType type) {
  static constexpr const char* kNames[] = {"PER", "ORG", "GPE", "LOC", "NORP", "FAC"};
  return kNames[static_cast<int>(type)];
}
// How a mention refers: a proper name ("Antony Blinken"), a common noun phrase ("the
// secretary", "US officials") or a pronoun ("he").
enum class MentionKind : uint8_t { kName, kNominal, kPronoun };
inline const char* mention_kind_name(MentionKind kind) {
  static constexpr const char* kNames[] = {"name", "nominal", "pronoun"};
  return kNames[static_cast<int>(kind)];
}

// One mention of an entity: tokens [first_token, end_token) of one sentence; `span` covers them.
// Mentions are sorted by span.begin (longer first on ties); they may nest ("US" inside "US
// officials") but never cross.
struct Mention {
  Span span;
  EntityType type = EntityType::kPer;
  MentionKind kind = MentionKind::kName;
  uint32_t entity = 0;  // index into Document::entities
  uint32_t sentence = 0;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

// One entity of the article (a coreference chain) and its CAMEO actor code. Actor fields are
// empty when the entity is not a known actor: codes are never guessed.
struct Entity {
  EntityType type = EntityType::kPer;
  std::string name;                // canonical name: the fullest proper name among its mentions
  std::vector<uint32_t> mentions;  // indices into Document::mentions, in text order
  std::string actor_code;          // "USAGOV", "IGOWSTNAT", "RUS", or ""
  std::string actor_country;       // ISO3 or ""
  std::string actor_role;          // "GOV", "MIL", ... or ""
  std::string actor_basis;         // "lexicon", "role+country", "country", or ""
  std::string actor_id;            // actor lexicon entry id, or ""
};

// The syntax of one token (UD English): written by the syntax stage, parallel to
// Document::tokens. `head` is the index of the head token in Document::tokens (same sentence), or
// kNoHead for the root of its sentence (deprel "root").
inline constexpr uint32_t kNoHead = 0xffffffffu;
struct TokenSyntax {
  std::string upos;    // "NOUN", "VERB", "PROPN", ...
  std::string xpos;    // Penn Treebank tag: "NN", "VBD", ...
  std::string lemma;   // "say" for "said"
  std::string feats;   // UD features: "Mood=Ind|Tense=Past|VerbForm=Fin", or "" for none
  std::string deprel;  // "nsubj", "obj", "ccomp", "nsubj:pass", ...
  uint32_t head = kNoHead;
};

// Quotations layer (written by the quotes stage, src/quotes/quotes.h, docs/quotes.md).
// direct: verbatim words between quote marks; indirect: a reported clause ("X said that ...");
// mixed: a reported clause that is partly quoted; term: a quoted word or phrase ("false flag").
enum class QuoteKind : uint8_t { kDirect, kIndirect, kMixed, kTerm };
// "direct", "indirect", "mixed", "term".
inline const char* quote_kind_name(QuoteKind kind) {
  static constexpr const char* kNames[] = {"direct", "indirect", "mixed", "term"};
  return kNames[static_cast<int>(kind)];
}
inline constexpr uint32_t kNoEntity = 0xffffffffu;

// One quotation or reported statement. `content` holds one span per piece, in text order (split
// quotes "...," he said, "..." are one Quote with two pieces); direct pieces include their quote
// marks. Empty spans mean "none": a quote without a known speaker has an empty `speaker`.
struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  std::vector<Span> content;
  Span speaker;                          // the speaker as written ("She", "Moscow"), or empty
  uint32_t speaker_entity = kNoEntity;   // index into Document::entities, or kNoEntity
  Span cue;                              // "said", "according to", or empty
  std::string cue_lemma;                 // "say", "according to", or ""
  Span addressee;                        // "him" in "Ignatius asked him ...", or empty
  uint32_t addressee_entity = kNoEntity;
  uint32_t first_sentence = 0;           // sentences [first_sentence, end_sentence) it touches
  uint32_t end_sentence = 0;
};

// Places layer (written by the places stage, src/places/stage.h, docs/places.md): a toponym of
// the text resolved to a gazetteer entry. Unresolved toponyms are not listed.
inline constexpr uint32_t kNoIndex = 0xffffffffu;
// How a place got its location: a gazetteer entry; the place the text puts it in ("the Adler
// Planetarium in Chicago"); another mention of its entity; or only the article's main country
// (a facility or locality nothing else locates; coordinates are that country's point).
enum class PlaceBasis : uint8_t { kGazetteer, kContained, kCoreference, kArticleCountry };
inline const char* place_basis_name(PlaceBasis basis) {
  static constexpr const char* kNames[] = {"gazetteer", "contained", "coreference",
                                           "article_country"};
  return kNames[static_cast<int>(basis)];
}

struct Place {
  Span span;                     // the toponym as written ("Moscow", "the Kremlin")
  uint32_t mention = kNoIndex;   // index into Document::mentions when the toponym is a mention
  uint32_t sentence = 0;
  std::string name;              // gazetteer name ("Moscow")
  std::string country;           // ISO 3166 alpha-3 ("RUS"), or "" for places outside any country
  double lat = 0;
  double lon = 0;
  uint32_t geonameid = 0;        // GeoNames id, or 0 for casus's own landmarks without one
  std::string feature;           // GeoNames feature class.code ("P.PPLC", "A.PCLI"), "S.LMK" ...
  PlaceBasis basis = PlaceBasis::kGazetteer;
};

// Events layer (written by the events stage, src/events/stage.h, docs/events.md).
// One side of an event: the words that name it, the entity they refer to, its CAMEO actor code.
struct EventParty {
  Span span;                      // as written ("Russia's Foreign Ministry"), empty when implied
  uint32_t entity = kNoEntity;    // index into Document::entities, or kNoEntity
  std::string actor;              // CAMEO actor code ("RUSGOV"), or "" when unknown
};
// The stance in which the text states an event.
enum class EventMood : uint8_t { kAsserted, kHypothetical, kFuture, kThreatened, kDenied };
inline const char* event_mood_name(EventMood mood) {
  static constexpr const char* kNames[] = {"asserted", "hypothetical", "future", "threatened",
                                           "denied"};
  return kNames[static_cast<int>(mood)];
}
// What the event's date was taken from: a time expression governing it, the article's date, or
// nothing (no date known).
enum class DateBasis : uint8_t { kTimex, kArticle, kNone };
inline const char* date_basis_name(DateBasis basis) {
  static constexpr const char* kNames[] = {"timex", "article", "none"};
  return kNames[static_cast<int>(basis)];
}
// A coded political event: source does `code` to target. Fields follow the CAMEO codebook
// (code, root, label, QuadClass, Goldstein) and PLOVER (type, mode).
struct Event {
  std::string code;               // CAMEO event code, 3 or 4 digits ("112", "0211")
  std::string root;               // its root ("11")
  std::string label;              // codebook label of `code`
  uint8_t quad = 0;               // QuadClass 1..4 (verbal coop., material coop., verbal
                                  // conflict, material conflict)
  double goldstein = 0;           // Goldstein score of `code`, -10..10
  std::string plover_type;        // "ACCUSE", "AGREE", ...
  std::string plover_mode;        // PLOVER mode where determined, else ""
  EventParty source;
  EventParty target;
  bool has_target = false;
  Span predicate;                 // the words that carry the event ("accused", "attack on")
  std::string predicate_lemma;
  bool negated = false;
  EventMood mood = EventMood::kAsserted;
  std::string date;               // "YYYY-MM-DD" (or coarser TIMEX value), "" when unknown
  DateBasis date_basis = DateBasis::kNone;
  uint32_t timex = kNoIndex;      // index into Document::times when date_basis is kTimex
  uint32_t place = kNoIndex;      // index into Document::places, or kNoIndex
  uint32_t quote = kNoIndex;      // index into Document::quotes when reported inside a quote
  uint32_t sentence = 0;
  std::vector<Span> evidence;     // every supporting sentence span (after within-article dedup)
  float confidence = 0;           // 0..1
  std::string pattern;            // id of the lexicon pattern that matched (provenance)
};

// Something that went wrong for this document. `stage` names the stage ("ingest", "text", ...).
struct DocError {
  std::string stage;
  std::string message;
};

// Where Document::date came from.
enum class DateSource { kNone, kInput, kMetadata, kDateline };
const char* date_source_name(DateSource source);

// One extra field of the input kept with the record: `json` is a serialized JSON value.
struct MetaField {
  std::string key;
  std::string json;
};

struct Document {
  // Identity and metadata.
  std::string id;                    // stable id: input id, else derived from file name / URL
  std::string url;                   // empty when unknown
  std::string title;                 // empty when unknown
  std::vector<std::string> authors;  // names as written, e.g. {"Andre Damon"}
  std::string date;                  // "YYYY-MM-DD" or empty when unknown
  DateSource date_source = DateSource::kNone;
  // Where the document was read from, for error messages: "file.jsonl:12", "x.warc.gz@4096".
  std::string origin;
  // The detected input format ("markdown", "html", "jsonl", "warc", "text").
  std::string format;

  // The plain article text that every span indexes.
  std::string text;

  // Layers written by the text stage.
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  // Layer written by the syntax stage: one entry per token, or empty when it has not run.
  std::vector<TokenSyntax> syntax;

  // Layer written by the time stage.
  std::vector<Timex> times;

  // Layer written by the entities stage.
  std::vector<Mention> mentions;
  std::vector<Entity> entities;

  // Layer written by the quotes stage, in text order of the first content piece.
  std::vector<Quote> quotes;
  // Layer written by the places stage, in text order.
  std::vector<Place> places;
  // Layer written by the events stage, in text order of the predicate.
  std::vector<Event> events;

  // Extra input fields and material kept out of `text` (e.g. trailing boilerplate).
  std::vector<MetaField> meta;
  std::vector<DocError> errors;

  std::string_view slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
  void add_error(std::string stage, std::string message) {
    errors.push_back(DocError{std::move(stage), std::move(message)});
  }
  // Sets meta[key] to the JSON string value `value` (replacing an existing key).
  void set_meta_string(std::string_view key, std::string_view value);
  // Sets meta[key] to a raw serialized JSON value.
  void set_meta_json(std::string_view key, std::string json);
};

}  // namespace casus

#endif  // CASUS_DOCUMENT_H_
