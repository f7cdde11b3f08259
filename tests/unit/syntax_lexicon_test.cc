#include <gtest/gtest.h>

#include <string>

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
  for (const char* w : {"Paris", "Berlin", "Oslo", "Rome", "Vienna", "Madrid"}) b.add(w, kNNP, w, "_");
  for (const char* w : {"al", "de", "gimp", "ga", "bin", "metro"}) b.add(w, kNNP, w, "_");
  for (const char* w : {"Dogs.Org", "Cats.Com", "Foo.Net", "Bar.Org", "Baz.Com"}) b.add(w, kADD, w, "_");
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
