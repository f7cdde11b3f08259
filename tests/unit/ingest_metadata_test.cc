// Tables of article-metadata cases: dates, date lines, bylines, titles, news datelines,
// boilerplate.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/dates.h"
#include "ingest/metadata.h"

namespace casus::ingest {
namespace {

struct DateCase {
  const char* input;
  const char* expected;  // nullptr: not a date
};

TEST(IngestDates, ParseDateTable) {
  const DateCase cases[] = {
      {"3 May 2023", "2023-05-03"},
      {"03 May 2023", "2023-05-03"},
      {"3rd May, 2023", "2023-05-03"},
      {"3 of May 2023", "2023-05-03"},
      {"May 3, 2023", "2023-05-03"},
      {"May 3 2023", "2023-05-03"},
      {"May 3rd, 2023", "2023-05-03"},
      {"MAY 3, 2023", "2023-05-03"},
      {"Sept. 1, 2015", "2015-09-01"},
      {"Sep 1, 2015", "2015-09-01"},
      {"1 Sept 2015", "2015-09-01"},
      {"Tuesday, September 1, 2015", "2015-09-01"},
      {"Wed. 3 May 2023", "2023-05-03"},
      {"Wednesday, May 3, 2023 10:41 AM EDT", "2023-05-03"},
      {"May 3, 2023 at 10:41 a.m. ET", "2023-05-03"},
      {"May 3, 2023, 10:41", "2023-05-03"},
      {"3 May 2023 10:41 (UTC)", "2023-05-03"},
      {"2023-05-03", "2023-05-03"},
      {"2023-5-3", "2023-05-03"},
      {"2023/05/03", "2023-05-03"},
      {"2023-05-03T10:41:00Z", "2023-05-03"},
      {"2023-05-03T10:41:00.123+02:00", "2023-05-03"},
      {"2023-05-03 10:41:00 -0400", "2023-05-03"},
      {"  3 May 2023.  ", "2023-05-03"},
      {"29 February 2024", "2024-02-29"},
      {"25/12/2015", "2015-12-25"},
      {"12/25/2015", "2015-12-25"},
      // Negative cases.
      {"01/09/2015", nullptr},  // ambiguous day/month
      {"May I ask", nullptr},
      {"May", nullptr},
      {"May 2023", nullptr},
      {"3 May", nullptr},  // no year
      {"Wednesday", nullptr},
      {"29 February 2023", nullptr},
      {"31 April 2023", nullptr},
      {"2023-13-01", nullptr},
      {"0999-01-01", nullptr},
      {"Updated 3 May 2023", nullptr},  // prefixes are parse_date_line's business
      {"3 May 2023 and more text", nullptr},
      {"Mayday 3, 2023", nullptr},
      {"20230503", nullptr},
      {"", nullptr},
      {"On Wednesday, two drones exploded", nullptr},
  };
  for (const auto& c : cases) {
    const auto got = parse_date(c.input);
    if (c.expected) {
      ASSERT_TRUE(got.has_value()) << c.input;
      EXPECT_EQ(*got, c.expected) << c.input;
    } else {
      EXPECT_FALSE(got.has_value()) << c.input << " -> " << got.value_or("");
    }
  }
}

TEST(IngestDates, YearOptional) {
  EXPECT_EQ(parse_date_parts("May 3", true), (DateParts{0, 5, 3}));
  EXPECT_EQ(parse_date_parts("3 May", true), (DateParts{0, 5, 3}));
  EXPECT_EQ(parse_date_parts("Wednesday, May 3", true), (DateParts{0, 5, 3}));
  EXPECT_EQ(parse_date_parts("May 3, 2023", true), (DateParts{2023, 5, 3}));
  EXPECT_EQ(parse_date_parts("Feb 29", true), (DateParts{0, 2, 29}));
  EXPECT_FALSE(parse_date_parts("May 3", false));
  EXPECT_FALSE(parse_date_parts("May I", true));
  EXPECT_FALSE(parse_date_parts("May 32", true));
}

TEST(IngestDates, Helpers) {
  EXPECT_EQ(month_from_name("Sept"), 9);
  EXPECT_EQ(month_from_name("sep"), 9);
  EXPECT_EQ(month_from_name("DECEMBER"), 12);
  EXPECT_EQ(month_from_name("Ma"), 0);
  EXPECT_EQ(month_from_name("Mayor"), 0);
  EXPECT_EQ(format_date(DateParts{1999, 1, 2}), "1999-01-02");
  EXPECT_TRUE(is_valid_date(DateParts{2000, 2, 29}));
  EXPECT_FALSE(is_valid_date(DateParts{1900, 2, 29}));
}

TEST(IngestMetadata, DateLines) {
  struct Case {
    const char* input;
    const char* date;
    bool updated;
  };
  const Case cases[] = {
      {"3 May 2023", "2023-05-03", false},
      {"Updated 3 May 2023", "2023-05-03", true},
      {"Updated: May 3, 2023 10:41 AM EDT", "2023-05-03", true},
      {"Last updated on 3 May 2023", "2023-05-03", true},
      {"Published: Wednesday, May 3, 2023", "2023-05-03", false},
      {"Posted on 2023-05-03", "2023-05-03", false},
      {"Date: 3 May 2023", "2023-05-03", false},
  };
  for (const auto& c : cases) {
    const auto got = parse_date_line(c.input);
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(got->date, c.date) << c.input;
    EXPECT_EQ(got->updated, c.updated) << c.input;
  }
  for (const char* no : {"Updated", "Published in Nature", "Updates from May 3, 2023",
                         "On Wednesday, two drones exploded over the Kremlin"}) {
    EXPECT_FALSE(parse_date_line(no)) << no;
  }
}

TEST(IngestMetadata, Bylines) {
  struct Case {
    const char* input;
    std::vector<std::string> authors;
    const char* agency;
  };
  const Case cases[] = {
      {"Andre Damon", {"Andre Damon"}, ""},
      {"Wikinews", {"Wikinews"}, ""},
      {"By Jane Doe", {"Jane Doe"}, ""},
      {"by Jane Doe", {"Jane Doe"}, ""},
      {"BY JANE DOE", {"JANE DOE"}, ""},
      {"By: Jane Doe", {"Jane Doe"}, ""},
      {"Written by Jane Doe", {"Jane Doe"}, ""},
      {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}, ""},
      {"By Jane Doe, John Roe and Ann Smith", {"Jane Doe", "John Roe", "Ann Smith"}, ""},
      {"By Jane Doe, John Roe, and Ann Smith", {"Jane Doe", "John Roe", "Ann Smith"}, ""},
      {"Jane Doe & John Roe", {"Jane Doe", "John Roe"}, ""},
      {"Jane Doe, Reuters", {"Jane Doe"}, "Reuters"},
      {"By Jane Doe (AP)", {"Jane Doe"}, "AP"},
      {"Jane Doe, Moscow correspondent", {"Jane Doe"}, ""},
      {"By Ludwig van Beethoven", {"Ludwig van Beethoven"}, ""},
      {"Osama bin Laden", {"Osama bin Laden"}, ""},
      {"Charles de Gaulle", {"Charles de Gaulle"}, ""},
      {"Mario J. Lucero", {"Mario J. Lucero"}, ""},
      {"J.R.R. Tolkien", {"J.R.R. Tolkien"}, ""},
      {"Martin Luther King Jr.", {"Martin Luther King Jr."}, ""},
      {"Karine Jean-Pierre", {"Karine Jean-Pierre"}, ""},
      {"Conan O'Brien", {"Conan O'Brien"}, ""},
      {"Hugh McGuire", {"Hugh McGuire"}, ""},
      {"Simon Li\xC4\x8D"
       "en",
       {"Simon Li\xC4\x8D"
        "en"},
       ""},
      {"\xC3\x89lise Dupont", {"\xC3\x89lise Dupont"}, ""},
      {"Bashar al-Assad", {"Bashar al-Assad"}, ""},
  };
  for (const auto& c : cases) {
    const auto got = parse_byline(c.input);
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(got->authors, c.authors) << c.input;
    EXPECT_EQ(got->agency, c.agency) << c.input;
  }
}

TEST(IngestMetadata, NotBylines) {
  for (const char* no : {
           "",
           "The president said on Tuesday that the talks would resume.",
           "On Wednesday, two drones exploded over the Kremlin in Moscow",
           "She refused to condemn the potential assassination of Putin",
           "Two drones exploded",
           "3 May 2023",
           "Wednesday",
           "May",
           "Analysis",
           "Interview",
           "General questions",
           "Jane Doe said",
           "By the way",
           "Reports: UK to replace interviews",
           "Is this the end?",
           "Andre Damon 3",
           "https://example.org/author/jane",
           "By",
           "A",
       }) {
    EXPECT_FALSE(parse_byline(no).has_value()) << no;
  }
}

TEST(IngestMetadata, TitleLines) {
  for (const char* yes :
       {"Ukrainian attack on Kremlin is a criminal provocation",
        "Biologist Nick Bos tells Wikinews about 'self-medicating' ants", "\"Quoted\" headline",
        "2016 election results", "Cold as ice: Wikinews interviews Marymegan Daly"}) {
    EXPECT_TRUE(looks_like_title_line(yes)) << yes;
  }
  for (const char* no : {"", "This is a sentence.", "Is it a question?", "Dear reader,",
                         "3 May 2023", "- list item", "* bullet",
                         "one two three four five six seven eight nine ten eleven twelve "
                         "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
                         "twentyone twentytwo twentythree twentyfour twentyfive twentysix"}) {
    EXPECT_FALSE(looks_like_title_line(no)) << no;
  }
}

TEST(IngestMetadata, NewsDatelines) {
  struct Case {
    const char* input;
    const char* raw;
    const char* place;
    const char* agency;
    DateParts date;
  };
  const Case cases[] = {
      {"MOSCOW (Reuters) - Two drones exploded.", "MOSCOW (Reuters) -", "MOSCOW", "Reuters", {}},
      {"WASHINGTON, May 3 (AP) \xE2\x80\x94 The White House said.",
       "WASHINGTON, May 3 (AP) \xE2\x80\x94",
       "WASHINGTON",
       "AP",
       {0, 5, 3}},
      {"KYIV, Ukraine, May 3, 2023 (AFP) - Officials said.",
       "KYIV, Ukraine, May 3, 2023 (AFP) -",
       "KYIV, Ukraine",
       "AFP",
       {2023, 5, 3}},
      {"LONDON \xE2\x80\x94 Prices rose.", "LONDON \xE2\x80\x94", "LONDON", "", {}},
      {"NEW YORK -- Stocks fell.", "NEW YORK --", "NEW YORK", "", {}},
      {"Taipei, Taiwan \xE2\x80\x94 The festival opened.",
       "Taipei, Taiwan \xE2\x80\x94",
       "Taipei, Taiwan",
       "",
       {}},
      {"Evansville, Indiana, United States - This past week",
       "Evansville, Indiana, United States -",
       "Evansville, Indiana, United States",
       "",
       {}},
  };
  for (const auto& c : cases) {
    const auto got = parse_news_dateline(c.input);
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(got->raw, c.raw) << c.input;
    EXPECT_EQ(got->place, c.place) << c.input;
    EXPECT_EQ(got->agency, c.agency) << c.input;
    EXPECT_EQ(got->date, c.date) << c.input;
  }
  for (const char* no : {
           "On Wednesday, two drones exploded over the Kremlin - and more.",
           "The six - member Afghan team",
           "Meanwhile - nothing",
           "Friday, July 21, 2017",
           "Preston, Victoria, Australia On Saturday, Wikinews interviewed Tina McKenzie",
           "\"Quote\" - said someone",
           "",
       }) {
    EXPECT_FALSE(parse_news_dateline(no).has_value()) << no;
  }
}

TEST(IngestMetadata, BoilerplateParagraphs) {
  for (const char* yes :
       {"To contact the WSWS and the\nSocialist Equality Party visit:",
        "Subscribe to our newsletter", "Sign up for the morning briefing", "Share this article",
        "Follow us on Twitter", "Copyright 2023 Example Media",
        "\xC2\xA9 2023 Example Media. All rights reserved.",
        "This article is licensed under a Creative Commons Attribution 2.5 licence.", "Sources",
        "Sources:", "Related news", "Reporting by Jane Doe; Editing by John Roe"}) {
    EXPECT_TRUE(is_boilerplate_paragraph(yes)) << yes;
  }
  for (const char* no :
       {"Subscribers to the service said prices rose.", "This war must be stopped.",
        "The source of the leak is unknown.", "Following the attack, officials met."}) {
    EXPECT_FALSE(is_boilerplate_paragraph(no)) << no;
  }
}

TEST(IngestMetadata, BoilerplateTail) {
  using V = std::vector<std::string_view>;
  // Contact footer with a bare link after it.
  EXPECT_EQ(boilerplate_tail_start(V{
                "Body one.", "Body two.",
                "To contact the WSWS and the Socialist Equality Party visit:", "wsws.org/contact"}),
            2u);
  // A bare link alone is not enough.
  EXPECT_EQ(boilerplate_tail_start(V{"Body one.", "Body two.", "wsws.org/contact"}), 3u);
  // A Sources section with its citations.
  EXPECT_EQ(boilerplate_tail_start(V{"Body one.", "Body two.", "Sources",
                                     "\"Title\" \xE2\x80\x94 CBC.ca, August 15, 2008",
                                     "Categories: Canada"}),
            2u);
  // Only the tail: a cue in the middle stays.
  EXPECT_EQ(boilerplate_tail_start(V{"Body one.", "Subscribe now", "Body two."}), 3u);
  // The first paragraph is never boilerplate.
  EXPECT_EQ(boilerplate_tail_start(V{"Subscribe now"}), 1u);
  EXPECT_EQ(boilerplate_tail_start(V{}), 0u);
}

}  // namespace
}  // namespace casus::ingest
