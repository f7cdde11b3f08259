// Main-content extraction (html_extract.h) and the pre-parser filter (html_prefilter.h) on
// hand-built pages.
#include <gtest/gtest.h>

#include <string>

#include "ingest/html_prefilter.h"
#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

Document read(std::string_view html) {
  Document doc;
  read_html("page.html", html, doc);
  return doc;
}

bool has_error(const Document& doc, std::string_view text) {
  for (const auto& e : doc.errors)
    if (e.stage == "ingest" && e.message == text) return true;
  return false;
}

const char* const kP1 = "The river rose four metres overnight, flooding the lower town and cutting "
                        "the only road to the valley.";
const char* const kP2 = "Rescue teams reached the last stranded families by boat on Tuesday "
                        "morning, officials said.";
const char* const kP3 = "Forecasters expect more rain this week, and the dam operator has begun "
                        "releasing water in stages.";

std::string p(const char* text) { return std::string("<p>") + text + "</p>"; }

TEST(HtmlExtract, ArticleAmongPageFurniture) {
  const std::string html =
      "<html><head><title>Floods | Daily Planet</title></head><body>"
      "<div class='cookie-banner'><p>We use cookies to improve your experience on this site. "
      "By continuing you accept them.</p></div>"
      "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
      "<li><a href='/s'>Sport</a></li></ul></nav></header>"
      "<div class='layout'><div class='main-column'><article><h1>Floods hit the valley</h1>"
      "<div class='byline'>By Lois Lane</div>"
      "<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Twitter</a> Share this "
      "story with your friends and family.</div>" +
      p(kP1) + "<figure><img src='x.jpg'><figcaption>The flooded main street, photographed "
      "from the bridge on Monday.</figcaption></figure>" + p(kP2) +
      "<h2>What comes next</h2>" + p(kP3) +
      "<blockquote>We have never seen the water this high, and we have lived here forty "
      "years.</blockquote>"
      "<ul><li>Schools stay closed until Friday, the council said.</li>"
      "<li>Drinking water is handed out at the town hall.</li></ul>"
      "<div class='related-stories'><h3>Related</h3><ul>"
      "<li><a href='/a'>Storms batter the coast as the season turns wet and windy</a></li>"
      "<li><a href='/b'>How towns along the river prepare for the next big flood</a></li>"
      "</ul></div></article>"
      "<section id='comments' class='comments'><h3>42 comments</h3>"
      "<div class='comment'><p>This is the third flood in ten years and nobody in the "
      "government seems to care about the people of the valley at all.</p></div>"
      "<div class='comment'><p>My thoughts are with everyone affected, and I hope the rain "
      "stops soon so the cleaning up can begin properly.</p></div></section></div>"
      "<aside class='sidebar'><h3>Most read</h3><p>Another story that many people read today, "
      "about something else entirely, with a long teaser sentence.</p></aside></div>"
      "<footer><p>Copyright 2023 Daily Planet. All rights reserved. Terms of use.</p></footer>"
      "</body></html>";
  const Document doc = read(html);
  EXPECT_EQ(doc.text, std::string(kP1) + "\n\n" + kP2 + "\n\nWhat comes next\n\n" + kP3 +
                          "\n\nWe have never seen the water this high, and we have lived here "
                          "forty years.\n\nSchools stay closed until Friday, the council said."
                          "\n\nDrinking water is handed out at the town hall.");
  EXPECT_TRUE(doc.errors.empty());
}

TEST(HtmlExtract, NoArticleIsAnErrorNotTheMenu) {
  const Document doc = read(
      "<html><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
      "<div class='headlines'><ul>"
      "<li><a href='/1'>Storms batter the coast as the season turns wet and windy</a></li>"
      "<li><a href='/2'>Election results: the full list of winners and losers</a></li>"
      "<li><a href='/3'>Markets close higher after a week of strong earnings reports</a></li>"
      "</ul></div><footer><a href='/about'>About us</a> <a href='/contact'>Contact</a>"
      "</footer></body></html>");
  EXPECT_EQ(doc.text, "");
  EXPECT_TRUE(has_error(doc, "no article text found"));
}

TEST(HtmlExtract, BodySplitAcrossContainers) {
  // The body is cut by ad slots and a newsletter box into parts with the same class, and a
  // last part with another class but plenty of prose.
  const std::string html =
      "<body><div class='page'><h1>Title of the story</h1>"
      "<div class='story-part'>" + p(kP1) + "</div>"
      "<div class='ad-slot'><p>Advertisement</p></div>"
      "<div class='story-part'>" + p(kP2) + "</div>"
      "<div class='newsletter-signup'><p>Sign up for our newsletter and get the news in your "
      "inbox every single morning.</p></div>"
      "<div class='story-part'>" + p(kP3) + "</div>"
      "<div class='story-end'><p>The council will meet again on Thursday to decide whether the "
      "evacuation order can be lifted for the lower town.</p><p>Residents were told to stay "
      "away from the river banks until the water level falls.</p></div>"
      "</div><div class='links'><a href='/x'>Privacy policy</a></div></body>";
  const Document doc = read(html);
  EXPECT_EQ(doc.text, std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3 +
                          "\n\nThe council will meet again on Thursday to decide whether the "
                          "evacuation order can be lifted for the lower town.\n\nResidents were "
                          "told to stay away from the river banks until the water level falls.");
}

TEST(HtmlExtract, LinkHeavyListsAreDropped) {
  const std::string html =
      "<body><article>" + p(kP1) + p(kP2) +
      "<ul><li><a href='/a'>Read: the storm season in pictures</a></li>"
      "<li><a href='/b'>Read: why the dam was built in 1962</a></li></ul>"
      // A story list whose items are prose with a link inside stays.
      "<ul><li>The mayor, <a href='/m'>Ana Ruiz</a>, asked for federal help on Monday.</li>"
      "<li>The army sent two helicopters and a field hospital.</li></ul>" +
      p(kP3) + "<p>Tags: <a href='/t/f'>floods</a>, <a href='/t/w'>weather</a></p>"
      "</article></body>";
  const Document doc = read(html);
  EXPECT_EQ(doc.text, std::string(kP1) + "\n\n" + kP2 +
                          "\n\nThe mayor, Ana Ruiz, asked for federal help on Monday.\n\nThe "
                          "army sent two helicopters and a field hospital.\n\n" + kP3);
}

TEST(HtmlExtract, ArticleElementPreferredOverStoryListing) {
  // Teasers of other stories are prose too; the article element holding most of the prose wins.
  std::string teasers;
  for (int i = 0; i < 3; ++i)
    teasers += "<article class='teaser'><p>A teaser of another story, long enough to look like "
               "a paragraph of prose, number " + std::to_string(i) + ".</p></article>";
  const std::string html = "<body><div id='content'><main><article class='full'>" + p(kP1) +
                           p(kP2) + p(kP3) + "</article></main><div class='list'>" + teasers +
                           "</div></div></body>";
  const Document doc = read(html);
  EXPECT_EQ(doc.text, std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3);
}

TEST(HtmlExtract, ShortPagesKeepTheirText) {
  EXPECT_EQ(read("<p>Hello.</p>").text, "Hello.");
  EXPECT_EQ(read("<body><div class='sidebar-layout'><p>Only text.</p></div></body>").text,
            "Only text.");
}

TEST(HtmlExtract, JsonLdBodyOnlyForTeaserPages) {
  std::string body;
  for (int i = 0; i < 12; ++i) body += "Sentence number " + std::to_string(i) + " of the body. ";
  const std::string ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                         "\"articleBody\":\"" + body + "\"}</script>";
  // The page shows the full article: the DOM text wins.
  const Document full = read("<html><head>" + ld + "</head><body><article>" + p(kP1) + p(kP2) +
                             p(kP3) + "</article></body></html>");
  EXPECT_EQ(full.text, std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3);
  // Markup in articleBody disqualifies it.
  const std::string marked = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                             "\"articleBody\":\"<p>" + body + "</p>\"}</script>";
  const Document teaser = read("<html><head>" + marked + "</head><body><p>Teaser.</p></body>");
  EXPECT_EQ(teaser.text, "Teaser.");
}

TEST(HtmlPrefilter, StripsScriptsStylesAndComments) {
  EXPECT_EQ(strip_scripts_and_comments(
                "<p>a<!-- hidden -->b</p><script type='x'>if (a < b) { s = '</p>'; }</script>"
                "<STYLE>p > a {}</STYLE><p>c</p>"),
            "<p>ab</p><script type='x'></script><STYLE></STYLE><p>c</p>");
  // JSON-LD stays whole; a tag name that only starts like script is not one.
  const std::string ld = "<script type=\"application/ld+json\">{\"a\": \"</p>\"}</script>";
  EXPECT_EQ(strip_scripts_and_comments(ld), ld);
  EXPECT_EQ(strip_scripts_and_comments("<scripts>x</scripts>"), "<scripts>x</scripts>");
  // A '>' inside a quoted attribute does not end the start tag.
  EXPECT_EQ(strip_scripts_and_comments("<script data-x='a>b'>code</script>"),
            "<script data-x='a>b'></script>");
  // Unterminated constructs are left for the parser.
  EXPECT_EQ(strip_scripts_and_comments("<p>x<!-- open"), "<p>x<!-- open");
  EXPECT_EQ(strip_scripts_and_comments("<script>never closed"), "<script>never closed");
  EXPECT_EQ(strip_scripts_and_comments("<script"), "<script");
  EXPECT_EQ(strip_scripts_and_comments(""), "");
}

TEST(HtmlPrefilter, PageTextUnchanged) {
  const Document doc = read("<body><article><script>document.write('<p>no</p>')</script>" +
                            p(kP1) + "<!-- <p>commented out</p> -->" + p(kP2) +
                            "</article></body>");
  EXPECT_EQ(doc.text, std::string(kP1) + "\n\n" + kP2);
}

}  // namespace
}  // namespace casus::ingest
