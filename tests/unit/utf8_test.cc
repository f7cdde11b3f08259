#include "base/utf8.h"

#include <gtest/gtest.h>

#include "base/codepoints.h"

namespace casus {
namespace {

TEST(Utf8, ValidAsciiAndMultibyte) {
  EXPECT_TRUE(utf8::is_valid("plain ascii text, long enough for the fast path"));
  EXPECT_TRUE(utf8::is_valid("Milo\xC5\xA1" "evi\xC4\x87 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"));
}

TEST(Utf8, RejectsInvalid) {
  EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));          // overlong
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(utf8::is_valid("abc\xE2\x80"));       // truncated
  EXPECT_FALSE(utf8::is_valid("\x80"));              // stray continuation
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  std::string s = "a\xE2\x80" "b\xFF" "c";
  EXPECT_EQ(utf8::repair(s), 2u);
  EXPECT_EQ(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_TRUE(utf8::is_valid(s));
  std::string ok = "fine";
  EXPECT_EQ(utf8::repair(ok), 0u);
}

TEST(Utf8, DecodeAppendRoundTrip) {
  for (char32_t cp : {U'A', U'\u00e9', U'\u201c', U'\U0001F600'}) {
    std::string s;
    utf8::append(s, cp);
    size_t i = 0;
    EXPECT_EQ(utf8::decode(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(CodepointIndex, MatchesCounting) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "ab\xC3\xA9\xE2\x80\x9C" "cd\xF0\x9F\x98\x80 ";
  const CodepointIndex index(text);
  EXPECT_FALSE(index.ascii());
  for (uint32_t b = 0; b <= text.size(); ++b) {
    if (b < text.size() && !utf8::is_lead(static_cast<unsigned char>(text[b]))) continue;
    EXPECT_EQ(index(b), utf8::count_code_points(std::string_view(text).substr(0, b))) << b;
  }
  const CodepointIndex ascii("hello");
  EXPECT_EQ(ascii(5), 5u);
}

}  // namespace
}  // namespace casus
