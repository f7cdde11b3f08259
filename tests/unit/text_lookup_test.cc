// The text stage's fast paths agree with their plain definitions: the case-folding FNV-1a, the
// word tables (case-insensitive, exact, ASCII only), contractions and the NFC quick check.
#include <gtest/gtest.h>

#include <string>

#include "base/hash.h"
#include "text/text.h"
#include "text/tokenizer.h"

namespace casus {
namespace {

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

TEST(TextLookup, Fnv1aLowerFoldsAsciiOnly) {
  for (const std::string s :
       {"", "The", "U.S.", "MIXED case 123", "Caf\u00C9", "\xC3\x89t\xC3\xA9"}) {
    EXPECT_EQ(fnv1a64_lower(s), fnv1a64(ascii_lower(s))) << s;
    EXPECT_EQ(fnv1a64_lower(s, 7), fnv1a64(ascii_lower(s), 7)) << s;
  }
  static_assert(fnv1a64_lower("AbC") == fnv1a64("abc"));
}

TEST(TextLookup, WordTablesAreExactAndCaseInsensitive) {
  EXPECT_TRUE(text::is_sentence_starter("The"));
  EXPECT_TRUE(text::is_sentence_starter("THE"));
  EXPECT_TRUE(text::is_sentence_starter("meanwhile"));
  EXPECT_TRUE(text::is_sentence_starter("Meanwhile"));
  EXPECT_TRUE(text::is_sentence_starter("I"));
  EXPECT_FALSE(text::is_sentence_starter("Th"));
  EXPECT_FALSE(text::is_sentence_starter("Theory"));
  EXPECT_FALSE(text::is_sentence_starter("meanwhiles"));
  EXPECT_FALSE(text::is_sentence_starter(""));
  EXPECT_FALSE(text::is_sentence_starter(std::string_view("the\0", 4)));
  EXPECT_FALSE(text::is_sentence_starter("Th\u00C9"));
  EXPECT_FALSE(text::is_sentence_starter("an extremely long capitalized word"));
  EXPECT_EQ(text::abbreviation_kind("Mr"), text::AbbrevKind::kTitle);
  EXPECT_EQ(text::abbreviation_kind("U.S"), text::AbbrevKind::kOther);
  EXPECT_EQ(text::abbreviation_kind("u.s.a"), text::AbbrevKind::kOther);
  EXPECT_EQ(text::abbreviation_kind("e.g"), text::AbbrevKind::kInner);
  EXPECT_EQ(text::abbreviation_kind("No"), text::AbbrevKind::kBeforeNumber);
  EXPECT_EQ(text::abbreviation_kind("Mrx"), text::AbbrevKind::kNone);
  EXPECT_EQ(text::abbreviation_kind("Messrs"), text::AbbrevKind::kTitle);
  EXPECT_EQ(text::abbreviation_kind("Messrss"), text::AbbrevKind::kNone);
  EXPECT_TRUE(text::is_weekday("WEDNESDAY"));
  EXPECT_FALSE(text::is_weekday("Wednesdays"));
  EXPECT_TRUE(text::is_salutation("Regards"));
  EXPECT_TRUE(text::is_caption_label("PHOTO"));
  EXPECT_FALSE(text::is_caption_label("Photos"));
}

std::string tokens_of(const std::string& text) {
  std::vector<text::RawToken> toks;
  text::tokenize(text, &toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

TEST(TextLookup, Contractions) {
  EXPECT_EQ(tokens_of("DONT cannot Gonna wont im"), "DO NT can not Gon na wo nt i m");
  EXPECT_EQ(tokens_of("shouldnt Shouldnt youre thats"), "should nt Should nt you re that s");
  EXPECT_EQ(tokens_of("donts dont. tint aim ant"), "donts do nt . tint aim ant");
}

TEST(TextLookup, NfcQuickCheck) {
  EXPECT_EQ(text::to_nfc("plain ASCII"), "plain ASCII");
  EXPECT_EQ(text::to_nfc("\u201CCaf\u00E9\u201D"), "\u201CCaf\u00E9\u201D");
  EXPECT_EQ(text::to_nfc("Cafe\u0301"), "Caf\u00E9");
  EXPECT_EQ(text::to_nfc("\u2000"), "\u2002");  // a singleton: never NFC
  // Invalid UTF-8 (outside the contract) takes the UTF-16 path: U+FFFD, then composed.
  EXPECT_EQ(text::to_nfc(std::string("\xFF") + "e\u0301"), "\uFFFD\u00E9");
  Document doc;
  doc.text = "A\u0301 and \u00C5";
  doc.title = "Cafe\u0301";
  text::prepare(doc);
  EXPECT_EQ(doc.text, "\u00C1 and \u00C5");
  EXPECT_EQ(doc.title, "Caf\u00E9");
}

}  // namespace
}  // namespace casus
