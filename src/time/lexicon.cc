#include "time/lexicon.h"

#include <string>
#include <unordered_map>

namespace casus::time {
namespace {

template <typename V>
using Table = std::unordered_map<std::string_view, V>;

template <typename V>
const V* find(const Table<V>& t, std::string_view w) {
  auto it = t.find(w);
  return it == t.end() ? nullptr : &it->second;
}

}  // namespace

int month_of(std::string_view w, bool* abbrev) {
  static const Table<int> kFull = {{"january", 1},  {"february", 2},  {"march", 3},
                                   {"april", 4},    {"may", 5},       {"june", 6},
                                   {"july", 7},     {"august", 8},    {"september", 9},
                                   {"october", 10}, {"november", 11}, {"december", 12}};
  static const Table<int> kShort = {{"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
                                    {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
                                    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  if (const int* m = find(kFull, w)) {
    if (abbrev) *abbrev = false;
    return *m;
  }
  if (const int* m = find(kShort, w)) {
    if (abbrev) *abbrev = true;
    return *m;
  }
  return 0;
}

int weekday_of(std::string_view w, bool* plural) {
  static const Table<int> kDays = {{"monday", 1},   {"tuesday", 2}, {"wednesday", 3},
                                   {"thursday", 4}, {"friday", 5},  {"saturday", 6},
                                   {"sunday", 7}};
  if (plural) *plural = false;
  if (const int* d = find(kDays, w)) return *d;
  if (w.size() > 6 && w.back() == 's') {
    if (const int* d = find(kDays, w.substr(0, w.size() - 1))) {
      if (plural) *plural = true;
      return *d;
    }
  }
  return 0;
}

int number_word(std::string_view w) {
  static const Table<int> kNumbers = {
      {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
      {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12}};
  const int* n = find(kNumbers, w);
  return n ? *n : -1;
}

int ordinal_word(std::string_view w) {
  static const Table<int> kOrdinals = {
      {"first", 1},         {"second", 2},      {"third", 3},       {"fourth", 4},
      {"fifth", 5},         {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},         {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
      {"thirteenth", 13},   {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
      {"seventeenth", 17},  {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
      {"twenty-first", 21}, {"thirtieth", 30}};
  const int* n = find(kOrdinals, w);
  return n ? *n : 0;
}

Unit unit_of(std::string_view w, bool* plural) {
  static const Table<Unit> kUnits = {
      {"second", Unit::kSecond}, {"sec", Unit::kSecond},      {"minute", Unit::kMinute},
      {"min", Unit::kMinute},    {"hour", Unit::kHour},       {"hr", Unit::kHour},
      {"day", Unit::kDay},       {"week", Unit::kWeek},       {"wk", Unit::kWeek},
      {"month", Unit::kMonth},   {"quarter", Unit::kQuarter}, {"year", Unit::kYear},
      {"yr", Unit::kYear},       {"decade", Unit::kDecade},   {"century", Unit::kCentury}};
  if (plural) *plural = false;
  if (const Unit* u = find(kUnits, w)) return *u;
  if (w == "centuries") {
    if (plural) *plural = true;
    return Unit::kCentury;
  }
  if (w.size() > 2 && w.back() == 's') {
    if (const Unit* u = find(kUnits, w.substr(0, w.size() - 1))) {
      if (plural) *plural = true;
      return *u;
    }
  }
  return Unit::kNone;
}

const char* season_of(std::string_view w) {
  static const Table<const char*> kSeasons = {
      {"spring", "SP"},  {"summer", "SU"},  {"autumn", "FA"},  {"fall", "FA"},   {"winter", "WI"},
      {"springs", "SP"}, {"summers", "SU"}, {"autumns", "FA"}, {"winters", "WI"}};
  const char* const* s = find(kSeasons, w);
  return s ? *s : nullptr;
}

const char* part_of_day(std::string_view w) {
  static const Table<const char*> kParts = {
      {"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"}};
  const char* const* s = find(kParts, w);
  return s ? *s : nullptr;
}

const char* zone_offset(std::string_view w) {
  static const Table<const char*> kZones = {
      {"utc", "Z"},       {"gmt", "Z"},      {"edt", "-04:00"},  {"est", "-05:00"},
      {"cdt", "-05:00"},  {"cst", "-06:00"}, {"mdt", "-06:00"},  {"mst", "-07:00"},
      {"pdt", "-07:00"},  {"pst", "-08:00"}, {"bst", "+01:00"},  {"cet", "+01:00"},
      {"cest", "+02:00"}, {"eet", "+02:00"}, {"eest", "+03:00"}, {"msk", "+03:00"},
      {"jst", "+09:00"},  {"kst", "+09:00"}, {"hkt", "+08:00"},  {"aest", "+10:00"},
      {"aedt", "+11:00"}, {"ist", "+05:30"}};
  const char* const* s = find(kZones, w);
  return s ? *s : nullptr;
}

int decade_word(std::string_view w) {
  static const Table<int> kDecades = {{"twenties", 2}, {"thirties", 3}, {"forties", 4},
                                      {"fifties", 5},  {"sixties", 6},  {"seventies", 7},
                                      {"eighties", 8}, {"nineties", 9}};
  const int* d = find(kDecades, w);
  return d ? *d : -1;
}

}  // namespace casus::time
