// The event lexicon loader (src/events/lexicon.h): codebook and pattern lines, the file:line
// errors on malformed lines, robustness on garbage, specificity order, and the compiled-in
// lexicon (data/events) when the build has it.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "events/lexicon.h"

namespace casus::events {
namespace {

const char kCodebook[] =
    "# code\tlabel\tgoldstein\tplover_type\tplover_mode\n"
    "01\tMake public statement\t0.0\t\t\n"
    "010\tMake statement, not specified below\t0.0\t\t\n"
    "016\tDeny responsibility\t3.4\tREJECT\t\n"
    "042\tMake a visit\t1.9\tCONSULT\tvisit\n"
    "112\tAccuse\t-2.0\tACCUSE\t\n"
    "190\tUse conventional military force\t-10.0\tFIGHT\t\n"
    "\n";

TEST(EventsLexicon, CodebookRows) {
  Lexicon lex;
  parse_codebook("cameo.tsv", kCodebook, lex);
  EXPECT_TRUE(lex.errors.empty()) << lex.errors[0];
  ASSERT_EQ(lex.codes.size(), 6u);
  EXPECT_EQ(lex.codes.at("042").label, "Make a visit");
  EXPECT_EQ(lex.codes.at("042").plover_mode, "visit");
  EXPECT_DOUBLE_EQ(lex.codes.at("190").goldstein, -10.0);
  EXPECT_EQ(lex.codes.at("01").plover_type, "");
}

TEST(EventsLexicon, QuadClassFollowsTheRoot) {
  const struct {
    const char* code;
    int quad;
  } kCases[] = {{"010", 1}, {"0533", 1}, {"061", 2}, {"09", 2},   {"100", 3},
                {"112", 3}, {"145", 3},  {"150", 4}, {"2042", 4}, {"21", 0},
                {"00", 0},  {"1a2", 0},  {"", 0},    {"12345", 0}};
  for (const auto& c : kCases) EXPECT_EQ(quad_class(c.code), c.quad) << c.code;
}

TEST(EventsLexicon, PatternElements) {
  Lexicon lex;
  parse_codebook("cameo.tsv", kCodebook, lex);
  parse_patterns("verbs.tsv",
                 "112\taccuse T=obj\n"
                 "042\tarrive T=in|at\tarrive in Finland\n"
                 "016\tdeny obj=involvement|responsibility S=nsubj\n"
                 "190\tcrack +down T=on mood=threat\n"
                 "190\tAttack\n",
                 false, lex);
  parse_patterns("nouns.tsv", "190\tattack T=on|against\n", true, lex);
  ASSERT_TRUE(lex.errors.empty()) << lex.errors[0];
  EXPECT_EQ(lex.patterns, 6u);
  const Pattern& arrive = lex.verbs.at("arrive")[0];
  EXPECT_EQ(arrive.target, (std::vector<std::string>{"in", "at"}));
  EXPECT_EQ(arrive.id, "verbs.tsv:2");
  const Pattern& deny = lex.verbs.at("deny")[0];
  EXPECT_EQ(deny.objects, (std::vector<std::string>{"involvement", "responsibility"}));
  EXPECT_EQ(deny.source, (std::vector<std::string>{"nsubj"}));
  EXPECT_EQ(deny.specificity, 1u);
  const Pattern& crack = lex.verbs.at("crack")[0];
  EXPECT_EQ(crack.particles, (std::vector<std::string>{"down"}));
  EXPECT_TRUE(crack.threat);
  // Heads are lower-cased; default target slots differ for verbs and nouns.
  EXPECT_EQ(lex.verbs.at("attack")[0].target, (std::vector<std::string>{"obj"}));
  EXPECT_EQ(lex.nouns.at("attack")[0].target, (std::vector<std::string>{"on", "against"}));
}

TEST(EventsLexicon, MoreSpecificPatternsFirst) {
  Lexicon lex;
  parse_patterns("verbs.tsv",
                 "010\tcall\n"
                 "100\tcall prep=for\n"
                 "112\tcall prep=for obj=x\n"
                 "016\tcall +off\n",
                 false, lex);
  ASSERT_TRUE(lex.errors.empty()) << lex.errors[0];
  const auto& list = lex.verbs.at("call");
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].code, "112");
  EXPECT_EQ(list[1].code, "100");  // file order among equals
  EXPECT_EQ(list[2].code, "016");
  EXPECT_EQ(list[3].code, "010");
}

TEST(EventsLexicon, MalformedLinesReportFileAndLine) {
  const struct {
    const char* line;
    const char* reason;  // a substring of the error
  } kCases[] = {
      {"112", "expected code"},
      {"11x\taccuse", "not a 3- or 4-digit"},
      {"21\taccuse", "not a 3- or 4-digit"},
      {"999\taccuse", "not a 3- or 4-digit"},
      {"113\taccuse", "not in the codebook"},
      {"112\t   ", "empty pattern"},
      {"112\t+down", "head must be a lemma"},
      {"112\taccuse T=", "unknown pattern element"},
      {"112\taccuse X=obj", "unknown pattern element"},
      {"112\taccuse obj=a obj=b", "obj= given twice"},
      {"112\taccuse T=obj T=on", "T= given twice"},
      {"112\taccuse T=obj||on", "bad slot list"},
      {"112\taccuse mood=maybe", "unknown mood"},
      {"112\taccuse +", "bad particle"},
      {"112\taccuse prep=a|b", "bad preposition"},
  };
  for (const auto& c : kCases) {
    Lexicon lex;
    parse_codebook("cameo.tsv", kCodebook, lex);
    parse_patterns("verbs.tsv", std::string("# comment\n\n") + c.line + "\n", false, lex);
    ASSERT_EQ(lex.errors.size(), 1u) << c.line;
    EXPECT_EQ(lex.errors[0].rfind("verbs.tsv:3: ", 0), 0u) << lex.errors[0];
    EXPECT_NE(lex.errors[0].find(c.reason), std::string::npos) << lex.errors[0];
    EXPECT_EQ(lex.patterns, 0u) << c.line;
  }
  Lexicon lex;
  parse_patterns("nouns.tsv", "190\tattack obj=x\n", true, lex);
  ASSERT_EQ(lex.errors.size(), 1u);
  EXPECT_NE(lex.errors[0].find("nouns.tsv:1: obj= is for verbs.tsv only"), std::string::npos);

  const char* kBadCodebook[] = {"010\tlabel",   "0x0\tlabel\t1.0", "010\t\t1.0",
                                "010\tl\tmuch", "010\tl\t11.0",    "010\tl\t1\ta\tb\tc"};
  for (const char* line : kBadCodebook) {
    Lexicon book;
    parse_codebook("cameo.tsv", line, book);
    ASSERT_EQ(book.errors.size(), 1u) << line;
    EXPECT_EQ(book.errors[0].rfind("cameo.tsv:1: ", 0), 0u) << book.errors[0];
    EXPECT_TRUE(book.codes.empty());
  }
  Lexicon dup;
  parse_codebook("cameo.tsv", "010\ta\t0\n010\tb\t0\n", dup);
  ASSERT_EQ(dup.errors.size(), 1u);
  EXPECT_NE(dup.errors[0].find("cameo.tsv:2: duplicate code 010"), std::string::npos);
}

// Random bytes and mutated lines never crash the parser; every line is either a pattern or an
// error.
TEST(EventsLexicon, GarbageIsSkippedNotFatal) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789abcz+=|.-\t \n#TSobjprep\xC3\xA9\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    Lexicon lex;
    parse_codebook("cameo.tsv", text, lex);
    parse_patterns("verbs.tsv", text, false, lex);
    parse_patterns("nouns.tsv", text, true, lex);
    for (const auto& [head, list] : lex.verbs) {
      EXPECT_FALSE(head.empty());
      for (const Pattern& p : list) EXPECT_TRUE(is_event_code(p.code));
    }
  }
}

// The lexicon compiled into the binary (data/events/*.tsv): loads without errors, covers the
// 20 roots, and every pattern's code is in the codebook (the loader checks the latter).
TEST(EventsLexicon, EmbeddedLexicon) {
  const Lexicon lex = embedded_lexicon();
  if (lex.codes.empty()) GTEST_SKIP() << "data/events is not in this build";
  for (const std::string& e : lex.errors) ADD_FAILURE() << e;
  std::set<std::string> roots;
  for (const auto* table : {&lex.verbs, &lex.nouns}) {
    for (const auto& [head, list] : *table) {
      for (const Pattern& p : list) roots.insert(p.code.substr(0, 2));
    }
  }
  for (int r = 1; r <= 20; ++r) {
    const std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_TRUE(lex.codes.count(root)) << "codebook lacks root " << root;
  }
  EXPECT_GT(lex.patterns, 0u);
}

}  // namespace
}  // namespace casus::events
