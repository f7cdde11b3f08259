// PETRARCH/TABARI dictionary parsers (docs/petrarch.md): verbs with synsets, forms and patterns,
// date-ranged actors, agents with plurals and substitution markers, discards, and the warnings
// for malformed lines. The dictionaries here are written for the tests.
#include "events/petrarch_dict.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casus::events::petrarch {
namespace {

std::vector<WordId> ids(const CompiledDictionaries& d, const std::vector<std::string>& words) {
  std::vector<WordId> out;
  for (const auto& w : words) out.push_back(d.vocab().find(w));
  return out;
}

// The actor code that a phrase gets on a date (YYYYMMDD), or "<none>".
std::string actor_code(const CompiledDictionaries& d, const std::vector<std::string>& words,
                       int32_t date) {
  uint32_t payload = 0;
  const auto w = ids(d, words);
  if (d.actor_phrases().longest(w, 0, &payload) != w.size()) return "<none>";
  return d.actors()[payload].code_on(date);
}

TEST(PetrarchDates, SixAndEightDigits) {
  struct Case {
    const char* text;
    int32_t want;
  } cases[] = {{"950601", 19950601},   {"070723", 20070723},  {"19950601", 19950601},
               {"20121109", 20121109}, {"9506", 0},           {"19951301", 0},
               {"abcdef", 0},          {" 990816 ", 19990816}};
  for (const Case& c : cases) EXPECT_EQ(parse_petrarch_date(c.text), c.want) << c.text;
}

TEST(PetrarchActors, CodesSynonymsAndDateRanges) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_actors(
      "<!-- a test actor file -->\n"
      "RIVENDELL_  [RIV] # comment\n"
      "+IMLADRIS\n"
      "\n"
      "BLUE WIZARD  ; no default code\n"
      "+ITHRYN_LUIN\n"
      "\t[WIZ < 950601]\n"
      "\t[WIZGOV 19950601 - 19990815]\n"
      "\t[WIZREB > 990816]\n"
      "GREY_HAVENS [ELF]\n"
      "\t[SHP 20100109-20100112]\n"
      "ESGAROTH [ELR/GAL]\n"
      "NOBODY [---]\n",
      "test.actors", &warnings);
  EXPECT_TRUE(warnings.empty());
  struct Case {
    std::vector<std::string> words;
    int32_t date;
    std::string want;
  } cases[] = {
      {{"RIVENDELL"}, 19950101, "RIV"},
      {{"IMLADRIS"}, 0, "RIV"},
      {{"BLUE", "WIZARD"}, 19900101, "WIZ"},
      {{"ITHRYN", "LUIN"}, 19950601, "WIZ"},  // limits are inclusive; the first listed wins
      {{"ITHRYN", "LUIN"}, 19950602, "WIZGOV"},
      {{"ITHRYN", "LUIN"}, 19990815, "WIZGOV"},
      {{"BLUE", "WIZARD"}, 20010101, "WIZREB"},
      {{"BLUE", "WIZARD"}, 19990816, "WIZREB"},
      {{"GREY", "HAVENS"}, 20100110, "SHP"},
      {{"GREY", "HAVENS"}, 20100113, "ELF"},  // outside the range: the default
      {{"ESGAROTH"}, 0, "ELR/GAL"},
      {{"NOBODY"}, 0, ""},
      {{"BLUE", "WIZARD"}, 0, "WIZREB"},  // unknown date, no default: the most recent code
      {{"GREY", "HAVENS"}, 0, "ELF"},     // unknown date: the default
  };
  for (const Case& c : cases) EXPECT_EQ(actor_code(d, c.words, c.date), c.want) << c.words[0];
}

TEST(PetrarchActors, LongestMatchWins) {
  CompiledDictionaries d;
  d.parse_actors("GONDOR [GON]\nGONDOR_ARMY [GONMIL]\n", "a", nullptr);
  uint32_t payload = 0;
  const auto w = ids(d, {"GONDOR", "ARMY"});
  EXPECT_EQ(d.actor_phrases().longest(w, 0, &payload), 2u);
  EXPECT_EQ(d.actors()[payload].default_code, "GONMIL");
}

// A blank between words lets other words come between them; `_` does not.
TEST(PetrarchActors, BlankAllowsInterveningWords) {
  CompiledDictionaries d;
  d.parse_actors("GONDOR [GON]\nGONDOR TELEVISION [GONTV]\nROHAN_STATE_RADIO [ROHRAD]\n", "a",
                 nullptr);
  uint32_t payload = 0, words = 0;
  const auto w = ids(d, {"GONDOR", "STATE", "-", "RUN", "TELEVISION", "ROHAN"});
  EXPECT_EQ(d.actor_phrases().longest_gapped(w, 0, w.size(), &payload, &words), 5u);
  EXPECT_EQ(words, 2u);
  EXPECT_EQ(d.actors()[payload].default_code, "GONTV");
  // Not past the limit (the end of the noun phrase).
  EXPECT_EQ(d.actor_phrases().longest_gapped(w, 0, 4, &payload, &words), 0u);
  const auto r = ids(d, {"ROHAN", "STATE", "OWNED", "RADIO"});
  EXPECT_EQ(d.actor_phrases().longest_gapped(r, 0, r.size(), &payload, &words), 0u);
}

TEST(PetrarchActors, MalformedLinesAreReportedWithFileAndLine) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_actors("\t[ABC]\n+ORPHAN\nGOOD [GOO]\n\t[GOOX 19990101-19980101]\n\t[GOOY <9901]\n",
                 "bad.actors", &warnings);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_EQ(warnings[0].rfind("bad.actors:1: ", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[1].rfind("bad.actors:2: ", 0), 0u) << warnings[1];
  EXPECT_EQ(warnings[2].rfind("bad.actors:4: ", 0), 0u) << warnings[2];
  EXPECT_EQ(warnings[3].rfind("bad.actors:5: ", 0), 0u) << warnings[3];
  EXPECT_EQ(actor_code(d, {"GOOD"}, 19990101), "GOO");
}

TEST(PetrarchAgents, PluralsPrefixAndSubstitutions) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_agents(
      "!PERSON! = MAN, WOMEN\n"
      "SOLDIER [~MIL]\n"
      "MILITIA {} [~MIL]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
      "PARTY [~PTY]\n"
      "HUMAN_RIGHTS_GROUP [NGO~]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "BROKEN [MIL]\n",
      "test.agents", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind("test.agents:8: ", 0), 0u);
  struct Case {
    std::vector<std::string> words;
    std::string code;  // "" = no match
    bool prefix;
  } cases[] = {
      {{"SOLDIER"}, "MIL", false},
      {{"SOLDIERS"}, "MIL", false},
      {{"MILITIA"}, "MIL", false},
      {{"MILITIAS"}, "", false},  // {} : no plural
      {{"ATTORNEYS", "GENERAL"}, "JUD", false},
      {{"PARTIES"}, "PTY", false},
      {{"HUMAN", "RIGHTS", "GROUPS"}, "NGO", true},
      {{"CONGRESSMAN"}, "LEG", false},
      {{"CONGRESSWOMEN"}, "LEG", false},
  };
  for (const Case& c : cases) {
    uint32_t payload = 0;
    const auto w = ids(d, c.words);
    const uint32_t len = d.agent_phrases().longest(w, 0, &payload);
    if (c.code.empty()) {
      EXPECT_NE(len, w.size()) << c.words[0];
      continue;
    }
    ASSERT_EQ(len, w.size()) << c.words[0];
    EXPECT_EQ(d.agents()[payload].code, c.code) << c.words[0];
    EXPECT_EQ(d.agents()[payload].prefix, c.prefix) << c.words[0];
  }
}

TEST(PetrarchVerbs, SynsetsFormsAndPatterns) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_verbs(
      "<!-- synsets -->\n"
      "&METAL\n"
      "+GOLD\n"
      "+MITHRIL_COAT\n"
      "&NEG_\n"
      "+DID N'T\n"
      "&BOTH\n"
      "+&METAL\n"
      "+SILVER\n"
      "--- FORGE [051] ---\n"
      "FORGE\n"
      "SMITE {SMOTE SMITTEN} [190]\n"
      "+HAMMER_OUT {+HAMMERED_OUT}\n"
      "STEEL_+TEMPER\n"
      "- * &METAL [061]  # a comment\n"
      "- &NEG_* + [062]\n"
      "- $ SAID * ^ TO + [063:064]\n"
      "- * &UNDEFINED [065]\n"
      "- NO VERB HERE [066]\n"
      "~ a (a b FORGE) SAY = a b 010\n"
      "----\n"
      "--- CAMEO STYLE  [---]  ---\n"
      "RUSH {RUSHES RUSHED}\n"
      "- * (TO {BORDER POST}) [154]\n",
      "test.verbs", &warnings);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("test.verbs:18: "), std::string::npos);
  EXPECT_NE(warnings[1].find("test.verbs:19: "), std::string::npos);
  EXPECT_EQ(d.synset_count(), 3u);
  ASSERT_EQ(d.blocks().size(), 2u);
  EXPECT_EQ(d.blocks()[0].code, "051");
  EXPECT_EQ(d.blocks()[1].code, "---");
  ASSERT_EQ(d.blocks()[0].patterns.size(), 3u);

  // Synsets: plurals unless the label ends with '_', embedded synsets.
  const auto metal = ids(d, {"MITHRIL", "COATS"});
  EXPECT_EQ(d.synset_match(0, metal, 0), 2u);
  EXPECT_EQ(d.synset_match(2, ids(d, {"GOLDS"}), 0), 1u);  // &BOTH holds &METAL
  EXPECT_EQ(d.synset_match(2, ids(d, {"SILVER"}), 0), 1u);
  EXPECT_EQ(d.synset_match(1, ids(d, {"DID", "N'T"}), 0), 2u);

  // Verb forms: regular forms, irregular forms, multiword verbs with pre and post words.
  struct FormCase {
    const char* word;
    std::string code;
    std::vector<std::string> pre, post;
  } forms[] = {
      {"FORGES", "", {}, {}},         {"FORGED", "", {}, {}},     {"FORGING", "", {}, {}},
      {"SMOTE", "190", {}, {}},       {"SMITTEN", "190", {}, {}}, {"HAMMERED", "", {}, {"OUT"}},
      {"TEMPERS", "", {"STEEL"}, {}}, {"RUSHED", "", {}, {}},
  };
  for (const FormCase& f : forms) {
    const WordId w = d.vocab().find(f.word);
    ASSERT_NE(w, kNoWord) << f.word;
    const auto* list = d.forms_of(w);
    ASSERT_NE(list, nullptr) << f.word;
    const VerbForm& vf = d.verb_forms()[list->front()];
    EXPECT_EQ(vf.code, f.code) << f.word;
    EXPECT_EQ(vf.pre, ids(d, f.pre)) << f.word;
    EXPECT_EQ(vf.post, ids(d, f.post)) << f.word;
  }

  // Pattern structure: elements nearest the verb first, '_' joins tightly.
  const Pattern& p1 = d.blocks()[0].patterns[1];  // &NEG_* +
  ASSERT_EQ(p1.before.size(), 1u);
  EXPECT_EQ(p1.before[0].kind, PatternElem::kSynset);
  EXPECT_TRUE(p1.before[0].tight);
  ASSERT_EQ(p1.after.size(), 1u);
  EXPECT_EQ(p1.after[0].kind, PatternElem::kTarget);
  EXPECT_FALSE(p1.after[0].tight);
  const Pattern& p2 = d.blocks()[0].patterns[2];  // $ SAID * ^ TO +
  EXPECT_EQ(p2.code, "063:064");
  ASSERT_EQ(p2.before.size(), 2u);
  EXPECT_EQ(p2.before[0].kind, PatternElem::kWord);
  EXPECT_EQ(p2.before[1].kind, PatternElem::kSource);
  ASSERT_EQ(p2.after.size(), 3u);
  EXPECT_EQ(p2.after[0].kind, PatternElem::kSkip);
  EXPECT_EQ(p2.after[2].kind, PatternElem::kTarget);
  // PETRARCH 2.0 grouping brackets only group words.
  const Pattern& p3 = d.blocks()[1].patterns[0];
  ASSERT_EQ(p3.after.size(), 3u);
  EXPECT_EQ(p3.after[2].id, d.vocab().find("POST"));
}

// TABARI leftovers in real dictionaries: blank-separated multiword verbs and "[###]" codes.
TEST(PetrarchVerbs, TabariLeftovers) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_verbs("--- LASH [---] ---\nLASH OUT  \n- * DIPLXMATIC  [###] # comment\n", "v",
                &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  const auto* forms = d.forms_of(d.vocab().find("LASHED"));
  ASSERT_NE(forms, nullptr);
  EXPECT_EQ(d.verb_forms()[forms->front()].post, ids(d, {"OUT"}));
  ASSERT_EQ(d.blocks().size(), 1u);
  ASSERT_EQ(d.blocks()[0].patterns.size(), 1u);
  EXPECT_EQ(d.blocks()[0].patterns[0].code, "###");
}

// Regression (found by fuzzing): a synset including itself is refused, not iterated while it grows.
TEST(PetrarchVerbs, SynsetIncludingItself) {
  CompiledDictionaries d;
  std::vector<std::string> warnings;
  d.parse_verbs("&A\n+X\n+Y\n+&A_\n", "v", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "v:4: synset includes itself");
  EXPECT_EQ(d.synset_match(0, ids(d, {"YS"}), 0), 1u);
}

TEST(PetrarchDiscards, StoryAndSentenceEntries) {
  CompiledDictionaries d;
  d.parse_discards("+WORLD CUP # story\nBASEBALL\nMONTHS_LATER_\n\n", "d", nullptr);
  ASSERT_EQ(d.discards().size(), 3u);
  EXPECT_TRUE(d.discards()[0].story);
  EXPECT_EQ(d.discards()[0].text, " WORLD CUP");
  EXPECT_FALSE(d.discards()[1].story);
  EXPECT_TRUE(d.discards()[2].exact_end);
}

// Garbage never crashes a parser and every line it rejects is reported.
TEST(PetrarchParsers, SurviveGarbage) {
  const char* inputs[] = {"",
                          "[",
                          "]]]",
                          "---",
                          "- * [",
                          "&",
                          "+",
                          "\t[",
                          "<!-- unclosed",
                          "!X! =",
                          "{",
                          "A {B [C]",
                          "- * & [1]",
                          "--- [x] ---\n- ** [1]",
                          "&A\n+X\n+&A\n",  // a synset including itself (found by fuzzing)
                          "\xff\xfe\x00\x01"};
  for (const char* in : inputs) {
    CompiledDictionaries d;
    std::vector<std::string> w;
    d.parse_verbs(in, "v", &w);
    d.parse_actors(in, "a", &w);
    d.parse_agents(in, "g", &w);
    d.parse_discards(in, "d", &w);
    for (const auto& line : w) EXPECT_NE(line.find(':'), std::string::npos);
  }
}

}  // namespace
}  // namespace casus::events::petrarch
