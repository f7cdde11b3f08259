#include "casus/engine.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "pipeline/invariants.h"

namespace casus {
namespace {

Document make(std::string text) {
  Document doc;
  doc.id = "t";
  doc.text = std::move(text);
  return doc;
}

TEST(Engine, ProcessesAndKeepsInvariants) {
  const Engine engine;
  for (const char* text : {"", " ", "\n\n\n", "One sentence.", "Two. Sentences here.\n\nNew paragraph.",
                           "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D text."}) {
    Document doc = make(text);
    engine.process(doc);
    EXPECT_TRUE(check_invariants(doc).is_ok()) << text << ": " << check_invariants(doc).message();
  }
}

TEST(Engine, RepairsInvalidUtf8WithAnError) {
  const Engine engine;
  Document doc = make("bad \xFF byte. And more.");
  engine.process(doc);
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_EQ(doc.errors[0].stage, "text");
  EXPECT_NE(doc.text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_TRUE(check_invariants(doc).is_ok());
}

TEST(Engine, NormalizesToNfc) {
  const Engine engine;
  Document doc = make("Cafe\xCC\x81 opened.");  // e + combining acute
  engine.process(doc);
  EXPECT_EQ(doc.text, "Caf\xC3\xA9 opened.");
}

TEST(Engine, LemmasAreValidUtf8) {
  // Regression: a lemma rule learned on ASCII stripped bytes of "’ve" into invalid UTF-8.
  const Engine engine;
  Document doc = make("We\u2019ve said they\u2019re here and I\u2019d go. Caf\u00e9s opened.");
  engine.process(doc);
  ASSERT_EQ(doc.syntax.size(), doc.tokens.size());
  for (const TokenSyntax& sy : doc.syntax) {
    EXPECT_TRUE(utf8::is_valid(sy.lemma)) << sy.lemma;
    EXPECT_TRUE(utf8::is_valid(sy.feats));
  }
}

TEST(Invariants, RejectsBadSpans) {
  Document doc = make("abc");
  doc.paragraphs.push_back(Paragraph{Span{0, 4}});
  EXPECT_FALSE(check_invariants(doc).is_ok());
  doc = make("\xC3\xA9x");
  doc.paragraphs.push_back(Paragraph{Span{1, 3}});  // inside a code point
  EXPECT_FALSE(check_invariants(doc).is_ok());
}

}  // namespace
}  // namespace casus
