#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/charset.h"
#include "ingest/html_blocks.h"
#include "ingest/html_date.h"
#include "ingest/html_extract.h"
#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

Document read(std::string_view html) {
  Document doc;
  read_html("page.html", html, doc);
  return doc;
}

std::string meta(const Document& doc, std::string_view key) {
  for (const auto& m : doc.meta)
    if (m.key == key) return m.json;
  return {};
}

bool has_error(const Document& doc, std::string_view part) {
  for (const auto& e : doc.errors)
    if (e.stage == "ingest" && e.message.find(part) != std::string::npos) return true;
  return false;
}

TEST(HtmlDate, Normalizes) {
  EXPECT_EQ(normalize_date("2023-05-03"), "2023-05-03");
  EXPECT_EQ(normalize_date("2023-05-03T23:10:00-05:00"), "2023-05-03");
  EXPECT_EQ(normalize_date(" 2023/5/3 "), "2023-05-03");
  EXPECT_EQ(normalize_date("20230503"), "2023-05-03");
  EXPECT_EQ(normalize_date("Wed, 03 May 2023 10:00:00 GMT"), "2023-05-03");
  EXPECT_EQ(normalize_date("May 3, 2023"), "2023-05-03");
  EXPECT_EQ(normalize_date("3rd May 2023"), "2023-05-03");
  EXPECT_EQ(normalize_date("2023-02-29"), "");
  EXPECT_EQ(normalize_date("2024-02-29"), "2024-02-29");
  EXPECT_EQ(normalize_date("yesterday"), "");
  EXPECT_EQ(normalize_date("12345678901"), "");
  EXPECT_EQ(date_from_url("https://x.com/news/2023/05/03/story-slug"), "2023-05-03");
  EXPECT_EQ(date_from_url("https://x.com/2023-05-03-story"), "2023-05-03");
  EXPECT_EQ(date_from_url("https://x.com/2023/05/"), "");
  EXPECT_EQ(date_from_url("https://2023/05/03.com/"), "");
}

TEST(Charset, PrescanAndContentType) {
  EXPECT_EQ(prescan_meta_charset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(prescan_meta_charset("<meta http-equiv='Content-Type' content='text/html; "
                                 "charset=windows-1251'>"),
            "windows-1251");
  EXPECT_EQ(prescan_meta_charset("<!-- <meta charset=koi8-r> --><p>x"), "");
  EXPECT_EQ(charset_from_content_type("text/html; Charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
}

TEST(HtmlReader, MetadataFromMetaTags) {
  const Document doc = read(R"(<!DOCTYPE html><html lang="en-GB"><head>
    <title>Ignored title | Daily Planet</title>
    <meta property="og:title" content="Floods hit the valley | Daily Planet">
    <meta property="og:site_name" content="Daily Planet">
    <meta name="author" content="Lois Lane">
    <meta property="article:published_time" content="2023-05-03T08:00:00Z">
    <link rel="canonical" href="https://planet.example/news/floods">
    </head><body><article><h1>Floods hit the valley</h1>
    <p>Rain fell for three days.</p><p>Rivers &amp; streams   rose.</p></article></body></html>)");
  EXPECT_EQ(doc.title, "Floods hit the valley");
  ASSERT_EQ(doc.authors.size(), 1u);
  EXPECT_EQ(doc.authors[0], "Lois Lane");
  EXPECT_EQ(doc.date, "2023-05-03");
  EXPECT_EQ(doc.date_source, DateSource::kMetadata);
  EXPECT_EQ(doc.url, "https://planet.example/news/floods");
  EXPECT_EQ(meta(doc, "site_name"), "\"Daily Planet\"");
  EXPECT_EQ(meta(doc, "language"), "\"en-GB\"");
  EXPECT_EQ(doc.text, "Rain fell for three days.\n\nRivers & streams rose.");
  EXPECT_TRUE(doc.errors.empty());
}

TEST(HtmlReader, JsonLdGraphAndAuthors) {
  const Document doc = read(R"(<html><head>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":["NewsArticle"],"headline":"Talks resume","datePublished":"2021-11-02T10:00:00+01:00",
       "author":[{"@type":"Person","name":"Ana Ruiz"},"Tom Berg",{"@type":"Person"}],
       "publisher":{"name":"The Courier"}}]}</script>
    <script type="application/ld+json">{ this is not json </script>
    <title>Other</title></head><body><p>Negotiators met again.</p></body></html>)");
  EXPECT_EQ(doc.title, "Talks resume");
  EXPECT_EQ(doc.date, "2021-11-02");
  ASSERT_EQ(doc.authors.size(), 2u);
  EXPECT_EQ(doc.authors[0], "Ana Ruiz");
  EXPECT_EQ(doc.authors[1], "Tom Berg");
  EXPECT_EQ(meta(doc, "site_name"), "\"The Courier\"");
  EXPECT_EQ(doc.text, "Negotiators met again.");
}

TEST(HtmlReader, JsonLdArticleBodyPreferredWhenSubstantial) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += "Sentence number " + std::to_string(i) + " of the body. ";
  const std::string html = "<html><head><script type='application/ld+json'>[{\"@type\":"
                           "\"ReportageNewsArticle\",\"author\":{\"name\":\"Kim Li\"},"
                           "\"articleBody\":\"" + body + "\\nSecond paragraph.\"}]</script>"
                           "</head><body><p>Teaser only.</p></body></html>";
  const Document doc = read(html);
  EXPECT_EQ(doc.text.substr(0, 15), "Sentence number");
  EXPECT_NE(doc.text.find(".\n\nSecond paragraph."), std::string::npos);
  ASSERT_EQ(doc.authors.size(), 1u);
  EXPECT_EQ(doc.authors[0], "Kim Li");
}

TEST(HtmlReader, TitleTagSiteSuffixAndUrlDate) {
  const Document doc = read(
      "<html><head><title>Markets fall sharply on Monday - The Times</title>"
      "<meta property='og:url' content='https://t.example/2019/07/08/markets'></head>"
      "<body><div class='byline'>By Jane Doe and John Roe, Reuters</div><p>Text.</p></body></html>");
  EXPECT_EQ(doc.title, "Markets fall sharply on Monday");
  EXPECT_EQ(doc.date, "2019-07-08");
  EXPECT_EQ(doc.url, "https://t.example/2019/07/08/markets");
  ASSERT_EQ(doc.authors.size(), 2u);
  EXPECT_EQ(doc.authors[0], "Jane Doe");
  EXPECT_EQ(doc.authors[1], "John Roe");
}

TEST(HtmlReader, TimeElementAndArticleAuthorUrl) {
  const Document doc = read(
      "<html><head><meta property='article:author' content='https://facebook.com/x'></head><body>"
      "<time datetime='2020-01-01'>x</time><time pubdate datetime='2020-02-03T10:00'>Feb 3</time>"
      "<a rel='author' href='/a'>Sam Poe</a><p>Body.</p></body></html>");
  EXPECT_EQ(doc.date, "2020-02-03");
  ASSERT_EQ(doc.authors.size(), 1u);
  EXPECT_EQ(doc.authors[0], "Sam Poe");
}

TEST(HtmlReader, VisibleTextBlocksAndBoilerplate) {
  const Document doc = read(R"(<html><body>
    <header><nav><a href="/">Home</a> <a href="/w">World</a></nav></header>
    <div class="cookie-banner">We use cookies</div>
    <main><h2>Sub  heading</h2>
      <p>First <b>bold</b> and <a href="#">link</a> text.<br>After break.</p>
      <p hidden>Hidden para.</p><p aria-hidden="true">Also hidden.</p>
      <p style="display: none">Styled hidden.</p>
      <script>var x = "<p>no</p>";</script><style>p{}</style><noscript>Enable JS</noscript>
      <ul><li>One</li><li>Two</li></ul>
      <table><tr><td>a</td><td>b</td></tr></table>
      <div class="share-tools">Share on X</div>
      <template><p>tmpl</p></template><svg><text>svg</text></svg>
    </main>
    <aside>Related stories</aside><footer>Copyright</footer>
  </body></html>)");
  EXPECT_EQ(doc.text,
            "Sub heading\n\nFirst bold and link text.\n\nAfter break.\n\nOne\n\nTwo\n\na b");
}

TEST(HtmlBlocks, ClassTokensAndFallback) {
  EXPECT_TRUE(is_boilerplate_class("site-nav"));
  EXPECT_TRUE(is_boilerplate_class("social_share"));
  EXPECT_TRUE(is_boilerplate_class("CommentList"));
  EXPECT_FALSE(is_boilerplate_class("canvas navy commentary"));
  EXPECT_FALSE(is_boilerplate_class("story-body"));
  // A furniture word on the main container must not empty the page.
  const Document doc = read("<body><div class='layout with-sidebar'><p>The only text.</p>"
                            "</div></body>");
  EXPECT_EQ(doc.text, "The only text.");
  // The body class never counts.
  const Document wp = read("<body class='single comments-open'><p>Post text.</p></body>");
  EXPECT_EQ(wp.text, "Post text.");
}

TEST(HtmlBlocks, BlockListCarriesStructure) {
  GumboOutput* out = gumbo_parse(
      "<body><article class='story'><p>One <a href='x'>two</a></p></article>"
      "<nav><p>Menu</p></nav></body>");
  const HtmlPage page = collect_page(out->root);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  const std::vector<HtmlBlock>& blocks = page.blocks;
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text, "One two");
  EXPECT_EQ(blocks[0].tag, "p");
  EXPECT_EQ(blocks[0].link_chars, 3u);
  EXPECT_TRUE(blocks[0].in_article);
  EXPECT_EQ(blocks[0].path, "body>article.story>p");
  EXPECT_TRUE(blocks[1].semantic_boilerplate);
  EXPECT_EQ(select_blocks(page), std::vector<size_t>{0});
  // The tree: the article node holds the first block; the nav node is furniture.
  const HtmlNode& article = page.nodes[blocks[0].node - 0];
  EXPECT_EQ(article.tag, GUMBO_TAG_P);
  EXPECT_TRUE(page.nodes[article.parent].article);
  EXPECT_TRUE(page.nodes[article.parent].positive);
  EXPECT_TRUE(page.nodes[page.nodes[blocks[1].node].parent].furniture);
  for (size_t i = 1; i < page.nodes.size(); ++i) {
    EXPECT_LT(page.nodes[i].parent, i);
    EXPECT_GT(page.nodes[i].end, i);
    EXPECT_LE(page.nodes[i].end, page.nodes[page.nodes[i].parent].end);
  }
}

TEST(HtmlCharset, Windows1252Declared) {
  // "café – naïve" in windows-1252 with a meta declaration.
  const Document doc = read("<html><head><meta charset='windows-1252'><title>x</title></head>"
                            "<body><p>caf\xE9 \x96 na\xEFve</p></body></html>");
  EXPECT_EQ(doc.text, "caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve");
  EXPECT_TRUE(doc.errors.empty());
  EXPECT_EQ(meta(doc, "charset"), "\"windows-1252\"");
}

TEST(HtmlCharset, Latin1LabelMeansWindows1252) {
  const Document doc = read("<meta charset=iso-8859-1><p>\x93quoted\x94</p>");
  EXPECT_EQ(doc.text, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(HtmlCharset, UndeclaredLegacyIsDetected) {
  std::string p = "<html><body><p>";
  for (int i = 0; i < 30; ++i) p += "Le gar\xE7on a mang\xE9 une cr\xEApe \xE0 la caf\xE9t\xE9ria. ";
  p += "</p></body></html>";
  const Document doc = read(p);
  EXPECT_NE(doc.text.find("gar\xC3\xA7on"), std::string::npos) << doc.text.substr(0, 80);
  EXPECT_TRUE(doc.errors.empty());
}

TEST(HtmlCharset, WrongDeclaredCharsetFallsBack) {
  // Declared UTF-8 but the bytes are windows-1252.
  std::string p = "<meta charset='utf-8'><p>";
  for (int i = 0; i < 10; ++i) p += "Na\xEFve caf\xE9 d\xE9j\xE0 vu. ";
  p += "</p>";
  const Document doc = read(p);
  EXPECT_NE(doc.text.find("Na\xC3\xAFve"), std::string::npos);
  EXPECT_TRUE(has_error(doc, "does not match")) << (doc.errors.empty() ? "" : doc.errors[0].message);
  // Declared windows-1252 but the bytes are UTF-8.
  const Document utf = read("<meta charset='windows-1252'><p>caf\xC3\xA9</p>");
  EXPECT_EQ(utf.text, "caf\xC3\xA9");
  EXPECT_TRUE(has_error(utf, "content is UTF-8"));
  // An unknown label.
  const Document unknown = read("<meta charset='klingon-8'><p>plain</p>");
  EXPECT_EQ(unknown.text, "plain");
  EXPECT_TRUE(has_error(unknown, "unknown charset"));
}

TEST(HtmlCharset, ByteOrderMarks) {
  EXPECT_EQ(read("\xEF\xBB\xBF<p>bom</p>").text, "bom");
  const std::string utf16le("\xFF\xFE<\0p\0>\0h\0i\0<\0/\0p\0>\0", 18);
  EXPECT_EQ(read(utf16le).text, "hi");
}

TEST(HtmlReader, EmptyAndNonHtml) {
  const Document empty = read("");
  EXPECT_TRUE(empty.text.empty());
  EXPECT_FALSE(empty.errors.empty());
  const Document tags = read("<html><head><title>t</title></head><body> </body></html>");
  EXPECT_TRUE(tags.text.empty());
  EXPECT_TRUE(has_error(tags, "no visible text"));
  const Document binary = read(std::string("\x00\x01\x02\xFF\xFE garbage <<<>>>", 20));
  EXPECT_TRUE(binary.errors.size() <= 2u);
  const Document plain = read("just some text");
  EXPECT_EQ(plain.text, "just some text");
}

TEST(HtmlReader, DeepNestingDoesNotOverflow) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "deep";
  const Document doc = read(html);
  EXPECT_EQ(doc.text, "deep");
}

TEST(HtmlReader, ThroughReadBytes) {
  std::vector<Document> docs;
  read_bytes("story.html", "<html><body><p>Hello.</p></body></html>", ReadOptions{},
             [&](Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, "html");
  EXPECT_EQ(docs[0].id, "story");
  EXPECT_EQ(docs[0].text, "Hello.");
  docs.clear();
  // Detected by content.
  read_bytes("-", "<!DOCTYPE html><p>Sniffed.</p>", ReadOptions{},
             [&](Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, "html");
  EXPECT_EQ(docs[0].text, "Sniffed.");
}

}  // namespace
}  // namespace casus::ingest
