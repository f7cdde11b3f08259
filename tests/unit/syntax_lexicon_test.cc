#include <gtest/gtest.h>

#include <string>

#include "syntax/lemma_wordnet.h"
#include "syntax/lexicon.h"

namespace casus::syntax {
namespace {

TEST(SyntaxLexicon, LemmaRules) {
  constexpr auto kLower = LemmaRule::kLower, kUpper = LemmaRule::kUpperFirst,
                 kKeep = LemmaRule::kKeep;
  struct Case {
    const char* form;
    const char* lemma;
    uint8_t casing;
    int strip;
    const char* append;
  } cases[] = {
      {"running", "run", kLower, 4, ""},   {"went", "go", kLower, 4, "go"},
      {"The", "the", kLower, 0, ""},       {"NASA", "NASA", kUpper, 0, ""},
      {"cities", "city", kLower, 3, "y"},  {"i", "I", kUpper, 0, ""},
      {"mexico", "Mexico", kUpper, 0, ""}, {"iPhone", "iPhone", kKeep, 0, ""},
  };
  for (const auto& c : cases) {
    const LemmaRule r = make_lemma_rule(c.form, c.lemma);
    EXPECT_EQ(r.casing, c.casing) << c.form;
    EXPECT_EQ(r.strip, c.strip) << c.form;
    EXPECT_EQ(r.append, c.append) << c.form;
  }
}

Lexicon small_lexicon() {
  enum : uint32_t { kVBG = 1, kVBD = 2, kNNS = 3, kPRP = 4, kNNP = 5 };
  Lexicon::Builder b;
  b.add("walking", kVBG, "walk", "VerbForm=Ger");
  b.add("talking", kVBG, "talk", "VerbForm=Ger");
  b.add("running", kVBG, "run", "VerbForm=Ger");
  b.add("went", kVBD, "go", "Mood=Ind|Tense=Past|VerbForm=Fin");
  b.add("cities", kNNS, "city", "Number=Plur");
  b.add("parties", kNNS, "party", "Number=Plur");
  b.add("dogs", kNNS, "dog", "Number=Plur");
  b.add("cats", kNNS, "cat", "Number=Plur");
  b.add("I", kPRP, "I", "Case=Nom|Number=Sing|Person=1|PronType=Prs");
  b.add("I", kPRP, "I", "Case=Nom|Number=Sing|Person=1|PronType=Prs");
  b.add("i", kPRP, "I", "Case=Nom|Number=Sing|Person=1|PronType=Prs");
  b.add("NASA", kNNP, "NASA", "Number=Sing");
  b.add("Paris", kNNP, "Paris", "Number=Sing");
  return b.build();
}

TEST(SyntaxLexicon, ExceptionsAndSuffixRules) {
  const Lexicon lex = small_lexicon();
  EXPECT_EQ(lex.lemma("went", 2), "go");
  EXPECT_EQ(lex.lemma("Went", 2), "go");
  EXPECT_EQ(lex.lemma("running", 1), "run");
  EXPECT_EQ(lex.lemma("cities", 3), "city");
  EXPECT_EQ(lex.lemma("I", 4), "I");
  EXPECT_EQ(lex.lemma("i", 4), "I");
  // Unseen words take the rule of the longest suffix seen in two or more word types.
  EXPECT_EQ(lex.lemma("jumping", 1), "jump");
  EXPECT_EQ(lex.lemma("ladies", 3), "lady");
  EXPECT_EQ(lex.lemma("birds", 3), "bird");
  EXPECT_EQ(lex.lemma("Berlin", 5), "Berlin");
  EXPECT_EQ(lex.lemma("berlin", 5), "Berlin");  // proper nouns get an uppercase initial
  // Never an empty lemma.
  EXPECT_EQ(lex.lemma("s", 3), "s");
}

// An unseen word's casing follows the clear majority of the training word types with its tag
// and casing class; its suffix rule still strips and appends.
TEST(SyntaxLexicon, UnseenWordCasingByTagAndShape) {
  enum : uint32_t { kNN = 1, kNNP = 2, kADD = 3 };
  Lexicon::Builder b;
  for (const char* w : {"Paris", "Berlin", "Oslo", "Rome", "Vienna", "Madrid"})
    b.add(w, kNNP, w, "_");
  for (const char* w : {"al", "de", "gimp", "ga", "bin", "metro"}) b.add(w, kNNP, w, "_");
  for (const char* w : {"Dogs.Org", "Cats.Com", "Foo.Net", "Bar.Org", "Baz.Com"})
    b.add(w, kADD, w, "_");
  b.add("a.b", kADD, "a.b", "_");
  for (const char* w : {"City", "Town", "Lake", "River", "Mountain"})
    b.add(w, kNN, std::string(1, static_cast<char>(w[0] + 32)) + (w + 1), "_");
  for (const char* w : {"city", "town", "lake", "river", "mountain"}) b.add(w, kNN, w, "_");
  const Lexicon lex = b.build();
  EXPECT_EQ(lex.lemma("Bryan", kNNP), "Bryan");
  EXPECT_EQ(lex.lemma("dp", kNNP), "dp");  // lowercase proper nouns mostly keep their form
  EXPECT_EQ(lex.lemma("Newsfeed.Com", kADD), "Newsfeed.Com");
  EXPECT_EQ(lex.lemma("Phone", kNN), "phone");
  EXPECT_EQ(lex.lemma("phone", kNN), "phone");
  EXPECT_EQ(Lexicon::shape_class("word"), 0u);
  EXPECT_EQ(Lexicon::shape_class("Word"), 1u);
  EXPECT_EQ(Lexicon::shape_class("NASA"), 2u);
  EXPECT_EQ(Lexicon::shape_class("A"), 3u);
  EXPECT_EQ(Lexicon::shape_class("iPhone"), 4u);
}

// Run-time rules over the learned tables: ASCII punctuation, digit-group commas, and the checks
// on an unseen word's suffix candidates ("e" restored, consonant undoubled, no vowel skipped).
TEST(SyntaxLexicon, RuntimeRulesForUnseenWords) {
  enum : uint32_t { kVBD = 1, kVBG = 2, kNN = 3, kPUNCT = 4, kPOS = 5, kCD = 6, kNNP = 7 };
  Lexicon::Builder b;
  for (const char* w : {"walked", "talked", "jumped", "looked"})
    b.add(w, kVBD, std::string(w, std::char_traits<char>::length(w) - 2), "_");
  for (const char* w : {"walking", "talking", "jumping", "looking"})
    b.add(w, kVBG, std::string(w, std::char_traits<char>::length(w) - 3), "_");
  for (const char* w : {"time", "model", "hope"}) b.add(w, kNN, w, "_");
  b.add("--", kPUNCT, "-", "_");  // GUM's convention; EWT keeps "--"
  b.add("...", kPUNCT, "…", "_");
  b.add("'", kPOS, "'s", "_");
  b.add("1,000", kCD, "1000", "_");
  b.add("12", kCD, "12", "_");
  for (const char* w : {"Paris", "Berlin", "Oslo", "Rome", "Vienna", "Madrid"})
    b.add(w, kNNP, w, "_");
  b.add("NASA", kNNP, "NASA", "_");
  b.add("Tehran", kNNP, "Tehran", "_");
  b.add("Tim", kNNP, "Tim", "_");  // "tim" is a known lemma, yet "timed" is "time"
  const Lexicon built = b.build();
  ByteWriter w;
  built.save(w);
  Lexicon loaded;
  ByteReader r(w.data());
  ASSERT_TRUE(loaded.load(r));
  struct Case {
    const char* form;
    uint32_t tag;
    const char* lemma;
  } cases[] = {
      {"--", kPUNCT, "--"},
      {"...", kPUNCT, "..."},
      {"'", kPOS, "'s"},
      {"?!", kPUNCT, "?!"},
      {"1,100", kCD, "1100"},
      {"12,000,000.5", kCD, "12000000.5"},
      {"1,000", kCD, "1000"},
      {"1,10", kCD, "1,10"},
      {"3,50", kCD, "3,50"},
      {"timed", kVBD, "time"},
      {"provoked", kVBD, "provoke"},
      {"hassled", kVBD, "hassle"},
      {"realized", kVBD, "realize"},
      {"visited", kVBD, "visit"},
      {"fled", kVBD, "fled"},
      {"modelling", kVBG, "model"},
      {"hassling", kVBG, "hassle"},
      {"hoping", kVBG, "hope"},
      {"playing", kVBG, "play"},
      {"TEHRAN", kNNP, "TEHRAN"},
      {"NATO", kNNP, "NATO"},
      {"NASA", kNNP, "NASA"},
      {"Lyon", kNNP, "Lyon"},
      {"timing", kVBG, "time"},
      {"hoped", kVBD, "hope"},
      {"stemmed", kVBD, "stem"},
      {"travelling", kVBG, "travel"},
      {"spilled", kVBD, "spill"},
      {"missed", kVBD, "miss"},
  };
  for (const Lexicon* lex : {&built, static_cast<const Lexicon*>(&loaded)}) {
    for (const auto& c : cases) EXPECT_EQ(lex->lemma(c.form, c.tag), c.lemma) << c.form;
  }
}

// Unseen irregular forms take WordNet's lemma for the part of speech their tag's FEATS imply.
TEST(SyntaxLexicon, WordnetExceptionsForUnseenIrregularForms) {
  enum : uint32_t { kVBD = 1, kNNS = 2, kJJR = 3, kNN = 4 };
  Lexicon::Builder b;
  for (const char* w : {"walked", "talked", "jumped"})
    b.add(w, kVBD, std::string(w, std::char_traits<char>::length(w) - 2),
          "Tense=Past|VerbForm=Fin");
  for (const char* w : {"dogs", "cats", "birds"})
    b.add(w, kNNS, std::string(w, std::char_traits<char>::length(w) - 1), "Number=Plur");
  for (const char* w : {"taller", "older"})
    b.add(w, kJJR, std::string(w, std::char_traits<char>::length(w) - 2), "Degree=Cmp");
  for (const char* w : {"dog", "cat"}) b.add(w, kNN, w, "Number=Sing");
  b.add("went", kVBD, "go", "Tense=Past|VerbForm=Fin");
  const Lexicon lex = b.build();
  struct Case {
    const char* form;
    uint32_t tag;
    const char* lemma;
  } cases[] = {
      {"fled", kVBD, "flee"},    {"Fled", kVBD, "flee"},   {"sang", kVBD, "sing"},
      {"fought", kVBD, "fight"}, {"went", kVBD, "go"},     {"potatoes", kNNS, "potato"},
      {"mice", kNNS, "mouse"},   {"worse", kJJR, "bad"},   {"fled", kNN, "fled"},
      {"walked", kVBD, "walk"},  {"jumped", kVBD, "jump"}, {"cats", kNNS, "cat"},
  };
  for (const auto& c : cases) EXPECT_EQ(lex.lemma(c.form, c.tag), c.lemma) << c.form;
  EXPECT_FALSE(wordnet_exceptions(WordnetPos::kVerb).empty());
  EXPECT_TRUE(wordnet_exceptions(WordnetPos::kNone).empty());
}

TEST(SyntaxLexicon, ParseWordnetExceptions) {
  const auto pairs = parse_wordnet_exceptions("axes ax axis\nfled flee\r\n\nbad\nin_vivo x\n");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].first, "axes");
  EXPECT_EQ(pairs[0].second, "ax");
  EXPECT_EQ(pairs[1].first, "fled");
  EXPECT_EQ(pairs[1].second, "flee");
}

TEST(SyntaxLexicon, Feats) {
  const Lexicon lex = small_lexicon();
  EXPECT_EQ(lex.feats_name(lex.feats("went", 2)), "Mood=Ind|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(lex.feats_name(lex.feats("birds", 3)), "Number=Plur");  // tag fallback
  EXPECT_EQ(lex.feats_name(lex.feats("x", 99)), "_");
}

TEST(SyntaxLexicon, SaveLoadRoundTrip) {
  const Lexicon lex = small_lexicon();
  ByteWriter w;
  lex.save(w);
  Lexicon copy;
  ByteReader r(w.data());
  ASSERT_TRUE(copy.load(r));
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(copy.lemma("ladies", 3), "lady");
  EXPECT_EQ(copy.lemma("i", 4), "I");
  std::string truncated = w.data().substr(0, w.data().size() / 2);
  ByteReader r2(truncated);
  Lexicon bad;
  EXPECT_FALSE(bad.load(r2));
}

}  // namespace
}  // namespace casus::syntax
