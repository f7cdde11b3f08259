// Table-driven tests of the time stage: recognition, normalization against an article dated
// Wednesday 3 May 2023, tense, anchors, and the first sample article through the full Engine.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "ingest/ingest.h"
#include "time/time.h"

namespace casus {
namespace {

constexpr const char* kAnchor = "2023-05-03";  // a Wednesday

Document run(const std::string& text, const std::string& date = kAnchor,
             const std::string& override_date = "") {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  EngineOptions options;
  options.anchor_date = override_date;
  const Engine engine(options);
  engine.process(doc);
  return doc;
}

const Timex* find(const Document& doc, const std::string& surface) {
  for (const Timex& t : doc.times) {
    if (doc.slice(t.span) == surface) return &t;
  }
  return nullptr;
}

std::string dump(const Document& doc) {
  std::ostringstream s;
  for (const Timex& t : doc.times) {
    s << "[" << doc.slice(t.span) << " " << timex_type_name(t.type) << " " << t.value << " "
      << time_anchor_name(t.anchor) << "] ";
  }
  return s.str();
}

// Every span is inside the text, non-empty, inside its sentence, and in order.
void expect_valid_spans(const Document& doc) {
  uint32_t last_end = 0;
  for (const Timex& t : doc.times) {
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, doc.text.size());
    EXPECT_GE(t.span.begin, last_end);
    last_end = t.span.end;
    ASSERT_LT(t.sentence, doc.sentences.size());
    EXPECT_GE(t.span.begin, doc.sentences[t.sentence].span.begin);
    EXPECT_LE(t.span.end, doc.sentences[t.sentence].span.end);
  }
}

struct Case {
  const char* text;
  const char* expression;
  TimexType type;
  const char* value;
  TimeAnchor anchor;
};

constexpr auto D = TimexType::kDate;
constexpr auto T = TimexType::kTime;
constexpr auto P = TimexType::kDuration;
constexpr auto S = TimexType::kSet;
constexpr auto kArt = TimeAnchor::kArticle;
constexpr auto kAbs = TimeAnchor::kAbsolute;
constexpr auto kPrev = TimeAnchor::kPrevious;

const Case kCases[] = {
    // Weekdays by tense.
    {"On Wednesday, two drones exploded over the Kremlin.", "Wednesday", D, "2023-05-03", kArt},
    {"The talks ended on Friday.", "Friday", D, "2023-04-28", kArt},
    {"The talks will resume on Friday.", "Friday", D, "2023-05-05", kArt},
    {"Talks are to resume on Friday.", "Friday", D, "2023-05-05", kArt},
    {"Officials plan to meet on Friday.", "Friday", D, "2023-05-05", kArt},
    {"The minister is going to visit Kyiv on Monday.", "Monday", D, "2023-05-08", kArt},
    {"They'll decide on Monday.", "Monday", D, "2023-05-08", kArt},
    {"He said on Friday that talks will resume.", "Friday", D, "2023-04-28", kArt},
    {"He said talks will resume on Friday.", "Friday", D, "2023-05-05", kArt},
    {"Protesters gathered outside parliament on Monday.", "Monday", D, "2023-05-01", kArt},
    {"Police said the suspect had fled on Sunday.", "Sunday", D, "2023-04-30", kArt},
    {"The vote is on Thursday.", "Thursday", D, "2023-05-04", kArt},
    {"The attack happened on Sunday night.", "Sunday night", T, "2023-04-30TNI", kArt},
    {"Fighting resumed early Tuesday.", "early Tuesday", D, "2023-05-02", kArt},
    {"The court ruled last Friday.", "last Friday", D, "2023-04-28", kArt},
    {"The court will rule next Friday.", "next Friday", D, "2023-05-05", kArt},
    // Deictic words.
    {"Fighting broke out yesterday.", "yesterday", D, "2023-05-02", kArt},
    {"The court will rule tomorrow.", "tomorrow", D, "2023-05-04", kArt},
    {"The report was published today.", "today", D, "2023-05-03", kArt},
    {"A storm struck yesterday afternoon.", "yesterday afternoon", T, "2023-05-02TAF", kArt},
    {"The news overnight from the Kremlin accused Ukraine.", "overnight", T, "2023-05-02TNI", kArt},
    {"Residents were evacuated last night.", "last night", T, "2023-05-02TNI", kArt},
    {"The president spoke this morning.", "this morning", T, "2023-05-03TMO", kArt},
    {"Later in the day, Jean-Pierre was asked a variant of the question.", "Later in the day", D,
     "2023-05-03", kArt},
    {"Earlier this year, the group split.", "Earlier this year", D, "2023", kArt},
    {"Prices will rise later this month.", "later this month", D, "2023-05", kArt},
    // Calendar units relative to the article.
    {"Prices rose last week.", "last week", D, "2023-W17", kArt},
    {"The summit is planned for next week.", "next week", D, "2023-W19", kArt},
    {"Troops arrived this week.", "this week", D, "2023-W18", kArt},
    {"Elections will be held next month.", "next month", D, "2023-06", kArt},
    {"Inflation fell last month.", "last month", D, "2023-04", kArt},
    {"Turnout was higher last year.", "last year", D, "2022", kArt},
    {"The law takes effect next year.", "next year", D, "2024", kArt},
    {"Thousands marched this weekend.", "this weekend", D, "2023-W17-WE", kArt},
    {"Thousands will march this weekend.", "this weekend", D, "2023-W18-WE", kArt},
    {"Crops failed last summer.", "last summer", D, "2022-SU", kArt},
    {"The war ended in the past century.", "the past century", D, "19", kArt},
    // Ago.
    {"The ship sank two days ago.", "two days ago", D, "2023-05-01", kArt},
    {"He resigned three weeks ago.", "three weeks ago", D, "2023-W15", kArt},
    {"The law passed five years ago.", "five years ago", D, "2018", kArt},
    {"The browser was born a decade ago.", "a decade ago", D, "2013", kArt},
    {"It happened a few years ago.", "a few years ago", D, "PAST_REF", kArt},
    {"Seventeen years ago, this would not have been possible.", "Seventeen years ago", D, "2006",
     kArt},
    // Months and month-days without a year.
    {"The strike began in March.", "March", D, "2023-03", kArt},
    {"The festival will take place in July.", "July", D, "2023-07", kArt},
    {"The ceasefire collapsed in December.", "December", D, "2022-12", kArt},
    {"The deal was signed on March 4.", "March 4", D, "2023-03-04", kArt},
    {"The vote will be held on November 20.", "November 20", D, "2023-11-20", kArt},
    {"The treaty was signed on 12 December.", "12 December", D, "2022-12-12", kArt},
    {"The exhibition ran in early May.", "early May", D, "2023-05", kArt},
    // Absolute dates in common forms.
    {"The October 8, 2022 attack on the Kerch Bridge.", "October 8, 2022", D, "2022-10-08", kAbs},
    {"The bridge was hit on 8 Oct. 2022.", "8 Oct. 2022", D, "2022-10-08", kAbs},
    {"The bridge was hit on 8 October 2022.", "8 October 2022", D, "2022-10-08", kAbs},
    {"It was reported on 2022-10-08.", "2022-10-08", D, "2022-10-08", kAbs},
    {"The form is dated 10/8/2022.", "10/8/2022", D, "2022-10-08", kAbs},
    {"The bridge was hit on Oct. 8th, 2022.", "Oct. 8th, 2022", D, "2022-10-08", kAbs},
    {"It opened on the 8th of October 2022.", "the 8th of October 2022", D, "2022-10-08", kAbs},
    {"Tuesday, September 1, 2015", "Tuesday, September 1, 2015", D, "2015-09-01", kAbs},
    {"George W. Bush, in justifying the 2003 invasion of Iraq, lied.", "2003", D, "2003", kAbs},
    {"The war began in 2003.", "2003", D, "2003", kAbs},
    {"Shares fell in mid-2020.", "mid-2020", D, "2020", kAbs},
    {"The taxes were due from 2006-2009.", "2009", D, "2009", kAbs},
    {"He was born in September 2010.", "September 2010", D, "2010-09", kAbs},
    {"He was born in March of 1950.", "March of 1950", D, "1950-03", kAbs},
    {"Warhol defined the 1960s.", "the 1960s", D, "196X", kAbs},
    {"Strikes began in the 1930’s.", "the 1930’s", D, "193X", kAbs},
    {"Music of the '80s was loud.", "the '80s", D, "198X", kAbs},
    {"Even back in the sixties, he knew.", "the sixties", D, "196X", kAbs},
    {"He was the center of the 20th century.", "the 20th century", D, "19", kAbs},
    {"It was a 17th-century house.", "17th-century", D, "16", kAbs},
    {"They met in the summer of 2014.", "the summer of 2014", D, "2014-SU", kAbs},
    {"The September 11, 2001 terror attacks on the World Trade Center.", "September 11, 2001", D,
     "2001-09-11", kAbs},
    {"After 9/11, security tightened.", "9/11", D, "2001-09-11", kAbs},
    {"When I wrote my 9/11-related poems, it was hard.", "9/11", D, "2001-09-11", kAbs},
    // Times.
    {"The first explosion came at 10:41 a.m. EDT.", "10:41 a.m. EDT", T, "2023-05-03T10:41-04:00",
     kArt},
    {"The polls closed at 22:30.", "22:30", T, "2023-05-03T22:30", kArt},
    {"The meeting starts at 3 pm.", "3 pm", T, "2023-05-03T15:00", kArt},
    {"The meeting starts at 3pm.", "3pm", T, "2023-05-03T15:00", kArt},
    {"As of 15:11 GMT the site was accessible again.", "15:11 GMT", T, "2023-05-03T15:11Z", kArt},
    {"The shops close at noon.", "noon", T, "2023-05-03T12:00", kArt},
    {"On April 20 at 9 a.m., the shelling began.", "9 a.m.", T, "2023-04-20T09:00", kPrev},
    // Durations.
    {"He served as mayor for three years.", "three years", P, "P3Y", kAbs},
    {"The ceasefire lasted 48 hours.", "48 hours", P, "PT48H", kAbs},
    {"A 48-hour ceasefire began.", "48-hour", P, "PT48H", kAbs},
    {"She was detained for several months.", "several months", P, "PXM", kAbs},
    {"He waited for a week.", "a week", P, "P1W", kAbs},
    {"The strike lasted twenty-five days.", "twenty-five days", P, "P25D", kAbs},
    {"Ninety minutes passed.", "Ninety minutes", P, "PT90M", kAbs},
    {"Output fell over the past 30 days.", "the past 30 days", P, "P30D", kAbs},
    {"They have fought for decades.", "decades", P, "PXDE", kAbs},
    {"The broadcasts ended after an 11-year lull.", "11-year", P, "P11Y", kAbs},
    // Sets.
    {"Talks are held every Monday.", "every Monday", S, "XXXX-WXX-1", kAbs},
    {"The market opens every day.", "every day", S, "P1D", kAbs},
    {"Inspections happen every two weeks.", "every two weeks", S, "P2W", kAbs},
    {"The board meets twice a year.", "twice a year", S, "P1Y", kAbs},
    {"The shop closes on Mondays.", "Mondays", S, "XXXX-WXX-1", kAbs},
    {"Fees are paid annually.", "annually", S, "P1Y", kAbs},
};

TEST(TimeAnnotate, TableOfPhrasingsAndTenses) {
  for (const Case& c : kCases) {
    const Document doc = run(c.text);
    expect_valid_spans(doc);
    const Timex* t = find(doc, c.expression);
    if (!t) {
      ADD_FAILURE() << c.text << " -> no '" << c.expression << "'; got " << dump(doc);
      continue;
    }
    EXPECT_EQ(t->value, c.value) << c.text << " " << dump(doc);
    EXPECT_EQ(t->type, c.type) << c.text << " " << dump(doc);
    EXPECT_EQ(t->anchor, c.anchor) << c.text << " " << dump(doc);
  }
}

TEST(TimeAnnotate, NotTimeExpressions) {
  for (const char* text :
       {"We have over 1000 featured articles.", "At least 1,426 pilgrims died.",
        "A 13-year-old boy was arrested.", "May I ask a question?", "Troops march on the capital.",
        "The final score was 3:1.", "He paid $2000 for it.", "A 2000 year old tradition survives.",
        "We read ideas on a Monday.", "The fall of Rome changed Europe."}) {
    const Document doc = run(text);
    EXPECT_TRUE(doc.times.empty()) << text << ": " << dump(doc);
  }
}

TEST(TimeAnnotate, ExpressionsRelativeToThePreviousOne) {
  const Document doc = run(
      "The attack came on April 20. The next day, troops withdrew. Two days later, talks began. "
      "The war began in 2003. That year, prices doubled. The following year, they fell.");
  expect_valid_spans(doc);
  const Timex* next_day = find(doc, "The next day");
  ASSERT_NE(next_day, nullptr) << dump(doc);
  EXPECT_EQ(next_day->value, "2023-04-21");
  EXPECT_EQ(next_day->anchor, TimeAnchor::kPrevious);
  const Timex* later = find(doc, "Two days later");
  ASSERT_NE(later, nullptr) << dump(doc);
  EXPECT_EQ(later->value, "2023-04-23");
  EXPECT_EQ(later->anchor, TimeAnchor::kPrevious);
  const Timex* that_year = find(doc, "That year");
  ASSERT_NE(that_year, nullptr) << dump(doc);
  EXPECT_EQ(that_year->value, "2003");
  const Timex* following = find(doc, "The following year");
  ASSERT_NE(following, nullptr) << dump(doc);
  EXPECT_EQ(following->value, "2004");
}

TEST(TimeAnnotate, WithoutAnAnchorRelativeValuesStayUnresolved) {
  const Document doc = run(
      "Fighting broke out yesterday. The talks ended on Friday. Prices rose last week. Elections "
      "will be held next month. Turnout was higher last year. The deal was signed on March 4. "
      "The war began in 2003. The ship sank two days ago. It began at 10:41 a.m.",
      /*date=*/"");
  expect_valid_spans(doc);
  const struct {
    const char* expression;
    const char* value;
    TimeAnchor anchor;
  } expected[] = {{"yesterday", "XXXX-XX-XX", TimeAnchor::kNone},
                  {"Friday", "XXXX-WXX-5", TimeAnchor::kNone},
                  {"last week", "XXXX-WXX", TimeAnchor::kNone},
                  {"next month", "XXXX-XX", TimeAnchor::kNone},
                  {"last year", "XXXX", TimeAnchor::kNone},
                  {"March 4", "XXXX-03-04", TimeAnchor::kNone},
                  {"2003", "2003", TimeAnchor::kAbsolute},
                  {"two days ago", "XXXX-XX-XX", TimeAnchor::kNone},
                  {"10:41 a.m.", "XXXX-XX-XXT10:41", TimeAnchor::kNone}};
  for (const auto& e : expected) {
    const Timex* t = find(doc, e.expression);
    ASSERT_NE(t, nullptr) << e.expression << ": " << dump(doc);
    EXPECT_EQ(t->value, e.value) << e.expression;
    EXPECT_EQ(t->anchor, e.anchor) << e.expression;
  }
  EXPECT_TRUE(doc.errors.empty());
}

TEST(TimeAnnotate, AnchorOverrideWinsOverTheArticleDate) {
  const Document doc = run("Fighting broke out yesterday.", "2020-01-01", kAnchor);
  const Timex* t = find(doc, "yesterday");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "2023-05-02");
}

TEST(TimeAnnotate, MalformedAnchorIsAnErrorAndLeavesValuesUnresolved) {
  const Document doc = run("Fighting broke out yesterday.", "May 2023");
  const Timex* t = find(doc, "yesterday");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "XXXX-XX-XX");
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_EQ(doc.errors[0].stage, "time");
}

TEST(TimeAnnotate, RunningTwiceGivesTheSameLayer) {
  Document doc = run("On Friday, talks ended. They resume next week.");
  const size_t n = doc.times.size();
  time::annotate(doc, "");
  EXPECT_EQ(doc.times.size(), n);
}

TEST(TimeAnnotate, HandlesOddInput) {
  for (const char* text : {"", "9/", "10:", "-2022-", "October", "the", "every", "2022-13-45",
                           "99/99/9999", "31 February 2023",
                           "\xE2\x80\x99"
                           "60s",
                           "In 1960\xE2\x80\x99s music."}) {
    const Document doc = run(text);
    expect_valid_spans(doc);
  }
}

// Every date in the first sample article, read by the Markdown reader and run through the
// Engine dated 2023-05-03.
TEST(TimeAnnotate, FirstSampleArticle) {
  std::string path =
      std::string(CASUS_SOURCE_DIR) + "/examples/articles/kremlin-drone-2023-05-03.md";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    path = std::string(CASUS_SOURCE_DIR) + "/../shared/samples/kremlin-drone-2023-05-03.md";
    in.open(path, std::ios::binary);
  }
  if (!in) GTEST_SKIP() << "sample article not found";
  std::ostringstream buf;
  buf << in.rdbuf();
  Document doc;
  ingest::read_markdown(path, buf.str(), doc);
  EngineOptions options;
  options.anchor_date = kAnchor;
  const Engine engine(options);
  engine.process(doc);
  expect_valid_spans(doc);
  const struct {
    const char* expression;
    TimexType type;
    const char* value;
  } expected[] = {{"Wednesday", D, "2023-05-03"},          {"overnight", T, "2023-05-02TNI"},
                  {"Later in the day", D, "2023-05-03"},   {"2003", D, "2003"},
                  {"September 11, 2001", D, "2001-09-11"}, {"October 8, 2022", D, "2022-10-08"}};
  for (const auto& e : expected) {
    const Timex* t = find(doc, e.expression);
    ASSERT_NE(t, nullptr) << e.expression << ": " << dump(doc);
    EXPECT_EQ(t->value, e.value) << e.expression;
    EXPECT_EQ(t->type, e.type) << e.expression;
  }
  EXPECT_EQ(doc.times.size(), std::size(expected)) << dump(doc);
}

}  // namespace
}  // namespace casus
