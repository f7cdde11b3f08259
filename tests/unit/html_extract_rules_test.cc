// Main-content rules of html_extract.cc on hand-built pages, one case per rule: tightening to the
// body container, captions (by class, inline, or by their image), leading bylines and dates past
// the headline, closing calls to action, a content wrapper with a furniture word, tooltips, a
// second copy of the body, stories appended below the page's own, orphan headings, furniture
// words on the page's wrapper or a part of the body, a form around the page, comments that no
// class names, a lead paragraph beside the body, cited web addresses, social and opening calls to
// action, the headline in a div, CJK and Arabic sentence ends, body parts named as furniture or
// beside teasers, a newsletter pitch inside the body, the author's closing note, JSON-LD
// articleBody guidance, listings of teaser cards inside the body, long bylines and datelines at
// the edges, and the ad label in other languages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/html_blocks.h"
#include "ingest/html_extract.h"
#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

const char* const kP1 =
    "The river rose four metres overnight, flooding the lower town and cutting "
    "the only road to the valley.";
const char* const kP2 =
    "Rescue teams reached the last stranded families by boat on Tuesday "
    "morning, officials said.";
const char* const kP3 =
    "Forecasters expect more rain this week, and the dam operator has begun "
    "releasing water in stages.";
const char* const kP4 =
    "Schools in the district will stay closed until Friday while engineers "
    "inspect the two bridges.";

std::string p(const char* text) { return std::string("<p>") + text + "</p>"; }
std::string body() { return p(kP1) + p(kP2) + p(kP3) + p(kP4); }
std::string expected_body() {
  return std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3 + "\n\n" + kP4;
}

std::string page(const std::string& inner) {
  return "<html><head><title>Floods</title></head><body>"
         "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>" +
         inner + "<footer>Copyright Daily Planet</footer></body></html>";
}

struct Case {
  const char* name;
  std::string html;
  std::string text;  // expected article text
};

class HtmlExtractRules : public testing::TestWithParam<Case> {};

TEST_P(HtmlExtractRules, Text) {
  Document doc;
  read_html("page.html", GetParam().html, doc);
  EXPECT_EQ(doc.text, GetParam().text) << GetParam().name;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  // The article element holds a standfirst and a byline above the body's own container, which
  // holds nearly all the prose: the body container is the article text.
  out.push_back({"tighten_to_body",
                 page("<article><h1>Floods</h1><div class='dek'>The valley counts the cost of a "
                      "night of rain, and waits for more.</div><div class='meta'>Jane Doe</div>"
                      "<div class='body'>" +
                      body() + "</div></article>"),
                 expected_body()});
  // A caption inside a paragraph, named by its class (camelCase included).
  out.push_back({"inline_caption_class",
                 page("<article>" + p(kP1) +
                      "<p><span class='newsCaption'>The flooded square "
                      "(Image: GETTY)</span></p>" +
                      p(kP2) + p(kP3) + p(kP4) + "</article>"),
                 expected_body()});
  // A caption told only by the image it sits with in a small container.
  out.push_back({"caption_by_image",
                 page("<article>" + p(kP1) + p(kP2) +
                      "<div><img src='a.jpg'><span>The flooded square on Tuesday</span></div>" +
                      p(kP3) + p(kP4) + "</article>"),
                 expected_body()});
  // An avatar inside a paragraph does not make it a caption.
  out.push_back(
      {"image_in_paragraph_is_text",
       page("<article>" + p(kP1) + p(kP2) + "<p><img src='face.png'>Short line with a face</p>" +
            p(kP3) + p(kP4) + "</article>"),
       std::string(kP1) + "\n\n" + kP2 + "\n\nShort line with a face\n\n" + kP3 + "\n\n" + kP4});
  // A date line below the headline and standfirst headings is dropped; the headings stay.
  out.push_back({"leading_date_past_headings",
                 page("<article><h1>Floods</h1><h3>A valley waits for more rain</h3>"
                      "<div>PUBLISHED: 10:48, Tue, Nov 19, 2019</div>" +
                      body() + "</article>"),
                 "A valley waits for more rain\n\n" + expected_body()});
  // Closing calls to action go, and the short lines before them too.
  out.push_back({"closing_call_to_action",
                 page("<article>" + body() +
                      "<p>Follow us on Twitter and Facebook for the latest news from the valley, "
                      "day and night.</p><p>Tell us what you think</p></article>"),
                 expected_body()});
  // A wrapper whose class names content and a sidebar, holding all the prose, is the article.
  out.push_back({"content_wrapper_with_furniture_word",
                 page("<div class='content with-sidebar'><div class='main'>" + body() +
                      "</div><div class='widget'><p>Weather widget: twelve degrees, light rain "
                      "and wind from the west.</p></div></div>"),
                 expected_body()});
  // A hover card inside a link is furniture.
  out.push_back({"tooltip",
                 page("<article><p>The mayor, <span><a href='/m'>Ann Lee</a><span "
                      "class='tooltip-card'>Ann Lee: 12 stories, latest: budget vote</span></span>,"
                      " said the town would rebuild the road before winter.</p>" +
                      body() + "</article>"),
                 "The mayor, Ann Lee , said the town would rebuild the road before winter.\n\n" +
                     expected_body()});
  // The body twice (a mobile and a desktop copy): the second copy goes.
  out.push_back({"second_copy_of_the_body",
                 page("<div class='story'><div class='m'>" + body() + "</div><div class='d'>" +
                      body() + "</div></div>"),
                 expected_body()});
  // One repeated paragraph between different ones (an interview's recurring question) stays.
  const std::string question =
      "What did you cook first, and who taught you how to cook it when you were young?";
  out.push_back(
      {"lone_repeat_stays",
       page("<article>" + p(question.c_str()) + p(kP1) + p(kP2) + p(question.c_str()) + p(kP3) +
            p(kP4) + "</article>"),
       question + "\n\n" + kP1 + "\n\n" + kP2 + "\n\n" + question + "\n\n" + kP3 + "\n\n" + kP4});
  // The next stories appended below the page's own: the first article is the page's.
  out.push_back({"first_of_appended_stories",
                 page("<div class='feed'><article>" + body() + "</article><article>" +
                      p("A second story about the election count runs long enough to be a story "
                        "of its own, with more words.") +
                      p("Officials said the count would end on Sunday, two days later than "
                        "planned, because of the floods.") +
                      p("Turnout was the highest in twenty years despite the weather, the "
                        "commission said on Monday night.") +
                      "</article></div>"),
                 expected_body()});
  // A heading over a dropped link list goes; a section heading in its own wrapper stays.
  out.push_back({"orphan_heading",
                 page("<article>" + p(kP1) + p(kP2) +
                      "<figure><h4>Trending News</h4><ul>"
                      "<li><a href='/a'>Storm closes the pass</a></li><li><a href='/b'>Dam "
                      "opens its gates</a></li></ul></figure><div class='st'><h2>The cleanup"
                      "</h2></div>" +
                      p(kP3) + p(kP4) + "</article>"),
                 std::string(kP1) + "\n\n" + kP2 + "\n\nThe cleanup\n\n" + kP3 + "\n\n" + kP4});
  // A wrapper whose class names furniture only ("has-sidebar") but that holds the article and
  // nearly all the prose is not furniture.
  out.push_back({"furniture_word_on_page_wrapper",
                 page("<div class='layout has-sidebar'><div>" + body() +
                      "</div></div>"
                      "<div><p>Weather: twelve degrees, light rain and wind from the west.</p>"
                      "</div>"),
                 expected_body()});
  // An article inside a furniture-named wrapper that holds under half of the page's prose (a long
  // comment thread follows) still beats a footer paragraph: a class word is a weaker hint than
  // a tag or a comment section.
  {
    std::string comments;
    for (int i = 0; i < 6; ++i)
      comments += p(("Comment " + std::to_string(i) +
                     ": I lived in that valley for years and the road always floods first, they "
                     "should have raised it long ago.")
                        .c_str());
    out.push_back({"article_in_furniture_named_wrapper",
                   "<html><body><div class='widget-area'><article>" + body() +
                       "</article></div><div class='comments'>" + comments +
                       "</div><div><p>The Daily Planet, 12 Harbour Road, Valley Town. Call us on "
                       "555 0100 with news tips, day or night, every day of the year.</p></div>"
                       "</body></html>",
                   expected_body()});
  }
  // A form around the whole page (ASP.NET) with a paragraph outside it.
  out.push_back({"form_around_the_page",
                 "<html><body><form id='aspnetForm'><nav><a href='/'>Home</a> <a href='/w'>"
                 "World</a></nav><div>" +
                     body() +
                     "</div></form><div><p>Copyright 2019 "
                     "Daily Planet Media Group, all rights reserved.</p></div></body></html>",
                 expected_body()});
  // A comment section that no class names: its opening line and the comments go.
  out.push_back({"unmarked_comments",
                 page("<div><div>" + body() + "<h3>12 Comments</h3>" +
                      p("I lived in that valley for years and the road always floods first, "
                        "they should have raised it long ago.") +
                      p("Thanks to the rescue teams, they worked through the night for us.") +
                      "</div></div>"),
                 expected_body()});
  // A lead paragraph beside the body's own container joins it.
  out.push_back({"lead_paragraph_beside_body",
                 page("<div class='story'>" +
                      p("The valley woke to water in every street on Monday, and the worst is "
                        "not over yet.") +
                      "<div class='body'>" + body() + "</div></div>"),
                 "The valley woke to water in every street on Monday, and the worst is not over "
                 "yet.\n\n" +
                     expected_body()});
  // A part of the body in a furniture-named wrapper ("paywall") that holds much of its prose.
  out.push_back({"furniture_named_part_of_body",
                 page("<article>" + p(kP1) + p(kP2) + p(kP3) + "<div class='paywall'>" + p(kP4) +
                      p("Engineers said both bridges were safe to cross by Saturday evening, "
                        "after the water fell.") +
                      "</div></article>"),
                 expected_body() +
                     "\n\nEngineers said both bridges were safe to cross by Saturday evening, "
                     "after the water fell."});
  // Sources cited as web addresses below the story are links, but article text; a link list of
  // names between the paragraphs still goes.
  out.push_back({"cited_addresses",
                 page("<article>" + body() +
                      "<p><a href='https://example.org/report'>https://example.org/report</a></p>"
                      "<p><a href='/a'>Weather</a> <a href='/b'>Sport</a></p>" +
                      p("Officials said the report would be updated on Friday, after the water "
                        "fell.") +
                      "</article>"),
                 expected_body() +
                     "\n\nhttps://example.org/report\n\nOfficials said the report would be "
                     "updated on Friday, after the water fell."});
  // A closing line that points to social networks is a call to action; a newsletter pitch above
  // the story is one too.
  out.push_back({"social_and_opening_calls_to_action",
                 page("<article><p>Start your morning with the valley briefing, sent every day. "
                      "Sign up for the free newsletter.</p>" +
                      body() +
                      "<p>Follow the Daily Planet on Facebook, Twitter and Instagram.</p>"
                      "</article>"),
                 expected_body()});
  // A closing paragraph that names social networks without inviting the reader is news.
  out.push_back({"networks_in_the_news_stay",
                 page("<article>" + body() +
                      p("Facebook and Twitter did not respond to requests for comment.") +
                      "</article>"),
                 expected_body() +
                     "\n\nFacebook and Twitter did not respond to requests for comment."});
  // A lead about subscribers is not a pitch: only the imperative counts at the start.
  out.push_back({"subscribers_lead_stays",
                 page("<article>" +
                      p("Newsletter subscribers in the valley received flood warnings two hours "
                        "before the river broke its banks.") +
                      body() + "</article>"),
                 "Newsletter subscribers in the valley received flood warnings two hours before "
                 "the river broke its banks.\n\n" +
                     expected_body()});
  // The headline is dropped as the title even when the site styles it as a div.
  out.push_back({"headline_in_a_div",
                 "<html><head><title>Rescue teams reach the last stranded families as the river "
                 "keeps rising in the valley</title></head><body><article><div class='hl'>Rescue "
                 "teams reach the last stranded families as the river keeps rising in the "
                 "valley</div>" +
                     body() + "</article></body></html>",
                 expected_body()});
  // A short closing sentence ending in a CJK full stop is not a byline.
  out.push_back({"cjk_sentence_end_at_edge",
                 page("<article>" + body() + "<p>\u6CB3\u6C34\u5468\u4E94\u5F00\u59CB\u56DE"
                      "\u843D\u3002</p></article>"),
                 expected_body() + "\n\n\u6CB3\u6C34\u5468\u4E94\u5F00\u59CB\u56DE\u843D\u3002"});
  // A body cut by ad slots into parts whose class names furniture ("text-widget"), none holding
  // half of the page's prose: the parts are one body.
  out.push_back({"body_parts_named_as_widgets",
                 page("<div class='layout'><div class='text-widget'><div>" + p(kP1) + p(kP2) +
                      "</div></div><div class='ad-slot'><a href='/x'>Advertisement</a></div>"
                      "<div class='text-widget'><div>" +
                      p(kP3) + p(kP4) +
                      "</div></div><div class='ad-slot'><a href='/y'>Advertisement</a></div>"
                      "<div class='text-widget'><div>" +
                      p("Engineers said both bridges were safe to cross by Saturday evening, "
                        "after the water fell.") +
                      p("The regional council will meet on Monday to discuss repairs to the "
                        "river walls.") +
                      "</div></div></div>"),
                 expected_body() +
                     "\n\nEngineers said both bridges were safe to cross by Saturday evening, "
                     "after the water fell.\n\nThe regional council will meet on Monday to "
                     "discuss repairs to the river walls."});
  // A part of the body one wrapper above the winner, beside a list of teasers in its own
  // wrapper: the part is judged by its own paragraphs, not by the teasers around it.
  {
    std::string teasers;
    for (int i = 0; i < 6; ++i)
      teasers += "<div><a href='/s" + std::to_string(i) +
                 "'>Another story from the valley that readers liked this week</a></div>";
    out.push_back({"body_part_beside_teasers",
                   page("<div><div>" + teasers + "</div><div>" + p(kP1) + p(kP2) +
                        "</div></div><div><div>" + p(kP3) + p(kP4) +
                        p("Engineers said both bridges were safe to cross by Saturday evening, "
                          "after the water fell.") +
                        "</div></div>"),
                   expected_body() +
                       "\n\nEngineers said both bridges were safe to cross by Saturday "
                       "evening, after the water fell."});
  }
  // A newsletter pitch set between the paragraphs goes; a paragraph about a newsletter stays.
  out.push_back({"newsletter_pitch_inside_body",
                 page("<article>" + p(kP1) + p(kP2) +
                      "<div><p>Get the valley briefing delivered to your inbox. Sign up for our "
                      "free daily newsletter.</p></div>" +
                      p("The council's newsletter, sent to every household, listed the roads "
                        "that will stay closed.") +
                      p(kP3) + p(kP4) + "</article>"),
                 std::string(kP1) + "\n\n" + kP2 +
                     "\n\nThe council's newsletter, sent to every household, listed the roads "
                     "that will stay closed.\n\n" +
                     kP3 + "\n\n" + kP4});
  // A closing note about the page's own author (named in its metadata) goes; the same words
  // about someone else stay.
  out.push_back({"author_note_closes",
                 "<html><head><title>Floods</title><meta name='author' content='Jane Doe'>"
                 "</head><body><article>" +
                     body() +
                     p("Jane Doe is a reporter at the Daily Planet who covers floods, droughts "
                       "and the people who live with them.") +
                     "</article></body></html>",
                 expected_body()});
  out.push_back({"note_about_another_person_stays",
                 "<html><head><title>Floods</title><meta name='author' content='Jane Doe'>"
                 "</head><body><article>" +
                     body() +
                     p("John Roe is a farmer in the lower town who lost his whole harvest to "
                       "the water.") +
                     "</article></body></html>",
                 expected_body() +
                     "\n\nJohn Roe is a farmer in the lower town who lost his whole harvest to "
                     "the water."});
  // A short closing question ending in an Arabic question mark is not a byline either.
  out.push_back({"arabic_sentence_end_at_edge",
                 page("<article>" + body() +
                      "<p>\u0647\u0644 \u0633\u062A\u0646\u062E\u0641\u0636 "
                      "\u0627\u0644\u0645\u064A\u0627\u0647\u061F</p></article>"),
                 expected_body() +
                     "\n\n\u0647\u0644 \u0633\u062A\u0646\u062E\u0641\u0636 "
                     "\u0627\u0644\u0645\u064A\u0627\u0647\u061F"});
  // The page's schema.org articleBody finds the article when the scores pick another container
  // (here a longer story elsewhere on the page, and the article in a promo-named box inside a
  // wrapper of its own: a furniture-named box right beside the winner with two paragraphs or
  // more would join it as a part of the body).
  {
    std::string ld_body = std::string(kP1) + "\\n" + kP2 + "\\n" + kP3;
    std::string other;
    for (int i = 0; i < 5; ++i)
      other += p(("Another story on the page, paragraph " + std::to_string(i) +
                  ", has nothing to do with the floods in the valley.")
                     .c_str());
    out.push_back({"json_ld_article_body_guides",
                   "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                   "\"articleBody\":\"" +
                       ld_body + "\"}</script></head><body><div><div class='promo-story'>" +
                       p(kP1) + p(kP2) + p(kP3) + "</div></div><div>" + other +
                       "</div></body></html>",
                   std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3});
  }
  // A listing of other stories inside the body's container (teaser cards built alike: an image
  // link, a linked headline, a one-sentence summary) goes whatever its markup.
  {
    std::string cards = "<div class='x1'><div>More stories</div>";
    for (int i = 0; i < 3; ++i)
      cards += "<div class='x2'><a href='/t" + std::to_string(i) + "'><img src='/t.jpg'></a>" +
               "<h3><a href='/t" + std::to_string(i) +
               "'>Another story from the valley that readers liked</a></h3>" +
               p("A short summary of that other story, one sentence long, for the reader.") +
               "</div>";
    cards += "</div>";
    out.push_back({"teaser_listing_inside_body", page("<article>" + body() + cards + "</article>"),
                   expected_body()});
  }
  // Items of a list article (a linked name and a long description each) are not teasers: their
  // descriptions stay.
  {
    std::string items, expected = kP1;
    for (int i = 0; i < 3; ++i) {
      const std::string desc =
          "Model " + std::to_string(i) +
          " has a bright screen, a keyboard that is pleasant to type on for hours, and a battery "
          "that lasted two full working days in our tests; the speakers are loud and clear, and "
          "the price has fallen by a third since it was first sold last spring.";
      items += "<div class='x2'><h3><a href='https://shop.example/" + std::to_string(i) +
               "'>The laptop we recommend number " + std::to_string(i) + "</a></h3>" +
               p(desc.c_str()) + "</div>";
      expected += "\n\n" + desc;
    }
    out.push_back({"list_article_items_stay", page("<article>" + p(kP1) + items + "</article>"),
                   expected});
  }
  // A byline and date line longer than a short line, without a full stop, at either edge.
  out.push_back({"long_dateline_at_edges",
                 page("<article><div>By Jane Doe and John Roe, Daily Planet staff writers | "
                      "Published 10:45 AM EST Nov 19, 2019 | Updated 12:30 PM EST</div>" +
                      body() +
                      "<div>Originally published November 19, 2019 in the Daily Planet's "
                      "weekend edition for the valley</div></article>"),
                 expected_body()});
  // The ad label in other languages.
  out.push_back({"ad_labels_in_other_languages",
                 page("<article>" + p(kP1) + "<div>Anzeige</div>" + p(kP2) +
                      "<div>\u0420\u0435\u043A\u043B\u0430\u043C\u0430</div>" + p(kP3) +
                      "<div>Publicidad</div>" + p(kP4) + "</article>"),
                 expected_body()});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Rules, HtmlExtractRules, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& i) {
                           return std::string(i.param.name);
                         });

// One rule serves the closing note about the page's own author (named in its metadata) and about
// any writer (a name, "is a", a writing job).
TEST(HtmlExtractRulesNotes, AuthorNote) {
  const std::vector<std::string> authors = {"Jane Doe"};
  EXPECT_TRUE(is_author_note("Jane Doe covers floods for the Daily Planet.", authors));
  EXPECT_FALSE(is_author_note("Jane Doe covers floods for the Daily Planet.", {}));
  EXPECT_TRUE(is_author_note("Max Roe is a senior reporter who covers science.", {}));
  EXPECT_FALSE(is_author_note("Max Roe is a farmer in the lower town.", authors));
  EXPECT_FALSE(is_author_note("Jane is a reporter.", {}));  // one word is not a full name
  EXPECT_FALSE(is_author_note(std::string(401, 'a'), authors));
}

TEST(HtmlBlocksRules, ClassTokens) {
  struct {
    const char* value;
    bool furniture, caption;
  } const kCases[] = {
      {"tooltip-card", true, false},          {"hovercard", true, false},
      {"read-more-content", false, false},    {"newsCaption", false, true},
      {"wp-caption-text", false, true},       {"story-body", false, false},
      {"content-recirculation", true, false}, {"author-bio", true, false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(is_boilerplate_class(c.value), c.furniture) << c.value;
    EXPECT_EQ(is_caption_class(c.value), c.caption) << c.value;
  }
}

TEST(HtmlBlocksRules, CommentClasses) {
  struct {
    const char* value;
    bool comments;
  } const kCases[] = {
      {"comments-area", true},   {"disqus_thread", true}, {"reacties", true},
      {"commenti", true},        {"share-tools", false},  {"sidebar", false},
      {"comment-respond", true}, {"story-body", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(is_comment_class(c.value), c.comments) << c.value;
    if (c.comments) {
      EXPECT_TRUE(is_boilerplate_class(c.value)) << c.value;
    }
  }
}

}  // namespace
}  // namespace casus::ingest
