#include "time/tense.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace casus::time {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Irregular past-tense forms (simple past; past participles that differ are listed too so that
// "has begun" reads as past).
const WordSet& irregular_past() {
  static const WordSet kWords = {
      "was",     "were",    "had",     "did",    "said",      "told",       "went",   "gone",
      "came",    "took",    "taken",   "made",   "gave",      "given",      "got",    "gotten",
      "saw",     "seen",    "knew",    "known",  "thought",   "found",      "left",   "felt",
      "kept",    "held",    "brought", "began",  "begun",     "ran",        "won",    "lost",
      "met",     "paid",    "sent",    "spent",  "stood",     "understood", "wrote",  "written",
      "spoke",   "spoken",  "broke",   "broken", "chose",     "chosen",     "drove",  "driven",
      "fell",    "fallen",  "flew",    "flown",  "forgot",    "froze",      "grew",   "grown",
      "hid",     "hidden",  "led",     "meant",  "rose",      "risen",      "sold",   "sought",
      "taught",  "threw",   "thrown",  "wore",   "woke",      "struck",     "fought", "caught",
      "bought",  "built",   "sat",     "slept",  "shot",      "shook",      "sank",   "sunk",
      "stole",   "stolen",  "swore",   "tore",   "withdrew",  "became",     "ate",    "drank",
      "beat",    "bit",     "blew",    "bore",   "born",      "dealt",      "drew",   "fed",
      "fled",    "forbade", "forgave", "heard",  "hung",      "lay",        "lit",    "overtook",
      "oversaw", "rang",    "rode",    "sang",   "slid",      "spun",       "sprang", "stuck",
      "stung",   "swept",   "swam",    "swung",  "undertook", "upheld",     "wept",   "wound",
      "arose",   "awoke"};
  return kWords;
}

// -ed words that are not past forms.
const WordSet& not_past_ed() {
  static const WordSet kWords = {"need",     "speed",   "seed",     "feed",  "hundred",  "indeed",
                                 "proceed",  "exceed",  "succeed",  "shed",  "bed",      "red",
                                 "united",   "bred",    "breed",    "greed", "deed",     "weed",
                                 "embed",    "reed",    "steed",    "naked", "wicked",   "sacred",
                                 "beloved",  "aged",    "armed",    "based", "detailed", "limited",
                                 "advanced", "related", "supposed", "used"};
  return kWords;
}

const WordSet& auxiliaries() {
  static const WordSet kWords = {"is",    "are",    "am",   "be",  "been",   "being", "was",
                                 "were",  "has",    "have", "had", "having", "will",  "would",
                                 "shall", "'ll",    "wo",   "can", "could",  "may",   "might",
                                 "must",  "should", "to",   "do",  "does",   "did",   "'s",
                                 "'re",   "'m",     "'ve",  "'d",  "get",    "got",   "gets"};
  return kWords;
}

const WordSet& reporting_verbs() {
  static const WordSet kWords = {"said",     "says",    "say",       "told",  "tells", "according",
                                 "reported", "reports", "announced", "added", "stated"};
  return kWords;
}

// ASCII lowercase; the typographic apostrophe U+2019 becomes '.
std::string lower_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\xE2' && s.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "his" ||
         w == "her" || w == "their" || w == "its" || w == "our" || w == "my" || w == "your";
}

struct Cue {
  uint32_t token;
  Tense tense;
  bool weak;  // a reporting verb: used only when no other cue exists
};

// Past form by shape: lowercase -ed word not in the exception list.
bool looks_past(std::string_view w) {
  if (irregular_past().count(w)) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "ed" && !not_past_ed().count(w);
}

}  // namespace

const char* tense_name(Tense tense) {
  switch (tense) {
    case Tense::kPast:
      return "past";
    case Tense::kPresent:
      return "present";
    case Tense::kFuture:
      return "future";
    case Tense::kUnknown:
      break;
  }
  return "unknown";
}

Tense governing_tense(const Document& doc, uint32_t sentence, uint32_t first_token,
                      uint32_t end_token) {
  if (sentence >= doc.sentences.size()) return Tense::kUnknown;
  const Sentence& s = doc.sentences[sentence];
  std::vector<std::string> w;
  std::vector<bool> upper;
  w.reserve(s.end_token - s.first_token);
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const std::string_view surface = doc.slice(doc.tokens[t].span);
    w.push_back(lower_ascii(surface));
    upper.push_back(!surface.empty() && surface[0] >= 'A' && surface[0] <= 'Z');
  }
  const uint32_t n = static_cast<uint32_t>(w.size());
  auto at = [&](uint32_t i) -> std::string_view { return i < n ? std::string_view(w[i]) : ""; };
  auto governed = [&](uint32_t i) {  // an auxiliary within the previous 3 tokens
    for (uint32_t k = 1; k <= 3 && k <= i; ++k) {
      const std::string_view p = at(i - k);
      if (auxiliaries().count(p) || p == "n't" || p == "not") return true;
    }
    return false;
  };
  std::vector<Cue> cues;
  const uint32_t lo = first_token - s.first_token, hi = end_token - s.first_token;
  for (uint32_t i = 0; i < n; ++i) {
    if (i >= lo && i < hi) continue;  // the expression itself
    const std::string_view x = at(i);
    const std::string_view next = at(i + 1);
    if (x == "will" || x == "'ll" || x == "shall" || x == "would" || x == "wo") {
      cues.push_back({i, Tense::kFuture, false});
    } else if ((x == "is" || x == "are" || x == "am" || x == "'s" || x == "'re" || x == "was" ||
                x == "were") &&
               next == "going" && at(i + 2) == "to") {
      cues.push_back({i, Tense::kFuture, false});
    } else if ((x == "is" || x == "are" || x == "was" || x == "were" || x == "due") &&
               next == "to" && !is_determiner(at(i + 2))) {
      cues.push_back({i, Tense::kFuture, false});
    } else if ((x == "plans" || x == "plan" || x == "planned" || x == "expected" ||
                x == "scheduled" || x == "set" || x == "intends" || x == "hopes" || x == "aims") &&
               next == "to" && !is_determiner(at(i + 2))) {
      cues.push_back({i, Tense::kFuture, false});
    } else if (x == "has" || x == "have" || x == "'ve") {
      // Present perfect reads as past ("has announced"); "has a meeting" as present.
      const bool perfect = looks_past(next) || (next == "been") || looks_past(at(i + 2));
      cues.push_back({i, perfect ? Tense::kPast : Tense::kPresent, false});
    } else if (x == "is" || x == "are" || x == "am" || x == "does" || x == "do" || x == "'re" ||
               x == "'m") {
      cues.push_back({i, Tense::kPresent, false});
    } else if (reporting_verbs().count(x)) {
      const Tense t =
          (x == "says" || x == "say" || x == "tells" || x == "according" || x == "reports")
              ? Tense::kPresent
              : Tense::kPast;
      // "according to" is no verb: it counts only when nothing else does.
      cues.push_back({i, t, x == "according"});
    } else if (!upper[i] || i == 0) {
      if (looks_past(x) && !governed(i)) cues.push_back({i, Tense::kPast, false});
    }
  }
  const Cue* best = nullptr;
  uint32_t best_dist = 0;
  for (const Cue& c : cues) {
    const uint32_t dist = c.token < lo ? lo - c.token : c.token - hi + 1;
    const uint32_t penalty = c.weak ? 1000 : 0;
    if (!best || dist + penalty < best_dist) {
      best = &c;
      best_dist = dist + penalty;
    }
  }
  return best ? best->tense : Tense::kUnknown;
}

}  // namespace casus::time
