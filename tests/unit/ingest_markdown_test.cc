// The Markdown / plain-text article reader: markup removal, article header, boilerplate,
// robustness.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

Document read_md(std::string_view bytes) {
  Document doc;
  read_markdown("test.md", bytes, doc);
  return doc;
}

Document read_txt(std::string_view bytes) {
  Document doc;
  read_text("test.txt", bytes, doc);
  return doc;
}

std::string meta(const Document& doc, std::string_view key) {
  for (const auto& m : doc.meta) {
    if (m.key == key) return m.json;
  }
  return "";
}

// The body text of a Markdown input that has no header.
std::string body(std::string_view markdown) { return read_md(markdown).text; }

TEST(IngestMarkdown, MarkupRemovalTable) {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      // Emphasis.
      {"A *Washington Post* columnist.", "A Washington Post columnist."},
      {"A _Washington Post_ columnist.", "A Washington Post columnist."},
      {"Very **bold** and __strong__ words.", "Very bold and strong words."},
      {"***Both*** at once.", "Both at once."},
      {"A *casus belli*.", "A casus belli."},
      {"Nested *a **b** c* here.", "Nested a b c here."},
      {"snake_case_name stays.", "snake_case_name stays."},
      {"2*3 = 6 and 2*3*4 = 24.", "2*3 = 6 and 2*3*4 = 24."},
      {"A lone * star and a_b.", "A lone * star and a_b."},
      {"Unclosed *emphasis stays.", "Unclosed *emphasis stays."},
      // Code.
      {"Run `casus code` now.", "Run casus code now."},
      {"Double ``a ` b`` ticks.", "Double a ` b ticks."},
      {"It don`t matter, it can`t.", "It don`t matter, it can`t."},
      {"`` unclosed quote.", "`` unclosed quote."},
      // Links and images.
      {"See [the report](https://example.org/r \"Title\") today.", "See the report today."},
      {"See [the *report*](<https://example.org/a b>).", "See the report."},
      {"A [ref link][r1] and [r1] and [R1][].\n\n[r1]: https://example.org",
       "A ref link and r1 and R1."},
      {"An [unknown] bracket [sic] stays.", "An [unknown] bracket [sic] stays."},
      {"Visit <https://example.org/x> or <mail@example.org>.",
       "Visit https://example.org/x or mail@example.org."},
      {"Before ![a photo](img.png) after.", "Before  after."},
      {"![only an image](img.png)\n\nText.", "Text."},
      {"**[wsws.org/contact](https://wsws.org/contact)**", "wsws.org/contact"},
      // HTML.
      {"Some <b>bold</b> and <span class=\"x\">span</span>.", "Some bold and span."},
      {"Line<br>break and <br/> again.", "Line\nbreak and\nagain."},
      {"A <!-- hidden --> comment.", "A  comment."},
      {"Math: 3 < 5 and 7 > 2.", "Math: 3 < 5 and 7 > 2."},
      {"AT&amp;T &ldquo;quoted&rdquo; &#233;t&#xE9; &bogus; & more.",
       "AT&T \xE2\x80\x9Cquoted\xE2\x80\x9D \xC3\xA9t\xC3\xA9 &bogus; & more."},
      // Escapes.
      {"Not \\*emphasis\\* and \\_this\\_.", "Not *emphasis* and _this_."},
      // Blocks.
      {"## Sub heading\nBody text.", "Sub heading\n\nBody text."},
      {"Para one\ncontinues here.\n\nPara two.", "Para one continues here.\n\nPara two."},
      {"Hard  \nbreak and\\\nbackslash.", "Hard\nbreak and\nbackslash."},
      {"- one\n- two\n* three\n+ four", "one\n\ntwo\n\nthree\n\nfour"},
      {"1. first\n2. second", "first\n\nsecond"},
      {"Text\n\n2023. A year starts a paragraph.", "Text\n\n2023. A year starts a paragraph."},
      {"> quoted line\n> continues\n\nafter", "quoted line continues\n\nafter"},
      {"> > nested", "nested"},
      {"Above\n\n---\n\nBelow\n\n* * *\n\nEnd", "Above\n\nBelow\n\nEnd"},
      {"```\ncode *kept*\n```\nAfter.", "code *kept*\n\nAfter."},
      {"| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n\n1 | 2"},
      {"- [x] done task", "done task"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(body(std::string("Intro paragraph.\n\n") + c.input),
              std::string("Intro paragraph.\n\n") + c.expected)
        << c.input;
  }
}

TEST(IngestMarkdown, Titles) {
  EXPECT_EQ(read_md("# The Title\n\nBody.").title, "The Title");
  EXPECT_EQ(read_md("# The *Title* #\n\nBody.").title, "The Title");
  EXPECT_EQ(read_md("The Title\n=========\n\nBody.").title, "The Title");
  EXPECT_EQ(read_md("A short first line\n\nBody text follows.").title, "A short first line");
  EXPECT_EQ(read_md("A short first line\n\nBody text follows.").text, "Body text follows.");
  // A sentence is not a title; neither is a line without a blank line after it.
  EXPECT_EQ(read_md("This is a sentence.\n\nBody.").title, "");
  EXPECT_EQ(read_md("This is a sentence.\n\nBody.").text, "This is a sentence.\n\nBody.");
  EXPECT_EQ(read_md("Line one\nline two\n\nBody.").title, "");
  EXPECT_EQ(read_md("Only one line").title, "");
  EXPECT_EQ(read_txt("Plain Title\n\nBody.").title, "Plain Title");
  // Level-3 headings are sections, not titles.
  EXPECT_EQ(read_md("### Section\n\nBody.").title, "");
}

TEST(IngestMarkdown, HeaderTable) {
  struct Case {
    const char* input;
    std::vector<std::string> authors;
    const char* date;
    const char* text;
  };
  const Case cases[] = {
      {"# T\n\nAndre Damon  \n3 May 2023\n\nBody.", {"Andre Damon"}, "2023-05-03", "Body."},
      {"# T\n\nWikinews\n1 September 2015\n\nTuesday, September 1, 2015\n\nBody.",
       {"Wikinews"},
       "2015-09-01",
       "Tuesday, September 1, 2015\n\nBody."},
      {"# T\n\nBy Jane Doe and John Roe\n\nMay 3, 2023\n\nBody.",
       {"Jane Doe", "John Roe"},
       "2023-05-03",
       "Body."},
      {"# T\n\n*By Jane Doe* | Wednesday, May 3, 2023 10:41 AM EDT\n\nBody.",
       {"Jane Doe"},
       "2023-05-03",
       "Body."},
      {"# T\n\nBy Jane Doe, Reuters\nUpdated 3 May 2023\nBody starts here.",
       {"Jane Doe"},
       "2023-05-03",
       "Body starts here."},
      {"# T\n\nJane Doe\n\nMay 3, 2023\n\nBody.", {"Jane Doe"}, "2023-05-03", "Body."},
      // A lone name-like line without a date after it is body text.
      {"# T\n\nMoscow\n\nBody.", {}, "", "Moscow\n\nBody."},
      {"# T\n\nEnd\nof the line.", {}, "", "End of the line."},
      {"# T\n\nPublished 2 May 2023\nUpdated 3 May 2023\n\nBody.", {}, "2023-05-02", "Body."},
      {"# T\n\nSept. 1, 2015\n\nBody.", {}, "2015-09-01", "Body."},
      {"# T\n\n01/09/2015\n\nBody.", {}, "", "01/09/2015\n\nBody."},
      {"# T\n\nThe president said on Tuesday that talks would resume.\n\nBody.",
       {},
       "",
       "The president said on Tuesday that talks would resume.\n\nBody."},
      {"# T\n\nMay I ask a question?\n\nBody.", {}, "", "May I ask a question?\n\nBody."},
      {"---\ntitle: \"Front Title\"\nauthors: [Ann Smith, Bo Li]\ndate: 2023-05-03\n---\n\nBody.",
       {"Ann Smith", "Bo Li"},
       "2023-05-03",
       "Body."},
  };
  for (const auto& c : cases) {
    const Document doc = read_md(c.input);
    EXPECT_EQ(doc.authors, c.authors) << c.input;
    EXPECT_EQ(doc.date, c.date) << c.input;
    EXPECT_EQ(doc.text, c.text) << c.input;
  }
}

TEST(IngestMarkdown, DatelineMeta) {
  const Document a = read_md("# T\n\nJane Doe, Reuters\n3 May 2023\n\nBody.");
  EXPECT_EQ(a.date_source, DateSource::kDateline);
  EXPECT_EQ(meta(a, "dateline"), "\"3 May 2023\"");
  EXPECT_EQ(meta(a, "agency"), "\"Reuters\"");
  EXPECT_EQ(meta(a, "byline"), "\"Jane Doe, Reuters\"");

  // A news dateline stays in the text; its date needs a year from elsewhere.
  Document b;
  read_markdown("story-2023.md", "# T\n\nWASHINGTON, May 3 (AP) \xE2\x80\x94 The White House said.",
                b);
  EXPECT_EQ(b.text, "WASHINGTON, May 3 (AP) \xE2\x80\x94 The White House said.");
  EXPECT_EQ(b.date, "2023-05-03");
  EXPECT_EQ(meta(b, "dateline"), "\"WASHINGTON, May 3 (AP) \xE2\x80\x94\"");
  EXPECT_EQ(meta(b, "dateline_place"), "\"WASHINGTON\"");
  EXPECT_EQ(meta(b, "agency"), "\"AP\"");
  const Document c = read_md("# T\n\nWASHINGTON, May 3 (AP) - No year anywhere.");
  EXPECT_EQ(c.date, "");
  EXPECT_EQ(c.date_source, DateSource::kNone);

  const Document d = read_md("# T\n\n3 May 2023\n\nMOSCOW (Reuters) - Body.");
  EXPECT_EQ(meta(d, "dateline"), "\"3 May 2023\"");
  EXPECT_EQ(meta(d, "body_dateline"), "\"MOSCOW (Reuters) -\"");
  EXPECT_EQ(d.text, "MOSCOW (Reuters) - Body.");
}

TEST(IngestMarkdown, Boilerplate) {
  const Document doc = read_md(
      "# T\n\nBody one.\n\nBody two.\n\n---\n\nTo contact us visit:\n\n"
      "**[example.org/contact](https://example.org/contact)**\n");
  EXPECT_EQ(doc.text, "Body one.\n\nBody two.");
  EXPECT_EQ(meta(doc, "boilerplate"), "\"To contact us visit:\\n\\nexample.org/contact\"");
  const Document wiki = read_md(
      "# T\n\nBody one.\n\nBody two.\n\nSources\n\n\"A story\" \xE2\x80\x94 CBC.ca, August 15, "
      "2008\n\nThis article is licensed under CC BY 2.5.");
  EXPECT_EQ(wiki.text, "Body one.\n\nBody two.");
  // Nothing is cut when the tail has no cue.
  EXPECT_EQ(read_md("Body one.\n\nexample.org").text, "Body one.\n\nexample.org");
}

TEST(IngestText, KeepsMarkupAndLines) {
  const Document doc = read_txt(
      "Ferry service resumes\n\nBy Jane Doe\nMay 3, 2023\n\nOSLO (Reuters) - A *star* [1] line\n"
      "second line.\n\nShare this article");
  EXPECT_EQ(doc.title, "Ferry service resumes");
  EXPECT_EQ(doc.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(doc.date, "2023-05-03");
  EXPECT_EQ(doc.text, "OSLO (Reuters) - A *star* [1] line\nsecond line.");
  EXPECT_EQ(meta(doc, "boilerplate"), "\"Share this article\"");
  EXPECT_EQ(meta(doc, "dateline_place"), "\"OSLO\"");
}

TEST(IngestMarkdown, Robustness) {
  EXPECT_EQ(read_md("").text, "");
  EXPECT_EQ(read_md("").title, "");
  EXPECT_EQ(read_txt("").text, "");
  EXPECT_EQ(read_md("\n\n  \n").text, "");
  EXPECT_EQ(read_md("\xEF\xBB\xBF# Title\r\n\r\nBody\r\nline.\r\n").text, "Body line.");
  // Invalid UTF-8 passes through, and marks next to multi-byte sequences are handled whole.
  const Document bad = read_md("# T\n\nBad \xFF\xFE bytes *\xC3\xA9m* and \xE2\x80 cut.");
  EXPECT_EQ(bad.text, "Bad \xFF\xFE bytes \xC3\xA9m and \xE2\x80 cut.");
  // Pathological markup terminates.
  std::string nasty;
  for (int i = 0; i < 2000; ++i) nasty += "[*`_<!--<a ";
  EXPECT_FALSE(read_md(nasty).text.empty());
  for (const std::string odd :
       {"#",  "# ", "---", ">", "- ",   "1.",   "```",           "[",  "![", "<",  "&",
        "\\", "*",  "**",  "`", "[a](", "[a]:", "---\ntitle: x", "\r", "&#", "<a", "<!--"}) {
    EXPECT_NO_FATAL_FAILURE(read_md(odd)) << odd;
    EXPECT_NO_FATAL_FAILURE(read_txt(odd)) << odd;
  }
  EXPECT_EQ(read_md(std::string("a\0b", 3)).text, std::string("a\0b", 3));
}

TEST(IngestMarkdown, LargeInputWithUnmatchedDelimiters) {
  // ~8 MB of mixed paragraphs plus a 2 MB paragraph of unmatched delimiters. A reader whose
  // delimiter search is not linear would not finish within the test timeout; the throughput
  // itself is measured by bench/, not here.
  std::string big;
  big.reserve(10u << 20);
  const std::string para =
      "Some *emphasis*, a [link](http://example.org/x_y), `code`, snake_case and 2*3 < 4 & "
      "more text to pad the line out a little.\n\n";
  while (big.size() < (8u << 20)) big += para;
  for (int i = 0; i < (1 << 17); ++i) big += "*a [b `c <d _e ";
  const Document doc = read_md(big);
  EXPECT_GT(doc.text.size(), 4u << 20);
  EXPECT_EQ(doc.text.find("*emphasis*"), std::string::npos);
}

TEST(IngestMarkdown, KremlinSample) {
  const std::string path =
      std::string(CASUS_SOURCE_DIR) + "/examples/articles/kremlin-drone-2023-05-03.md";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Document doc;
  read_markdown(path, bytes, doc);
  EXPECT_EQ(doc.title, "Ukrainian attack on Kremlin is a criminal provocation");
  EXPECT_EQ(doc.authors, std::vector<std::string>{"Andre Damon"});
  EXPECT_EQ(doc.date, "2023-05-03");
  EXPECT_EQ(doc.date_source, DateSource::kDateline);
  EXPECT_EQ(meta(doc, "dateline"), "\"3 May 2023\"");
  EXPECT_EQ(doc.text.rfind("On Wednesday, two drones exploded over the Kremlin", 0), 0u);
  EXPECT_NE(doc.text.find("asked by Washington Post columnist"), std::string::npos);
  EXPECT_NE(doc.text.find("is a casus belli."), std::string::npos);
  // The paragraph broken mid-quote stays two paragraphs, as written.
  EXPECT_NE(doc.text.find("the Kremlin accusing\n\nUkraine of having tried"), std::string::npos);
  for (const char* markup : {"*", "**", "](", "[wsws", "#", "  "}) {
    EXPECT_EQ(doc.text.find(markup), std::string::npos) << markup;
  }
  EXPECT_EQ(doc.text.find("\n\n\n"), std::string::npos);
  EXPECT_EQ(doc.text.back(), '.');
  EXPECT_TRUE(doc.text.ends_with("armed with a socialist program."));
  EXPECT_NE(meta(doc, "boilerplate").find("To contact the WSWS"), std::string::npos);
}

}  // namespace
}  // namespace casus::ingest
