#include "casus/engine.h"

#include <gtest/gtest.h>

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
