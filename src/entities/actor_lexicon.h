// casus's curated actor lexicon: the TSV files of data/actors/, embedded into the binary at
// build time (tools/gen_countries.cc --embed) and parsed once into plain records here.
//
// File formats (docs/actors.md). Lines starting with '#' and blank lines are ignored; the first
// other line is the column header and must be exactly as below.
//   roles.tsv          phrase  role  office  country  notes
//   country_names.tsv  iso3  kind  names  notes          (kind: name | demonym | capital)
//   every other *.tsv  name  aliases  codes  type  notes  (type: person | org | seat)
// Lists inside a column are separated by '|'. A code is CODE[/office][[from:to]], e.g.
// "RUSGOV/pres[2012-05-07:]"; dates are YYYY, YYYY-MM or YYYY-MM-DD, either end may be empty.
//
// Parsing is pure; a malformed line is reported as "file:line: message" and skipped.
#ifndef CASUS_ENTITIES_ACTOR_LEXICON_H_
#define CASUS_ENTITIES_ACTOR_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus::entities {

// A day as the integer YYYYMMDD; 0 means unknown.
using Day = int32_t;
inline constexpr Day kMinDay = 0;
inline constexpr Day kMaxDay = 99991231;

// Parses "YYYY-MM-DD" (also "YYYY-MM" or "YYYY", taking the first day when `upper` is false
// and the last day when it is true). Returns 0 when `text` is not such a date.
Day parse_day(std::string_view text, bool upper = false);

// Closed interval of days; an open end is kMinDay / kMaxDay.
struct DateRange {
  Day from = kMinDay;
  Day to = kMaxDay;
  bool contains(Day d) const { return from <= d && d <= to; }
};

// One code of an actor, optionally limited to a period and tied to an office.
struct CodeTerm {
  std::string code;    // CAMEO actor code, e.g. "RUSGOV", "IGOWSTNAT", "PSEREBHMS"
  std::string office;  // office tag ("pres", "pm", "fm", ...) or empty
  DateRange range;
  bool dated = false;  // false: the code applies whenever no dated term does
};

enum class ActorType { kPerson, kOrg, kSeat };
const char* actor_type_name(ActorType type);

struct ActorEntry {
  std::string id;    // "<file stem>:<slug of name>", e.g. "leaders_europe:vladimir-putin"
  std::string name;  // canonical name
  std::vector<std::string> aliases;  // other surface forms (the name itself is not repeated)
  std::vector<CodeTerm> terms;
  ActorType type = ActorType::kPerson;
  std::string notes;
  std::string file;
  uint32_t line = 0;
};

struct RoleEntry {
  std::vector<std::string> phrases;  // "foreign minister", "foreign ministers" (plurals added)
  std::string role;                  // CAMEO role code: "GOV", "MIL", "MED", ...
  std::string office;                // office tag for office-holder lookup, or empty
  std::string country;               // default ISO3 when no country is given ("USA"), or empty
  std::string file;
  uint32_t line = 0;
};

struct CountryNameEntry {
  std::string iso3;
  std::string kind;  // "name", "demonym" or "capital"
  std::vector<std::string> names;
  std::string file;
  uint32_t line = 0;
};

struct Lexicon {
  std::vector<ActorEntry> actors;
  std::vector<RoleEntry> roles;
  std::vector<CountryNameEntry> country_names;
  std::vector<std::string> errors;  // "file:line: message", one per skipped line
  size_t rows = 0;                  // data rows read (including skipped ones)
};

// The TSV files compiled into the binary: {name, lines (nullptr-terminated)}, ended by
// {nullptr, nullptr}. Defined in the generated actor_lexicon_data.cc.
struct EmbeddedFile {
  const char* name;
  const char* const* lines;
};
extern const EmbeddedFile kEmbeddedActorFiles[];

// Parses one file (`name` is its base name, e.g. "roles.tsv") and appends to `out`.
void parse_lexicon_file(std::string_view name, const std::vector<std::string_view>& lines,
                        Lexicon& out);
// Parses every embedded file.
Lexicon parse_embedded_lexicon();

// True when `code` is a well-formed CAMEO code: 3 to 15 upper-case letters, a multiple of 3.
bool is_well_formed_code(std::string_view code);

// Adds the regular English plural of the last word ("minister" -> "ministers",
// "army" -> "armies", "spokesman" -> "spokesmen"); returns "" when the phrase already looks
// plural or has no simple plural.
std::string plural_of(std::string_view phrase);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_ACTOR_LEXICON_H_
