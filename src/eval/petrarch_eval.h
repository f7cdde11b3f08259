// casus eval petrarch: PETRARCH unit-test records (XML) coded by casus with PETRARCH/TABARI
// dictionaries. casus parses every record's sentence itself (the record's parse tree is
// ignored) and a record passes when its coded (source, target, code) set equals the expected
// set. Method and figures: docs/petrarch.md.
#ifndef CASUS_EVAL_PETRARCH_EVAL_H_
#define CASUS_EVAL_PETRARCH_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "casus/status.h"

namespace casus::events {
struct EventOptions;
}

namespace casus::eval {

// One (source, target, code) triple; "" for an absent source or target.
struct PetrarchCoding {
  std::string source, target, code;
  friend bool operator<(const PetrarchCoding& a, const PetrarchCoding& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.target != b.target) return a.target < b.target;
    return a.code < b.code;
  }
  friend bool operator==(const PetrarchCoding&, const PetrarchCoding&) = default;
};

struct PetrarchRecord {
  std::string id, date, category, text;  // date "YYYYMMDD" as in the file
  std::vector<PetrarchCoding> expected;  // sorted, unique; empty for noevents / discards
  // "bad_input_parse" and similar: tests of the record's own parse tree, which casus ignores.
  bool parse_error_test = false;
};

struct PetrarchRecords {
  std::vector<std::string> include;  // <Include> categories (empty: every category)
  // <Environment> dictionary file names (<Verbfile>, <Actorfile>, <Agentfile>, <Discardfile>).
  std::string verbs, actors, agents, discards;
  std::vector<PetrarchRecord> records;
};

// Parses a PETRARCH validation/unit-test records file. Fails on unbalanced markup.
Status parse_petrarch_records(std::string_view xml, PetrarchRecords* out);

struct PetrarchFailure {
  std::string id, category, text;
  std::vector<PetrarchCoding> expected, coded;
};

struct PetrarchScores {
  size_t records = 0;  // records evaluated
  size_t passed = 0;
  size_t skipped = 0;  // outside <Include>, or tests of the record's parse tree
  double pass_rate() const { return records ? 100.0 * passed / records : 0; }
  std::vector<PetrarchFailure> failures;
};

// Fills the dictionary paths of `dicts` that are empty from the file's <Environment>, resolved
// in the records file's folder or its dictionaries/ subfolder. Fails when the file is unreadable.
Status default_petrarch_dictionaries(const std::string& path, events::EventOptions* dicts);

// Codes every included record of `path` with the dictionaries named in `dicts` (verbs, actors,
// agents, discards). Dictionary warnings go to *warnings.
Status evaluate_petrarch(const std::string& path, const events::EventOptions& dicts,
                         PetrarchScores* scores, std::vector<std::string>* warnings);

}  // namespace casus::eval

#endif  // CASUS_EVAL_PETRARCH_EVAL_H_
