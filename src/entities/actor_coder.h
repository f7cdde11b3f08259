// ActorCoder: CAMEO actor codes for entity mentions (the actor-coding part of the entities
// stage). Knowledge: the country table compiled from npm world-countries + i18n-iso-countries
// (country_table.h) and casus's curated lexicon data/actors/*.tsv (actor_lexicon.h), both
// compiled into the binary.
//
// Ownership and threads: an ActorCoder is immutable after construction; every method is const
// and may be called from any number of threads. Build it once (builtin() shares one instance)
// and keep it for the life of the process; returned pointers stay valid as long as the coder.
// Construction parses the embedded lexicon and builds hash indexes (a few milliseconds).
//
// Coding rules (docs/actors.md):
//  1. lexicon: the mention, or its longest suffix, equals an alias ("Secretary of State Antony
//     Blinken" -> "antony blinken"); a single remaining surname matches a person when exactly
//     one person with that surname fits the date; an organization prefix followed by role words
//     ("Washington Post columnist", "NATO forces") codes as the organization;
//  2. role+country: a role word or phrase from roles.tsv plus a country name, demonym or capital
//     in the mention or in the last words of `left_context` ("Russia's Foreign Ministry" ->
//     RUSGOV); a pure title ("the Russian president", "Secretary of State") also names the
//     office holder at that date when the lexicon knows one;
//  3. country: the mention is only a country name, demonym or capital (code "RUS"); capitals are
//     flagged so the caller can decide on metonymy ("Moscow said" -> RUSGOV).
// Otherwise nothing is returned: codes are never guessed.
#ifndef CASUS_ENTITIES_ACTOR_CODER_H_
#define CASUS_ENTITIES_ACTOR_CODER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/actor_lexicon.h"

namespace casus::entities {

enum class ActorBasis { kLexicon, kRoleCountry, kCountry };
// "lexicon", "role+country", "country".
const char* actor_basis_name(ActorBasis basis);

struct ActorCode {
  std::string code;            // "UKRGOV", "IGOWSTNAT", "RUS"
  std::string country;         // ISO3 ("UKR"), or "" for international/transnational actors
  std::string role;            // "GOV", "MIL", "MED", "IGO", ... or "" for a bare country
  std::string entry_id;        // lexicon entry id, or "" when no entry was identified
  std::string canonical_name;  // the entry's canonical name, or ""
  ActorBasis basis = ActorBasis::kLexicon;
  // False when the article date lies outside every dated term of the entry and the code comes
  // from the nearest term (a former leader keeps the code of the office he is known for).
  bool in_term = true;
  // True when the country was recognized only from a capital city name (metonymy candidate).
  bool via_capital = false;
  std::string office;          // office tag of the matched term ("pres", "fm", ...) or ""
};

enum class CountryNameKind { kName, kDemonym, kCapital };

struct CountryInfo {
  std::string iso3;
  std::string iso2;           // "" for historical states added by country_names.tsv
  std::string name;           // common name
  std::string official_name;
  std::string capital;
  std::string demonym;
  std::string region;
  double lat = 0;
  double lng = 0;
  bool has_coordinates = false;
  bool independent = false;
};

class ActorCoder {
 public:
  // Builds the coder from the compiled country table and `lexicon`.
  explicit ActorCoder(Lexicon lexicon);

  // The coder over the embedded data/actors lexicon, built on first use (thread-safe).
  static std::shared_ptr<const ActorCoder> builtin();

  // Codes one mention. `left_context` is the text just before the mention (a few words are
  // enough; only its last words are read), `date` the article date "YYYY-MM-DD" or "".
  std::optional<ActorCode> code_mention(std::string_view mention_text,
                                        std::string_view left_context = {},
                                        std::string_view date = {}) const;

  // ISO3 of a country name, alternative spelling, demonym (also plural) or capital; nullopt
  // when unknown or ambiguous ("Congo", "Korean").
  std::optional<std::string> country_of(std::string_view text) const;
  // Same, also saying which kind of name matched.
  std::optional<std::pair<std::string, CountryNameKind>> match_country(std::string_view text) const;
  // ISO3 of the country whose capital (or seat of government) is `text` ("Kiev" -> "UKR").
  std::optional<std::string> country_of_capital(std::string_view text) const;
  // Country facts by ISO3; nullptr when unknown.
  const CountryInfo* country_info(std::string_view iso3) const;

  // The lexicon entry with this id, or nullptr.
  const ActorEntry* entry(std::string_view id) const;
  // The current holder of `office` for a country ("RUS", "pres") or organization code
  // ("IGOUNO", "sg") at `date` ("" = the open-ended term).
  const ActorEntry* office_holder(std::string_view owner, std::string_view office,
                                  std::string_view date) const;

  const Lexicon& lexicon() const { return lexicon_; }
  // Malformed lexicon lines (file:line: message); empty for the shipped lexicon.
  const std::vector<std::string>& errors() const { return lexicon_.errors; }
  size_t country_count() const { return countries_.size(); }

 private:
  struct CountryHit {
    uint32_t country;
    CountryNameKind kind;
    uint8_t acronym_letters;  // > 0 when the name is an acronym ("US", "UAE")
  };
  struct AliasHit {
    uint32_t entry;
    uint8_t acronym_letters;
  };
  struct OfficeTerm {
    uint32_t entry;
    uint32_t term;
  };
  struct Resolved {
    uint32_t term = 0;
    bool in_term = true;
  };
  struct Parse;  // role/country/name analysis of one mention (actor_coder.cc)

  void add_country_name(uint32_t country, std::string_view name, CountryNameKind kind);
  uint32_t add_country(CountryInfo info);
  std::optional<uint32_t> country_at(const Parse& p, size_t begin, size_t end, size_t* len,
                                     bool* capital) const;
  std::optional<uint32_t> pick_country(const std::vector<CountryHit>& hits, std::string_view raw,
                                       CountryNameKind* kind) const;
  Resolved resolve(const ActorEntry& e, Day day) const;
  std::optional<std::pair<uint32_t, Resolved>> choose(const std::vector<uint32_t>& candidates,
                                                      Day day) const;
  std::optional<std::pair<uint32_t, Resolved>> lookup_alias(std::string_view key,
                                                            std::string_view raw, Day day,
                                                            bool orgs_only) const;
  ActorCode make_code(uint32_t entry, const Resolved& r) const;
  void split_code(std::string_view code, std::string* country, std::string* role) const;
  std::optional<std::pair<uint32_t, uint32_t>> holder(std::string_view owner,
                                                      std::string_view office, Day day) const;

  Lexicon lexicon_;
  std::vector<CountryInfo> countries_;
  std::unordered_map<std::string, uint32_t> country_by_iso3_;
  std::unordered_map<std::string, std::vector<CountryHit>> country_names_;
  std::unordered_map<std::string, std::vector<AliasHit>> aliases_;
  std::unordered_map<std::string, std::vector<uint32_t>> surnames_;
  std::unordered_map<std::string, std::vector<OfficeTerm>> offices_;
  std::unordered_map<std::string, uint32_t> roles_;
  std::unordered_map<std::string, uint32_t> entry_by_id_;
  std::unordered_set<std::string> given_names_;  // first words of multi-word person names
  size_t max_role_tokens_ = 1;
  size_t max_country_tokens_ = 1;
};

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_ACTOR_CODER_H_
