// Table-driven tests of the news segmenter (text::segment): tokens in the UD EWT convention,
// sentence boundaries, paragraphs, and the span invariants of document.h.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/text.h"
#include "text/tokenizer.h"

namespace casus {
namespace {

// Renders sentences as tokens joined by one space, sentences joined by " || ".
std::string render(const Document& doc) {
  std::string out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (s) out += " || ";
    const Sentence& sent = doc.sentences[s];
    for (uint32_t k = sent.first_token; k < sent.end_token; ++k) {
      if (k > sent.first_token) out += ' ';
      out += doc.slice(doc.tokens[k].span);
    }
  }
  return out;
}

Document run(const std::string& text) {
  Document doc;
  doc.text = text;
  text::prepare(doc);
  text::segment(doc);
  return doc;
}

// Checks every invariant of the text layers; returns an empty string when all hold.
std::string check_invariants(const Document& doc) {
  const std::string& t = doc.text;
  auto on_boundary = [&](uint32_t pos) {
    return pos == t.size() || (pos < t.size() && utf8::is_lead(static_cast<unsigned char>(t[pos])));
  };
  uint32_t prev_end = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& tok = doc.tokens[i];
    if (tok.span.begin >= tok.span.end) return "empty token " + std::to_string(i);
    if (tok.span.end > t.size()) return "token past the text " + std::to_string(i);
    if (!on_boundary(tok.span.begin) || !on_boundary(tok.span.end))
      return "token not on UTF-8 boundaries " + std::to_string(i);
    if (tok.span.begin < prev_end) return "tokens overlap " + std::to_string(i);
    prev_end = tok.span.end;
    if (tok.sentence >= doc.sentences.size()) return "bad sentence index";
    const Sentence& s = doc.sentences[tok.sentence];
    if (i < s.first_token || i >= s.end_token) return "token outside its sentence's range";
    if (tok.span.begin < s.span.begin || tok.span.end > s.span.end)
      return "token outside its sentence's span " + std::to_string(i);
    const bool space_next = tok.span.end == t.size() || t[tok.span.end] == ' ' ||
                            t[tok.span.end] == '\n' || t[tok.span.end] == '\t' ||
                            t[tok.span.end] == '\r';
    if (space_next && !tok.space_after) return "space_after false before whitespace";
    if (i + 1 < doc.tokens.size() && doc.tokens[i + 1].span.begin == tok.span.end &&
        tok.space_after)
      return "space_after true before a glued token " + std::to_string(i);
  }
  uint32_t next_token = 0;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.first_token != next_token || sent.end_token <= sent.first_token)
      return "sentences do not tile the tokens";
    next_token = sent.end_token;
    if (sent.span.begin != doc.tokens[sent.first_token].span.begin ||
        sent.span.end != doc.tokens[sent.end_token - 1].span.end)
      return "sentence span does not match its tokens";
    if (sent.paragraph >= doc.paragraphs.size()) return "bad paragraph index";
    const Span p = doc.paragraphs[sent.paragraph].span;
    if (sent.span.begin < p.begin || sent.span.end > p.end) return "sentence crosses paragraph";
  }
  if (next_token != doc.tokens.size()) return "tokens after the last sentence";
  for (const Paragraph& p : doc.paragraphs) {
    if (!on_boundary(p.span.begin) || !on_boundary(p.span.end) || p.span.end > t.size())
      return "bad paragraph span";
  }
  return "";
}

struct Case {
  const char* name;
  const char* input;
  const char* expected;  // tokens joined by ' ', sentences by " || "
};

const Case kCases[] = {
    // Abbreviations and initials.
    {"title_abbrev", "Mr. Smith met Dr. Jones and Gen. Lee.",
     "Mr. Smith met Dr. Jones and Gen. Lee ."},
    {"more_titles", "Sen. Warren, Gov. Newsom and Lt. Col. Vindman spoke. Sgt. Pepper agreed.",
     "Sen. Warren , Gov. Newsom and Lt. Col. Vindman spoke . || Sgt. Pepper agreed ."},
    {"company", "Apple Inc. said profits rose. Acme Corp. and Smith Co. Ltd. declined.",
     "Apple Inc. said profits rose . || Acme Corp. and Smith Co. Ltd. declined ."},
    {"company_end", "He works for Apple Inc. The company declined to comment.",
     "He works for Apple Inc. || The company declined to comment ."},
    {"us", "The U.S. Army and the U.N. met in the U.K. on Monday.",
     "The U.S. Army and the U.N. met in the U.K. on Monday ."},
    {"us_end", "He moved to the U.S. He liked it.", "He moved to the U.S. || He liked it ."},
    {"times", "It began at 10 a.m. and ended at 4 p.m. on Friday.",
     "It began at 10 a.m. and ended at 4 p.m. on Friday ."},
    {"vs_etc", "It was Smith vs. Jones, e.g. a rematch, i.e. a feud, etc. and more.",
     "It was Smith vs. Jones , e.g. a rematch , i.e. a feud , etc. and more ."},
    {"no_number", "He was ranked No. 1 in the world.", "He was ranked No. 1 in the world ."},
    {"no_answer", "Did he win? No. He lost.", "Did he win ? || No . || He lost ."},
    {"months", "On Sept. 11 and Jan. 5 and Aug. 3 it rained.",
     "On Sept. 11 and Jan. 5 and Aug. 3 it rained ."},
    {"initials", "J. Edgar Hoover led the FBI. George W. Bush was president.",
     "J. Edgar Hoover led the FBI . || George W. Bush was president ."},
    {"st_jr", "He lives on St. Mark's Place with Martin Luther King Jr. and friends.",
     "He lives on St. Mark 's Place with Martin Luther King Jr. and friends ."},
    // Numbers.
    {"decimals", "Shares rose 3.5% to $1,000.50 at 10:41 on 9/11.",
     "Shares rose 3.5 % to $ 1,000.50 at 10:41 on 9/11 ."},
    {"number_end", "The score was 3-2. Fans cheered.", "The score was 3 - 2 . || Fans cheered ."},
    {"phone", "Call 713-853-3989 now.", "Call 713-853-3989 now ."},
    {"ordinal", "It was the 20th time in the 1990s.", "It was the 20th time in the 1990s ."},
    // Ellipses.
    {"ellipsis_inner", "He paused... and then left.", "He paused ... and then left ."},
    {"ellipsis_end", "It was over... The crowd left.", "It was over ... || The crowd left ."},
    {"ellipsis_char", "Wait\u2026 what?", "Wait \u2026 what ?"},
    // An ellipsis right after . ? or ! opens the next sentence, as in UD English EWT.
    {"ellipsis_in_quote", "He said: \"We will strike. ... What is left?\" Then he left.",
     "He said : \" We will strike . || ... What is left ? \" || Then he left ."},
    {"ellipsis_after_question", "Is it over? ... Nobody knows.",
     "Is it over ? || ... Nobody knows ."},
    {"ellipsis_after_abbrev", "They sold fruit, nuts etc. ... Nobody came.",
     "They sold fruit , nuts etc. ... || Nobody came ."},
    // Quotes and speech tags.
    {"speech_tag", "\"We didn't attack Putin,\" said Zelensky. He left.",
     "\" We did n't attack Putin , \" said Zelensky . || He left ."},
    {"question_tag", "\"Why?\" he asked. Nobody answered.",
     "\" Why ? \" he asked . || Nobody answered ."},
    {"quote_end", "She said: \"It is over.\" Then she left.",
     "She said : \" It is over . \" || Then she left ."},
    {"curly_quote_end", "She said: \u201CIt is over.\u201D Then she left.",
     "She said : \u201C It is over . \u201D || Then she left ."},
    {"curly_question_tag", "\u201CWhy?\u201D she asked.", "\u201C Why ? \u201D she asked ."},
    {"single_quote_bang", "He yelled \u2018Stop!\u2019 Nobody did.",
     "He yelled \u2018 Stop ! \u2019 || Nobody did ."},
    {"bracket_end", "He left (for good.) Then it rained.",
     "He left ( for good . ) || Then it rained ."},
    {"question_lower", "Who cares? not me.", "Who cares ? || not me ."},
    // A decimal without its leading zero is one token, and its period ends nothing.
    {"decimal_no_zero", "He batted .322 with 11 RBI. Rates fell (.5 percent).",
     "He batted .322 with 11 RBI . || Rates fell ( .5 percent ) ."},
    {"period_before_digit_in_word", "Version 2.5 shipped.", "Version 2.5 shipped ."},
    // Clitics.
    {"clitics", "I can't, won't, cannot. You're gonna like it.",
     "I ca n't , wo n't , can not . || You 're gon na like it ."},
    {"clitics_more", "We'll see what they've done; I'm sure she'd know. It's John's.",
     "We 'll see what they 've done ; I 'm sure she 'd know . || It 's John 's ."},
    {"curly_clitics", "It\u2019s John\u2019s and they don\u2019t care.",
     "It \u2019s John \u2019s and they do n\u2019t care ."},
    {"no_apostrophe", "I dont know and it wont matter.", "I do nt know and it wo nt matter ."},
    {"obrien", "O'Brien left at six o'clock.", "O'Brien left at six o'clock ."},
    {"plural_possessive", "The students' books.", "The students ' books ."},
    // URLs, e-mail, hyphens.
    {"url", "See https://example.com/a?b=1. Then write.",
     "See https://example.com/a?b=1 . || Then write ."},
    {"www", "Visit www.example.org, now.", "Visit www.example.org , now ."},
    {"email", "Write to jo.doe@example.org.", "Write to jo.doe@example.org ."},
    {"hyphens", "The e-mail from a 15-year-old co-worker was well-known.",
     "The e-mail from a 15 - year - old co-worker was well - known ."},
    {"non_prefix", "A non-profit and anti-war group.", "A non-profit and anti-war group ."},
    {"slash_abbrev", "Call b/c I left w/ Rice@ENRON today.",
     "Call b/c I left w/ Rice@ENRON today ."},
    {"dashes", "He won -- barely -- and left.", "He won -- barely -- and left ."},
    // Punctuation.
    {"dollar", "It cost $5 and US$6.", "It cost $ 5 and US $ 6 ."},
    {"brackets", "The group (ISIS) [sic] {x}.", "The group ( ISIS ) [ sic ] { x } ."},
    {"bangs", "Wow!!! Really?! Yes.", "Wow !!! || Really ?! || Yes ."},
    {"emoticon", "Loved it. :) Great food.", "Loved it . :) || Great food ."},
    {"amp", "AT&T and R&D grew.", "AT&T and R&D grew ."},
    // Lines, lists, headlines, paragraphs.
    {"bullets", "Items:\n- apples\n- pears", "Items : || - apples || - pears"},
    {"numbered", "Steps:\n1. Mix\n2. Bake", "Steps : || 1 . Mix || 2 . Bake"},
    {"wrapped_line", "The storm hit the\ncoast on Monday.", "The storm hit the coast on Monday ."},
    {"headline", "Storm Hits Coast\nThe storm hit the coast on Monday.",
     "Storm Hits Coast || The storm hit the coast on Monday ."},
    {"paragraphs", "First line\n\nSecond line.", "First line || Second line ."},
    {"dateline", "Ants thrive in cities Tuesday, September 1, 2015 Ants are everywhere.",
     "Ants thrive in cities || Tuesday , September 1 , 2015 || Ants are everywhere ."},
    {"salutation", "Thanks for the note. Best regards, Debra",
     "Thanks for the note . || Best regards , || Debra"},
    {"closing_pair", "Call me at 555-0100. Thank you, Lorie Leigh",
     "Call me at 555-0100 . || Thank you , || Lorie Leigh"},
    {"greeting", "Dear Mr. Horton, I have been made aware of it.",
     "Dear Mr. Horton , || I have been made aware of it ."},
    {"mail_stamp", "Traci Warner on 08/16/2000 03:14:14 PM please call me.",
     "Traci Warner on 08/16/2000 03:14:14 PM || please call me ."},
    {"bracket_insertion", "He backed [George W.] Bush in 2000.",
     "He backed [ George W. ] Bush in 2000 ."},
    // Degenerate input.
    {"empty", "", ""},
    {"whitespace", " \n\t \n\n  ", ""},
    {"single_word", "Hello", "Hello"},
    {"only_punct", "...", "..."},
    {"nbsp", "Hello\u00A0world.", "Hello world ."},
    {"combining", "Cafe\u0301 open.", "Caf\u00E9 open ."},
    {"emoji", "Nice \U0001F600 day.", "Nice \U0001F600 day ."},
    {"cjk", "\u6771\u4EAC is big.", "\u6771\u4EAC is big ."},
};

TEST(TextSegment, Table) {
  for (const Case& c : kCases) {
    const Document doc = run(c.input);
    EXPECT_EQ(render(doc), c.expected) << "case " << c.name << ": " << c.input;
    EXPECT_EQ(check_invariants(doc), "") << "case " << c.name;
  }
}

TEST(TextSegment, AbbreviationTablesSorted) { EXPECT_TRUE(text::abbreviation_tables_sorted()); }

TEST(TextSegment, SpaceAfter) {
  const Document doc = run("Hello, world!");
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_FALSE(doc.tokens[0].space_after);
  EXPECT_TRUE(doc.tokens[1].space_after);
  EXPECT_FALSE(doc.tokens[2].space_after);
  EXPECT_TRUE(doc.tokens[3].space_after);
}

TEST(TextSegment, Paragraphs) {
  const Document doc = run("One. Two.\nStill two.\n \nThree.\u2029Four.");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  ASSERT_EQ(doc.sentences.size(), 5u);
  EXPECT_EQ(doc.slice(doc.paragraphs[0].span), "One. Two.\nStill two.");
  EXPECT_EQ(doc.sentences[2].paragraph, 0u);
  EXPECT_EQ(doc.sentences[3].paragraph, 1u);
  EXPECT_EQ(doc.slice(doc.paragraphs[2].span), "Four.");
  EXPECT_EQ(check_invariants(doc), "");
}

TEST(TextSegment, SegmentTwiceIsIdempotent) {
  Document doc = run("One. Two.");
  text::segment(doc);
  EXPECT_EQ(render(doc), "One . || Two .");
}

TEST(TextSegment, LongTextWithoutPunctuation) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "word ";
  const Document doc = run(text);
  EXPECT_EQ(doc.tokens.size(), 100000u);
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(check_invariants(doc), "");
}

TEST(TextSegment, InvalidUtf8IsRepairedThenSegmented) {
  const Document doc = run("Bad \xC3 byte\xFF here. Next \xE2\x80 one.");
  EXPECT_FALSE(doc.errors.empty());
  EXPECT_EQ(check_invariants(doc), "");
  EXPECT_EQ(doc.sentences.size(), 2u);
}

TEST(TextSegment, RawInvalidBytesDoNotCrash) {
  // segment() without prepare(): spans may not sit on code point boundaries, but it must not
  // crash or produce out-of-range spans.
  Document doc;
  static constexpr char kBytes[] = "\xFF\xFE a\x80 \xC3. \xF0\x9F b";
  doc.text = std::string(kBytes, sizeof(kBytes) - 1);
  text::segment(doc);
  for (const Token& t : doc.tokens) EXPECT_LE(t.span.end, doc.text.size());
}

TEST(TextSegment, RandomPiecesKeepInvariants) {
  const char* pieces[] = {"word",      " ",
                          ".",         "\"",
                          "\u201D",    "\u2019",
                          "'",         "U.S.",
                          "\n",        "\n\n",
                          "Mr.",       "?",
                          "!",         ")",
                          "(",         "e-mail",
                          "n't",       "...",
                          "3.5",       "\u00E9",
                          "\u0301",    "http://x.co/a",
                          "a@b.cd",    "-",
                          "*",         ":)",
                          "\u2029",    "Tuesday",
                          ",",         "Image",
                          ":",         "1.",
                          "\t",        "\u00A0",
                          "\U0001F600"};
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    const Document doc = run(text);
    ASSERT_EQ(check_invariants(doc), "") << "input: " << text;
  }
}

}  // namespace
}  // namespace casus
